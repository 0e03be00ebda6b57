"""Validation (and test) scores of ablation sweeps, one row per configuration, one column per dataset.

Usage: python scripts/summarise_ablation.py SWEEP [SWEEP ...] [--csv OUT.csv]
Each SWEEP is an `out_dir` of `nbs/ablation.ipynb` (<flag>/<nn>/ with config.json and metrics.json).
Prints validation AUC and ACC per dataset, their mean over the datasets where a configuration applies,
and the test scores (reported only; choices read validation).
"""
import argparse, json
from pathlib import Path
import pandas as pd

p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
p.add_argument('sweeps', nargs='+')
p.add_argument('--csv', default='')
args = p.parse_args()
rows = []
for sweep in args.sweeps:
    for m in sorted(Path(sweep).glob('*/*/metrics.json')):
        cfg, met = json.loads((m.parent/'config.json').read_text()), json.loads(m.read_text())
        rows.append(dict(config=cfg['name'], index=int(m.parent.name), dataset=met['dataset'], epochs=met['epochs'],
                         val_auc=met['val']['auc'], val_acc=met['val']['acc'],
                         test_auc=met['test']['auc'], test_acc=met['test']['acc'], seconds=met['seconds']))
if not rows: raise SystemExit(f'no finished runs under {args.sweeps}')
runs = pd.DataFrame(rows)
order = runs.drop_duplicates('config').sort_values('index').config.tolist()
for metric in ('val_auc', 'val_acc', 'test_auc', 'test_acc'):
    t = runs.pivot_table(index='config', columns='dataset', values=metric).reindex(order)
    t['mean'] = t.mean(axis=1)
    print(f'\n{metric} (epochs: {runs.groupby("dataset").epochs.first().to_dict()})')
    cols = list(t.columns)
    print('| config | ' + ' | '.join(cols) + ' |\n|---|' + '---|' * len(cols))
    for name, r in t.iterrows(): print(f'| {name} | ' + ' | '.join('' if pd.isna(v) else f'{v:.3f}' for v in r) + ' |')
if args.csv: runs.to_csv(args.csv, index=False); print('written', args.csv)
