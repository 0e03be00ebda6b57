"README.md is rendered from index.ipynb (`make readme`): every cell of the notebook, prose and code, is in it verbatim."
import json
from conftest import ROOT

def test_readme_matches_index():
    readme = (ROOT/'README.md').read_text()
    cells = json.loads((ROOT/'index.ipynb').read_text())['cells']
    stale = [''.join(c['source'])[:80] for c in cells if ''.join(c['source']).strip() not in readme]
    assert not stale, f"README.md is out of date with index.ipynb (run `make readme`); cells missing: {stale}"
