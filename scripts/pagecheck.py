"""Check every book page the way a reader meets it, without a browser.

For each MyST notebook page under book/ (or the pages named on the command line):

* the reader's copy: a reader who copies the page's *visible* code cells (everything but
  `remove-cell`, `remove-input` and `skip-execution` cells) into a new notebook must get a
  notebook that runs. Hidden cells may only check: no visible cell may read a name that
  only a hidden cell binds (Python's own `symtable` says which names each cell binds and
  reads, inside its functions too), and no hidden cell may draw from `rng` (below). The
  Colab notebooks, hidden cells included, run at the oldest supported versions in
  `make test-colab`; the book build runs every cell at the newest.
* width: no visible code line, and no output line of a visible cell as the book build
  executed it (`_build/jupyter_execute`, so run it after `make html`), wider than WIDTH
  characters (the content column at 1280 px holds about 80).
* setup: the first code cell is visible (imports, `rng`, `use_book_style()`).
* random stream: a hidden cell never draws from the page's generator `rng` when a later
  visible cell uses it (the reader's copy, which has no hidden cells, would draw other
  numbers than the book shows); hidden cells use their own generator or `rng.spawn`.
* pointers: no plain "Chapter 9", "Section 2.4", "Figure 1.3", "Exercise 4.2", ... in the
  prose; each must be a cross-reference ({ref}, {numref}, {eq}, ...) so the build checks it.
* digits: no visible output prints a float with more than DIGITS_MAX significant digits
  (Python prints 17: `0.6972152040297764`) unless the cell asks for them on purpose,
  with an explicit format of 10+ digits (`f"{x:.14f}"`), `repr(...)`, `.hex()`, or a
  comment saying why the digits are the point (`# digits: ...`).
* listings: no package object shown twice with `literalinclude :pyobject:` in the book,
  and none longer than LISTING_MAX lines.
* practice: every chapter has PRACTICE_MIN self-checking exercises and PRACTICE_MIN
  kernel-free questions.
* teaching order: a cross-reference to a later page of the book (in the order of _toc.yml)
  is a forward reference. A section may only *use* what earlier sections taught, so a
  forward reference is allowed only where the reader knows it points ahead: inside an
  admonition titled "Looking ahead ...", under a heading in AHEAD_HEADINGS ("Where ML uses
  it", ...), and on the pages that are maps (Chapter 0, chapter openers, appendices).

Usage: python scripts/pagecheck.py [--no-run] [--jobs N] [book/.../page.md ...]
       python scripts/pagecheck.py --write-links   (the section graph for the package)
Exit status 1 on any finding, with one line per finding.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
WIDTH = 80          # characters of code the content column shows at 1280 px
BOX_WIDTH = 78      # ... inside an exercise or solution box, which is a little narrower
LISTING_MAX = 20
DIGITS_MAX = 9
FLOAT = re.compile(r"(?<![\w.])-?(\d+)\.(\d+)(?:e[-+]?\d+)?")
ON_PURPOSE = re.compile(r":\.?(1\d|[2-9]\d)[efg]|\brepr\(|\.hex\(\)|#\s*digits\b")
HIDDEN = {"remove-cell", "remove-input", "skip-execution"}
# A mention of a numbered thing in plain text, e.g. "Chapter 9", "Sections 4.8", "Fig. 3.6".
PLAIN = re.compile(r"\b(Chapters?|Sections?|Equations?|Eqs?\.|Figures?|Figs?\.|Exercises?|"
                   r"Tables?|Appendix|Solutions?|Lab)\s+\(?\d+(\.\d+)*\b")


# Headings under which pointers to later chapters are the point of the section.
AHEAD_HEADINGS = re.compile(r"^#{2,3}\s+(Where (ML|machine learning) uses it|What you built|"
                            r"Where to go next|Further reading)", re.I)
REF = re.compile(r"\{(?:ref|numref|eq|prf:ref)\}`(?:[^`<]*<)?([^`<>]+)>?`")


def toc_order() -> list[str]:
    """The book's pages, as paths relative to the root without suffix, in reading order."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    order: list[str] = [toc["root"]]

    def walk(entry):
        if "file" in entry:
            order.append(entry["file"])
        for sub in entry.get("sections", []):
            walk(sub)

    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            walk(chapter)
    return order


_LABELS: dict[str, str] | None = None


