"""`jupyter-book build`, with one Sphinx environment (doctrees) per builder.

Jupyter Book 1.x keeps the doctrees of every builder in `_build/.doctrees`, so after a PDF
build the HTML builder finds an environment pickled by the LaTeX builder and re-reads every
page. Giving each output folder its own doctrees (`_build/.doctrees-html`,
`_build/.doctrees-latex`) keeps an HTML rebuild after `make pdf` as fast as any other.
Arguments are those of `jupyter-book build`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupyter_book.sphinx
from jupyter_book.cli.main import main

_build_sphinx = jupyter_book.sphinx.build_sphinx


def build_sphinx(sourcedir, outputdir, *args, **kwargs):
    if kwargs.get("doctreedir") is None:
        out = Path(outputdir)
        kwargs["doctreedir"] = out.parent / f".doctrees-{out.name}"
    return _build_sphinx(sourcedir, outputdir, *args, **kwargs)


# The CLI imports build_sphinx from this module when it runs, so the patch is seen.
jupyter_book.sphinx.build_sphinx = build_sphinx

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
