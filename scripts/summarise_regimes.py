"""The regimes side by side (issue 10): single-task (ST), multi-task (MT), SSL then fine-tuning (FT), label efficiency
and frozen-feature probes, from the run folders of one sweep (`scripts/st_jobs.sh` with the lane files named in
results/README.md). Run names: st-<data>[-f<fraction>]-s<seed>, ft-..., mt-s<seed>, ssl-s<seed>, probe-ssl-s<seed>.

Usage: python scripts/summarise_regimes.py runs/acc results/regimes_small_cpu.csv [results/label_efficiency.png]
"""
import json, re, sys
from pathlib import Path
import pandas as pd

root = Path(sys.argv[1])
rows = []
for p in sorted(root.glob('*/metrics.json')):
    m, name = json.loads(p.read_text()), p.parent.name
    regime = name.split('-')[0]
    if regime in ('st', 'ft'):
        frac = float(re.search(r'-f([0-9.]+)-s', name).group(1)) if '-f' in name else 1.0
        rows.append(dict(regime=regime, dataset=f"{m['dataset']}-{m['img_size']}", seed=m['seed'], label_fraction=frac,
                         n_train=m['n_train'], val_auc=m['val']['auc'], test_auc=m['test']['auc'], test_acc=m['test']['acc'],
                         steps=m['steps'], steps_to_st_best=m.get('steps_to_baseline'),
                         st_steps_to_best=(m.get('baseline') or {}).get('steps'), seconds=m['seconds']))
    elif regime == 'mt':
        sizes = json.loads((p.parent/'params.json').read_text())['img_sizes']
        for f, t in m['tasks'].items():
            rows.append(dict(regime='mt', dataset=f'{f}-{sizes[f]}', seed=m['seed'], label_fraction=1.0,
                             val_auc=t['val']['auc'], test_auc=t['test']['auc'], test_acc=t['test']['acc'],
                             test_auc_own_best=t['test_own_best']['auc'], steps=m['steps_per_task'][f],
                             seconds=m['seconds']))
    elif regime == 'probe':
        sizes = json.loads((p.parent/'params.json').read_text())['img_sizes']
        for f, models in m['probes'].items():
            for model, probes in models.items():
                for probe, r in probes.items():
                    rows.append(dict(regime=f'probe-{probe}-{model}', dataset=f'{f}-{sizes[f]}', seed=m['seed'],
                                     label_fraction=1.0, val_auc=r['val']['auc'], test_auc=r['test']['auc'],
                                     test_acc=r['test']['acc']))
runs = pd.DataFrame(rows)
pd.set_option('display.width', 220)
full = runs[runs.label_fraction == 1]
print('test AUC (ACC), full labels, mean over seeds:')
print(full.pivot_table(index='regime', columns='dataset', values='test_auc').round(3).to_string())
print(full.pivot_table(index='regime', columns='dataset', values='test_acc').round(3).to_string())
st = full[full.regime == 'st'].groupby('dataset').test_auc.mean()
for r in ('mt', 'ft'):
    d = full[full.regime == r].groupby('dataset').test_auc.mean() - st
    print(f'{r} - st test AUC:', d.round(3).to_dict())
ft = runs[runs.regime == 'ft']
print('\nFT steps to the ST best validation AUC (None: not reached) beside ST\'s own:')
print(ft[['dataset', 'label_fraction', 'seed', 'steps_to_st_best', 'st_steps_to_best', 'steps']].to_string(index=False))
le = runs[runs.regime.isin(['st', 'ft'])]
print('\nlabel efficiency, test AUC:')
print(le.pivot_table(index=['dataset', 'label_fraction'], columns='regime', values='test_auc').round(3).to_string())
if len(sys.argv) > 2: runs.to_csv(sys.argv[2], index=False); print('written', sys.argv[2])
if len(sys.argv) > 3:
    import seaborn as sns
    g = sns.relplot(data=le.assign(regime=le.regime.map({'st': 'from scratch', 'ft': 'SSL then FT'})), x='label_fraction',
                    y='test_auc', hue='regime', col='dataset', kind='line', marker='o', height=2.8, facet_kws=dict(sharey=False))
    g.set(xscale='log'); g.savefig(sys.argv[3], dpi=100, bbox_inches='tight'); print('written', sys.argv[3])
