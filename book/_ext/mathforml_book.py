"""Sphinx extension for the book's build.

- Marks the build, so ``mathforml.glue`` glues instead of displaying (the notebook
  kernels inherit the environment of the build).
- Serves MathJax 3 from the site itself, so math renders with no request to another host.
- Points every Colab link at the generated ``.ipynb`` (the deploy workflow publishes it on
  the branch ``repository.branch`` names), never at the ``.md`` source Colab cannot open.
- Adds each script once: sphinx-thebe registers its configuration script twice, which
  is a console error in the browser.
- Loads its siblings: ``{quiz}`` (mathforml_quiz), ``{api-summary}`` (mathforml_api) and
  the rebuild shortcuts (mathforml_rebuild).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import textwrap
from importlib import metadata
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import LiteralInclude

MATHJAX_PATH = "vendor/mathjax/tex-mml-chtml.js"
# The parts of MathJax 3 that `tex-mml-chtml.js` loads: the combined component, the
# CommonHTML fonts, TeX extensions loaded on demand, and the menu / accessibility parts.
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml", "input/tex/extensions", "a11y", "ui",
                 "sre", "adaptors")


def _mathjax_source() -> Path:
    files = metadata.files("sphinx-mathjax-offline") or []
    for f in files:
        if str(f).endswith("static/mathjax/tex-mml-chtml.js"):
            return Path(f.locate()).parent
    raise RuntimeError("sphinx-mathjax-offline is not installed: run `make install`.")


def _copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    src = _mathjax_source()
    dest = Path(app.outdir) / "_static" / Path(MATHJAX_PATH).parent
    for part in MATHJAX_PARTS:
        s, d = src / part, dest / part
        if s.is_dir():
            shutil.copytree(s, d, dirs_exist_ok=True)
        else:
            d.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(s, d)


def _fix_buttons(buttons):
    for button in buttons:
        if isinstance(button.get("buttons"), list):
            _fix_buttons(button["buttons"])
        url = button.get("url", "")
        if "colab.research.google.com" in url and url.endswith(".md"):
            button["url"] = url[: -len(".md")] + ".ipynb"


def _page_context(app, pagename, templatename, context, doctree):
    if "header_buttons" in context:
        _fix_buttons(context["header_buttons"])
    scripts = context.get("script_files")
    if scripts:
        seen, unique = set(), []
        for script in scripts:
            # the same inline script arrives once with filename None and once with ""
            key = (getattr(script, "filename", str(script)) or "",
                   tuple(sorted(getattr(script, "attributes", {}).items())))
            if key not in seen:
                seen.add(key)
                unique.append(script)
        context["script_files"] = unique


def strip_docstring(source: str) -> str:
    """Remove the docstring of the function or class that ``source`` defines."""
    dedented = textwrap.dedent(source)
    tree = ast.parse(dedented)
    body = tree.body[0].body if tree.body else []
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        lines = source.splitlines(keepends=True)
        del lines[body[0].lineno - 1: body[0].end_lineno]
        return "".join(lines)
    return source


class BookLiteralInclude(LiteralInclude):
    """``literalinclude`` with ``:no-docstring:``: show a function without its docstring."""

    option_spec = {**LiteralInclude.option_spec, "no-docstring": directives.flag}

    def run(self):
        result = super().run()
        if "no-docstring" in self.options:
            for block in result[0].findall(nodes.literal_block):
                text = strip_docstring(block.astext())
                block.rawsource = text
                block.children = [nodes.Text(text)]
        return result


def _number_like_the_web(tex: str) -> str:
    """Make the PDF's numbering match the web's.

    The first part (the front matter) is Chapter 0 with plain equation, figure and table
    numbers, as on the unnumbered web pages; numbered chapters count equations and figures
    within the chapter, as the web does with ``numfig_secnum_depth: 1``; the appendix part
    is lettered; the bibliography page, whose entries LaTeX prints as a chapter of their
    own, does not leave an empty chapter behind.
    """
    plain = "".join(f"\\renewcommand{{\\the{c}}}{{\\arabic{{{c}}}}}"
                    for c in ("equation", "figure", "table"))
    chaptered = "".join(f"\\renewcommand{{\\the{c}}}{{\\thechapter.\\arabic{{{c}}}}}"
                        for c in ("equation", "figure", "table"))
    parts = [m.start() for m in re.finditer(r"^\\part\{", tex, re.MULTILINE)]
    first = tex.find("\\chapter{")
    if first < 0:
        return tex
    pieces = [(first, "\\setcounter{chapter}{-1}" + plain + "\n")]
    if len(parts) > 1:
        pieces.append((parts[1], chaptered + "\n"))
    appendix = re.search(r"^\\part\{Appendix\}", tex, re.MULTILINE)
    if appendix:
        pieces.append((appendix.start(), "\\appendix\n"))
    for at, text in sorted(pieces, reverse=True):
        tex = tex[:at] + text + tex[at:]
    return re.sub(r"\\chapter\{Bibliography\}\n((?:\\label\{[^\n]*\n)+)[\s\S]*?"
                  r"(?=\\begin\{sphinxthebibliography\})", r"\1", tex)


def _resolve_exercise_refs(tex: str) -> str:
    """Give references to exercises their number in the PDF, as on the web.

    sphinx-exercise labels an exercise ``exercise:<label>`` but a reference from another
    page points at ``<docname>:<label>`` and prints ``\\ref`` of it, which LaTeX shows as
    "Exercise ??". The exercise's own box title carries its number: use it.
    """
    numbers = dict(re.findall(r"\\label\{exercise:([\w.:-]+)\}\s*\\begin\{sphinxadmonition\}"
                              r"\{\w+\}\{Exercise ([\d.]+)", tex))

    def fix(m):
        label, word = m.group(1), m.group(2)
        if label not in numbers:
            return m.group(0)
        return f"\\hyperref[exercise:{label}]{{{word} {numbers[label]}}}"

    return re.sub(r"\\hyperref\[\\detokenize\{[^}]*?:([\w.-]+)\}\]\{(\w+) \\ref\{"
                  r"\\detokenize\{[^}]*\}\}\}", fix, tex)


def _fix_latex(app, exception):
    if exception is not None or app.builder.name != "latex":
        return
    for tex in Path(app.outdir).glob("*.tex"):
        text = _resolve_exercise_refs(_number_like_the_web(tex.read_text("utf-8")))
        tex.write_text(text, "utf-8")


def _latex_proofs(app, doctree, docname):
    """In the PDF a proof reads as in a mathematics book: *Proof.* and the argument, closed
    by a square, with no box. (sphinx-proof gives LaTeX an admonition without a title, so
    every proof opened with an empty colored title bar, its first paragraph taken as the
    title argument.)"""
    if app.builder.format != "latex":
        return
    from sphinx_proof.nodes import proof_node

    for proof in list(doctree.findall(proof_node)):
        for box in [c for c in proof.children if isinstance(c, nodes.admonition)]:
            body = list(box.children)
            first = body[0] if body else None
            if (isinstance(first, nodes.paragraph) and first.children
                    and isinstance(first[0], nodes.Text)
                    and first[0].astext().startswith("Proof. ")):
                rest = first[0].astext()[len("Proof. "):]
                first.replace(first[0], nodes.Text(rest))
                first.insert(0, nodes.emphasis("", "Proof."))
                first.insert(1, nodes.Text(" "))
            qed = nodes.raw("", r"\nobreak\hfill$\square$", format="latex")
            if body and isinstance(body[-1], nodes.paragraph):
                body[-1] += qed
            else:
                body.append(nodes.paragraph("", "", qed))
            box.replace_self(nodes.container("", *body))


def _format_plain_text(text: str, fmt_spec: str) -> str:
    """myst-nb's ``{glue:text}`` formatting, with ``e`` specs written as ``2.5 × 10⁻⁸``."""
    from myst_nb.core.variables import format_plain_text

    if fmt_spec[-1:] in ("e", "E"):
        from mathforml.book import format_value

        return format_value(float(text), fmt_spec)
    return format_plain_text(text, fmt_spec)


