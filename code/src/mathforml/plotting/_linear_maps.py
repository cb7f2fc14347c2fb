"""Pictures of vectors and linear maps of the plane (chapters 1–3).

Two helpers that several sections share: arrows for 2-D vectors, and a grid with the unit
square before and after a 2 × 2 matrix acts on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_array, as_matrix, check_int

__all__ = ["plot_linear_map", "plot_vectors"]


def _axes(ax):
    """``ax``, or the Axes of a new figure (pyplot is imported only here)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.figure(figsize=(3.6, 3.6)).add_subplot()


def _as_plane_matrix(A: ArrayLike, name: str) -> np.ndarray:
    A = as_matrix(A, name=name)
    if A.shape != (2, 2):
        raise ValueError(
            f"{name} must be a 2 x 2 matrix (a map of the plane); got shape {A.shape}. "
            "Only maps of the plane can be drawn."
        )
    return A


def _arrow(ax, tail, tip, color, gid, lw=2.0):
    """One arrow from ``tail`` to ``tip``; it also widens the data limits to hold it."""
    ax.annotate(
        "",
        xy=tuple(tip),
        xytext=tuple(tail),
        gid=gid,
        arrowprops={
            "arrowstyle": "-|>",
            "color": color,
            "lw": lw,
            "shrinkA": 0,
            "shrinkB": 0,
            "mutation_scale": 12,
        },
    )
    ax.update_datalim(np.array([tail, tip]))


def plot_vectors(
    vectors: ArrayLike,
    *,
    origins: ArrayLike | None = None,
    ax=None,
    colors: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
):
    r"""Draw 2-D vectors as arrows.

    Parameters
    ----------
    vectors : array_like, shape (k, 2)
        One vector per row.
    origins : array_like, shape (k, 2) or (2,), optional
        Where each arrow starts; default the origin. Put the tail of one vector at the tip
        of another to draw a sum tip to tail.
    ax : matplotlib Axes, optional
        Where to draw; default a new square figure.
    colors : sequence of str, optional
        One matplotlib color per vector; default the color cycle ``C0, C1, ...``.
    labels : sequence of str, optional
        A label (plain text or ``$...$``) written just beyond each tip.

    Returns
    -------
    matplotlib Axes
        The axes, with equal aspect and limits that hold every arrow. Each arrow is an
        annotation with ``gid`` ``"vector-<i>"``.

    Raises
    ------
    ValueError
        If ``vectors`` is not a finite ``(k, 2)`` array, ``origins`` has the wrong shape, or
        ``colors`` or ``labels`` do not have ``k`` entries.

    Notes
    -----
    :ref:`sec-vector-operations` draws sums and multiples of vectors with it.

    Examples
    --------
    >>> ax = plot_vectors([[2.0, 1.0], [-1.0, 1.5]], labels=["$a$", "$b$"])
    >>> [t.get_gid() for t in ax.texts if t.get_gid()]  # the arrows
    ['vector-0', 'vector-1']
    >>> [t.get_text() for t in ax.texts if t.get_text()]  # the labels
    ['$a$', '$b$']
    """
    V = as_matrix(vectors, name="vectors")
    if V.shape[1] != 2:
        raise ValueError(
            f"vectors must have shape (k, 2), one 2-D vector per row; got shape {V.shape}. "
            "Pass a single vector as [[x, y]]."
        )
    k = V.shape[0]
    P = (
        np.zeros_like(V)
        if origins is None
        else as_array(origins, name="origins")
    )
    if P.shape == (2,):
        P = np.tile(P, (k, 1))
    if P.shape != V.shape:
        raise ValueError(
            f"origins must have shape (2,) or {V.shape}; got shape {P.shape}."
        )
    colors = (
        [f"C{i % 10}" for i in range(k)] if colors is None else list(colors)
    )
    for what, seq in (("colors", colors), ("labels", labels)):
        if seq is not None and len(seq) != k:
            raise ValueError(
                f"{what} must have one entry per vector ({k}); got {len(seq)}."
            )
    ax = _axes(ax)
    for i, (tail, v) in enumerate(zip(P, V)):
        _arrow(ax, tail, tail + v, colors[i], gid=f"vector-{i}")
        if labels is not None:
            length = np.hypot(*v) or 1.0
            at = tail + v + 0.12 * v / length
            ax.text(*at, labels[i], color=colors[i], ha="center", va="center")
            ax.update_datalim(at[None, :])
    ax.set_aspect("equal")
    ax.autoscale_view()
    ax.margins(0.12)
    return ax


