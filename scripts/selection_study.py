"""Checkpoint selection on small validation splits: which rule picks the epoch that generalises best?

Every run folder below RUNS was made with `-p keep_logits True` (logits.npz: every epoch's validation and test
logits). Each rule picks an epoch from validation scores the way `EvalCB` would during training (online: only
epochs seen so far; the first of equal scores). The rules are judged on validation only, by split-half
cross-validation: the validation split is cut in two stratified halves, a rule picks its epoch on one half and is
scored on the other, both ways, over REPEATS random cuts. The test split is printed for the record, with each rule
picking on the whole validation split; it decides nothing.

Decision (fixed before the runs): the rule with the best mean over datasets of the held-out (AUC + ACC) / 2,
each dataset the mean of its seeds, checked leave-one-dataset-out.
Usage: python scripts/selection_study.py RUNS [results/selection_study.csv results/selection_lodo.csv [TABLE]]
TABLE: the runs scored with the rule `EvalCB` uses (`learner.selection_key`, here 'auc+acc'), one row per run, as
`scripts/summarise_runs.py` writes them: what the default command reports for each of these runs.
"""
import json, sys
from pathlib import Path
import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from medformer.registry import get_info
from medformer.metrics import evaluate
from medformer.results import leave_one_dataset_out
from medformer.learner import selection_key

REPEATS = 20

def nll(y, logits, task):
    "Unweighted negative log-likelihood of the labels (lower is better)."
    y, z = torch.as_tensor(y), torch.as_tensor(logits).float()
    if task in ('binary-class', 'multi-label'): return F.binary_cross_entropy_with_logits(z, y.float().view_as(z)).item()
    return F.cross_entropy(z, y[:, 0].long()).item()

def trailing(v, k=3):
    "Mean of the last k values up to each epoch (fewer at the start)."
    c = np.cumsum(np.insert(v, 0, 0.))
    return np.array([(c[i + 1] - c[max(0, i + 1 - k)]) / (i + 1 - max(0, i + 1 - k)) for i in range(len(v))])

def first_best(*columns):
    "The first epoch whose key is the largest (what EvalCB's strict '>' keeps): one column of tuples, or columns to zip."
    keys = columns[0] if len(columns) == 1 and isinstance(columns[0], list) else list(zip(*columns))
    best, pick = None, 0
    for e, k in enumerate(keys):
        if best is None or k > best: best, pick = k, e
    return pick

RULES = {
    'auc (default)': lambda s: first_best(s.auc, s.acc),
    'auc, trailing 3': lambda s: first_best(trailing(s.auc), s.auc),
    'auc+acc': lambda s: first_best([selection_key({'d': dict(auc=a, acc=c)}) for a, c in zip(s.auc, s.acc)]),  # EvalCB's own rule
    'loss': lambda s: first_best(-s.loss),
    'last epoch': lambda s: len(s) - 1,
}

def epoch_scores(logits, y, task) -> pd.DataFrame:
    "AUC, ACC and NLL of every epoch's logits."
    return pd.DataFrame([evaluate(y, l, task) | dict(loss=nll(y, l, task)) for l in logits])

def strata(y, task):
    "The class of each sample; for multi-label, its rarest positive label (-1: none), so that rare labels split evenly."
    if task != 'multi-label': return y[:, 0]
    rank = np.argsort(np.argsort(y.sum(0)))  # 0 for the rarest label
    return np.array([np.flatnonzero(r)[np.argmin(rank[np.flatnonzero(r)])] if r.any() else -1 for r in y])

def halves(y, task, rng):
    "Two stratified random halves of the sample indices."
    a, key = [], strata(y, task)
    for c in np.unique(key):
        idx = rng.permutation(np.flatnonzero(key == c))
        a += list(idx[:len(idx) // 2 + rng.integers(0, 2) * (len(idx) % 2)])
    a = np.sort(np.array(a)); b = np.setdiff1d(np.arange(len(y)), a)
    return a, b

def study(run: Path) -> list[dict]:
    p = json.loads((run/'params.json').read_text())
    task, z = get_info(p['dataset']).task, np.load(run/'logits.npz')
    (val_key,) = [k[:-len('/logits')] for k in z.files if k.startswith('val/') and k.endswith('/logits')]
    test_key = 'test/' + val_key.split('/', 1)[1]
    vl, vy, tl, ty = z[f'{val_key}/logits'], z[f'{val_key}/labels'], z[f'{test_key}/logits'], z[f'{test_key}/labels']
    rng = np.random.default_rng(p['seed'])
    cuts = [halves(vy, task, rng) for _ in range(REPEATS)]
    per_half = [(epoch_scores(vl[:, a], vy[a], task), epoch_scores(vl[:, b], vy[b], task)) for a, b in cuts]
    full, test = epoch_scores(vl, vy, task), epoch_scores(tl, ty, task)
    rows = []
    for name, rule in RULES.items():
        held = [sb.loc[rule(sa)] for sa, sb in per_half] + [sa.loc[rule(sb)] for sa, sb in per_half]
        e = rule(full)
        rows.append(dict(rule=name, dataset=f"{p['dataset']}-{p['img_size']}", seed=p['seed'], epochs=len(full),
                         seconds=json.loads((run/'metrics.json').read_text())['seconds'],
                         heldout_auc=np.mean([h.auc for h in held]), heldout_acc=np.mean([h.acc for h in held]),
                         val_epoch=e, val_auc=full.auc[e], val_acc=full.acc[e], test_auc=test.auc[e], test_acc=test.acc[e]))
    return rows

if __name__ == '__main__':
    runs = sorted(p.parent for p in Path(sys.argv[1]).rglob('logits.npz') if (p.parent/'metrics.json').exists())
    df = pd.DataFrame([r for run in runs for r in study(run)])
    df['heldout'] = (df.heldout_auc + df.heldout_acc) / 2
    pd.set_option('display.width', 220)
    for col, what in (('heldout', 'held-out validation (AUC + ACC) / 2, split-half, seed mean: DECIDES'),
                      ('heldout_auc', 'held-out validation AUC'), ('heldout_acc', 'held-out validation ACC'),
                      ('test_auc', 'test AUC (reported only)'), ('test_acc', 'test ACC (reported only)')):
        t = df.pivot_table(index='rule', columns='dataset', values=col, aggfunc='mean')
        t['mean'] = t.mean(axis=1)
        print(f'\n{what}\n{t.round(3).to_string()}')
    print('\nseeds per dataset:', df[df.rule == 'last epoch'].groupby('dataset').seed.count().to_dict())
    lodo = (leave_one_dataset_out(df.assign(lever='selection', option=df.rule), metric='heldout')
            if df.dataset.nunique() > 1 else pd.DataFrame())
    print('\nleave-one-dataset-out\n' + (lodo.round(4).to_string() if len(lodo) else '(needs two datasets)'))
    if len(sys.argv) > 3:
        df.to_csv(sys.argv[2], index=False); lodo.to_csv(sys.argv[3], index=False)
    if len(sys.argv) > 4:
        t = df[df.rule == 'auc+acc'].copy()
        t[['dataset', 'img_size']] = t.dataset.str.rsplit('-', n=1, expand=True)
        t = t.rename(columns={'val_epoch': 'best_epoch'})
        t[['dataset', 'img_size', 'seed', 'epochs', 'best_epoch', 'val_auc', 'val_acc', 'test_auc', 'test_acc', 'seconds']] \
            .sort_values(['dataset', 'img_size', 'seed']).to_csv(sys.argv[4], index=False)
