"""The book's map (:ref:`sec-map-of-the-book`) and its topic weights.

The weights are drawn in :ref:`sec-how-this-book-is-made`."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch
from matplotlib.ticker import MultipleLocator, PercentFormatter

from mathforml.datasets import load_chapters, load_seed_topics, topic_weights
from mathforml.plotting._style import BOOK_COLORS

__all__ = ["plot_chapter_graph", "plot_topic_weights"]

#: Distance between layers and between the chapters of a layer, and half the largest box
#: (in inches when the figure is about 7 inches wide; the axes keep an equal aspect).
_DX, _DY, _BOX = 1.22, 1.3, np.array([0.46, 0.5])
#: Labels and shades of the stacked bars, one per group of sources.
_SOURCES = {
    "both": ("both sources", "#404040"),
    "seed-000": ("the study guide only", BOOK_COLORS[0]),
    "seed-001": ("the course outline only", BOOK_COLORS[5]),
}


def _new_axes(size, rect=(0.125, 0.11, 0.775, 0.77)):
    """Axes on a new figure (pyplot is imported only here, so ``import mathforml`` stays light)."""
    import matplotlib.pyplot as plt

    return plt.figure(figsize=size).add_axes(rect)


def _layers(chapters) -> dict[int, int]:
    """Longest path from a chapter without prerequisites: chapter number -> layer."""
    layer = {}
    # every prerequisite comes before the chapters that need it
    for c in chapters:
        layer[c.number] = 1 + max(
            (layer[p] for p in c.prerequisites), default=-1
        )
    return layer


def _positions(chapters) -> dict[int, tuple[float, float]]:
    """x from the layer; y spreads a layer's chapters, ordered by their prerequisites' mean y."""
    layer, xy = _layers(chapters), {}
    for k in range(max(layer.values()) + 1):
        members = [c for c in chapters if layer[c.number] == k]
        members.sort(
            key=lambda c: (
                -np.mean([xy[p][1] for p in c.prerequisites] or [0.0])
            )
        )
        for i, c in enumerate(members):
            xy[c.number] = (_DX * k, _DY * ((len(members) - 1) / 2 - i))
    return xy


def _curve(a, b, bulge):
    """Control point and normal of the quadratic curve a -> b that bulges by ``bulge``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    normal = np.array([b[1] - a[1], a[0] - b[0]]) / np.hypot(*(b - a))
    return (a + b) / 2 + 2 * bulge * normal, normal


def _bend(xy, p, c) -> float:
    """The bulge of the edge p -> c at its midpoint: the smallest that clears every other box."""
    a, b, t = (
        np.array(xy[p]),
        np.array(xy[c]),
        np.linspace(0.0, 1.0, 41)[:, None],
    )
    others = [np.array(xy[o]) for o in xy if o not in (p, c)]

    def clearance(bulge):  # < 1 means the curve enters a box
        curve = (
            (1 - t) ** 2 * a
            + 2 * t * (1 - t) * _curve(a, b, bulge)[0]
            + t**2 * b
        )
        return min(
            (np.abs(curve - o) / _BOX).max(axis=1).min() for o in others
        )

    # small bulges first; of two equal ones, the one that bends away from the middle row
    normal = _curve(a, b, 0.0)[1]
    bulges = sorted(
        (0.0, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5, 0.7, -0.7),
        key=lambda o: (abs(o), -abs((a + b)[1] / 2 + o * normal[1])),
    )
    clear = [o for o in bulges if not others or clearance(o) > 1.1]
    return clear[0] if clear else max(bulges, key=clearance)


def _box(ax, chapter, xy, color):
    """One chapter as a rounded box of text, tinted with the color of its part."""
    label = f"{chapter.number}\n" + textwrap.fill(
        chapter.title, 12, break_long_words=False
    )
    return ax.text(
        *xy,
        label,
        ha="center",
        va="center",
        fontsize=8.5,
        gid=f"chapter-{chapter.number}",
        bbox={
            "boxstyle": "round,pad=0.3",
            "ec": color,
            "lw": 1.2,
            "fc": to_rgba(color, 0.12),
        },
    )


def _to_edge(box, direction) -> float:
    """Distance in points from the center of a laid-out text box to its edge, along direction."""
    extent = box.get_bbox_patch().get_window_extent()
    half = np.array([extent.width, extent.height]) / 2 * 72 / box.figure.dpi
    u = np.abs(direction) / np.hypot(*direction)
    return float(min(half[u > 1e-12] / u[u > 1e-12]))


def _arrow(ax, a, b, bulge, boxes, gid):
    """An arrow a -> b that starts and stops at the edges of the two boxes."""
    ctrl = _curve(a, b, bulge)[0]
    ax.annotate(
        "",
        b,
        a,
        gid=gid,
        arrowprops={
            "arrowstyle": "-|>",
            "color": "0.35",
            "lw": 0.9,
            "shrinkA": _to_edge(boxes[0], ctrl - a),
            "shrinkB": _to_edge(boxes[1], ctrl - b),
            "connectionstyle": f"arc3,rad={2 * bulge / np.hypot(*np.subtract(b, a))}",
        },
    )