def label_pages() -> dict[str, str]:
    """Every label a page defines (targets, :label:, :name:), lowercased -> its page."""
    global _LABELS
    if _LABELS is None:
        _LABELS = {}
        for page in toc_order():
            text = (ROOT / (page + ".md")).read_text("utf-8")
            for pattern in (r"^\(([\w:.-]+)\)=\s*$", r"^\s*:label:\s*([\w:.-]+)",
                            r"^\s*:name:\s*([\w:.-]+)"):
                for m in re.finditer(pattern, text, re.M):
                    _LABELS.setdefault(m.group(1).lower(), page)
    return _LABELS


def page_refs(text: str) -> Iterator[tuple[int, str, bool]]:
    """Every cross-reference in a page's prose: (line number, label as written, ahead), where
    ahead is True inside a 'Looking ahead' admonition or under a heading such as
    'Where ML uses it' (pointers to later sections are allowed there)."""
    for step in walk_directives(text):
        if step.kind != "text" or (not step.titles and HEADING.match(step.line)):
            continue
        ahead = bool(AHEAD_HEADINGS.match(step.heading)) or any(
            re.match(r"looking ahead", t.strip(), re.I) for t in step.titles)
        for ref in REF.finditer(step.line):
            yield step.number, ref.group(1), ahead


def is_content_page(page: str) -> bool:
    """A section of Chapters 1-10: not the intro, Chapter 0, an index or appendix."""
    chapter = page.split("/")[1] if page.count("/") >= 2 else ""
    return not (page == toc_order()[0] or chapter.startswith("00")
                or chapter == "appendix" or page.endswith("/index"))


def forward_refs(path: Path) -> list[str]:
    """Cross-references to later pages outside a marked 'Looking ahead' context."""
    order = toc_order()
    page = rel(path).removesuffix(".md")
    if page not in order or not is_content_page(page):
        return []
    position = {p: i for i, p in enumerate(order)}
    labels = label_pages()
    out = []
    for number, label, ahead in page_refs(path.read_text("utf-8")):
        target = labels.get(label.lower().lstrip("#"))
        if not ahead and target and position.get(target, -1) > position[page] \
                and "/appendix/" not in target:
            out.append(f"{rel(path)}:{number}: forward reference to "
                       f"{label!r} ({target.split('/', 1)[1]}): use only what "
                       "earlier sections taught, or put the pointer in a 'Looking "
                       "ahead' admonition")
    return out


def section_uses() -> dict[str, list[str]]:
    """The book's dependency graph: each content section (page id, reading order) ->
    the earlier content sections it cross-references outside 'Looking ahead'
    contexts, in reading order. Shipped as LINKS by --write-links; the package's
    load_sections() reads it and derives the chapter map from it."""
    order = [p for p in toc_order() if is_content_page(p)]
    position = {p: i for i, p in enumerate(order)}
    labels = label_pages()
    graph = {}
    for page in order:
        used = {labels.get(label.lower().lstrip("#")) for _, label, ahead
                in page_refs((ROOT / (page + ".md")).read_text("utf-8")) if not ahead}
        graph[page] = sorted((u for u in used if u in position
                              and position[u] < position[page]), key=position.get)
    return graph


LINKS = ROOT / "code/src/mathforml/datasets/data/section_links.csv"


