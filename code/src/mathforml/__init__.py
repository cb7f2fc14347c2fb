"""mathforml: the tested code behind *Mathematics for Machine Learning — the executable textbook*.

Subpackages follow the book's parts; each re-exports its public names.
"""

from mathforml.book import format_value, glue, in_book_build

__version__ = "0.1.0"
__all__ = [
    "__version__",
    "format_value",
    "glue",
    "in_book_build",
    "use_book_style",
]


def __getattr__(name: str):
    # Matplotlib loads only when a figure is wanted: `import mathforml.linalg` stays light.
    if name == "use_book_style":
        from mathforml.plotting import use_book_style

        return use_book_style
    raise AttributeError(f"module 'mathforml' has no attribute {name!r}")
