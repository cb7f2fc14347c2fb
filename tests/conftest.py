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


@pytest.fixture(scope="session")
def pagecheck():
    """scripts/pagecheck.py (the book's page checks), loaded by path: it is a script, not
    part of the package. It reads _toc.yml with PyYAML, which the oldest-versions
    environment of `make test-floor` does not have (it tests the package alone): skip."""
    import importlib.util

    pytest.importorskip("yaml")
    if not (HERE.parent / "_toc.yml").exists():
        pytest.skip("needs the book's sources")
    spec = importlib.util.spec_from_file_location(
        "pagecheck", HERE.parent / "scripts" / "pagecheck.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
