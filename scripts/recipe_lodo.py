"""The recipe screen: each lever's options by validation AUC per dataset, their mean, and the
leave-one-dataset-out check (`results.leave_one_dataset_out`). Test scores are printed, never used.

Runs are single-task run folders (`scripts/st_jobs.sh`); each run's option is read from its params.json
as what differs from the default recipe (`train.run_params(dataset, size='small')`).
Usage: python scripts/recipe_lodo.py runs/recipe [results/recipe_screen.csv results/recipe_lodo.csv]
"""
import json, sys
from pathlib import Path
import pandas as pd
from medformer.train import run_params
from medformer.results import gather_runs, leave_one_dataset_out

LEVERS = dict(balance='balance', steps='steps', lr='lr', dropout='dropout', ema='ema', img_size='img_size', augment='augment',
              mixup='mixup')

def option(params: dict) -> tuple:
    "(lever, option) of a run: the one recipe value it changes, or ('', 'default')."
    default = run_params(params['dataset'], size=params['size'], img_size=params['img_size'])
    mine, base = dict(params, **params['model_opts']), dict(default, **default['model_opts'])
    if 'steps' not in mine: mine['steps'] = 1000  # runs made before the budget was a parameter
    diff = [k for k in LEVERS if mine.get(k, base.get(k)) != base.get(k)]
    if len(diff) > 1: raise ValueError(f"{params['dataset']}: run changes several levers {diff}")
    return (diff[0], str(mine[diff[0]])) if diff else ('', 'default')

runs = gather_runs(sys.argv[1])
runs[['lever', 'option']] = [option(json.loads((Path(r)/'params.json').read_text())) for r in runs.run]
defaults = {l: str(run_params('retinamnist', size='small').get(l, 0.)) for l in LEVERS}
defaults['dropout'] = '0.0'
rows = []
for lever in sorted(set(runs.lever) - {''}):
    both = pd.concat([runs[runs.lever == lever], runs[runs.lever == ''].assign(lever=lever, option=f'{defaults[lever]} (default)')])
    rows.append(both)
screen = pd.concat(rows)
screen['dataset'] = screen.dataset + '-' + screen.img_size.astype(str)
pd.set_option('display.width', 220)
for lever, s in screen.groupby('lever'):
    for col, what in (('val_auc', 'validation AUC'), ('val_acc', 'validation ACC'), ('test_auc', 'test AUC (reported only)')):
        t = s.pivot_table(index='option', columns='dataset', values=col, aggfunc='mean')
        t['mean'] = t.dropna(axis=1).mean(axis=1)  # over the datasets every option ran on
        print(f'\n{lever}: {what}, seed-mean'); print(t.round(3).to_string())
lodo = leave_one_dataset_out(screen.rename(columns={'val_auc': 'auc'}))
print('\nleave-one-dataset-out'); print(lodo.round(3).to_string(index=False))
if len(sys.argv) > 3:
    screen[['lever', 'option', 'dataset', 'seed', 'epochs', 'val_auc', 'val_acc', 'test_auc', 'test_acc', 'seconds']].to_csv(sys.argv[2], index=False)
    lodo.round(4).to_csv(sys.argv[3], index=False); print('written', sys.argv[2], sys.argv[3])
