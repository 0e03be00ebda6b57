#!/usr/bin/env bash
# The single-task acceptance runs of issue 3: small preset, genuine data, 3 seeds, CPU, one papermill run
# each (runs/st/<flag>-s<seed>/report.ipynb), one thread each, two runs at a time (2 cores).
# Usage: MEDMNIST_ROOT=/path/to/medmnist bash scripts/st_acceptance.sh [out_root]
# Runs that already have a metrics.json are skipped, so the sweep resumes after an interruption.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/st}
# dataset, MedMNIST size, epochs (chosen so a run stays under 10 minutes on this machine)
run() {
  local flag=$1 img=$2 epochs=$3 seed=$4 dir="$out/$1-s$4"
  [ -f "$dir/metrics.json" ] && return 0
  mkdir -p "$dir"
  .venv/bin/papermill nbs/run_st.ipynb "$dir/report.ipynb" --cwd nbs -p dataset "$flag" -p size small \
    -p img_size "$img" -p epochs "$epochs" -p batch_size 32 -p seed "$seed" -p device cpu \
    -p out_dir "$(realpath "$dir")" -p resume True > "$dir/papermill.log" 2>&1 \
    && echo "$flag seed $seed: $(cat "$dir/metrics.json" | tr -d '\n ' | cut -c1-200)"
}
export OMP_NUM_THREADS=1
for seed in 0 1 2; do
  for job in "retinamnist 28 30" "breastmnist 64 40" "adrenalmnist3d 28 25"; do
    run $job $seed &
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do sleep 2; done
  done
done
wait
