"""The shortcuts that keep a rebuild fast decide correctly what to redo.

- scripts/preexecute.py skips a page edited since its last run when the page's code cells
  did not change (a prose edit): its fingerprint must change with any code-cell edit and
  with nothing else.
- scripts/colab.py rewrites a page's notebook only when the page, its HTML, its glued
  values or the notebook itself changed content since it wrote it.
"""

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  name: python3
---

# A page

Some prose with a number.

```{code-cell} ipython3
:tags: [hide-input]
x = 1
```

More prose.

````{code-cell} ipython3
y = x + 1
````
"""

EDITS = {
    "prose": ("Some prose with a number.", "Some other prose with a number.", False),
    "heading": ("# A page", "# A renamed page", False),
    "code": ("x = 1", "x = 2", True),
    "cell tags": (":tags: [hide-input]", ":tags: [remove-cell]", True),
    "four-backtick cell": ("y = x + 1", "y = x + 3", True),
    "new cell": ("More prose.", "More prose.\n\n```{code-cell} ipython3\nz = 0\n```", True),
    "kernel": ("name: python3", "name: python2", True),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_only_a_code_edit_changes_the_fingerprint(tmp_path, edit):
    fingerprint = load_script("preexecute").code_fingerprint
    old, new, changes = EDITS[edit]
    page = tmp_path / "page.md"
    page.write_text(PAGE, "utf-8")
    before = fingerprint(page)
    assert old in PAGE
    page.write_text(PAGE.replace(old, new, 1), "utf-8")
    assert (fingerprint(page) != before) is changes


def test_a_notebook_is_rewritten_when_an_input_or_the_notebook_changes(tmp_path, monkeypatch):
    pytest.importorskip("jupytext")
    pytest.importorskip("sphinx")
    monkeypatch.delenv("MATHFORML_BOOK", raising=False)
    colab = load_script("colab")
    # importing the book's extension must not switch this process into "inside the book"
    # (it once did, and the glue doctest run later in the same worker then showed nothing)
    assert "MATHFORML_BOOK" not in os.environ
    md = ROOT / "book" / "01-vectors-matrices" / "scalars-vectors-matrices.md"
    rel = md.relative_to(ROOT)
    out, build = tmp_path / "out", tmp_path / "build"
    files = {"notebook": out / rel.with_suffix(".ipynb"),
             "html": build / "html" / rel.with_suffix(".html"),
             "glue": build / "jupyter_execute" / rel.with_suffix(".glue.json")}
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", "utf-8")
    record = colab.page_record(md, out, build)
    for path in files.values():  # same content, new time (the PDF build rewrites glue)
        os.utime(path, (md.stat().st_mtime + 100,) * 2)
    assert colab.page_record(md, out, build) == record
    for name, path in files.items():
        path.write_text('{"changed": 1}', "utf-8")
        assert colab.page_record(md, out, build) != record, name
        path.write_text("{}", "utf-8")
    files["notebook"].unlink()
    assert colab.page_record(md, out, build) != record