def section_rows() -> list[dict[str, str]]:
    """One row per content section, in reading order: its label, chapter, number
    ("2.4"), title and the labels of the earlier sections it uses (section_uses)."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    number = {}
    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            folder = chapter["file"].split("/")[1][:2]
            n = int(folder) if folder.isdigit() else 0
            for i, sub in enumerate(chapter.get("sections", []), start=1):
                number[sub["file"]] = (n, f"{n}.{i}")
    heads = {}
    for page in section_uses():
        text = (ROOT / (page + ".md")).read_text("utf-8")
        m = re.search(r"^\((sec-[\w:.-]+)\)=\s*\n#\s+(.+?)\s*$", text, re.M)
        if not m:
            raise ValueError(f"{page}.md: no '(sec-...)=' label above its title")
        heads[page] = m.groups()
    return [{"label": heads[page][0], "chapter": str(number[page][0]),
             "number": number[page][1], "title": heads[page][1],
             "uses": ";".join(heads[u][0] for u in uses)}
            for page, uses in section_uses().items()]


def links_csv() -> str:
    """section_links.csv as the sources give it now (see --write-links)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, ["label", "chapter", "number", "title", "uses"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(section_rows())
    return out.getvalue()


def executable_pages() -> list[Path]:
    return sorted(p for p in BOOK.rglob("*.md")
                  if "_build" not in p.parts and p.read_text("utf-8").startswith("---\njupytext"))


def all_pages() -> list[Path]:
    return sorted(p for p in BOOK.rglob("*.md") if "_build" not in p.parts)


def read_notebook(path: Path):
    import jupytext
    return jupytext.read(path)


def tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def visible_code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code" and not tags(c) & HIDDEN]


CODE_DIRECTIVES = {"code-cell", "literalinclude", "code-block", "code", "sourcecode"}


class Step(NamedTuple):
    """One line of a MyST page as :func:`walk_directives` sees it."""

    number: int               # 1-based line number
    line: str                 # the raw line
    kind: str                 # "open" / "close" a directive fence, or "text"
    titles: tuple[str, ...]   # titles of the open directives, outermost first
    heading: str              # the last heading outside directives ("" before any)


FENCE = re.compile(r"^(`{3,}|~{3,}|:{3,})(\{([\w:-]+)\})?(.*)$")
HEADING = re.compile(r"^#{1,6}\s")


def walk_directives(text: str) -> Iterator[Step]:
    """Walk a MyST page's ``` / ::: directive fences, line by line.

    Code cells, listings and plain code blocks are skipped whole (nothing is
    yielded for them). A directive's opening line is an "open" step whose
    ``titles`` already include its title; the matching bare fence is a "close"
    step; every other line is a "text" step."""
    stack: list[tuple[str, str]] = []       # (fence, title) of open directives
    skip, heading = None, ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if skip is not None:
            if stripped == skip:
                skip = None
            continue
        m = FENCE.match(stripped)
        if m:
            fence, name, title = m.group(1), m.group(3), m.group(4)
            if name in CODE_DIRECTIVES:
                skip = fence
            elif name:
                stack.append((fence, title))
                yield Step(number, line, "open", tuple(t for _, t in stack), heading)
            elif stack and stack[-1][0] == fence and not title.strip():
                stack.pop()
                yield Step(number, line, "close", tuple(t for _, t in stack), heading)
            else:
                skip = fence                          # a plain code block
            continue
        if not stack and HEADING.match(line):
            heading = line
        yield Step(number, line, "text", tuple(t for _, t in stack), heading)


def prose_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a MyST page that are prose: outside code cells, listings and code
    blocks, and not directive options. Directive bodies (exercises, notes, captions)
    are prose."""
    out = []
    for step in walk_directives(text):
        if step.kind == "open":
            out.append((step.number, step.titles[-1]))   # a directive's title is prose
        elif step.kind == "text" and not (
                step.titles and re.match(r"^:[\w-]+:", step.line.strip())):
            out.append((step.number, step.line))
    return out


def strip_markup(text: str) -> str:
    """Prose only: drop code, directive options, math, roles and code spans."""
    text = "\n".join(line for _, line in prose_lines(text))
    text = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", "", text)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "", text)     # roles: {ref}`...`, {numref}`...`
    text = re.sub(r"`[^`\n]*`", "", text)               # code spans
    text = re.sub(r"\[[^\]]*\]\([^)]*\)", "", text)     # Markdown links
    return text


def plain_mentions(path: Path) -> list[str]:
    out = []
    text = path.read_text("utf-8")
    prose = strip_markup(text)
    for m in PLAIN.finditer(prose):
        out.append(f"{rel(path)}: plain mention {m.group(0)!r}: make it a cross-reference")
    return out


def split_math(path: Path) -> list[str]:
    """A prose line that starts with "+ ", "- ", "* ", "1. " or "> " while an inline $...$
    is still open is read as a list item or a quote: the formula breaks in two and prints
    as raw TeX."""
    out, dollars, display, quoted = [], 0, False, False
    for number, line in prose_lines(path.read_text("utf-8")):
        stripped = line.strip()
        if stripped.startswith("$$"):
            one_line = len(stripped) > 4 and stripped.endswith("$$")
            display = display if one_line else not display
            dollars = 0
            continue
        if display:
            continue
        if not stripped:
            dollars = 0
            continue
        start = re.match(r"^(?:[-+*>]|\d+[.)]) ", stripped)
        # a "> " line after a "> " line continues a quote (a quiz's feedback): no break
        continued = stripped.startswith("> ") and quoted
        quoted = stripped.startswith("> ")
        if dollars % 2 and start and not continued:
            out.append(f"{rel(path)}:{number}: a line inside $...$ starts with "
                       f"{start.group(0)!r}, which Markdown reads as a list item or a "
                       "quote: rewrap it")
        dollars += len(re.findall(r"(?<![\\$])\$(?!\$)", line))
    return out


def listings(paths: list[Path]) -> tuple[list[str], dict]:
    """Every `literalinclude ... :pyobject: X` in the book: duplicates and long listings."""
    found, seen = [], defaultdict(list)
    pattern = re.compile(r"```\{literalinclude\}\s+(\S+)\s*\n((?::[^\n]*\n)*)")
    for path in paths:
        for m in pattern.finditer(path.read_text("utf-8")):
            obj = re.search(r":pyobject:\s*(\S+)", m.group(2))
            if not obj:
                continue
            target = (path.parent / m.group(1)).resolve()
            seen[(target, obj.group(1))].append(path)
    for (target, obj), where in seen.items():
        if len(where) > 1:
            pages = ", ".join(rel(p) for p in where)
            found.append(f"{rel(target)}:{obj} is shown {len(where)} times ({pages}): "
                         "show it once and link back")
        n = object_length(target, obj)
        for line in object_lines(target, obj) if n is not None else []:
            if len(line) > WIDTH:
                found.append(f"{rel(where[0])}: listing {obj} has a line of {len(line)} chars "
                             f"(> {WIDTH}; it is clipped on the page): {line.strip()[:50]}...")
        if n is None:
            found.append(f"{rel(where[0])}: {obj} not found in {rel(target)}")
        elif n > LISTING_MAX:
            found.append(f"{rel(where[0])}: listing {obj} has {n} lines (> {LISTING_MAX}): "
                         "show the pure algorithm")
    return found, seen


PRACTICE_MIN = 3  # self-checking code exercises and kernel-free questions per chapter


def practice(paths: list[Path]) -> list[str]:
    """Each chapter folder (01-...) offers at least PRACTICE_MIN self-checking exercises
    (a solution that runs `check("name", ...)`) and PRACTICE_MIN `{quiz}` questions."""
    checks, quizzes = defaultdict(set), defaultdict(int)
    for path in paths:
        chapter = path.parent.name
        if not re.match(r"\d\d-", chapter):
            continue
        text = path.read_text("utf-8")
        checks[chapter] |= set(re.findall(r'^check\("([\w-]+)"', text, re.MULTILINE))
        quizzes[chapter] += len(re.findall(r"^```\{quiz\}", text, re.MULTILINE))
    return [
        f"{chapter}: {len(checks[chapter])} self-checking exercises and "
        f"{quizzes[chapter]} questions; each chapter needs {PRACTICE_MIN} of each"
        for chapter in sorted(set(checks) | set(quizzes))
        if min(len(checks[chapter]), quizzes[chapter]) < PRACTICE_MIN
    ]


def object_lines(path: Path, dotted: str) -> list[str]:
    """The lines of a `:pyobject:` listing as shown (dedented)."""
    import textwrap

    tree = ast.parse(path.read_text("utf-8"))
    node = tree
    for part in dotted.split("."):
        node = next(n for n in ast.iter_child_nodes(node) if getattr(n, "name", None) == part)
    lines = path.read_text("utf-8").splitlines()[node.lineno - 1: node.end_lineno]
    sys.path.insert(0, str(BOOK / "_ext"))
    from mathforml_book import (
        strip_docstring,  # the book shows listings without docstrings
    )

    return strip_docstring(textwrap.dedent("\n".join(lines) + "\n")).splitlines()


def object_length(path: Path, dotted: str) -> int | None:
    """Lines a `:pyobject:` listing shows (docstrings are dropped by the book's extension)."""
    try:
        tree = ast.parse(path.read_text("utf-8"))
    except (OSError, SyntaxError):
        return None
    node = tree
    for part in dotted.split("."):
        node = next((n for n in ast.iter_child_nodes(node)
                     if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                     and n.name == part), None)
        if node is None:
            return None
    n = node.end_lineno - node.lineno + 1
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None),
                                                             ast.Constant) \
            and isinstance(body[0].value.value, str):
        n -= body[0].end_lineno - body[0].lineno + 1
    n -= len(getattr(node, "decorator_list", []))
    return n