def _frame(ax, xy, bulges):
    """Limits that hold every box and every bent arrow; equal aspect; no axis lines."""
    xs, ys = np.array(list(xy.values())).T
    reach = [
        abs(o) + abs(xy[p][1] + xy[c][1]) / 2 for (p, c), o in bulges.items()
    ]
    height = max([ys.max() + _BOX[1], *reach]) + 0.05
    ax.set(
        xlim=(xs.min() - _BOX[0], xs.max() + _BOX[0]),
        ylim=(-height, height),
        aspect="equal",
    )
    ax.set_axis_off()


def plot_chapter_graph(*, ax=None):
    r"""Draw the chapters as a layered graph, an arrow from each prerequisite to its chapter.

    The prerequisites are those of :func:`mathforml.datasets.load_chapters`, derived from
    the book's cross-references.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw. Default: a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes. Each chapter is a text box with ``gid`` ``"chapter-<n>"``; each arrow is an
        annotation with ``gid`` ``"edge-<prerequisite>-<chapter>"``.

    Notes
    -----
    A chapter's layer (its column) is the length of the longest chain of prerequisites
    that leads to it, so every arrow points to the right. Arrows that would cross another
    box bend around it. :ref:`sec-map-of-the-book` reads the graph.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from mathforml.datasets import load_chapters
    >>> ax = plot_chapter_graph()
    >>> n_arrows = sum(t.get_gid().startswith("edge") for t in ax.texts)
    >>> n_arrows == sum(len(c.prerequisites) for c in load_chapters())
    True
    >>> plt.close(ax.figure)
    """
    chapters = load_chapters()
    if ax is None:  # wide enough that the boxes keep their size in inches
        width = _DX * max(_layers(chapters).values()) + 2 * _BOX[0] + 0.3
        ax = _new_axes((max(7.0, width), 3.6), rect=(0.0, 0.08, 1.0, 0.92))
    xy, parts = (
        _positions(chapters),
        list(dict.fromkeys(c.part for c in chapters)),
    )
    colors = {part: BOOK_COLORS[i] for i, part in enumerate(parts)}
    boxes = {
        c.number: _box(ax, c, xy[c.number], colors[c.part]) for c in chapters
    }
    bulges = {
        (p, c.number): _bend(xy, p, c.number)
        for c in chapters
        for p in c.prerequisites
    }
    _frame(ax, xy, bulges)
    ax.figure.draw_without_rendering()  # lays out the boxes, so that arrows stop at their edges
    for (p, c), bulge in bulges.items():
        _arrow(
            ax, xy[p], xy[c], bulge, (boxes[p], boxes[c]), gid=f"edge-{p}-{c}"
        )
    ax.legend(
        handles=[
            Patch(fc=to_rgba(colors[part], 0.12), ec=colors[part], label=part)
            for part in parts
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=len(parts),
        fontsize=8,
        handlelength=1.2,
        columnspacing=1.0,
    )
    return ax


def _label_bars(ax, order, total):
    """Chapter titles on the y axis, each bar's share and count at its end, a legend."""
    n_topics = sum(t.chapter > 0 for t in load_seed_topics())
    titles = {c.number: c.title for c in load_chapters()}
    for i, c in enumerate(order):
        ax.text(
            total[c] + 0.003,
            i,
            f"{total[c]:.0%} ({round(total[c] * n_topics)} topics)",
            va="center",
            fontsize=8,
        )
    ax.set_yticks(
        range(len(order)),
        [textwrap.fill(f"{c} · {titles[c]}", 26) for c in order],
        fontsize=8.5,
    )
    ax.set(
        xlabel=f"share of the {n_topics} topics the sources name",
        xlim=(0, 1.3 * max(total.values())),
    )
    ax.xaxis.set_major_locator(MultipleLocator(0.05))
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8)


def plot_topic_weights(*, ax=None):
    r"""Each chapter's share of the topics the two sources name, as sorted stacked bars.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw. Default: a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes. Each bar segment has ``gid`` ``"weight-<chapter>-<source>"`` with
        ``source`` one of ``both``, ``seed-000``, ``seed-001``; the segments of a chapter add
        up to its weight in :func:`mathforml.datasets.topic_weights`.

    Notes
    -----
    With :math:`n_c` topics first taught in chapter :math:`c`, the bar's length is
    :math:`w_c = n_c / \sum_k n_k`. It counts named topics; it does not measure how hard
    or how useful a chapter is. :ref:`sec-how-this-book-is-made` explains why bars, not a pie.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_topic_weights()
    >>> round(float(sum(bar.get_width() for bar in ax.patches)), 12)
    1.0
    >>> plt.close(ax.figure)
    """
    if ax is None:
        ax = _new_axes((6.4, 4.4))
    split, total = topic_weights(by_seed=True), topic_weights()
    order = sorted(
        total, key=lambda c: (total[c], -c)
    )  # the longest bar on top
    left = np.zeros(len(order))
    for source, (
        label,
        color,
    ) in _SOURCES.items():  # stack: both sources, then each one
        widths = [split[c][source] for c in order]
        bars = ax.barh(
            range(len(order)),
            widths,
            left=left,
            height=0.7,
            color=color,
            label=label,
        )
        for bar, c in zip(bars, order):
            bar.set_gid(f"weight-{c}-{source}")
        left += widths
    _label_bars(ax, order, total)
    return ax
