"""The figures of the book's map (Section 0.2): the chapter graph and the topic weights.

The chapter graph draws the prerequisites that load_chapters derives from the book's
cross-references (tests/datasets/test_section_links.py checks the data itself)."""

from collections import defaultdict
from itertools import pairwise

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mathforml.datasets import load_chapters, topic_weights
from mathforml.plotting import plot_chapter_graph, plot_topic_weights
from tolerances import DIRECT


@pytest.fixture(scope="module")
def graph():
    ax = plot_chapter_graph()
    yield ax
    plt.close(ax.figure)


@pytest.fixture(scope="module")
def bars():
    ax = plot_topic_weights()
    yield ax
    plt.close(ax.figure)


def _by_gid(artists, prefix):
    return {
        a.get_gid(): a
        for a in artists
        if (a.get_gid() or "").startswith(prefix)
    }


def test_every_chapter_is_a_node(graph):
    nodes = _by_gid(graph.texts, "chapter-")
    assert set(nodes) == {f"chapter-{c.number}" for c in load_chapters()}
    for c in load_chapters():
        assert c.title.split()[0] in nodes[f"chapter-{c.number}"].get_text()


def test_every_prerequisite_edge_is_drawn_and_nothing_else(graph):
    edges = _by_gid(graph.texts, "edge-")
    expected = {
        f"edge-{p}-{c.number}"
        for c in load_chapters()
        for p in c.prerequisites
    }
    assert set(edges) == expected
    assert all(e.arrow_patch is not None for e in edges.values())


def test_edges_point_from_prerequisite_to_chapter(graph):
    nodes = _by_gid(graph.texts, "chapter-")
    for gid, edge in _by_gid(graph.texts, "edge-").items():
        _, p, c = gid.split("-")
        assert edge.xy == nodes[f"chapter-{c}"].get_position()  # the head
        assert edge.xyann == nodes[f"chapter-{p}"].get_position()  # the tail


def test_layers_go_left_to_right(graph):
    nodes = _by_gid(graph.texts, "chapter-")
    x = {int(g.split("-")[1]): t.get_position()[0] for g, t in nodes.items()}
    for c in load_chapters():
        assert all(x[p] < x[c.number] for p in c.prerequisites)
    starts = {c.number for c in load_chapters() if not c.prerequisites}
    assert {n for n in x if x[n] == min(x.values())} == starts


def test_graph_is_acyclic_and_prerequisites_come_earlier():
    chapters = load_chapters()
    seen = set()
    for (
        c
    ) in chapters:  # in book order, every prerequisite has already been read
        assert set(c.prerequisites) <= seen, c.number
        seen.add(c.number)
    # Kahn's algorithm removes every node exactly when there is no cycle
    indegree = {c.number: len(c.prerequisites) for c in chapters}
    ready, removed = [n for n, d in indegree.items() if d == 0], 0
    while ready:
        n, removed = ready.pop(), removed + 1
        for c in chapters:
            if n in c.prerequisites:
                indegree[c.number] -= 1
                if indegree[c.number] == 0:
                    ready.append(c.number)
    assert removed == len(chapters)


def test_nodes_do_not_overlap(graph):
    fig = graph.figure
    fig.canvas.draw()
    nodes = _by_gid(graph.texts, "chapter-").values()
    boxes = [t.get_bbox_patch().get_window_extent() for t in nodes]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_bar_widths_equal_the_topic_weights(bars):
    split, total = topic_weights(by_seed=True), topic_weights()
    per_chapter = defaultdict(float)
    for gid, bar in _by_gid(bars.patches, "weight-").items():
        _, chapter, source = gid.split("-", 2)
        np.testing.assert_allclose(
            bar.get_width(), split[int(chapter)][source], **DIRECT
        )
        per_chapter[int(chapter)] += bar.get_width()
    assert set(per_chapter) == set(total)
    for chapter, width in per_chapter.items():
        np.testing.assert_allclose(width, total[chapter], **DIRECT)
    np.testing.assert_allclose(sum(per_chapter.values()), 1.0, **DIRECT)


def test_bars_are_sorted_largest_on_top(bars):
    total = topic_weights()
    rows = {}
    for gid, bar in _by_gid(bars.patches, "weight-").items():
        rows[int(gid.split("-")[1])] = bar.get_y()
    ordered = sorted(rows, key=rows.get)  # bottom to top
    assert [total[c] for c in ordered] == sorted(total[c] for c in ordered)


def test_segments_of_a_bar_are_stacked_without_gaps(bars):
    rows = defaultdict(list)
    for gid, bar in _by_gid(bars.patches, "weight-").items():
        rows[gid.split("-")[1]].append((bar.get_x(), bar.get_width()))
    for segments in rows.values():
        segments.sort()
        assert segments[0][0] == 0
        for (x0, w0), (x1, _) in pairwise(segments):
            np.testing.assert_allclose(x1, x0 + w0, **DIRECT)


@pytest.mark.parametrize("plot", [plot_chapter_graph, plot_topic_weights])
def test_a_given_axes_is_used_and_returned(plot):
    fig, ax = plt.subplots(figsize=(7, 4))
    try:
        assert plot(ax=ax) is ax
        assert len(fig.axes) == 1
        assert ax.texts  # it drew there
    finally:
        plt.close(fig)


@pytest.mark.parametrize("plot", [plot_chapter_graph, plot_topic_weights])
def test_no_axes_makes_a_new_figure(plot):
    before = plt.get_fignums()
    ax = plot()
    try:
        assert ax.figure.number not in before
    finally:
        plt.close(ax.figure)
