"""The PDF read like the site: every reference resolved, no markup, every chapter, every figure.

Runs after `make pdf` (make test builds it before these checks). Reads the PDF's text with
poppler's `pdftotext`, its outline from LaTeX's bookmark file, and compares its figure
count with the web build's.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml
from sitelib import ROOT, SITE

LATEX = SITE.parent / "latex"
PDF = LATEX / "mathforml-book.pdf"
MARKUP = (
    "```",
    "{glue",
    "{eq}",
    "{numref}",
    "{ref}",
    ":label:",
    "{prf:",
    "{code-cell}",
)
# The pages that show MyST markup on purpose: how the book is written, and the API of the
# book-building helpers (whose docstrings say how the prose uses them).
MARKUP_ALLOWED_ON = (
    "How this book is made",
    "For authors: the book-building helpers",
)


@pytest.fixture(scope="module")
def pages() -> list[str]:
    if not PDF.exists():
        pytest.fail(
            f"no PDF at {PDF}: run `make pdf` (needs XeLaTeX: .ci/system-packages.sh)"
        )
    if shutil.which("pdftotext") is None:
        pytest.fail(
            "pdftotext is missing: install poppler-utils (.ci/system-packages.sh)"
        )
    text = subprocess.run(
        ["pdftotext", "-layout", str(PDF), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return text.split("\f")


def test_every_reference_resolved(pages):
    bad = [
        (i + 1, line.strip())
        for i, page in enumerate(pages)
        for line in page.splitlines()
        if "??" in line
    ]
    assert bad == [], "unresolved references ('??') in the PDF:\n" + "\n".join(
        f"  page {n}: {line[:100]}" for n, line in bad
    )


def allowed_pages(pages) -> set[int]:
    """The pages of the chapters that may show markup: from the chapter's heading (set in
    capitals by the LaTeX class) to the next appendix chapter."""
    allowed = set()
    for title in MARKUP_ALLOWED_ON:
        starts = [i for i, page in enumerate(pages) if title.upper() in page]
        if not starts:
            continue
        i = starts[0]
        allowed.add(i)
        for j in range(i + 1, len(pages)):
            if re.search(r"^\s*APPENDIX\s*$", pages[j], re.MULTILINE):
                break
            allowed.add(j)
    return allowed


def test_no_raw_markup(pages):
    bad = []
    skip = allowed_pages(pages)
    for i, page in enumerate(pages):
        if i in skip:
            continue
        bad += [
            (i + 1, m, line.strip())
            for line in page.splitlines()
            for m in MARKUP
            if m in line
        ]
    assert bad == [], "raw MyST/Sphinx markup in the PDF:\n" + "\n".join(
        f"  page {n}: {m!r} in {line[:90]}" for n, m, line in bad
    )


def toc_titles() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    titles = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            source = ROOT / (chapter["file"] + ".md")
            heading = next(
                line[2:].strip()
                for line in source.read_text("utf-8").splitlines()
                if line.startswith("# ")
            )
            titles.append(re.sub(r"[`*$\\{}]", "", heading))
    return titles


def test_every_chapter_in_the_outline():
    out = (LATEX / "mathforml-book.out").read_text("utf-8", errors="replace")
    entry = r"\\BOOKMARK \[[-\d]+\]\[-\]\{(?:chapter|appendix)\*?\.[^}]*\}\{([^}]*)\}"
    bookmarks = [re.sub(r"\\040", " ", m) for m in re.findall(entry, out)]
    missing = [
        t
        for t in toc_titles()
        if not any(t.lower()[:30] in b.lower() for b in bookmarks)
    ]
    assert missing == [], (
        f"chapters missing from the PDF outline: {missing}; has {bookmarks}"
    )


def test_as_many_figures_as_the_web(pages):
    web = sum(
        len(
            re.findall(
                r'<span class="caption-number">Fig\. ', p.read_text("utf-8")
            )
        )
        for p in SITE.rglob("*.html")
        if not p.relative_to(SITE).parts[0].startswith("_")
    )
    pdf = sum(
        len(re.findall(r"^\s*Fig\. [\dA-Z.]+: ", page, re.MULTILINE))
        for page in pages
    )
    assert web > 0 and pdf == web, (
        f"the web build has {web} figures, the PDF {pdf}"
    )


def test_shown_code_fits_the_column(pages):
    """LaTeX breaks a code line that is wider than the PDF's column and marks the break
    with a hooked arrow; the shown source should fit instead (about 78 characters)."""
    bad = [
        (i + 1, prev.strip())
        for i, page in enumerate(pages)
        for prev, line in zip(page.splitlines(), page.splitlines()[1:])
        if line.lstrip().startswith("↪")
    ]
    assert bad == [], "code lines broken in the PDF (continuation marks):\n" + "\n".join(
        f"  page {n}: {line[:90]}" for n, line in bad
    )


def test_no_box_without_its_title():
    # An admonition LaTeX gets without a title takes its first paragraph as the title
    # argument and prints an empty colored bar (sphinx-proof's proofs did, 157 of them).
    tex = (LATEX / "mathforml-book.tex").read_text("utf-8")
    untitled = [m.start() for m in re.finditer(r"\\begin\{sphinxadmonition\}\{\w+\}(?!\{)", tex)]
    assert untitled == [], [tex[i:i + 120] for i in untitled[:3]]
    proofs = sum(
        path.read_text("utf-8").count("```{prf:proof}")
        for path in (ROOT / "book").rglob("*.md")
    )
    assert proofs > 100
    assert tex.count(r"\sphinxstyleemphasis{Proof.}") == proofs
    assert tex.count(r"\hfill$\square$") == proofs
