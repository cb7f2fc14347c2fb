"""Generate the Colab notebooks from the book's MyST sources.

For every executable page ``book/<chapter>/<page>.md`` this writes
``<out>/book/<chapter>/<page>.ipynb``:

- a first cell that installs ``mathforml`` from the repository at the same ref
  (``--local``: from this checkout, for the test that runs every notebook);
- markdown cells with MyST-only markup turned into Markdown and LaTeX Colab shows:
  glued numbers filled in from the build, equation and figure numbers as on the web,
  theorem, exercise and admonition boxes as quotes, solutions in ``<details>``,
  ``literalinclude`` as the included source, images and cross-references as absolute URLs.

Run it after the HTML build (it reads the executed notebooks and the HTML pages for the
glued values and the numbers). It writes only the notebooks whose page, HTML or glued
values changed since it last wrote them, or that something else overwrote, unless
something every page depends on changed (``book_state``): then all of them. It fails,
naming the page and the markup, if anything MyST-only is left.
"""

from __future__ import annotations

import argparse
import ast
import functools
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jupytext
import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
from mathforml_book import strip_docstring  # noqa: E402  (the book extension, by path)
from mathforml_quiz import LETTERS, parse_choices  # noqa: E402

FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")
ROLE = re.compile(r"\{(?P<name>[\w:-]+)\}`(?P<body>[^`]*)`")
EQ_BLOCK = re.compile(r"\$\$(?P<body>.+?)\$\$[ \t]*\((?P<label>[\w.:-]+)\)", re.DOTALL)
TARGET = re.compile(r"^\([\w.:-]+\)=\s*$", re.MULTILINE)
# A label the reader should never see (links' targets are removed before the search).
LABEL = re.compile(r"(?<![\w/#-])\(?(eq|fig|sec|ex|sol|thm|def|tbl|ch|lab|alg|lem|cor)-"
                   r"[a-z0-9]+(-[a-z0-9]+)*\)?(?![\w-])")
LEFTOVER = re.compile(r"\{[\w:-]+\}`|^(`{3,}|:{3,})\{", re.MULTILINE)
BOXES = {"prf:theorem": "Theorem", "prf:definition": "Definition", "prf:lemma": "Lemma",
         "prf:corollary": "Corollary", "prf:proposition": "Proposition",
         "prf:example": "Example", "prf:remark": "Remark", "prf:algorithm": "Algorithm",
         "prf:proof": "Proof", "exercise": "Exercise", "note": "Note", "tip": "Tip",
         "warning": "Warning", "important": "Important", "caution": "Caution",
         "seealso": "See also", "hint": "Hint", "attention": "Attention", "admonition": ""}


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))


class Page:
    """What the build knows about one page: glued values, numbers, titles."""

    def __init__(self, md: Path, build: Path, site: str, raw: str):
        self.md, self.build, self.site, self.raw = md, build, site, raw
        self.rel = md.relative_to(ROOT).with_suffix("")
        self.glue = self._glue()
        self.numbers = self._numbers()
        self.rendered = self._rendered()

    def _glue(self) -> dict:
        stored = self.build / "jupyter_execute" / self.rel.with_suffix(".glue.json")
        if not stored.exists():
            return {}
        glued = json.loads(stored.read_text("utf-8"))
        return {name: out["data"]["text/plain"] for name, out in glued.items()
                if "text/plain" in out.get("data", {})}

    def _numbers(self) -> dict:
        page = self.build / "html" / self.rel.with_suffix(".html")
        text = page.read_text("utf-8") if page.exists() else ""
        numbers = {}
        for m in re.finditer(r'id="equation-([\w.:-]+)".*?<span class="eqno">\(([\d.]+)\)', text,
                             re.DOTALL):
            numbers[m.group(1)] = m.group(2)
        for tag in ("figure", "table"):
            for m in re.finditer(rf'<{tag}[^>]*id="([\w.:-]+)".*?<span class="caption-number">'
                                 r'([^<]+?)\s*</span>', text, re.DOTALL):
                numbers[m.group(1)] = m.group(2).strip()
        return numbers

    def _rendered(self) -> dict:
        """The text each cross-reference of this page got in its built HTML, by target.

        Sphinx resolved every reference, across pages too, when it built the page: the link
        text there ("(4.3)", "Fig. 2.1", "Exercise 3.2", a section title) is what the
        notebook should say. Keys are the link's anchor, as in ``equation-eq-label``.
        """
        page = self.build / "html" / self.rel.with_suffix(".html")
        text = page.read_text("utf-8") if page.exists() else ""
        found = {}
        for m in re.finditer(r'<a class="reference internal" href="[^"#]*#([^"]+)"[^>]*>(.*?)</a>',
                             text, re.DOTALL):
            label = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
            if label:
                found.setdefault(m.group(1), " ".join(label.split()))
        return found

    def url(self, target: Path, anchor: str = "") -> str:
        rel = target.relative_to(ROOT).with_suffix(".html").as_posix()
        return f"{self.site}/{rel}" + (f"#{anchor}" if anchor else "")