def backtick_fences(path: Path) -> list[str]:
    """A backtick in the title of a ```{directive} line ends the fence's info string
    (CommonMark), so the line is no fence: the directive and everything down to the
    next fence turn into a literal block, silently (a quiz swallowed an exercise)."""
    return [f"{rel(path)}:{n}: a backtick in a directive's title breaks the fence; "
            f"drop the backticks: {line[:60]}..."
            for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
            if re.match(r"^`{3,}\{[\w:-]+\}.*`", line)]


def broken_roles(path: Path) -> list[str]:
    """A role such as {glue:text}`name:.3f}` closed with a brace instead of a backtick
    swallows the prose up to the next backtick; Sphinx renders it without a warning."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        for m in re.finditer(r"\{(?!math\})[\w:-]+\}`([^`]*)(`|$)", line):
            body = m.group(1)
            if m.group(2) == "" or re.search(r"[{}]", body):
                if m.group(2) == "" and not re.search(r"[{}]", body):
                    continue  # a role whose text wraps onto the next line
                out.append(f"{rel(path)}:{n}: a role is not closed by a backtick: "
                           f"{m.group(0)[:60]}")
    return out


def draws_from_rng(source: str) -> bool:
    """Whether the code uses the generator named `rng` (a call such as `rng.normal(...)`
    or passing it on, `rng=rng`); `rng.spawn(...)` makes a child stream without drawing."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    spawned = {id(node.value) for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and node.attr == "spawn"}
    return any(isinstance(node, ast.Name) and node.id == "rng" and id(node) not in spawned
               for node in ast.walk(tree))


