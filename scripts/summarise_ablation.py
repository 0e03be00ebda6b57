"""Validation (and test) scores of ablation sweeps, one row per configuration, one column per dataset.

Usage: python scripts/summarise_ablation.py SWEEP [SWEEP ...] [--csv OUT.csv]
Each SWEEP is an `out_dir` of `nbs/ablation.ipynb` (<flag>/<nn>/ with config.json and metrics.json).
Prints validation AUC and ACC per dataset, their mean over the datasets where a configuration applies,
and the test scores (reported only; choices read validation).
"""
import argparse, json
from pathlib import Path
import pandas as pd
from medformer.results import gather_runs

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('sweeps', nargs='+')
p.add_argument('--csv', default='')
args = p.parse_args()
runs = pd.concat([gather_runs(sweep) for sweep in args.sweeps], ignore_index=True)
if runs.empty: raise SystemExit(f'no finished runs under {args.sweeps}')
configs = [json.loads((Path(r)/'config.json').read_text())['name'] for r in runs.run]
runs = runs.assign(config=configs, index=[int(Path(r).name) for r in runs.run])
order = runs.drop_duplicates('config').sort_values('index').config.tolist()
for metric in ('val_auc', 'val_acc', 'test_auc', 'test_acc'):
    t = runs.pivot_table(index='config', columns='dataset', values=metric).reindex(order)
    t['mean'] = t.mean(axis=1)
    print(f'\n{metric} (epochs: {runs.groupby("dataset").epochs.first().to_dict()})')
    cols = list(t.columns)
    print('| config | ' + ' | '.join(cols) + ' |\n|---|' + '---|' * len(cols))
    for name, r in t.iterrows(): print(f'| {name} | ' + ' | '.join('' if pd.isna(v) else f'{v:.3f}' for v in r) + ' |')
if args.csv: runs[['config', 'index', 'dataset', 'epochs', 'val_auc', 'val_acc', 'test_auc', 'test_acc', 'seconds']].to_csv(args.csv, index=False); print('written', args.csv)