def format_glue(page: Page, spec: str) -> str:
    name, _, fmt = spec.partition(":")
    if name not in page.glue:
        raise SystemExit(f"{page.md}: glued value {name!r} not found: build the HTML first")
    raw = page.glue[name]
    if not fmt:
        return raw.strip("'\"")
    number = float(raw)
    if fmt[-1:] in ("e", "E"):
        from mathforml.book import format_value

        return format_value(number, fmt)
    if fmt[-1:] in ("d", "n") and number.is_integer():
        number = int(number)
    return format(number, fmt)


def doc_title(path: Path) -> str:
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def labels_in(path: Path) -> set[str]:
    text = path.read_text("utf-8")
    return set(re.findall(r"^\(([\w.:-]+)\)=", text, re.MULTILINE)) | set(
        re.findall(r"^:(?:label|name): *([\w.:-]+)", text, re.MULTILINE))


@functools.cache
def label_index() -> dict[str, Path]:
    """Each label of the book and the page that defines it (the first, in path order).

    Built once: looking a label up page by page read every page again for every
    reference (95,000 file reads, two thirds of the conversion's minute)."""
    index: dict[str, Path] = {}
    for path in sorted((ROOT / "book").rglob("*.md")):
        for label in labels_in(path):
            index.setdefault(label, path)
    return index


def convert_role(page: Page, name: str, body: str, bib: dict) -> str:
    text, _, target = body.rpartition("<")
    target, text = (target.rstrip(">").strip(), text.strip()) if _ else (body.strip(), "")
    if name in ("glue:text", "glue", "glue:"):
        return format_glue(page, body)
    if name == "eq":
        key = target.lower()  # Sphinx lowercases ids: (eq-a-Q)= becomes #equation-eq-a-q
        if key in page.numbers:
            return f"({page.numbers[key]})"
        return page.rendered.get(f"equation-{key}") or missing(page, name, target)
    if name == "numref" and not text and target in page.numbers:
        return page.numbers[target]
    if name == "math":
        return f"${body}$"
    if name in ("code", "kbd", "file", "samp"):
        return f"`{body}`"
    if name == "cite":
        cites = [bib.get(k.strip(), k.strip()) for k in body.split(",")]
        link = page.url(ROOT / "book" / "appendix" / "bibliography.md")
        return "(" + "; ".join(f"[{c}]({link})" for c in cites) + ")"
    if name == "doc":
        path = (page.md.parent / target).with_suffix(".md").resolve()
        return f"[{text or doc_title(path)}]({page.url(path)})"
    if name in ("ref", "prf:ref", "numref"):
        path = label_index().get(target)
        if path is None:
            raise SystemExit(f"{page.md}: reference target {target!r} not found")
        key = target.lower()
        label = (page.rendered.get(key) or text or page.numbers.get(key)
                 or missing(page, name, target))
        return f"[{label}]({page.url(path, key)})"
    if name in ("sub", "sup"):
        return f"<{name}>{body}</{name}>"
    if name in ("py:func", "py:meth", "py:class", "py:mod", "py:obj", "py:attr"):
        full = target.lstrip("~")
        shown = text or (full.rsplit(".", 1)[-1] if target.startswith("~") else full)
        if name in ("py:func", "py:meth") and not text:
            shown += "()"
        return f"[`{shown}`]({page.url(api_page(full), full)})"
    raise SystemExit(f"{page.md}: no Colab conversion for the role {{{name}}}")


AUTODOC = re.compile(r"^\.\. auto(\w+):: *(\S+)", re.MULTILINE)


