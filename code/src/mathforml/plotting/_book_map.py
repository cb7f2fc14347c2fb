"""The two figures of the book's map (Section 0.2): the chapter graph and the topic weights."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from mathforml.datasets import load_chapters, load_seed_topics, topic_weights
from mathforml.plotting._style import BOOK_COLORS

__all__ = ["plot_chapter_graph", "plot_topic_weights"]

#: Half the width and half the height of a chapter's box, in layer units.
_BOX = (0.42, 0.3)
#: Labels and shades of the stacked bars, one per group of sources.
_SOURCES = {"both": ("both sources", "#404040"), "seed-000": ("seed-000 only", BOOK_COLORS[0]),
            "seed-001": ("seed-001 only", BOOK_COLORS[5])}


def _layers(chapters) -> dict[int, int]:
    """Longest path from a chapter without prerequisites: chapter number -> layer."""
    layer = {}
    for c in chapters:  # the file lists every prerequisite before the chapters that need it
        layer[c.number] = 1 + max((layer[p] for p in c.prerequisites), default=-1)
    return layer


def _positions(chapters) -> dict[int, tuple[float, float]]:
    """x = layer; y spreads a layer's chapters, ordered by the mean height of their prerequisites."""
    layer, xy = _layers(chapters), {}
    for k in range(max(layer.values()) + 1):
        members = [c for c in chapters if layer[c.number] == k]
        members.sort(key=lambda c: -np.mean([xy[p][1] for p in c.prerequisites] or [0.0]))
        for i, c in enumerate(members):
            xy[c.number] = (float(k), (len(members) - 1) / 2 - i)
    return xy


def _bend(a, b, obstacles) -> float:
    """The curvature (``arc3`` rad) that keeps the edge a -> b farthest from other boxes."""
    (xa, ya), (xb, yb) = a, b
    t = np.linspace(0.0, 1.0, 41)[:, None]
    best, best_gap = 0.0, -np.inf
    for rad in (0.0, 0.35, -0.35, 0.6, -0.6):
        ctrl = np.array([(xa + xb) / 2 + rad * (yb - ya), (ya + yb) / 2 - rad * (xb - xa)])
        curve = (1 - t) ** 2 * np.array(a) + 2 * t * (1 - t) * ctrl + t**2 * np.array(b)
        gap = min((np.abs(curve - o) / _BOX).max(axis=1).min() for o in obstacles) if obstacles \
            else np.inf
        if gap > best_gap + 0.25:  # prefer the straighter edge unless a bend clears clearly more
            best, best_gap = rad, gap
    return best


def plot_chapter_graph(ax=None):
    r"""Draw the chapters as a layered graph, an arrow from each prerequisite to its chapter.

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
    box bend around it. Section 0.2 of the book reads the graph.

    Examples
    --------
    >>> ax = plot_chapter_graph()
    >>> sum(t.get_gid().startswith("edge") for t in ax.texts)
    20
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7.2, 3.4))
    chapters, xy = load_chapters(), _positions(load_chapters())
    parts = list(dict.fromkeys(c.part for c in chapters))
    boxes = {}
    for c in chapters:
        color = BOOK_COLORS[parts.index(c.part)]
        label = f"{c.number}\n" + textwrap.fill(c.title, 17)
        boxes[c.number] = ax.text(*xy[c.number], label, ha="center", va="center", fontsize=7.5,
                                  gid=f"chapter-{c.number}", zorder=3, bbox={
                                      "boxstyle": "round,pad=0.35", "ec": color, "lw": 1.2,
                                      "fc": to_rgba(color, 0.12)})
    for c in chapters:
        for p in c.prerequisites:
            others = [xy[o] for o in xy if o not in (p, c.number)]
            ax.annotate("", xy[c.number], xy[p], gid=f"edge-{p}-{c.number}", zorder=2,
                        arrowprops={"arrowstyle": "-|>", "color": "0.35", "lw": 0.9,
                                    "patchA": boxes[p].get_bbox_patch(),
                                    "patchB": boxes[c.number].get_bbox_patch(),
                                    "connectionstyle": f"arc3,rad={_bend(xy[p], xy[c.number], others)}"})
    handles = [Patch(fc=to_rgba(BOOK_COLORS[i], 0.12), ec=BOOK_COLORS[i], label=part)
               for i, part in enumerate(parts)]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=len(parts),
              fontsize=8, handlelength=1.2, columnspacing=1.0)
    ys = [y for _, y in xy.values()]
    ax.set(xlim=(-0.55, max(x for x, _ in xy.values()) + 0.55),
           ylim=(min(ys) - 0.55, max(ys) + 0.55))
    ax.set_axis_off()
    return ax


def plot_topic_weights(ax=None):
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
    or how useful a chapter is. Section 0.2 of the book explains why bars, not a pie.

    Examples
    --------
    >>> ax = plot_topic_weights()
    >>> round(sum(bar.get_width() for bar in ax.patches), 12)
    1.0
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 3.8))
    split, total = topic_weights(by_seed=True), topic_weights()
    n_topics = sum(t.chapter > 0 for t in load_seed_topics())
    titles = {c.number: c.title for c in load_chapters()}
    order = sorted(total, key=lambda c: (total[c], -c))  # largest at the top
    left = np.zeros(len(order))
    for source, (label, color) in _SOURCES.items():
        widths = [split[c][source] for c in order]
        bars = ax.barh(range(len(order)), widths, left=left, color=color, label=label, height=0.7)
        for bar, c in zip(bars, order):
            bar.set_gid(f"weight-{c}-{source}")
        left += widths
    for i, c in enumerate(order):
        ax.text(total[c] + 0.003, i, f"{total[c]:.0%} ({round(total[c] * n_topics)})",
                va="center", fontsize=8)
    ax.set_yticks(range(len(order)), [textwrap.shorten(f"{c}  {titles[c]}", 40) for c in order])
    ax.set(xlabel=f"share of the {n_topics} topics the sources name", xlim=(0, 1.2 * max(left)))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8)
    return ax
