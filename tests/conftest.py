"""Shared fixtures. Tolerances live in tests/tolerances.py as named constants."""

import sys
from pathlib import Path

import numpy as np
import pytest

# Tests import shared helpers by name (`import tolerances`, `import linalg_strategies`,
# `import sitelib`): put tests/ and each of its folders on the path. Helper modules need
# unique names; pytest itself imports test files by path (--import-mode=importlib).
HERE = Path(__file__).parent
for folder in [
    HERE,
    *sorted(p for p in HERE.iterdir() if p.is_dir() and p.name[0] not in "._"),
]:
    sys.path.insert(0, str(folder))


@pytest.fixture
def rng():
    """One seeded generator per test: reproducible, never global state."""
    return np.random.default_rng(20261122)
