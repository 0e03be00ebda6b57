#!/usr/bin/env bash
# The single-task table of the README: the default recipe of the small preset (no parameter but the
# dataset, the size, the image size the file ships and the seed), 3 seeds, genuine data, CPU.
# 28 px runs go two at a time with one thread each; BreastMNIST at 64 px runs alone on both threads,
# which keeps every run under 10 minutes on a 2-core machine. Finished runs are skipped (resumable).
# Usage: MEDMNIST_ROOT=/path/to/medmnist bash scripts/st_acceptance.sh [out_root]
set -euo pipefail
export MEDMNIST_ROOT="$(realpath "${MEDMNIST_ROOT:?set MEDMNIST_ROOT to the folder of the genuine MedMNIST files}")"
cd "$(dirname "$0")/.."
out=${1:-runs/st}
{
  for seed in 0 1 2; do
    for flag in retinamnist breastmnist adrenalmnist3d; do
      echo "$flag-28-s$seed 1 -p dataset $flag -p size small -p seed $seed -p data_root $MEDMNIST_ROOT"
    done
    echo "synth_vessel3d-28-s$seed 1 -p dataset synth_vessel3d -p size small -p seed $seed"  # generated on first use
  done
  for seed in 0 1 2; do echo "breastmnist-64-s$seed 2 -p dataset breastmnist -p size small -p img_size 64 -p seed $seed -p data_root $MEDMNIST_ROOT"; done
} | bash scripts/st_jobs.sh "$out"
