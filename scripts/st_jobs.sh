#!/usr/bin/env bash
# Run papermill jobs, at most two at a time, each in its own folder under OUT.
# Each line of the job file (or stdin) is: <name> <threads> [<notebook>] <papermill -p arguments ...>
# (the notebook defaults to nbs/run_st.ipynb); a line `wait` waits for the jobs before it (a dependency).
# A job whose folder holds a metrics.json is skipped, so an interrupted sweep resumes where it stopped.
# A two-thread job waits until it runs alone (a 2-core machine); JOBS=1 runs one job at a time (a sequential lane).
# Usage: MEDMNIST_ROOT=... bash scripts/st_jobs.sh OUT < jobs.txt
set -uo pipefail
export MEDMNIST_ROOT="$(realpath "${MEDMNIST_ROOT:?set MEDMNIST_ROOT to the folder of the genuine MedMNIST files}")"
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:?give the output folder}" && realpath "$1")
job() {
  local name=$1 threads=$2 nb=nbs/run_st.ipynb; shift 2
  [[ ${1:-} == *.ipynb ]] && { nb=$1; shift; }
  local dir="$out/$name"
  mkdir -p "$dir"
  local t0=$SECONDS
  OMP_NUM_THREADS=$threads .venv/bin/papermill "$nb" "$dir/report.ipynb" --cwd nbs "$@" \
    -p out_dir "$dir" -p resume True > "$dir/papermill.log" 2>&1 \
    && echo "$name ($((SECONDS - t0)) s): $(tr -d '\n ' < "$dir/metrics.json" | cut -c1-160)" \
    || echo "$name FAILED, see $dir/papermill.log"
}
while read -r name threads args; do
  [ -z "$name" ] || [[ $name == \#* ]] && continue
  [ "$name" = wait ] && { wait; continue; }
  [ -f "$out/$name/metrics.json" ] && { echo "$name: done before"; continue; }
  if [ "$threads" -ge 2 ]; then wait; else while [ "$(jobs -rp | wc -l)" -ge "${JOBS:-2}" ]; do sleep 2; done; fi
  eval "job $name $threads $args" &
  [ "$threads" -ge 2 ] && wait
done
wait
