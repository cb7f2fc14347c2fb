"""scripts/pagecheck.py: the rule that hidden cells leave the page's random stream alone."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("yaml")  # pagecheck reads _toc.yml; the floor environment has no PyYAML


@pytest.fixture(scope="module")
def pagecheck():
    spec = importlib.util.spec_from_file_location(
        "pagecheck", ROOT / "scripts" / "pagecheck.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "source, draws",
    [
        ("x = rng.normal(size=3)", True),
        ("err = check_grad(f, g, w, rng=rng)", True),
        ("idx = rng.permutation(5)  # shuffle", True),
        ("child = rng.spawn(1)[0]\ny = child.normal()", False),
        ("err = check_grad(f, g, w, rng=0)", False),
        ("r = np.random.default_rng(1)  # own generator: leaves rng alone", False),
        ("rng_check = np.random.default_rng(2)\nrng_check.normal()", False),
        ("%timeit rng.normal()", False),  # not Python: not judged
    ],
)
def test_draws_from_rng(pagecheck, source, draws):
    assert pagecheck.draws_from_rng(source) is draws


def _cell(source, hidden=False):
    from nbformat.v4 import new_code_cell

    return new_code_cell(source, metadata={"tags": ["remove-cell"] if hidden else []})


def test_hidden_draw_before_a_visible_one_is_a_finding(pagecheck):
    page = ROOT / "book" / "page.md"
    code = [
        _cell("rng = np.random.default_rng(0)"),
        _cell("assert rng.normal() < 10", hidden=True),
        _cell("x = rng.normal(size=4)"),
    ]
    (finding,) = pagecheck.shared_stream(page, code)
    assert "hidden code cell 1 draws from rng" in finding
    # the same hidden draw after the last visible use changes nothing a reader sees
    assert pagecheck.shared_stream(page, [code[0], code[2], code[1]]) == []
    # nor does a hidden cell with its own generator
    own = _cell("r = np.random.default_rng(5)\nassert r.normal() < 10", hidden=True)
    assert pagecheck.shared_stream(page, [code[0], own, code[2]]) == []
