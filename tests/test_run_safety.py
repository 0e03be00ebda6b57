"""A run folder is exactly what its files say: one run at a time, strict JSON, clear errors on a full disk
or a diverging run, and papermill's string booleans read as meant (issue 8)."""
import json, os, subprocess, sys, time
from pathlib import Path
import pytest, torch
from medformer.learner import load_checkpoint
from medformer.train import fit_single_task

ROOT = Path(__file__).resolve().parents[1]
RUN = """
import sys, torch
torch.set_num_threads(1)
from medformer.train import fit_single_task
fit_single_task('synth_binary2d', epochs=int(sys.argv[2]), seed=int(sys.argv[3]), out_dir=sys.argv[1], progress=False, device='cpu')
"""

def test_second_run_in_the_same_folder_stops(tmp_path):
    "While one run works in out_dir, another stops at once; the first one's files stay consistent."
    first = subprocess.Popen([sys.executable, '-c', RUN, str(tmp_path), '6', '1'])
    deadline = time.time() + 120
    while not (tmp_path/'params.json').exists() and time.time() < deadline and first.poll() is None: time.sleep(0.05)
    assert first.poll() is None, 'the first run ended before the second could start: make it longer'
    with pytest.raises(RuntimeError, match=f'is in use by another run \\(pid {first.pid}\\)'):
        fit_single_task('synth_binary2d', epochs=1, seed=2, out_dir=str(tmp_path), progress=False, overwrite=True)
    assert first.wait(timeout=300) == 0
    params, metrics = (json.loads((tmp_path/f).read_text()) for f in ('params.json', 'metrics.json'))
    assert params['seed'] == metrics['seed'] == 1

def test_nan_weights_never_reach_a_checkpoint(tmp_path):
    "The issue's case: lr 5e3 diverges within a few steps; every checkpoint left on disk holds finite weights."
    with pytest.raises(FloatingPointError, match='NaN or infinite'):
        fit_single_task('synth_binary2d', epochs=3, lr=5e3, checkpoint_every=5, out_dir=str(tmp_path), progress=False)
    for name in ('last.pt', 'best.pt'):
        if (tmp_path/name).exists():
            ck = load_checkpoint(tmp_path/name)
            assert all(torch.isfinite(v).all() for v in ck['model'].values() if torch.is_tensor(v) and v.is_floating_point())
    assert not (tmp_path/'metrics.json').exists()

FULL = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG, like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
from medformer.train import fit_single_task
fit_single_task('synth_binary2d', epochs=1, out_dir=sys.argv[1], progress=False, device='cpu')
"""

def test_a_failed_write_names_the_file_and_leaves_no_temporary(tmp_path):
    "A checkpoint that cannot be written (here a file-size limit) is named, and no *.tmp is left behind."
    env = dict(os.environ, MEDFORMER_CACHE=os.environ.get('MEDFORMER_CACHE', str(tmp_path/'cache')))
    subprocess.run([sys.executable, '-c', RUN, str(tmp_path/'warm'), '1', '0'], check=True, env=env)  # data generated
    r = subprocess.run([sys.executable, '-c', FULL, str(tmp_path/'run')], capture_output=True, text=True, env=env)
    assert r.returncode != 0
    assert f"could not write {tmp_path/'run'/'best.pt'}: File too large" in r.stderr, r.stderr[-2000:]
    assert 'MiB free on its disk' in r.stderr
    assert not list((tmp_path/'run').glob('*.tmp')) and not list((tmp_path/'run').glob('.*.tmp'))

def papermill(out, *args):
    cmd = [sys.executable, '-m', 'papermill', str(ROOT/'nbs'/'run_st.ipynb'), str(out/'report.ipynb'), '--cwd', str(ROOT/'nbs'),
           '-p', 'epochs', '1', '-p', 'out_dir', str(out), *args]
    return subprocess.run(cmd, capture_output=True, text=True)

def test_papermill_resume_false_means_false(tmp_path):
    "`-p resume false` is False: on a finished run it is refused, not resumed; `-p resume no` too; `maybe` is an error."
    assert papermill(tmp_path).returncode == 0
    for word in ('false', 'no'):
        r = papermill(tmp_path, '-p', 'resume', word)
        assert r.returncode != 0 and 'already holds a finished run' in r.stdout + r.stderr
    r = papermill(tmp_path, '-p', 'resume', 'maybe')
    assert r.returncode != 0 and "resume must be true or false (true/false/yes/no/1/0), got 'maybe'" in r.stdout + r.stderr
    r = papermill(tmp_path, '-p', 'resume', 'yes')
    assert r.returncode == 0, r.stderr[-2000:]

def test_one_class_validation_gives_strict_json(tmp_path):
    "A validation split of one class: AUC undefined -> null with a warning, best epoch chosen by ACC (not -1)."
    import numpy as np
    from medformer.registry import DatasetInfo, register_dataset
    from medformer.files import save_npz
    rng = np.random.default_rng(0)
    n = dict(train=96, val=20, test=40)
    arrays = {}
    for s, k in n.items():
        y = rng.integers(0, 2, (k, 1)) if s != 'val' else np.zeros((k, 1), np.int64)
        x = rng.integers(0, 60, (k, 28, 28)) + 150 * y[:, :, None]  # class 1 is brighter
        arrays[f'{s}_images'], arrays[f'{s}_labels'] = x.astype(np.uint8), y.astype(np.uint8)
    save_npz(tmp_path/'oneclassval.npz', arrays)
    register_dataset(DatasetInfo('oneclassval', 'binary-class', 1, {'0': 'dark', '1': 'bright'}, n, 2, (28,),
                                 'synthetic', 'phantom'), overwrite=True)
    with pytest.warns(UserWarning) as w:
        m = fit_single_task('oneclassval', epochs=2, data_root=str(tmp_path), out_dir=str(tmp_path/'run'), progress=False)
    assert any('validation AUC is undefined' in str(x.message) for x in w)
    text = (tmp_path/'run'/'metrics.json').read_text()
    assert 'NaN' not in text
    saved = json.loads(text)
    assert saved['val']['auc'] is None and saved['best_epoch'] >= 0 and saved['test']['auc'] > 0.9
