import os
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: long tests (real-data training floors), run by `make test-slow`')

@pytest.fixture(scope='session')
def medmnist_root() -> Path:
    "Folder of the genuine MedMNIST files: MEDMNIST_ROOT, or ../shared/medmnist beside the checkout."
    root = Path(os.environ.get('MEDMNIST_ROOT', ROOT.parent/'shared'/'medmnist'))
    assert (root/'retinamnist.npz').exists(), (
        f'genuine MedMNIST files not found in {root}: set MEDMNIST_ROOT to the folder holding retinamnist.npz')
    return root
