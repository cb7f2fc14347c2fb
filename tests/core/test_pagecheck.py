"""scripts/pagecheck.py: hidden cells only check. They leave the page's random stream
alone, and they define nothing the visible cells (the reader's copy) use; the outputs of
the visible cells fit the column. (The `pagecheck` fixture is in tests/conftest.py.)"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize(
    "source, bound, reads",
    [
        ("x = f(y)", {"x"}, {"f", "y"}),
        ("import numpy as np\nfrom a import b", {"np", "b"}, set()),
        ("def g(t):\n    return t + w", {"g"}, {"w"}),  # w read when g runs
        ("s = [v * k for v in vals]", {"s"}, {"k", "vals"}),
        ("for i in range(n):\n    total += i", {"i", "total"}, {"range", "n", "i", "total"}),
        ("%matplotlib inline\nfig = make()", {"fig"}, {"make", "get_ipython"}),
        ("class C:\n    z = 1\n    def m(self):\n        return q", {"C"}, {"q"}),
    ],
)
def test_names_of(pagecheck, source, bound, reads):
    got_bound, got_reads, star = pagecheck.names_of(source)
    assert got_bound == bound
    assert got_reads == reads
    assert star is False


def test_a_visible_cell_using_a_hidden_name_is_a_finding(pagecheck):
    page = ROOT / "book" / "page.md"
    cells = {  # source: hidden?
        "import numpy as np\nrng = np.random.default_rng(0)": False,
        "A_check = np.eye(2)\nassert A_check.sum() == 2": True,
        "def area(k):\n    return np.linalg.det(A_check) * k": False,
    }
    code = [_cell(source, hidden) for source, hidden in cells.items()]
    assert "visible code cell 2 uses A_check" in pagecheck.hidden_names(page, code)[0]
    assert len(pagecheck.hidden_names(page, code)) == 1
    # a name the reader's copy binds first is the reader's own, even if a hidden cell
    # rebinds it later
    mine = _cell("A_check = np.ones((2, 2))")
    assert pagecheck.hidden_names(page, [code[0], mine, code[1], code[2]]) == []
    # a hidden star import makes the names unknowable: a finding of its own
    star = _cell("from numpy import *", hidden=True)
    (finding,) = pagecheck.hidden_names(page, [code[0], star])
    assert "star-imports" in finding


def test_outputs_of_visible_cells_are_read_from_the_build(pagecheck, tmp_path, monkeypatch):
    from nbformat.v4 import new_notebook, new_output

    page = ROOT / "book" / "01-x" / "page.md"
    monkeypatch.setenv("MFML_BUILD", str(tmp_path))
    (missing,) = pagecheck.visible_outputs(page)
    assert "build the book first" in missing
    wide = _cell("print('-' * 90)")
    wide.outputs = [new_output("stream", name="stdout", text="-" * 90 + "\n")]
    long_float = _cell("x")
    long_float.outputs = [new_output("execute_result", data={"text/plain": "0.6972152040297764"})]
    hidden = _cell("print(0.6972152040297764)", hidden=True)
    hidden.outputs = [new_output("stream", name="stdout", text="0.6972152040297764\n")]
    asked = _cell("print(f'{x:.16f}')")
    asked.outputs = [new_output("stream", name="stdout", text="0.6972152040297764\n")]
    built = pagecheck.executed(page)
    built.parent.mkdir(parents=True)
    built.write_text(json.dumps(new_notebook(cells=[wide, long_float, hidden, asked])))
    found = pagecheck.visible_outputs(page)
    assert len(found) == 2
    assert "visible code cell 0 prints a line of 90 chars" in found[0]
    assert "visible code cell 1 prints 0.6972152040297764: 16 digits" in found[1]
