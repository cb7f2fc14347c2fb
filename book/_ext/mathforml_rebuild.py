"""Fast rebuilds: the work a rebuild repeats for every page, done once and remembered.

A one-page edit made Sphinx redo three things for the whole book on every build:

- **figure numbers.** Sphinx numbers figures, tables and exercises by walking every page's
  doctree in toctree order, and unpickles every doctree to do it (~45 MB, 5-8 s). The walk
  reads only sections, toctrees and the numbered nodes, so each page's *skeleton* (those
  nodes and the elements that hold them) is kept in the environment, keyed by the saved
  doctree's size and modification time, and the walk reads skeletons. A page re-read since
  gets a new skeleton from its new doctree.
- **bibliography.** sphinxcontrib-bibtex formats every entry of references.bib twice
  (entry and tooltip) on every build (~3 s). Formatting is a function of the style, the
  label and the entry's fields, so the results are kept in the environment under that key.
- **the exercise registry.** sphinx-exercise keeps each exercise and solution node in the
  environment with its link to the page's document, so the pickled environment held whole
  pages (16 of its 21 MB), loaded and saved on every build. The registry keeps detached
  copies instead: the titles and attributes its post-transforms read.

``MFML_CHECK_FIGNUMBERS=1`` (set by ``make test-book``) numbers the figures both ways and
fails the build if the skeletons give a different number anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors.toctree import TocTreeCollector

_sphinx_assign_figure_numbers = TocTreeCollector.assign_figure_numbers


def _detach(node: nodes.Element) -> nodes.Element:
    """A copy of `node` and its children that points at no document."""
    copy = node.deepcopy()
    for n in copy.findall():
        n.document = None
    copy.parent = None
    return copy


def _figtype_of(env):
    """Sphinx's own test for a numbered node (TocTreeCollector.assign_figure_numbers)."""
    domains = list(env.domains.values())

    def figtype(node):
        for domain in domains:
            kind = domain.get_enumerable_node_type(node)
            if domain.name == "std" and not domain.get_numfig_title(node):
                continue
            if kind:
                return kind
        return None

    return figtype


def _skeleton(doctree: nodes.document, figtype) -> nodes.Element:
    """The nodes figure numbering reads: sections, toctrees, numbered nodes, their holders."""

    def prune(node):
        if isinstance(node, addnodes.toctree):
            return _detach(node)
        if not isinstance(node, nodes.Element):
            return None
        if node["ids"] and figtype(node):
            return _detach(node)
        kept = [k for k in map(prune, node.children) if k is not None]
        if not kept:
            return None
        shell = node.copy()
        shell.document = None
        shell.extend(kept)
        return shell

    root = nodes.Element()
    root.extend([k for k in map(prune, doctree.children) if k is not None])
    return root


def _assign_figure_numbers(self, env):
    skeletons = env.__dict__.setdefault("mfml_figure_skeletons", {})
    figtype = _figtype_of(env)
    load = env.get_doctree

    def get_skeleton(docname):
        saved = Path(env.doctreedir, docname + ".doctree")
        try:
            stat = saved.stat()
        except OSError:
            return load(docname)
        key = (stat.st_mtime_ns, stat.st_size)
        hit = skeletons.get(docname)
        if hit is None or hit[0] != key:
            hit = skeletons[docname] = (key, _skeleton(load(docname), figtype))
        return hit[1]

    checking = os.environ.get("MFML_CHECK_FIGNUMBERS") == "1"
    if checking:
        previous = env.toc_fignumbers
        _sphinx_assign_figure_numbers(self, env)
        expected = env.toc_fignumbers
        env.toc_fignumbers = previous
    env.get_doctree = get_skeleton
    try:
        rewrite = _sphinx_assign_figure_numbers(self, env)
    finally:
        del env.get_doctree
    if checking and env.toc_fignumbers != expected:
        wrong = sorted(d for d in set(expected) | set(env.toc_fignumbers)
                       if expected.get(d) != env.toc_fignumbers.get(d))
        raise RuntimeError(f"figure numbers from the skeletons differ on {wrong[:5]}")
    return rewrite


def _purge(app, env, docname):
    getattr(env, "mfml_figure_skeletons", {}).pop(docname, None)


def _slim_exercise_registry(app, doctree):
    env = app.env
    registry = getattr(env, "sphinx_exercise_registry", {})
    for entry in registry.values():
        node = entry.get("node")
        if entry.get("docname") == env.docname and isinstance(node, nodes.Element):
            entry["node"] = _detach(node)


# --- bibliography -------------------------------------------------------------------

_bib_cache: dict = {}


def _entry_key(style, label, entry):
    persons = tuple((role, tuple(str(p) for p in people))
                    for role, people in entry.persons.items())
    return (type(style).__module__, type(style).__qualname__, label, entry.key, entry.type,
            tuple(entry.fields.items()), persons)


def _patch_bibtex():
    from pybtex.style.formatting import BaseStyle

    if getattr(BaseStyle.format_entry, "_mfml_cached", False):
        return
    format_entry = BaseStyle.format_entry

    def cached_format_entry(self, label, entry, bib_data=None):
        if bib_data is not None:
            return format_entry(self, label, entry, bib_data=bib_data)
        key = _entry_key(self, label, entry)
        if key not in _bib_cache:
            _bib_cache[key] = format_entry(self, label, entry)
        return _bib_cache[key]

    cached_format_entry._mfml_cached = True
    BaseStyle.format_entry = cached_format_entry


def _use_env_bib_cache(app, env, docnames):
    global _bib_cache
    _bib_cache = env.__dict__.setdefault("mfml_bibtex_formatted", {})


def setup(app):
    TocTreeCollector.assign_figure_numbers = _assign_figure_numbers
    _patch_bibtex()
    app.connect("env-before-read-docs", _use_env_bib_cache)
    app.connect("env-purge-doc", _purge)
    app.connect("doctree-read", _slim_exercise_registry, priority=900)
