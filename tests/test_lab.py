"""`make lab` works: JupyterLab serves the project, renders index.ipynb and runs a walkthrough's widget.

Drives JupyterLab in headless Chromium with Playwright (the `playwright` package from the dev extras) and
Debian's Chromium (`apt-get install chromium`; Playwright's own browser download is not reachable in CI)."""
import io, json, os, re, secrets, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import pytest
from conftest import ROOT

CHROMIUM = '/usr/bin/chromium'
# the closed network: no background fetches (component updates, sync, QUIC probes)
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync']
WALKTHROUGH = 'nbs/walk_first_run.ipynb'
START_S, RENDER_MS, WIDGET_MS = 120, 120_000, 240_000

# JupyterLab's settings for the test's throwaway user-settings folder: never write to the repo's notebooks
# (no autosave), keep every cell in the page (no windowing), and no news/update prompts over the screenshot
LAB_SETTINGS = {
    '@jupyterlab/docmanager-extension/plugin': {'autosave': False},
    '@jupyterlab/notebook-extension/tracker': {'windowingMode': 'none'},
    '@jupyterlab/apputils-extension/notification': {'fetchNews': 'false', 'checkForUpdates': False},
}

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def _require_browser():
    "Fail (never skip) when the browser tooling is missing, saying how to install it."
    try: import playwright.sync_api  # noqa: F401
    except ImportError: pytest.fail('the `playwright` Python package is missing: it is in the dev extras '
                                    '(`make install`, or `.venv/bin/python -m pip install -c constraints.txt playwright`)')
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f'Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium` (.ci/run does)')

@pytest.fixture
def lab(tmp_path):
    "A JupyterLab server on the repo, on a free localhost port with a token; killed (with its kernels) at the end."
    _require_browser()
    home = tmp_path/'jupyter'
    for key, val in LAB_SETTINGS.items():
        f = home/'user-settings'/f'{key}.jupyterlab-settings'
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(val))
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, '-m', 'jupyter', 'lab', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
           '--ServerApp.port_retries=0', f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={ROOT}',
           f'--LabApp.user_settings_dir={home/"user-settings"}', f'--LabApp.workspaces_dir={home/"workspaces"}',
           # opening a notebook checkpoints it: in the tmp folder, not .ipynb_checkpoints/ in the repo
           f'--FileCheckpoints.checkpoint_dir={home/"checkpoints"}']
    if os.getuid() == 0: cmd.append('--allow-root')
    # its own config and runtime folders: nothing from ~/.jupyter, nothing left behind
    env = {**os.environ, 'JUPYTER_CONFIG_DIR': str(home/'config'), 'JUPYTER_RUNTIME_DIR': str(home/'runtime'),
           'OMP_NUM_THREADS': os.environ.get('OMP_NUM_THREADS', '1')}
    log = open(tmp_path/'lab.log', 'w+')
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f'http://127.0.0.1:{port}'
        deadline = time.monotonic() + START_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f'jupyter lab exited with {proc.returncode}:\n{(tmp_path/"lab.log").read_text()[-3000:]}')
            try:
                with urllib.request.urlopen(f'{base}/api/status?token={token}', timeout=5) as r:
                    if r.status == 200: break
            except OSError: pass
            if time.monotonic() > deadline:
                pytest.fail(f'jupyter lab did not answer in {START_S}s:\n{(tmp_path/"lab.log").read_text()[-3000:]}')
            time.sleep(0.5)
        yield dict(base=base, token=token, log=tmp_path/'lab.log')
    finally:
        # the server and the kernels it started are one process group of their own
        try: os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError: pass
        try: proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        try: os.killpg(proc.pid, signal.SIGKILL)  # kernels that outlived the server
        except ProcessLookupError: pass
        log.close()

