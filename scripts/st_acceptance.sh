#!/usr/bin/env bash
# The single-task acceptance runs: small preset, genuine data, 3 seeds, CPU, one papermill run each
# (runs/st/<flag>-<size>-s<seed>/report.ipynb).
# RetinaMNIST and BreastMNIST run two at a time with one thread each; AdrenalMNIST3D (3D, the costliest)
# runs alone with both threads, which keeps each run under 10 minutes on a 2-core machine.
# Usage: MEDMNIST_ROOT=/path/to/medmnist bash scripts/st_acceptance.sh [out_root] [flag ...]
# Runs that already have a metrics.json are skipped, so the sweep resumes after an interruption.
set -uo pipefail
export MEDMNIST_ROOT="$(realpath "${MEDMNIST_ROOT:?set MEDMNIST_ROOT to the folder of the genuine MedMNIST files}")"  # papermill runs in nbs/
cd "$(dirname "$0")/.."
out=${1:-runs/st}
shift || true
only=" ${*:-retinamnist breastmnist adrenalmnist3d} "
# dataset, MedMNIST size, epochs, threads
run() {
  local flag=$1 img=$2 epochs=$3 threads=$4 seed=$5 dir="$out/$1-$2-s$5"
  [ -f "$dir/metrics.json" ] && return 0
  mkdir -p "$dir"
  OMP_NUM_THREADS=$threads .venv/bin/papermill nbs/run_st.ipynb "$dir/report.ipynb" --cwd nbs -p dataset "$flag" \
    -p size small -p img_size "$img" -p epochs "$epochs" -p batch_size 32 -p seed "$seed" -p device cpu \
    -p out_dir "$(realpath "$dir")" -p resume True > "$dir/papermill.log" 2>&1 \
    && echo "$flag seed $seed: $(tr -d '\n ' < "$dir/metrics.json" | cut -c1-200)"
}
for seed in 0 1 2; do
  for job in "retinamnist 28 30 1" "breastmnist 64 40 1" "breastmnist 28 40 1"; do
    [[ $only == *" ${job%% *} "* ]] || continue
    run $job $seed &
    while [ "$(jobs -rp | wc -l)" -ge 2 ]; do sleep 2; done
  done
done
wait
if [[ $only == *" adrenalmnist3d "* ]]; then
  for seed in 0 1 2; do run adrenalmnist3d 28 25 2 $seed; done
fi