def _patch_glue_format():
    import myst_nb.ext.glue.crossref as crossref
    import myst_nb.ext.glue.roles as roles

    for module in (roles, crossref):
        if hasattr(module, "format_plain_text"):
            module.format_plain_text = _format_plain_text


def _pdf_status(app, exception):
    """``_static/mfml-pdf.js`` tells the sidebar whether the site has its PDF (`make pdf`
    rewrites it when it copies the PDF in), so the link never leads to a 404."""
    if exception is not None or app.builder.format != "html":
        return
    has_pdf = (Path(app.outdir) / "mathforml-book.pdf").exists()
    status = Path(app.outdir) / "_static" / "mfml-pdf.js"
    status.parent.mkdir(parents=True, exist_ok=True)
    status.write_text(f"window.MFML_PDF = {'true' if has_pdf else 'false'};\n", "utf-8")


def _name_sidebar_toggles(app, exception):
    """Give the sidebar's expand/collapse toggles a name screen readers can say.

    The theme draws them as ``<summary>`` elements holding only an icon, which axe-core
    reports as a serious violation (``summary-name``) on every page.
    """
    if exception is not None or app.builder.format != "html":
        return
    fixes = {
        '<summary><span class="toctree-toggle"':
            '<summary aria-label="Show or hide the sections"><span class="toctree-toggle"',
        # docutils marks the bibliography role="list" although its entries are not
        # list items (axe-core: aria-required-children, critical)
        '<div role="list" class="citation-list">': '<div class="citation-list">',
    }
    # only the pages this build wrote: rewriting the others would make them look new
    for page in map(Path, sorted(app.env.__dict__.pop("mfml_written_pages", ()))):
        if not page.exists():
            continue
        text = page.read_text("utf-8")
        fixed = text
        for bad, good in fixes.items():
            fixed = fixed.replace(bad, good)
        if fixed != text:
            page.write_text(fixed, "utf-8")


