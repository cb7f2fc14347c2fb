"""The summary table at the top of each page of the API reference.

``{api-summary} mathforml.linalg`` renders one row per public name of the module (its
``__all__``, in that order; without ``__all__``, its public attributes that are not
modules): the name, linked to its entry in the reference; the summary of its docstring
(the first paragraph); and *Taught in*, the sections its docstring's ``:ref:`` roles name
(in order of appearance, without repeats, at most two)::

    ```{api-summary} mathforml.datasets
    :exclude: load_chapters, topic_weights
    ```

``:exclude:`` leaves out names documented elsewhere (the book-building helpers are on the
authors' page). A public name whose docstring has no ``:ref:`` is a warning, so the ``-W``
build fails until its *Notes* say which section teaches it; a ``:ref:`` to a label that does
not exist fails it too (the table is parsed as reStructuredText, so its links are ordinary
cross-references). In the PDF the table is a ``longtable`` with fixed, ragged-right
columns, so long rows wrap and a long table breaks across pages.
"""

from __future__ import annotations

import importlib
import inspect
import re
import types

from docutils import nodes
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

# :ref:`label` and :ref:`text <label>`
REF = re.compile(r":ref:`(?:[^`<]*<)?\s*([^`<>]+?)\s*>?`")
MAX_SECTIONS = 2
WIDTHS = (30, 46, 24)
# LaTeX: the same widths, each column set ragged-right (a justified narrow column stretches
# the spaces of a section title)
LATEX_COLUMNS = "".join(rf">{{\raggedright\arraybackslash}}\X{{{w}}}{{100}}" for w in WIDTHS)


def public_names(module: types.ModuleType) -> list[str]:
    """``__all__`` in its order, else the public attributes that are not modules."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    return [n for n, v in vars(module).items()
            if not n.startswith("_") and not isinstance(v, types.ModuleType)]


def taught_in(doc: str) -> list[str]:
    """The labels the docstring's ``:ref:`` roles name: in order, once each, at most two."""
    return list(dict.fromkeys(REF.findall(doc)))[:MAX_SECTIONS]


def summary(doc: str) -> str:
    """The docstring's first paragraph, on one line."""
    first = doc.strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in first.splitlines())


def role_for(obj) -> str:
    if isinstance(obj, type):
        return "py:exc" if issubclass(obj, BaseException) else "py:class"
    if callable(obj):
        return "py:func"
    return "py:data"


def _cell(text: str) -> str:
    return text.replace("\n", " ") or r"\ "


class ApiSummary(SphinxDirective):
    """``{api-summary} <module>``: the table of the module's public names."""

    required_arguments = 1
    option_spec = {"exclude": lambda arg: [n.strip() for n in arg.split(",") if n.strip()]}

    def run(self):
        modname = self.arguments[0].strip()
        location = self.get_location()
        try:
            module = importlib.import_module(modname)
        except ImportError as err:
            logger.warning("api-summary: cannot import %s: %s", modname, err,
                           location=location, type="mathforml", subtype="api")
            return []
        exclude = self.options.get("exclude", [])
        names = public_names(module)
        for name in exclude:
            if name not in names:
                logger.warning("api-summary: :exclude: names %s, which is not a public name "
                               "of %s", name, modname, location=location,
                               type="mathforml", subtype="api")
        rows = []
        for name in names:
            if name in exclude or name.startswith("__"):
                continue
            obj = getattr(module, name)
            doc = inspect.getdoc(obj) or ""
            labels = taught_in(doc)
            if not labels:
                logger.warning("api-summary: %s.%s has no :ref: to the section that teaches "
                               "it: add one to the Notes of its docstring", modname, name,
                               location=location, type="mathforml", subtype="api")
            role = role_for(obj)
            rows.append([
                f":{role}:`~{modname}.{name}`",
                _cell(summary(doc)),
                _cell(", ".join(f":ref:`{label}`" for label in labels)),
            ])
        if not rows:
            return []
        widths = " ".join(map(str, WIDTHS))
        lines = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}",
                 "   :class: longtable api-summary", "",
                 "   * - Name", "     - Summary", "     - Taught in"]
        for row in rows:
            lines.append(f"   * - {row[0]}")
            lines.extend(f"     - {cell}" for cell in row[1:])
        spec = addnodes.tabular_col_spec()  # what ``.. tabularcolumns::`` makes
        spec["spec"] = LATEX_COLUMNS
        self.set_source_info(spec)
        return [spec, *self._parse_rst("\n".join(lines), modname)]

    def _parse_rst(self, text: str, modname: str) -> list[nodes.Node]:
        """Parse ``text`` as reStructuredText (also on a MyST page), with ``modname`` as the
        current module, so a docstring's ``:func:`name``` resolves as in its own entry."""
        source, line = self.get_source_info()
        settings = self.state.document.settings
        document = new_document(f"{source}:api-summary", settings)
        context = self.env.ref_context
        saved = context.get("py:module")
        context["py:module"] = modname
        try:
            Parser().parse(text, document)
        finally:
            if saved is None:
                context.pop("py:module", None)
            else:
                context["py:module"] = saved
        result = list(document.children)
        for node in result:  # a warning about a cell points at the directive
            for child in node.findall(nodes.Element):
                child.source, child.line = source, line
        return result


def setup(app):
    app.add_directive("api-summary", ApiSummary)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