@functools.cache
def api_page(full: str) -> Path:
    """The page of the API reference that documents ``full``: the authors' page or the
    page of its subpackage (``book/appendix/api/<name>.md``), else the reference's index."""
    appendix = ROOT / "book" / "appendix"
    pages = [appendix / "api-authors.md", *sorted((appendix / "api").glob("*.md"))]
    entries = [(path, kind, name) for path in pages
               for kind, name in AUTODOC.findall(path.read_text("utf-8"))]
    for path, kind, name in entries:  # documented by name, or a member of such an entry
        if kind != "module" and (full == name or full.startswith(name + ".")):
            return path
    for path, kind, name in entries:  # in a module documented whole
        if kind == "module" and (full == name or full.startswith(name + ".")):
            return path
    if full.startswith("mathforml.book"):
        return appendix / "api-authors.md"
    return appendix / "api" / "index.md"


def missing(page: Page, name: str, target: str) -> str:
    raise SystemExit(f"{page.md}: the built page has no text for {{{name}}}`{target}`: "
                     "build the HTML first (make html)")


def literalinclude(page: Page, arg: str, options: dict) -> str:
    source = (page.md.parent / arg).resolve()
    text = source.read_text("utf-8")
    if "pyobject" in options:
        tree = ast.parse(text)
        node, lines = None, text.splitlines(keepends=True)
        for part in options["pyobject"].split("."):
            body = tree.body if node is None else node.body
            node = next(n for n in body if getattr(n, "name", None) == part)
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        text = textwrap.dedent("".join(lines[start - 1: node.end_lineno]))
        if "no-docstring" in options:
            text = strip_docstring(text)
    elif "start-at" in options or "end-at" in options:
        # Sphinx's line selection: from the first line containing start-at to the
        # first line after it containing end-at, both included; then dedent
        lines = text.splitlines(keepends=True)
        first = next((i for i, line in enumerate(lines)
                      if options.get("start-at", "") in line), None)
        if first is None:
            raise SystemExit(f"{page.md}: start-at {options['start-at']!r} not in {arg}")
        last = next((i for i in range(first, len(lines))
                     if options.get("end-at", "\0") in lines[i]), len(lines) - 1)
        lines = lines[first: last + 1]
        n = int(options.get("dedent", 0) or 0)
        text = "".join(line[n:] if line[:n].strip() == "" else line.lstrip()
                       for line in lines)
    else:
        raise SystemExit(f"{page.md}: literalinclude of {arg} selects no lines "
                         "(:pyobject: or :start-at:/:end-at:)")
    return f"```{options.get('language', 'python')}\n{text.rstrip()}\n```"


def parse_directive(lines: list[str], i: int):
    """Return (name, arg, options, body lines, index after the closing fence)."""
    m = FENCE.match(lines[i])
    fence, name, arg = m.group("fence"), m.group("name"), m.group("arg").strip()
    j, depth, body = i + 1, 0, []
    while j < len(lines):
        line = lines[j]
        inner = FENCE.match(line)
        same = inner and inner.group("fence")[0] == fence[0]
        if same and len(inner.group("fence")) == len(fence):
            depth += 1
        elif line.strip() == fence:
            if depth == 0:
                break
            depth -= 1
        body.append(line)
        j += 1
    options = {}
    while body and re.match(r"^:[\w-]+:", body[0]):
        key, _, value = body.pop(0)[1:].partition(":")
        options[key] = value.strip()
    while body and not body[0].strip():
        body.pop(0)
    return name, arg, options, body, j + 1


def convert_markdown(page: Page, text: str, bib: dict) -> str:
    text = TARGET.sub("", text)

    def eq(m):
        number = page.numbers.get(m.group("label"))
        tag = f" \\tag{{{number}}}" if number else ""
        return f"$${m.group('body').rstrip()}{tag}\n$$"

    text = EQ_BLOCK.sub(eq, text)
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        if not FENCE.match(lines[i]):
            out.append(ROLE.sub(lambda m: convert_role(page, m["name"], m["body"], bib), lines[i]))
            i += 1
            continue
        name, arg, options, body, i = parse_directive(lines, i)
        inner = convert_markdown(page, "\n".join(body), bib) if body else ""
        out.append(convert_directive(page, name, arg, options, inner))
    return "\n".join(out)


