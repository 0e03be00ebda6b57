"""`make demo`'s short reproduction, and a sweep killed mid-run then resumed (slow: a few minutes each)."""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = os.environ | dict(OMP_NUM_THREADS='1')  # the demo runs two jobs at once on a 2-core machine


def demo_cmd(out):
    return [str(Path(sys.executable).parent / 'medformer'), 'reproduce', '--demo', '--out', str(out)]  # the venv's command


def run_demo(out):
    r = subprocess.run(demo_cmd(out), cwd=ROOT, env=ENV, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return r.stdout


@pytest.fixture(scope='module')
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp('demo')
    t0 = time.time()
    log = run_demo(out)
    return out, time.time() - t0, log


@pytest.mark.slow
def test_demo_every_regime_above_chance(demo):
    out, seconds, log = demo
    assert 'sweep: 6 done, 0 failed, 0 skipped' in log, log
    assert (out / 'report.ipynb').exists() and (out / 'tables' / 'table_4.6.csv').exists()
    s = pd.read_csv(out / 'tables' / 'summary.csv')
    assert set(s.regime) == {'ST', 'MT', 'SSL-FT'} and set(s.flag) == {'synth_binary2d', 'synth_multiclass2d'}
    assert (s.auc > 0.6).all(), s  # every regime, on both datasets, clearly above a random ranking's 0.5
    t = pd.read_csv(out / 'tables' / 'table_4.3.csv').set_index('dataset')
    assert t.loc['AdrenalMNIST3D', 'note'].startswith('not available here')  # the thesis' rows, never filled
    print(f"demo: {seconds:.0f} s")


def wait_for(pred, timeout=600):
    t0 = time.time()
    while not pred():
        assert time.time() - t0 < timeout, 'timed out'
        time.sleep(0.5)


@pytest.mark.slow
def test_killed_sweep_resumes_to_the_same_report(demo, tmp_path):
    out = tmp_path / 'killed'
    p = subprocess.Popen(demo_cmd(out), cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    done = lambda: [p.parent.relative_to(out).as_posix() for p in out.glob('*/*/metrics.json')]
    # killed late, so that the rerun is short: ST, MT and SSL finished, the second fine-tuning an epoch or more in
    wait_for(lambda: (out / 'ssl/s0/metrics.json').exists() and (out / 'ft/synth_multiclass2d-s0/history.csv').exists())
    os.killpg(p.pid, signal.SIGKILL)  # the sweep and every run it started, mid-run
    p.wait()
    finished = {n: (out / n / 'metrics.json').stat().st_mtime for n in done()}
    state = json.loads((out / 'sweep.json').read_text())['jobs']
    assert 'running' in state.values(), state  # killed with jobs in flight
    log = run_demo(out)
    assert f"{len(finished)} of 6 jobs finished before: skipped" in log, log
    for n, t in finished.items(): assert (out / n / 'metrics.json').stat().st_mtime == t, f'{n} was redone'
    for name in ('summary.csv', 'table_4.4.csv', 'table_4.6.csv'):
        a, b = pd.read_csv(demo[0] / 'tables' / name), pd.read_csv(out / 'tables' / name)
        pd.testing.assert_frame_equal(a, b, check_exact=False, atol=1e-4)  # the report of an uninterrupted sweep
