"""use_book_style: the inline backend's figure formats in and outside the book build."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("IPython")  # the inline backend's formats: not in the floor environment
pytest.importorskip("matplotlib_inline")

# Run in a fresh interpreter: an IPython shell made here would stay for the rest of the
# worker and change how glue() shows values in other tests.
SCRIPT = """
import json
from IPython.core.interactiveshell import InteractiveShell
from matplotlib.figure import Figure
from mathforml.plotting import use_book_style
shell = InteractiveShell.instance()
use_book_style()
formatters = shell.display_formatter.formatters
print(json.dumps(sorted(mime for mime in ("image/svg+xml", "application/pdf", "image/png")
                        if Figure in formatters[mime].type_printers)))
"""


@pytest.mark.parametrize(
    ("book", "expected"),
    [("1", ["application/pdf", "image/svg+xml"]), (None, ["image/svg+xml"])],
    ids=["in the book build", "in a reader's notebook"],
)
def test_figures_are_rendered_as_pdf_only_for_the_book(book, expected):
    env = {k: v for k, v in os.environ.items() if k != "MATHFORML_BOOK"}
    if book is not None:
        env["MATHFORML_BOOK"] = book
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == expected
