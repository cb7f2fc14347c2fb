"""The book's figure style."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np

__all__ = ["BOOK_COLORS", "use_book_style"]

#: A color-blind-safe cycle (Okabe–Ito), readable in print and on both themes.
BOOK_COLORS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
)


def use_book_style(*, formats: tuple[str, ...] | None = None) -> None:
    """Set the look of every figure and output: sizes, fonts, colors, a white background.

    The background stays white so a figure reads the same on the light and dark web
    themes and in print. In a notebook it also asks the inline backend for vector
    output: SVG, and inside the book build also PDF for the LaTeX build (a reader's
    notebook would only carry a second copy of every figure nobody sees).

    It also makes NumPy print scalars as plain numbers (``0.25``, not
    ``np.float64(0.25)``), as NumPy 1.x did, so cell outputs read like the prose.

    Parameters
    ----------
    formats : tuple of str, optional
        Inline-backend formats, used only when running inside IPython. By default
        ``("svg", "pdf")`` inside the book build (``MATHFORML_BOOK=1``) and ``("svg",)``
        anywhere else.

    Examples
    --------
    >>> use_book_style()
    >>> import matplotlib as mpl
    >>> mpl.rcParams["axes.spines.top"]
    False
    """
    mpl.rcParams.update(
        {
            "figure.figsize": (6.0, 3.6),
            "figure.dpi": 100,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
            "savefig.bbox": "tight",
            "axes.facecolor": "white",
            "axes.prop_cycle": mpl.cycler(color=list(BOOK_COLORS)),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "font.size": 10,
            "axes.titlesize": 11,
            "legend.frameon": False,
            "lines.linewidth": 1.8,
            "svg.hashsalt": "mathforml",  # identical SVG ids on every build
        }
    )
    if (
        int(np.__version__.split(".")[0]) >= 2
    ):  # NumPy 1.x prints plain numbers anyway
        np.set_printoptions(legacy="1.25")
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        if formats is None:
            from mathforml.book import in_book_build

            formats = ("svg", "pdf") if in_book_build() else ("svg",)
        set_matplotlib_formats(*formats)
