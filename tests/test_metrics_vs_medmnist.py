"""Randomised comparison of `medformer.metrics` with medmnist's official `getACC` / `getAUC`.

Every task type, many seeds, sample counts from 2 to 1000, 2 to 14 classes or labels, and score
variants that stress the corners: softmax/sigmoid of logits, coarsely quantised scores (many ties),
constant scores, perfect scores, skewed labels (absent classes give NaN AUC), two-column binary
scores, other thresholds. Ours must equal medmnist's within 1e-9 (NaN equals NaN), or raise a
ValueError exactly where medmnist raises.
"""
import warnings
import numpy as np
import pytest
import torch
from medmnist.evaluator import getACC, getAUC
from medformer.metrics import TASKS, evaluate, get_acc, get_auc, scores_from_logits

MEDMNIST_TASK = {'multi-label': 'multi-label, binary-class'}
SIZES = (2, 3, 4, 7, 16, 50, 200, 1000)
VARIANTS = ('logits', 'quantised', 'uniform', 'constant', 'perfect', 'skewed', 'two-column')


def _labels(rng, task, n, k, skewed):
    "Labels in medmnist's layout: (n, 1), or (n, L) for multi-label; sometimes (n,)."
    if task == 'multi-label':
        p = rng.uniform(0.02, 0.3) if skewed else 0.5
        return (rng.random((n, k)) < p).astype(np.int64)
    classes = 2 if task == 'binary-class' else k
    probs = rng.dirichlet(np.full(classes, 0.3)) if skewed else None
    y = rng.choice(classes, size=n, p=probs)
    return y[:, None] if rng.random() < 0.8 else y


def _scores(rng, task, y, n, k, variant):
    "Scores of one variant; columns: 1 (binary), C (multi-class, ordinal) or L (multi-label)."
    cols = 1 if task == 'binary-class' else k
    if variant == 'two-column' and task == 'binary-class': cols = 2
    logits = rng.normal(scale=rng.choice([0.1, 1.0, 5.0]), size=(n, cols))
    if variant in ('logits', 'skewed', 'two-column'): return scores_from_logits(logits, task)
    if variant == 'quantised': return np.round(scores_from_logits(logits, task), 1)
    if variant == 'uniform': return rng.random((n, cols))
    if variant == 'constant': return np.full((n, cols), rng.choice([0.0, 0.5, 1 / cols, 0.7]))
    y2 = y.reshape(n, -1)
    if task == 'multi-class' or task == 'ordinal-regression': return np.eye(k)[y2[:, 0]]  # perfect
    return y2 * 0.8 + 0.1  # perfect binary / multi-label


def _compare(y, s, task, threshold):
    "Assert ours equals medmnist (or both refuse) for AUC and ACC."
    mm = MEDMNIST_TASK.get(task, task)
    pairs = ((lambda: get_auc(y, s, task), lambda: getAUC(y, s, mm)),
             (lambda: get_acc(y, s, task, threshold), lambda: getACC(y, s, mm, threshold)))
    for ours, theirs in pairs:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            try:
                expected = theirs()
            except Exception:
                with pytest.raises(ValueError):
                    ours()
                continue
            got = ours()
        assert isinstance(got, float)
        if np.isnan(expected): assert np.isnan(got), (task, got, expected)
        else: assert abs(got - expected) <= 1e-9, (task, got, expected)


@pytest.mark.parametrize('task', TASKS)
@pytest.mark.parametrize('seed', range(8))
def test_random_cases_match_medmnist(task, seed):
    rng = np.random.default_rng([seed, TASKS.index(task)])
    for _ in range(15):
        n = int(rng.choice(SIZES))
        k = int(rng.integers(2, 15))
        variant = str(rng.choice(VARIANTS))
        y = _labels(rng, task, n, k, skewed=variant == 'skewed' or rng.random() < 0.2)
        s = _scores(rng, task, y, n, k, variant)
        threshold = float(rng.choice([0.5, 0.5, 0.3, 0.7]))
        _compare(y, s, task, threshold)


@pytest.mark.parametrize('task', TASKS)
def test_single_sample_raises_like_medmnist(task):
    k = 3
    y = np.array([[1, 0, 1]]) if task == 'multi-label' else np.array([[1]])
    s = np.full((1, 1 if task == 'binary-class' else k), 0.6)
    _compare(y, s, task, 0.5)
    with pytest.raises(ValueError, match='at least 2 samples'):
        get_acc(y, s, task)


@pytest.mark.parametrize('task', TASKS)
def test_evaluate_torch_logits(task):
    "`evaluate` on torch logits equals medmnist on the scores `scores_from_logits` gives."
    g = torch.Generator().manual_seed(0)
    n, k = 300, 5
    outputs = 1 if task == 'binary-class' else k
    logits = torch.randn(n, outputs, generator=g) * 3
    if task == 'multi-label': y = torch.randint(0, 2, (n, k), generator=g)
    else: y = torch.randint(0, 2 if task == 'binary-class' else k, (n, 1), generator=g)
    got = evaluate(y, logits, task)
    s = scores_from_logits(logits, task)
    mm = MEDMNIST_TASK.get(task, task)
    assert set(got) == {'auc', 'acc'}
    assert abs(got['auc'] - getAUC(y.numpy(), s, mm)) <= 1e-9
    assert abs(got['acc'] - getACC(y.numpy(), s, mm)) <= 1e-9
    assert 0.3 < got['auc'] < 0.7  # random logits: AUC near chance, so the test can fail


def test_nan_scores():
    "NaN scores: medmnist's AUC raises (we raise a ValueError); its ACC still counts, and so do we."
    y = np.array([[0], [1], [1], [0]])
    s = np.array([[0.2], [np.nan], [0.9], [0.1]])
    _compare(y, s, 'binary-class', 0.5)
    with pytest.raises(ValueError, match='NaN'):
        get_auc(y, s, 'binary-class')
    assert get_acc(y, s, 'binary-class') == 0.75
