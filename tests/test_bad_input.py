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

# the regimes: multi-task, self-supervised, fine-tuning, probes
from medformer.multitask import fit_multi_task
from medformer.ssl import fit_ssl
from medformer.probe import fit_probe

@pytest.mark.parametrize('fit', [fit_multi_task, fit_ssl])
@pytest.mark.parametrize('datasets, msg', [
    ('', 'datasets is empty'),
    (' , ', 'datasets is empty'),
    ([], 'datasets is empty'),
    ('synth_binary3d:224', 'not a size synth_binary3d ships in'),
    ('synth_binary2d,synth_binary2d:64', 'named twice'),
    ('synth_binary2d,nomnist', 'Valid flags'),
])
def test_bad_datasets(fit, datasets, msg, tmp_path):
    with pytest.raises(ValueError, match=msg): fit(datasets, out_dir=str(tmp_path), progress=False)

@pytest.mark.parametrize('kw, msg', [
    (dict(objectives='vicreg,jigsaw'), "unknown objective 'jigsaw'"),
    (dict(objectives=''), 'objectives is empty'),
    (dict(objectives='vicreg:-1'), 'weight'),
])
def test_bad_objectives(kw, msg, tmp_path):
    with pytest.raises(ValueError, match=msg): fit_ssl('synth_binary2d', **kw, out_dir=str(tmp_path), progress=False)

@pytest.mark.parametrize('kw, msg', [
    (dict(label_fraction=0), r'label_fraction must be in \(0, 1\]'),
    (dict(label_fraction=1.5), r'label_fraction must be in \(0, 1\]'),
    (dict(freeze='head'), "unknown freeze 'head'"),
    (dict(freeze='backbone'), "freeze='backbone' needs a checkpoint"),
    (dict(checkpoint='/no/such/run'), 'does not exist'),
])
def test_bad_finetune_arguments(kw, msg, tmp_path):
    with pytest.raises(ValueError, match=msg): fit_single_task('synth_binary2d', **kw, out_dir=str(tmp_path), progress=False)

def test_mt_label_fraction_checked(tmp_path):
    with pytest.raises(ValueError, match=r'label_fraction must be in \(0, 1\]'):
        fit_multi_task('synth_binary2d,synth_binary3d', label_fraction=0, out_dir=str(tmp_path), progress=False)

@pytest.fixture(scope='module')
def ssl_3d(tmp_path_factory):
    "A tiny VICReg checkpoint that knows synth_binary3d only."
    out = tmp_path_factory.mktemp('ssl3d')
    fit_ssl('synth_binary3d', epochs=1, out_dir=str(out), progress=False)
    return out

def test_checkpoint_of_another_shape(ssl_3d, tmp_path):
    with pytest.raises(ValueError, match="another (shape|architecture)"):
        fit_single_task('synth_binary3d', size='small', epochs=1, checkpoint=str(ssl_3d), out_dir=str(tmp_path), progress=False)

def test_unknown_dataset_gets_new_latents(ssl_3d, tmp_path):
    m = fit_single_task('synth_binary2d', epochs=1, checkpoint=str(ssl_3d), freeze='backbone', out_dir=str(tmp_path), progress=False)
    assert 'bank.families.task.synth_binary2d' in m['new'] and any('heads.synth_binary2d' in k for k in m['new']), m['new']
    assert not any('synth_binary3d' in k for k in m['new'])

def test_probe_bad_task(ssl_3d, tmp_path):
    with pytest.raises(ValueError, match="unknown task latent 'rotation'"):
        fit_probe(str(ssl_3d), 'synth_binary3d', task='rotation', out_dir=str(tmp_path))
