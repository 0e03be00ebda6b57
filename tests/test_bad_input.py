"Bad input fails early with an error that names the problem and the fix."
import pytest, torch
from medformer.train import fit_single_task
from medformer.model import Medformer

@pytest.mark.parametrize('kw, msg', [
    (dict(dataset='nomnist'), 'Valid flags'),
    (dict(dataset='retinamnist', size='medium'), 'choose one of tiny, small, large'),
    (dict(dataset='retinamnist', img_size=30), 'img_size 30'),
])
def test_bad_run_arguments(kw, msg, tmp_path):
    with pytest.raises(ValueError, match=msg): fit_single_task(**kw, out_dir=str(tmp_path), progress=False)

def test_patch_size_must_divide_image():
    m = Medformer('tiny', ['synth_binary2d'])
    with pytest.raises(ValueError, match='patch_size 4 must divide image size 30'):
        m(torch.rand(2, 1, 30, 30), 'synth_binary2d')

def test_resume_from_another_architecture(tmp_path):
    fit_single_task('synth_binary2d', epochs=1, out_dir=str(tmp_path), progress=False)
    with pytest.raises(ValueError, match="model_opts: {} in the run, {'stem': False} now"):
        fit_single_task('synth_binary2d', epochs=1, out_dir=str(tmp_path), resume=True, progress=False,
                        model_opts=dict(stem=False))

def test_resume_with_other_epochs(tmp_path):
    fit_single_task('synth_binary2d', epochs=1, out_dir=str(tmp_path), progress=False)
    with pytest.raises(ValueError, match='epochs: 1 in the run, 2 now'):
        fit_single_task('synth_binary2d', epochs=2, out_dir=str(tmp_path), resume=True, progress=False)