def _note_written_page(app, pagename, templatename, context, doctree):
    if app.builder.format == "html":
        written = app.env.__dict__.setdefault("mfml_written_pages", set())
        written.add(app.builder.get_outfilename(pagename))


def _own_nodes(app, doctree):
    """Make every node of a page belong to the page's document.

    MyST's ``{eval-rst}`` blocks (the API pages' ``automodule``) parse into a scratch
    document that shares the page's settings, and the nodes keep pointing at it. Sphinx
    strips the build environment from the page's settings only on a copy, so the pickled
    page dragged the whole environment along: 17 MB per API page, and every rebuild, even
    with nothing changed, spent over a minute unpickling them to number the figures.
    """
    for node in doctree.findall():
        if node.document is not doctree:
            node.document = doctree


def _config_inited(app, config):
    config.mathjax_path = MATHJAX_PATH


def setup(app):
    # Pages the build executes glue their values for myst-nb (mathforml.book.glue). Set here,
    # not at import: scripts/colab.py imports this module, and the unit tests import colab.py.
    os.environ["MATHFORML_BOOK"] = "1"
    # the sibling modules in book/_ext
    from mathforml_api import setup as setup_api
    from mathforml_quiz import setup as setup_quiz
    from mathforml_rebuild import setup as setup_rebuild

    setup_quiz(app)
    setup_api(app)
    setup_rebuild(app)
    # phones: legible figures and equations that scroll sideways with a visible cue
    app.add_js_file("mathforml-narrow.js", loading_method="defer")
    _patch_glue_format()
    app.add_directive("literalinclude", BookLiteralInclude, override=True)
    app.connect("config-inited", _config_inited)
    app.connect("doctree-read", _own_nodes)
    app.connect("html-page-context", _page_context, priority=900)
    app.connect("html-page-context", _note_written_page)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _fix_latex)
    app.connect("doctree-resolved", _latex_proofs)
    app.connect("build-finished", _name_sidebar_toggles)
    app.connect("build-finished", _pdf_status)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
