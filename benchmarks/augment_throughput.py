"""Throughput of `medformer.augment.Augment` with the default policies on the CPU.

Run: `python benchmarks/augment_throughput.py [--threads 2] [--repeats 30] [--rounds 3] [--batch 256 ...] [--batch3d 64]`.
Prints samples/s for batches of 256 2D 28-px images (3 and 1 channels; several sizes with `--batch 128 256 512`)
and 64 3D 28^3 volumes, with the default policies: `Augment(2)` (RandAugment N=2 M=8, flips, quarter turns)
and `Augment(3)` (flips on every axis, quarter turns about two axes). Each case is warmed up, then timed
`repeats` times per round; the median and best batch times of each round are reported (other processes
share the CPU, so rounds differ; the load average is printed first).

These are the same torch ops that run on a GPU. On a CPU they pay a fixed cost of a few ms per 2D batch
(some 120 torch calls of 10-30 us each, whatever their size; at batch 256 the nearest `grid_sample` of
RandAugment's geometry is about a third of the time), so samples/s grow with the batch. What matters for training is their share of a training step: `benchmarks/augment_share.py`.
"""
import argparse, os, statistics, sys, time
from pathlib import Path
import torch
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's package, installed or not
from medformer.augment import Augment

def time_case(aug, x, warmup: int, repeats: int) -> list:
    "Seconds per batch for `repeats` calls, each with its own seeded generator."
    for i in range(warmup): aug(x, torch.Generator().manual_seed(i))
    times = []
    for i in range(repeats):
        g = torch.Generator().manual_seed(1000 + i)
        t0 = time.perf_counter()
        aug(x, g)
        times.append(time.perf_counter() - t0)
    return times

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--threads', type=int, default=2, help='torch CPU threads')
    p.add_argument('--repeats', type=int, default=30, help='timed batches per round')
    p.add_argument('--rounds', type=int, default=3, help='rounds of timing per case')
    p.add_argument('--warmup', type=int, default=5, help='untimed batches before each case')
    p.add_argument('--batch', type=int, nargs='+', default=[256], help='2D batch size(s)')
    p.add_argument('--batch3d', type=int, default=64, help='3D batch size')
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    g = torch.Generator().manual_seed(0)
    cases = [(f'2D 28px {name}', Augment(2), torch.rand(b, c, 28, 28, generator=g))
             for name, c in (('RGB', 3), ('grey', 1)) for b in args.batch]
    cases.append(('3D 28^3', Augment(3), torch.rand(args.batch3d, 1, 28, 28, 28, generator=g)))
    print(f'torch {torch.__version__}, {args.threads} threads, load average {os.getloadavg()[0]:.2f} on '
          f'{os.cpu_count()} CPUs; samples/s from median (best) batch time')
    for name, aug, x in cases:
        rates = []
        for r in range(args.rounds):
            t = time_case(aug, x, args.warmup, args.repeats)
            med, best = statistics.median(t), min(t)
            rates.append(len(x) / med)
            print(f'{name:>13} batch {len(x):>3} round {r}: {len(x) / med:>9,.0f} ({len(x) / best:>9,.0f}) samples/s, '
                  f'{med * 1e3:.2f} ms/batch')
        print(f'{name:>13} batch {len(x):>3}: median of rounds {statistics.median(rates):,.0f} samples/s, best round {max(rates):,.0f}')

if __name__ == '__main__': main()
