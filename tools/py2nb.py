"""Author a notebook as a percent-format script: `python tools/py2nb.py SRC.py nbs/NAME.ipynb`.

The notebook is the source of truth; this is only a convenience for writing many cells at once.
To edit an existing notebook as text: `jupytext --to py:percent nbs/NAME.ipynb -o /tmp/NAME.py`,
edit, then run this script. It keeps a standard python3 kernelspec (papermill needs one).
"""
import sys, jupytext, nbformat

src, dst = sys.argv[1], sys.argv[2]
nb = jupytext.read(src, fmt='py:percent')
nb.metadata = {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}}
for cell in nb.cells:
    tags = cell.metadata.get('tags')
    cell.metadata = {'tags': tags} if tags else {}
nbformat.write(nb, dst)