def convert_directive(page, name, arg, options, inner) -> str:
    if name == "literalinclude":
        return literalinclude(page, arg, options)
    if name in ("tableofcontents", "bibliography", "solution-end"):
        return ""
    if name == "quiz":
        choices = parse_choices(inner.splitlines())
        lines = [f"**Check yourself.** {arg}", ""]
        lines += [f"- ({LETTERS[i]}) {c['text']}" for i, c in enumerate(choices)]
        why = [f"({LETTERS[i]}){' ✓' if c['correct'] else ''} {' '.join(c['why'])}"
               for i, c in enumerate(choices)]
        return "\n".join([*lines, "", "<details><summary>Answer</summary>", "",
                          "\n\n".join(why), "", "</details>"])
    if name == "quiz-answers":
        return ""
    if name == "solution-start":
        return "**Solution** (the cells below):"
    if name == "solution":
        return f"<details><summary>Solution</summary>\n\n{inner}\n\n</details>"
    if name == "glue:figure":
        number = page.numbers.get(options.get("name", ""), "Figure")
        return f"*{number}: {inner.strip()}* (drawn by the code cell above)"
    if name in ("figure", "image"):
        url = f"{page.raw}/{(page.md.parent / arg).relative_to(ROOT).as_posix()}"
        alt = options.get("alt", inner.strip() or arg)
        caption = f"\n\n*{inner.strip()}*" if name == "figure" and inner.strip() else ""
        return f"![{alt}]({url}){caption}"
    if name in ("math",):
        return f"$$\n{inner}\n$$"
    if name in ("code-block", "code", "sourcecode"):
        return f"```{arg}\n{inner}\n```"
    if name == "list-table":
        return list_table(arg, options, inner)
    if name == "table":  # a captioned Markdown table: the caption, then the table
        number = page.numbers.get(options.get("name", ""), "Table")
        return f"*{number}: {arg}*\n\n{inner.strip()}"
    if name in BOXES:
        title = BOXES[name]
        if name == "prf:proof":
            return "> *Proof.* " + inner.replace("\n", "\n> ") + " ∎"
        heading = f"**{title}{' (' + arg + ')' if arg and title else arg}.**"
        return "> " + heading + "\n>\n> " + inner.replace("\n", "\n> ")
    if name.startswith(("tab-set", "tab-item")) or name == "dropdown":
        return (f"**{arg}**\n\n" if arg else "") + inner
    raise SystemExit(f"{page.md}: no Colab conversion for the directive {{{name}}}")


def list_table(title: str, options: dict, body: str) -> str:
    """A MyST ``list-table`` (rows of ``* - cell`` / ``  - cell`` items) as a Markdown table."""
    rows: list[list[str]] = []
    for line in body.splitlines():
        if line.startswith("* - "):
            rows.append([line[4:].strip()])
        elif line.startswith("  - ") and rows:
            rows[-1].append(line[4:].strip())
        elif line.strip() and rows:
            rows[-1][-1] += " " + line.strip()
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, rest = (rows[0], rows[1:]) if int(options.get("header-rows", 0)) else ([""] * width,
                                                                                 rows)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rest]
    caption = f"**{title}**\n\n" if title else ""
    return caption + "\n".join(lines)


def bibliography() -> dict:
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "book" / "references.bib"))
    short = {}
    for key, entry in bib.entries.items():
        people = entry.persons.get("author", [])
        names = [p.last_names[0] if p.last_names else str(p) for p in people] or [key]
        who = names[0] + (" et al." if len(names) > 2 else f" and {names[1]}" if len(names) == 2
                          else "")
        short[key] = f"{who.strip('{}')} {entry.fields.get('year', '')}".strip()
    return short


def install_cell(local: bool, repo_url: str, ref: str) -> nbformat.NotebookNode:
    if local:
        spec = f"mathforml @ git+file://localhost{ROOT}@{ref}#subdirectory=code"
    else:
        spec = f"mathforml @ git+{repo_url}@{ref}#subdirectory=code"
    source = ("# Install this book's package, mathforml, at the version this page was built with.\n"
              f'%pip install -q "{spec}"')
    return nbformat.v4.new_code_cell(source)


def executable_pages() -> list[Path]:
    return sorted(p for p in (ROOT / "book").rglob("*.md")
                  if "_build" not in p.parts and p.read_text("utf-8").startswith("---\njupytext"))


