"""Shared fixtures. Tolerances live in tests/tolerances.py as named constants."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `import tolerances` from any test folder


@pytest.fixture
def rng():
    """One seeded generator per test: reproducible, never global state."""
    return np.random.default_rng(20261122)
