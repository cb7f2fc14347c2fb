import matplotlib

matplotlib.use("Agg")

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest

from mathforml import format_value, glue, in_book_build, use_book_style


def test_glue_outside_the_book_shows_the_value_once(monkeypatch, capsys):
    monkeypatch.delenv("MATHFORML_BOOK", raising=False)
    assert not in_book_build()
    assert (
        glue("answer", 42) is None
    )  # a glue on a cell's last line must not show it twice
    assert capsys.readouterr().out.strip() == "answer = 42"


def test_glue_turns_numpy_scalars_into_python_numbers(monkeypatch, capsys):
    monkeypatch.delenv("MATHFORML_BOOK", raising=False)
    glue("x", np.float64(0.25))
    assert (
        capsys.readouterr().out.strip() == "x = 0.25"
    )  # not "np.float64(0.25)"


def test_glue_closes_a_figure(monkeypatch):
    monkeypatch.delenv("MATHFORML_BOOK", raising=False)
    fig, _ = plt.subplots()
    glue("fig", fig)
    assert not plt.fignum_exists(fig.number)


def test_glue_inside_the_book_hands_the_value_to_myst_nb(monkeypatch):
    myst_nb = pytest.importorskip(
        "myst_nb", reason="myst-nb is a book-build dependency"
    )
    calls = []
    monkeypatch.setattr(
        myst_nb,
        "glue",
        lambda name, value, display: calls.append((name, value, display)),
    )
    monkeypatch.setenv("MATHFORML_BOOK", "1")
    assert in_book_build()
    glue("pi", np.float64(3.5), display=True)
    assert calls == [("pi", 3.5, True)]


@pytest.mark.parametrize("name", ["", None, 3])
def test_glue_rejects_a_bad_name(name):
    with pytest.raises(TypeError, match="name must be a non-empty string"):
        glue(name, 1)


def test_use_book_style_sets_the_look_and_plain_scalar_printing():
    with mpl.rc_context():
        use_book_style()
        assert mpl.rcParams["figure.facecolor"] == "white"
        assert mpl.rcParams["svg.hashsalt"] == "mathforml"
        assert (
            mpl.rcParams["axes.prop_cycle"].by_key()["color"][0] == "#0072B2"
        )
        assert repr(np.float64(0.5)) == "0.5"
    np.set_printoptions(legacy=False)


@pytest.mark.parametrize(
    ("value", "spec", "expected"),
    [
        (2.5e-8, ".1e", "2.5 × 10⁻⁸"),
        (1.6e16, ".1e", "1.6 × 10¹⁶"),
        (1e16, ".0e", "10¹⁶"),
        (-1e-3, ".0e", "-10⁻³"),
        (3.0, ".1e", "3.0"),
        (float("inf"), ".1e", "inf"),
        (3.14159, ".2f", "3.14"),
        (7, "d", "7"),
        ("text", "", "text"),
    ],
)
def test_format_value_writes_powers_of_ten_as_people_do(value, spec, expected):
    assert format_value(value, spec) == expected
    if spec.endswith("e") and np.isfinite(value):
        assert np.isclose(read_back(expected), value, rtol=0.05, atol=0)


def read_back(text: str) -> float:
    """Parse '2.5 × 10⁻⁸', '-10⁻³' or '3.0' back into a float."""
    digits = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
    mantissa, _, power = (
        text.rpartition("10")
        if "10" in text and "." not in text.split("10")[-1]
        else (text, "", "")
    )
    if not _:
        return float(text)
    mantissa = mantissa.replace(" × ", "").strip()
    scale = (
        -1.0 if mantissa == "-" else 1.0 if mantissa == "" else float(mantissa)
    )
    return scale * 10.0 ** int(power.translate(digits))


def test_format_value_rejects_a_non_string_spec():
    with pytest.raises(TypeError, match="spec must be a format string"):
        format_value(1.0, 2)


def test_the_mathematics_loads_without_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys, mathforml.linalg, mathforml.calculus, mathforml.autodiff, "
        "mathforml.probability, mathforml.practice; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "False"


def test_the_exercises_load_without_scipy_stats():
    # forty pages import mathforml.practice; scipy.stats alone takes ~1 s to load, so the
    # exercises import it when a check first needs it
    import subprocess
    import sys

    code = (
        "import sys, mathforml.practice; "
        "print('scipy.stats' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"