def write(nb: nbformat.NotebookNode, target: Path) -> None:
    """Write ``nb`` with cell ids that depend only on the cell's position (nbformat draws
    random ones, which made every build's notebooks differ)."""
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def book_state(ref: str, local: bool) -> str:
    """What every notebook depends on besides its own page: the install cell's ref, the
    labels and titles of the whole book (link targets and texts), the included package
    source, the bibliography, the configuration and the converter itself."""
    digest = hashlib.sha256(f"{ref}|{local}".encode())
    for label, path in sorted(label_index().items()):
        digest.update(f"{label}={path}|".encode())
    for path in sorted((ROOT / "book").rglob("*.md")):
        digest.update(f"{path}:{doc_title(path)}|".encode())
    sources = [Path(__file__), ROOT / "_config.yml", ROOT / "book" / "references.bib",
               *sorted((ROOT / "book" / "_ext").glob("*.py")),
               *sorted((ROOT / "code" / "src").rglob("*.py"))]
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def digest_of(*paths: Path) -> str:
    """A hash of the files' contents (a missing file counts as empty)."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes() if path.exists() else b"")
        h.update(b"\0")
    return h.hexdigest()


def page_record(md: Path, out: Path, build: Path) -> list[str]:
    """What a page's notebook was made from (the page, its HTML, its glued values) and
    what the notebook is. By content, not time: the PDF build rewrites every page's glued
    values unchanged, and the HTML build overwrites ``_sources/<page>.ipynb`` with its own
    copy whenever it writes the page."""
    rel = md.relative_to(ROOT)
    return [digest_of(md, build / "html" / rel.with_suffix(".html"),
                      build / "jupyter_execute" / rel.with_suffix(".glue.json")),
            digest_of(out / rel.with_suffix(".ipynb"))]


def convert(md: Path, out: Path, build: Path, cfg: dict, ref: str, local: bool, bib: dict) -> Path:
    repo_url = cfg["repository"]["url"].rstrip("/")
    owner, repo = repo_url.split("/")[-2:]
    site = f"https://{owner}.github.io/{repo}"
    raw = f"https://raw.githubusercontent.com/{owner}/{repo}/{ref}"
    page = Page(md, build, site, raw)
    nb = jupytext.read(md)
    cells = [install_cell(local, repo_url, ref)]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = convert_markdown(page, cell.source, bib)
            left = LEFTOVER.search(cell.source)
            if left:
                raise SystemExit(f"{md}: MyST markup left in a markdown cell: {left.group(0)!r}")
            label = LABEL.search(re.sub(r"\]\([^)]*\)", "]", cell.source))
            if label:
                raise SystemExit(f"{md}: a raw label is left in a markdown cell: "
                                 f"{label.group(0)!r}")
            if not cell.source.strip():
                continue
        cell.metadata.pop("tags", None)
        cells.append(cell)
    nb.cells = cells
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                  "language": "python"},
                   "colab": {"provenance": [], "name": md.stem},
                   "language_info": {"name": "python"}}
    target = out / md.relative_to(ROOT).with_suffix(".ipynb")
    write(nb, target)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "colab")
    parser.add_argument("--build", type=Path,
                        default=Path(os.environ.get("MFML_BUILD", ROOT / "_build")))
    parser.add_argument("--local", action="store_true",
                        help="install mathforml from this checkout (for testing)")
    parser.add_argument("--ref", default=os.environ.get("MFML_REF"))
    parser.add_argument("--reuse", type=Path, metavar="DIR",
                        help="copy the notebooks already generated into DIR (the build's "
                        "_sources), changing only their install cell")
    args = parser.parse_args(argv)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, text=True,
                          capture_output=True)
    # outside a git checkout (a source archive) the notebooks install from the main branch
    ref = args.ref or (head.stdout.strip() if head.returncode == 0 else "main")
    cfg = config()
    pages = executable_pages()
    if args.reuse:
        for md in pages:
            rel = md.relative_to(ROOT).with_suffix(".ipynb")
            if not (args.reuse / rel).exists():
                raise SystemExit(f"colab: no {args.reuse / rel}: build the HTML first")
            nb = nbformat.read(args.reuse / rel, as_version=4)
            nb.cells[0] = install_cell(args.local, cfg["repository"]["url"].rstrip("/"), ref)
            write(nb, args.out / rel)
        made = len(pages)
    else:
        bib = bibliography()
        out, build = args.out.resolve(), args.build.resolve()
        # outside the output folder, which may be the published site
        stamp = build / f".colab-state-{hashlib.sha1(str(out).encode()).hexdigest()[:10]}"
        state = book_state(ref, args.local)
        try:
            known = json.loads(stamp.read_text("utf-8"))
        except (OSError, ValueError):
            known = {}
        records = known.get("pages", {}) if known.get("state") == state else {}
        made = 0
        for md in pages:
            rel = str(md.relative_to(ROOT))
            if records.get(rel) == page_record(md, out, build):
                continue
            convert(md, out, build, cfg, ref, args.local, bib)
            records[rel] = page_record(md, out, build)
            made += 1
        build.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps({"state": state, "pages": records}, indent=0), "utf-8")
    print(f"colab: {len(pages)} notebooks in {args.out}, {made} written (mathforml at "
          f"{ref[:12]}{', from this checkout' if args.local else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
