"""Helpers that let one chapter notebook run both inside the book build and on its own.

Inside the book build (``MATHFORML_BOOK=1``, set by the build), :func:`glue` hands the value
to myst-nb so the prose can show it with ``{glue:text}`` and ``{glue:figure}``. Anywhere
else (Google Colab, plain Jupyter, a script) it displays the value, so the reader sees
the number or the figure where the book would have shown it.
"""

from __future__ import annotations

import os

__all__ = ["glue", "in_book_build"]


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
        value = value.item()  # NumPy scalars glue as plain numbers, so `:.3f` formats them
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
