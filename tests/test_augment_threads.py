"The numba kernel must leave torch's thread count alone (its OpenMP pool shares libgomp with torch)."
import os, subprocess, sys

def test_fused_kernel_keeps_torch_threads():
    code = ("import torch\nfrom medformer.augment import Augment\n"
            "before = torch.get_num_threads()\n"
            "Augment(2)(torch.rand(8, 3, 28, 28), torch.Generator().manual_seed(0))\n"
            "print(before, torch.get_num_threads())\n")
    env = dict(os.environ, OMP_NUM_THREADS='1')
    out = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == ['1', '1'], f"torch threads before and after the first fused call: {out}"