def shared_stream(path: Path, code: list) -> list[str]:
    """Hidden cells that draw from `rng` before a visible cell that uses it."""
    problems = []
    for i, cell in enumerate(code):
        if tags(cell) & HIDDEN and draws_from_rng(cell.source) and any(
                not tags(later) & HIDDEN and draws_from_rng(later.source)
                for later in code[i + 1:]):
            problems.append(f"{rel(path)}: hidden code cell {i} draws from rng, so the "
                            "reader's copy (visible cells only) gets other random numbers "
                            "than the book; give the hidden cell its own generator")
    return problems


def static_checks(path: Path) -> list[str]:
    problems = (plain_mentions(path) + split_math(path) + backtick_fences(path)
                + broken_roles(path) + forward_refs(path))
    if not path.read_text("utf-8").startswith("---\njupytext"):
        return problems
    nb = read_notebook(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    problems += shared_stream(path, code) + hidden_names(path, code)
    if code and tags(code[0]) & HIDDEN:
        problems.append(f"{rel(path)}: the first code cell is hidden: open the page with a "
                        "visible setup cell (imports, rng, use_book_style())")
    in_box = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if re.match(r"^(`{3,}|:{3,})\{(solution-start|exercise-start)\}", line):
                    in_box = True
                elif re.match(r"^(`{3,}|:{3,})\{(solution-end|exercise-end)\}", line):
                    in_box = False
            continue
        if cell.cell_type != "code" or tags(cell) & HIDDEN:
            continue
        limit = BOX_WIDTH if in_box else WIDTH
        for line in cell.source.splitlines():
            if len(line) > limit:
                problems.append(f"{rel(path)}: code line of {len(line)} chars (> {limit}): "
                                f"{line[:60]}...")
    return problems


def python_of(source: str) -> str:
    """A cell's source as plain Python: IPython's `%magic` and `!shell` lines transformed."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def names_of(source: str) -> tuple[set[str], set[str], bool]:
    """What a cell binds at the top level, which global names it reads (at the top level or
    inside its functions, classes and comprehensions), and whether it star-imports."""
    import symtable

    table = symtable.symtable(python_of(source), "<cell>", "exec")
    bound = {s.get_name() for s in table.get_symbols()
             if s.is_assigned() or s.is_imported() or s.is_namespace()}
    reads, stack = set(), [table]
    while stack:
        scope = stack.pop()
        top = scope is table
        reads |= {s.get_name() for s in scope.get_symbols()
                  if s.is_referenced() and (top or s.is_global())}
        stack.extend(scope.get_children())
    tree = ast.parse(python_of(source))
    star = any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)
               for n in ast.walk(tree))
    # `total += x` at the top level reads total first (symtable counts it as an assignment)
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            reads.add(node.target.id)
        todo.extend(ast.iter_child_nodes(node))
    return bound, reads, star


def hidden_names(path: Path, code: list) -> list[str]:
    """Visible cells that read a name only a hidden cell binds: in the reader's copy (the
    visible cells alone) that is a NameError. Names a visible cell binds itself, or an
    earlier visible cell bound, are the reader's own."""
    problems, visible, hidden = [], set(), set()
    for i, cell in enumerate(code):
        try:
            bound, reads, star = names_of(cell.source)
        except SyntaxError as err:
            problems.append(f"{rel(path)}: code cell {i} is not valid Python: {err}")
            continue
        if tags(cell) & HIDDEN:
            if star:
                problems.append(f"{rel(path)}: hidden code cell {i} star-imports; name what "
                                "it imports, so the visible cells' names can be checked")
            hidden |= bound
            continue
        missing = sorted((reads & hidden) - visible - bound)
        if missing:
            problems.append(f"{rel(path)}: visible code cell {i} uses {', '.join(missing)}, "
                            "which only a hidden cell defines: the reader's copy (visible "
                            "cells only) fails with a NameError")
        visible |= bound
    return problems


