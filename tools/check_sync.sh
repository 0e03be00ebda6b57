#!/usr/bin/env bash
# Fails when nbdev_clean or nbdev_export changes anything: notebooks and package must agree.
set -euo pipefail
bin=${1:-.venv/bin}
state() { git status --porcelain --untracked-files=all -- nbs medformer; git diff -- nbs medformer; }
before=$(state)
"$bin/nbdev_clean"
"$bin/nbdev_export"
after=$(state)
if [ "$before" != "$after" ]; then
  echo "nbdev_clean/nbdev_export changed files: run them and commit the result" >&2
  diff <(echo "$before") <(echo "$after") | head -40 >&2
  exit 1
fi
echo "notebooks and package agree"
