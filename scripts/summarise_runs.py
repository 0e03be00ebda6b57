"""Summarise run folders: per-seed test/val AUC and ACC, the mean over seeds, beside the official benchmark.

Usage: python scripts/summarise_runs.py runs/st [results/st_small_cpu.csv]
"""
import sys
import pandas as pd
from medformer.results import gather_runs, official_benchmark

runs = gather_runs(sys.argv[1])
cols = ['dataset', 'img_size', 'seed', 'epochs', 'best_epoch', 'val_auc', 'val_acc', 'test_auc', 'test_acc', 'seconds']
runs = runs[cols].sort_values(['dataset', 'seed'])
pd.set_option('display.width', 200)
print(runs.round(3).to_string(index=False))
mean = runs.groupby(['dataset', 'img_size'])[['val_auc', 'val_acc', 'test_auc', 'test_acc', 'seconds']].agg(['mean', 'std'])
print('\nmean and std over seeds:')
print(mean.round(3).to_string())
print('\nofficial benchmark (test), best three by AUC:')
for flag in runs.dataset.unique():
    print(flag); print(official_benchmark(flag).head(3).to_string(index=False))
if len(sys.argv) > 2: runs.to_csv(sys.argv[2], index=False); print('written', sys.argv[2])
