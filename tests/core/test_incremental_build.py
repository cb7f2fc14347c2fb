"""The shortcuts that keep a rebuild fast decide correctly what to redo.

- scripts/preexecute.py skips a page edited since its last run when the page's code cells
  did not change (a prose edit): its fingerprint must change with any code-cell edit and
  with nothing else.
- scripts/colab.py rewrites a page's notebook only when it is older than the page, its
  HTML or its glued values.
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


def test_a_notebook_is_stale_when_any_input_is_newer(tmp_path):
    pytest.importorskip("jupytext")
    pytest.importorskip("sphinx")
    colab = load_script("colab")
    md = ROOT / "book" / "01-vectors-matrices" / "scalars-vectors-matrices.md"
    rel = md.relative_to(ROOT)
    out, build = tmp_path / "out", tmp_path / "build"
    target = out / rel.with_suffix(".ipynb")
    html = build / "html" / rel.with_suffix(".html")
    glue = build / "jupyter_execute" / rel.with_suffix(".glue.json")
    assert colab.stale(md, out, build)  # no notebook yet
    for path in (target, html, glue):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", "utf-8")
    page_time = md.stat().st_mtime
    os.utime(html, (page_time + 10, page_time + 10))
    os.utime(glue, (page_time + 10, page_time + 10))
    os.utime(target, (page_time + 20, page_time + 20))
    assert not colab.stale(md, out, build)
    for newer in (html, glue):
        os.utime(newer, (page_time + 30, page_time + 30))
        assert colab.stale(md, out, build)
        os.utime(newer, (page_time + 10, page_time + 10))
    os.utime(target, (page_time - 10, page_time - 10))  # older than the page itself
    assert colab.stale(md, out, build)