def executed(path: Path) -> Path:
    """Where the book build keeps a page's executed notebook."""
    build = Path(os.environ.get("MFML_BUILD", ROOT / "_build"))
    return build / "jupyter_execute" / path.relative_to(BOOK.parent).with_suffix(".ipynb")


def visible_outputs(path: Path) -> list[str]:
    """The outputs of the visible cells as the book build executed them: no line wider
    than the column, no float printed with more digits than anyone reads. The reader's
    copy prints the same, since hidden cells never draw from `rng` (shared_stream)."""
    import nbformat

    built = executed(path)
    if not built.exists():
        return [f"{rel(path)}: no executed notebook at {rel(built)}: build the book first "
                "(make html), these checks read its outputs"]
    nb = nbformat.read(built, as_version=4)
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code):
        if tags(cell) & HIDDEN:
            continue
        on_purpose = bool(ON_PURPOSE.search(cell.source))
        for out in cell.get("outputs", []):
            text = ""
            if out.output_type == "stream":
                text = out.text
            elif out.output_type in ("execute_result", "display_data"):
                data = out.get("data", {})
                if "scrapbook" in out.get("metadata", {}):  # a glued value, shown in prose
                    continue
                if any(k.startswith("image/") or k == "text/html" for k in data):
                    continue
                text = data.get("text/plain", "")
            for m in FLOAT.finditer(text) if not on_purpose else ():
                significant = len((m.group(1) + m.group(2)).lstrip("0"))
                if significant > DIGITS_MAX:
                    problems.append(f"{rel(path)}: visible code cell {i} prints {m.group(0)}: "
                                    f"{significant} digits; round it or format it "
                                    f"(or say why the digits matter: '# digits: ...')")
            for line in text.splitlines():
                if len(line) > WIDTH:
                    problems.append(f"{rel(path)}: visible code cell {i} prints a line of "
                                    f"{len(line)} chars: {line[:60]}...")
    return problems


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def stale_links() -> list[str]:
    """A finding when the shipped section graph no longer matches the cross-references
    (the unit tests fail on it too; this says so where an author looks after a build)."""
    if LINKS.read_text("utf-8") == links_csv():
        return []
    return [f"{rel(LINKS)} is out of date with the book's cross-references: run "
            "`python scripts/pagecheck.py --write-links` and commit it"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--no-run", action="store_true",
                        help="skip the checks that read the book build's executed outputs")
    parser.add_argument("--write-links", action="store_true",
                        help=f"write {LINKS.relative_to(ROOT)} (the section graph) "
                        "from the cross-references and exit")
    args = parser.parse_args(argv)
    if args.write_links:
        LINKS.write_text(links_csv(), "utf-8")
        print(f"wrote {rel(LINKS)}: {len(section_rows())} sections")
        return 0
    pages = [p.resolve() for p in args.pages] or all_pages()
    problems = []
    found, _ = listings(all_pages())
    if not args.pages:
        problems += found + practice(all_pages()) + stale_links()
    else:
        names = {rel(p) for p in pages}
        problems += [f for f in found if any(n in f for n in names)]
    for path in pages:
        problems += static_checks(path)
    if not args.no_run:
        for path in pages:
            if path.read_text("utf-8").startswith("---\njupytext"):
                problems += visible_outputs(path)
    for p in problems:
        print(p)
    print(f"pagecheck: {len(pages)} pages, {len(problems)} findings")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
