"""mathforml: the tested code behind *Mathematics for Machine Learning — the executable textbook*.

Subpackages follow the book's parts; each re-exports its public names.
"""

from mathforml.book import format_value, glue, in_book_build
from mathforml.plotting import use_book_style

__version__ = "0.1.0"
__all__ = ["__version__", "format_value", "glue", "in_book_build", "use_book_style"]