def plot_linear_map(
    A: ArrayLike,
    *,
    basis: ArrayLike | None = None,
    extent: int = 2,
    ax=None,
    show_original: bool = True,
    color: str = "C0",
):
    r"""Draw what a 2 × 2 matrix does to a grid, a unit cell and the basis vectors.

    Parameters
    ----------
    A : array_like, shape (2, 2)
        The matrix of the map :math:`x \mapsto A x`.
    basis : array_like, shape (2, 2), optional
        Columns :math:`b_1, b_2` of the grid drawn before the map; default the standard
        basis, so the grid is the integer grid and the cell is the unit square.
    extent : int, default 2
        Grid lines run through :math:`c_1 b_1 + c_2 b_2` for integers
        :math:`|c_i| \le` ``extent``.
    ax : matplotlib Axes, optional
        Where to draw; default a new square figure.
    show_original : bool, default True
        Also draw the grid before the map, in light gray.
    color : str, default "C0"
        Color of the grid after the map.

    Returns
    -------
    matplotlib Axes
        The axes, with equal aspect. Artists carry a ``gid``: ``"grid-before"`` and
        ``"grid-after"`` (grid lines), ``"cell-before"`` and ``"cell-after"`` (the cell
        spanned by the basis and its image, a parallelogram of area
        :math:`|\det A| \cdot |\det B|`), ``"basis-1"`` and ``"basis-2"`` (the arrows
        :math:`A b_1` and :math:`A b_2`).

    Raises
    ------
    ValueError
        If ``A`` or ``basis`` is not a finite 2 × 2 matrix, or ``extent`` is not a
        positive integer.

    Notes
    -----
    A linear map sends the grid line :math:`\{c\,b_1 + t\,b_2\}` to the line
    :math:`\{c\,A b_1 + t\,A b_2\}`, so the whole picture follows from the two arrows
    :math:`A b_1` and :math:`A b_2`. The arrows keep their colors (C1, C2), so a map that
    reverses orientation, with :math:`\det A < 0`, shows them in swapped order.
    :ref:`sec-matrix-operations`
    of the book draws scalings, shears, rotations, reflections and projections with it.

    Examples
    --------
    >>> ax = plot_linear_map([[1.0, 1.0], [0.0, 1.0]])  # a shear
    >>> cell = next(p for p in ax.patches if p.get_gid() == "cell-after")
    >>> cell.get_xy()[:4].tolist()
    [[0.0, 0.0], [1.0, 0.0], [2.0, 1.0], [1.0, 1.0]]
    """
    A = _as_plane_matrix(A, "A")
    B = np.eye(2) if basis is None else _as_plane_matrix(basis, "basis")
    extent = check_int(extent, name="extent", minimum=1)
    from matplotlib.patches import Polygon

    ax = _axes(ax)
    c = np.arange(-extent, extent + 1)
    ends = np.array([-extent, extent])
    # every grid line as two endpoints in basis coordinates: c_1 = const, then c_2 = const
    lines = [np.array([[k, e] for e in ends]) for k in c] + [
        np.array([[e, k] for e in ends]) for k in c
    ]
    square = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    stages = [("before", B, "0.72", 0.9)] if show_original else []
    stages.append(("after", A @ B, color, 1.1))
    for stage, M, line_color, lw in stages:
        for line in lines:
            xy = line @ M.T
            ax.plot(
                xy[:, 0],
                xy[:, 1],
                color=line_color,
                lw=lw,
                alpha=0.8,
                gid=f"grid-{stage}",
                zorder=1 if stage == "before" else 2,
                solid_capstyle="butt",
            )
        fill = "none" if stage == "before" else "C4"
        ax.add_patch(
            Polygon(
                square @ M.T,
                closed=True,
                fc=fill,
                ec=line_color if stage == "before" else "C4",
                alpha=0.45 if stage == "after" else 1.0,
                lw=1.2,
                gid=f"cell-{stage}",
                zorder=3,
            )
        )
    AB = A @ B
    _arrow(ax, (0.0, 0.0), AB[:, 0], "C1", gid="basis-1", lw=2.2)
    _arrow(ax, (0.0, 0.0), AB[:, 1], "C2", gid="basis-2", lw=2.2)
    ax.grid(False)  # the drawn grid replaces the background one
    ax.set_aspect("equal")
    ax.autoscale_view()
    ax.margins(0.05)
    ax.set(xlabel="$x_1$", ylabel="$x_2$")
    return ax
