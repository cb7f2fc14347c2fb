"""Self-checking exercises: ``check("gram-schmidt", my_gram_schmidt)``.

Each exercise runs the reader's function (or compares the reader's value) against the
package's reference on a family of inputs and explains, in plain words, the first failure
and the usual mistake behind it. It never raises on a wrong answer.
"""

from mathforml.practice import _exercises  # noqa: F401  (registers the exercises)
from mathforml.practice._core import Report, check, exercises

__all__ = ["Report", "check", "exercises"]
