"""Helpers that let one chapter notebook run both inside the book build and on its own.

Inside the book build (``MATHFORML_BOOK=1``, set by the build), :func:`glue` hands the value
to myst-nb so the prose can show it with ``{glue:text}`` and ``{glue:figure}``. Anywhere
else (Google Colab, plain Jupyter, a script) it displays the value, so the reader sees
the number or the figure where the book would have shown it.
"""

from __future__ import annotations

import os

__all__ = ["format_value", "glue", "in_book_build"]

_SUPERSCRIPT = str.maketrans(
    "-0123456789",
    "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
)


def in_book_build() -> bool:
    """Whether this code runs inside the book build (the build sets ``MATHFORML_BOOK=1``)."""
    return os.environ.get("MATHFORML_BOOK") == "1"


def glue(name: str, value, display: bool = False) -> None:
    """Glue ``value`` under ``name`` for the book, or display it outside the book build.

    Parameters
    ----------
    name : str
        The key the prose refers to, as in ``{glue:text}`name:.3f```.
    value : object
        A number, string, array or matplotlib ``Figure``. A figure is closed after
        gluing, so the inline backend does not show it a second time.
    display : bool, default False
        Inside the book build, also show the value where the cell is.

    Returns
    -------
    None
        Nothing, so a ``glue`` call on the last line of a cell does not show the value a
        second time in a notebook.

    Examples
    --------
    >>> glue("answer", 42)  # outside the book: shows 'answer = 42'
    answer = 42
    """
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string; got {name!r}.")
    figure = _is_figure(value)
    if hasattr(value, "item") and getattr(value, "shape", None) == ():
        value = (
            value.item()
        )  # NumPy scalars glue as plain numbers, so `:.3f` formats them
    if in_book_build():
        from myst_nb import glue as _myst_glue

        _myst_glue(name, value, display=display)
    else:
        _show(name, value, figure)
    if figure:
        import matplotlib.pyplot as plt

        plt.close(value)


def _is_figure(value) -> bool:
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return False
    return isinstance(value, Figure)


def _show(name: str, value, figure: bool) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - plain Python without IPython
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(value) if figure else display(_Labelled(name, value))
    elif not figure:
        print(f"{name} = {value!r}")


class _Labelled:
    """Shows ``name = value`` in a notebook."""

    def __init__(self, name, value):
        self.name, self.value = name, value

    def __repr__(self):
        return f"{self.name} = {self.value!r}"


def format_value(value, spec: str = "") -> str:
    r"""Format a number for prose, with powers of ten as a person writes them.

    ``format(value, spec)``, except that an ``e``/``E`` spec gives ``2.5 × 10⁻⁸`` instead of
    ``2.5e-08`` (and ``10⁻⁸`` alone when the mantissa is exactly 1 at ``.0e``). The book's
    ``{glue:text}`` role formats glued numbers with it, so the prose uses one notation.

    Parameters
    ----------
    value : float or int or str
        The number (a string is returned as it is when ``spec`` is empty).
    spec : str, default ""
        A format specification such as ``".2f"`` or ``".1e"``.

    Returns
    -------
    str

    Examples
    --------
    >>> format_value(2.5e-8, ".1e")
    '2.5 × 10⁻⁸'
    >>> format_value(1e16, ".0e")
    '10¹⁶'
    >>> format_value(3.14159, ".2f")
    '3.14'
    """
    if not isinstance(spec, str):
        raise TypeError(
            f"spec must be a format string such as '.2f'; got {spec!r}."
        )
    if spec == "":
        return str(value)
    if spec[-1] not in "eE":
        return format(value, spec)
    text = format(float(value), spec[:-1] + "e")
    if "e" not in text:  # inf or nan
        return text
    mantissa, exponent = text.split("e")
    power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
    if int(exponent) == 0:
        return mantissa
    if mantissa.lstrip("+-") == "1":
        return mantissa[:-1] + power
    return f"{mantissa} \u00d7 {power}"
