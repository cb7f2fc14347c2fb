"""Plotting helpers: one look for every figure in the book."""

from mathforml.plotting._style import BOOK_COLORS, use_book_style

__all__ = ["BOOK_COLORS", "use_book_style"]
