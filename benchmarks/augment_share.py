"""Share of `medformer.augment.Augment` in a training step of the small model on the CPU.

Run: `OMP_NUM_THREADS=2 python benchmarks/augment_share.py [--rounds 3] [--repeats 5] [--aug-calls 5]`.
For each case, a batch is augmented with the dataset's default policy (`Augment(spatial_dims,
**augment_policy(info))`), then a full training step runs on it: forward, task loss, backward and an AdamW
step of `Medformer('small', [flag])`. The two are timed alternately within each repeat (`--aug-calls` augmentation
calls, their median, then one step), so both see the same machine load; each round reports the medians, and
the last lines the medians over rounds (the share: the median of the rounds' shares). The share is augmentation / (augmentation + step), i.e. of a
training step that includes it. Cases: 2D 28 px at batch 128 with 1 and 3 channels (synth_binary2d,
synth_multiclass2d), 3D 28^3 at batch 32 (synth_binary3d).
"""
import argparse, os, statistics, sys, time
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's package, installed or not
try: import medformer.synth  # noqa: F401 (registers the synthetic flags where the suite registers itself)
except ImportError: pass
from medformer.augment import Augment, augment_policy
from medformer.losses import task_loss
from medformer.model import Medformer, resolve_info

CASES = (('2D 28px grey', 'synth_binary2d', 128), ('2D 28px RGB', 'synth_multiclass2d', 128), ('3D 28^3', 'synth_binary3d', 32))

def make_case(flag: str, batch: int, seed: int = 0):
    "The dataset's default augmentation, a small model with its AdamW, and a batch of 8-bit-like inputs and labels."
    info = resolve_info(flag)
    torch.manual_seed(seed)
    aug = Augment(info.spatial_dims, **augment_policy(info))
    model = Medformer('small', [flag]).train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-3)
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(0, 256, (batch, info.n_channels, *[28] * info.spatial_dims), generator=g) / 255.
    n_classes = 2 if info.task in ('binary-class', 'multi-label') else info.n_outputs
    y = torch.randint(0, n_classes, (batch, 1), generator=g)
    def step(xb):
        loss = task_loss(model(xb, flag), y, info.task)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return aug, step, x

def time_round(aug, step, x, repeats: int, aug_calls: int, seed: int) -> tuple:
    "Median seconds of one augmentation call and of one training step, timed alternately."
    t_aug, t_step = [], []
    for i in range(repeats):
        calls = []
        for j in range(aug_calls):
            g = torch.Generator().manual_seed(seed + 100 * i + j)
            t0 = time.perf_counter(); xb = aug(x, g); calls.append(time.perf_counter() - t0)
        t_aug.append(statistics.median(calls))
        t0 = time.perf_counter(); step(xb); t_step.append(time.perf_counter() - t0)
    return statistics.median(t_aug), statistics.median(t_step)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: as OMP_NUM_THREADS gives)')
    p.add_argument('--rounds', type=int, default=3, help='rounds over all cases')
    p.add_argument('--repeats', type=int, default=5, help='training steps timed per case and round')
    p.add_argument('--aug-calls', type=int, default=5, help='augmentation calls timed before each step')
    p.add_argument('--warmup', type=int, default=2, help='untimed augmentations and steps per case')
    args = p.parse_args()
    if args.threads: torch.set_num_threads(args.threads)
    cases = [(name, batch, *make_case(flag, batch)) for name, flag, batch in CASES]
    for name, batch, aug, step, x in cases:
        for i in range(args.warmup): step(aug(x, torch.Generator().manual_seed(i)))
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, {os.cpu_count()} CPUs, '
          f'load average {os.getloadavg()[0]:.2f}; ms per batch (median of {args.repeats} steps, each after the '
          f'median of {args.aug_calls} augmentations)')
    results = {name: [] for name, *_ in cases}
    for r in range(args.rounds):
        for name, batch, aug, step, x in cases:  # interleaved: every case once per round
            a, s = time_round(aug, step, x, args.repeats, args.aug_calls, seed=1000 * r)
            results[name].append((a, s))
            print(f'round {r} {name:>12} batch {batch:>3}: augment {a * 1e3:7.2f} ms, step {s * 1e3:8.1f} ms, '
                  f'share {100 * a / (a + s):5.2f}% (load {os.getloadavg()[0]:.2f})')
    for name, batch, *_ in cases:
        a = statistics.median(t for t, _ in results[name])
        s = statistics.median(t for _, t in results[name])
        shares = sorted(100 * ra / (ra + rs) for ra, rs in results[name])  # each round's own share
        print(f'median of {args.rounds} rounds {name:>12} batch {batch:>3}: augment {a * 1e3:7.2f} ms, step {s * 1e3:8.1f} ms, '
              f'share {statistics.median(shares):5.2f}% (rounds {shares[0]:.2f}-{shares[-1]:.2f}%)')

if __name__ == '__main__': main()
