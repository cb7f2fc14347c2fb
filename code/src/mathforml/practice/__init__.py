"""Self-checking exercises: ``check("gram-schmidt", my_gram_schmidt)``.

Each exercise runs the reader's function (or compares the reader's value) against the
package's reference on a family of inputs and explains, in plain words, the first failure
and the usual mistake behind it. It never raises on a wrong answer.

The exercises of Chapters 1-4 live in ``_exercises``; each later chapter adds a module
``_chNN_<topic>.py`` that registers its own, imported here.
"""

import importlib as _importlib
import pkgutil as _pkgutil

from mathforml.practice import _exercises  # noqa: F401  (registers the exercises)
from mathforml.practice._core import Report, check, exercises

for _module in sorted(_pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _module.name.startswith("_ch"):
        _importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Report", "check", "exercises"]