def _assert_png(path: Path, page):
    "A real screenshot: a PNG the size of the page, with many colours (not a blank or single-colour frame)."
    from PIL import Image
    data = path.read_bytes()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', f'{path} is not a PNG'
    assert len(data) > 20_000, f'{path} is only {len(data)} bytes'
    img = Image.open(io.BytesIO(data)).convert('RGB')
    vp = page.viewport_size
    assert img.size == (vp['width'], vp['height']), (img.size, vp)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 64, f'{path} has only {len(colours)} colours'

def _widget_cell(nb: dict) -> int:
    "Index of the walkthrough's widget cell: the first code cell that calls the dataset browser."
    code = [(i, ''.join(c['source'])) for i, c in enumerate(nb['cells']) if c['cell_type'] == 'code']
    calls = [i for i, src in code if 'browser(' in src] or [i for i, src in code if 'browser' in src]
    assert calls, f'{WALKTHROUGH} has no code cell using the dataset browser'
    return calls[0]

def _errors(panel) -> str:
    "Tracebacks and stderr shown in a notebook panel, for a failure message."
    sel = ('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
           '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    return '\n'.join(t[-1500:] for t in panel.locator(sel).all_inner_texts())

@pytest.mark.slow
def test_lab_renders_index_and_runs_widget(lab, tmp_path):
    from playwright.sync_api import sync_playwright, expect, Error as PWError
    nb_path = ROOT/WALKTHROUGH
    assert nb_path.exists(), f'{WALKTHROUGH} (the walkthrough with the dataset browser) is missing'
    cell = _widget_cell(json.loads(nb_path.read_text()))
    with sync_playwright() as p:
        try: browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PWError as e: pytest.fail(f'Playwright could not start {CHROMIUM}: {e}')
        try:
            page = browser.new_page(viewport={'width': 1400, 'height': 900})
            # index.ipynb renders: its first heading, in the notebook panel
            page.goto(f"{lab['base']}/lab/tree/index.ipynb?token={lab['token']}")
            heading = page.locator('.jp-NotebookPanel .jp-RenderedMarkdown h1', has_text='medformer').first
            expect(heading).to_be_visible(timeout=RENDER_MS)
            idle = page.locator('.jp-StatusBar-Item').filter(has_text=re.compile(r'^(?!No Kernel).* \| Idle$'))
            expect(idle).to_be_visible(timeout=RENDER_MS)  # its kernel up: leaving the page then cuts no connection
            shot = tmp_path/'lab_index.png'
            page.screenshot(path=shot)
            _assert_png(shot, page)

            # the walkthrough: run it from the top through its widget cell, as a reader would (Shift+Enter)
            page.goto(f"{lab['base']}/lab/tree/{WALKTHROUGH}?reset")
            panel = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)').first
            cells = panel.locator('.jp-Notebook .jp-Cell')
            expect(cells.nth(cell)).to_be_attached(timeout=RENDER_MS)
            # its kernel started and idle (keys pressed before that run nothing)
            expect(idle).to_be_visible(timeout=RENDER_MS)
            cells.nth(0).locator('.jp-InputArea-prompt').click()
            page.keyboard.press('Escape')
            for _ in range(cell + 1): page.keyboard.press('Shift+Enter')
            widget = cells.nth(cell).locator('.jp-OutputArea-output .jupyter-widgets').first
            try: expect(widget).to_be_visible(timeout=WIDGET_MS)
            except AssertionError as e:
                raise AssertionError(f'no widget in the output of {WALKTHROUGH} cell {cell}; errors shown:\n'
                                     f'{_errors(panel)}') from e
            expect(panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')).to_be_attached(timeout=WIDGET_MS)
            # and the browser drew its first montage inside the widget
            expect(widget.locator('img').first).to_be_visible(timeout=WIDGET_MS)
            widget.scroll_into_view_if_needed()
            shot = tmp_path/'lab_widget.png'
            page.screenshot(path=shot)
            _assert_png(shot, page)
        finally: browser.close()
