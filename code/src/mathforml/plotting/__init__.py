"""Plotting helpers: one look for every figure in the book."""

from mathforml.plotting._book_map import plot_chapter_graph, plot_topic_weights
from mathforml.plotting._linear_maps import plot_linear_map, plot_vectors
from mathforml.plotting._style import BOOK_COLORS, use_book_style

__all__ = [
    "BOOK_COLORS",
    "plot_chapter_graph",
    "plot_linear_map",
    "plot_topic_weights",
    "plot_vectors",
    "use_book_style",
]
