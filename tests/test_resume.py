"A run killed with SIGKILL mid-epoch and resumed ends exactly like a run that was never stopped (CPU)."
import json, os, signal, subprocess, sys, time
import pytest
from pathlib import Path
import pandas as pd
import torch
from medformer.learner import load_checkpoint

RUN = """
import sys, torch
torch.set_num_threads(1)
from medformer.train import fit_single_task
fit_single_task('synth_multiclass2d', epochs=4, seed=3, out_dir=sys.argv[1], resume=sys.argv[2] == '1',
                checkpoint_every=4, progress=False, device='cpu')
"""

def run(out, resume=False, wait=True):
    cmd = [sys.executable, '-c', RUN, str(out), '1' if resume else '0']
    return subprocess.run(cmd, check=True, timeout=600) if wait else subprocess.Popen(cmd)

def test_sigkill_then_resume_matches_uninterrupted(tmp_path):
    full, cut = tmp_path/'full', tmp_path/'cut'
    run(full)
    proc = run(cut, wait=False)
    # kill as soon as a mid-epoch checkpoint of the second epoch exists
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if (cut/'last.pt').exists():
            try: ck = load_checkpoint(cut/'last.pt')
            except Exception: ck = None  # being replaced right now
            if ck and ck['epoch'] >= 1 and ck['iter'] > 0: break
        time.sleep(0.05)
    assert proc.poll() is None, 'the run finished before it could be killed: make it longer'
    os.kill(proc.pid, signal.SIGKILL); proc.wait()
    assert not (cut/'metrics.json').exists()
    killed_at = load_checkpoint(cut/'last.pt')['cbs']['ClockCB']['seconds']
    run(cut, resume=True)
    a, b = (json.loads((d/'metrics.json').read_text()) for d in (full, cut))
    assert b['seconds'] >= killed_at > 0  # the time before the kill is counted too
    a.pop('seconds'); b.pop('seconds')
    assert a == b
    pd.testing.assert_frame_equal(pd.read_csv(full/'history.csv'), pd.read_csv(cut/'history.csv'))
    wa, wb = (load_checkpoint(d/'best.pt')['model'] for d in (full, cut))
    assert all(torch.equal(wa[k], wb[k]) for k in wa if torch.is_tensor(wa[k]))

# the same for the other regimes: SSL (VICReg + slice position), MT (2D and 3D interleaved), FT (from an SSL checkpoint)
REGIMES = dict(
    ssl="""from medformer.ssl import fit_ssl
fit_ssl('synth_binary2d,synth_binary3d', objectives='vicreg,slice:0.5', epochs=3, seed=3, **kw)""",
    mt="""from medformer.multitask import fit_multi_task
fit_multi_task('synth_binary2d,synth_multiclass3d', epochs=3, seed=3, sampling='temperature', **kw)""",
    ft="""from medformer.train import fit_single_task
fit_single_task('synth_binary2d', epochs=3, seed=3, checkpoint=sys.argv[3], freeze='backbone', label_fraction=0.5, **kw)""",
)
HEAD = """import sys, torch
torch.set_num_threads(1)
kw = dict(out_dir=sys.argv[1], resume=sys.argv[2] == '1', checkpoint_every=3, progress=False, device='cpu')
"""
PRE = """import sys; from medformer.ssl import fit_ssl
fit_ssl('synth_binary3d', epochs=1, out_dir=sys.argv[1], progress=False, device='cpu')"""

def run_regime(regime, out, resume=False, wait=True, extra=()):
    cmd = [sys.executable, '-c', HEAD + REGIMES[regime], str(out), '1' if resume else '0', *map(str, extra)]
    return subprocess.run(cmd, check=True, timeout=600) if wait else subprocess.Popen(cmd)

@pytest.mark.slow
@pytest.mark.parametrize('regime', list(REGIMES))
def test_regime_sigkill_then_resume_matches_uninterrupted(regime, tmp_path):
    extra = ()
    if regime == 'ft':
        subprocess.run([sys.executable, '-c', PRE, str(tmp_path/'pre')], check=True, timeout=600)
        extra = (tmp_path/'pre',)
    full, cut = tmp_path/'full', tmp_path/'cut'
    run_regime(regime, full, extra=extra)
    proc = run_regime(regime, cut, wait=False, extra=extra)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        if (cut/'last.pt').exists():
            try: ck = load_checkpoint(cut/'last.pt')
            except Exception: ck = None
            if ck and ck['epoch'] >= 1 and ck['iter'] > 0: break
        time.sleep(0.05)
    assert proc.poll() is None, 'the run finished before it could be killed: make it longer'
    os.kill(proc.pid, signal.SIGKILL); proc.wait()
    assert not (cut/'metrics.json').exists()
    run_regime(regime, cut, resume=True, extra=extra)
    a, b = (json.loads((d/'metrics.json').read_text()) for d in (full, cut))
    a.pop('seconds'); b.pop('seconds')
    assert a == b
    pd.testing.assert_frame_equal(pd.read_csv(full/'history.csv'), pd.read_csv(cut/'history.csv'))
    weights = 'model.pt' if regime == 'ssl' else 'best.pt'
    wa, wb = (load_checkpoint(d/weights)['model'] for d in (full, cut))
    assert wa.keys() == wb.keys() and all(torch.equal(wa[k], wb[k]) for k in wa if torch.is_tensor(wa[k]))
