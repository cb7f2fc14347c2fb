"""Where the built site is, and which of its pages come from which sources."""

from __future__ import annotations

import functools
import os
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("MFML_BUILD", ROOT / "_build")).resolve() / "html"
SKIP_PAGES = {"genindex.html", "search.html", "py-modindex.html", "index.html"}


def built_pages() -> list[Path]:
    if not (SITE / "book").exists():
        raise RuntimeError(f"No built site at {SITE}: run `make html` first.")
    return sorted(
        p
        for p in SITE.rglob("*.html")
        if not {"_static", "_sources", "_images", "_downloads"} & set(p.parts)
        and p.name not in SKIP_PAGES
    )


def source_of(page: Path) -> Path | None:
    rel = page.relative_to(SITE).with_suffix(".md")
    src = ROOT / rel
    return src if src.exists() else None


def is_executable(page: Path) -> bool:
    src = source_of(page)
    return bool(src) and src.read_text("utf-8").startswith("---\njupytext")


# Tags with no content of their own: they never hold an element, so they open no context.
VOID = {
    "area",
    "br",
    "col",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "path",
    "source",
    "wbr",
}


class _Styled(HTMLParser):
    """What a page's main column is made of, as far as its colors can depend on it: each
    element as `tag.class`, `tag[style=...]` and bare `tag`, alone and inside its nearest
    classed ancestor."""

    def __init__(self):
        super().__init__()
        self.inside, self.stack, self.kinds = False, [], set()

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside = True
        if not self.inside:
            return
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        context = next((k for k in reversed(self.stack) if k), "main")
        styled = [f"{tag}[style={attrs['style']}]"] if attrs.get("style") else []
        for kind in [tag, *styled] + [f"{tag}.{c}" for c in classes]:
            self.kinds.update((kind, f"{context} > {kind}"))
        if tag not in VOID:
            self.stack.append(f"{tag}.{classes[0]}" if classes else "")

    def handle_endtag(self, tag):
        if tag == "main":
            self.inside = False
        elif self.inside and tag not in VOID and self.stack:
            self.stack.pop()


@functools.cache
def element_kinds() -> dict[Path, set[str]]:
    """For every built page, the kinds of element in its main column (see `_Styled`)."""
    kinds = {}
    for page in built_pages():
        parser = _Styled()
        parser.feed(page.read_text("utf-8"))
        kinds[page] = parser.kinds
    return kinds


@functools.cache
def color_sample() -> frozenset[Path]:
    """A few pages that together hold every kind of element any page's main column holds
    (greedy set cover over `element_kinds`), for the checks whose outcome depends only on
    how each kind of element is colored: the dark theme's contrast audit runs on these."""
    kinds = element_kinds()
    left, chosen = set().union(*kinds.values()), set()
    while left:
        best = max(kinds, key=lambda p: (len(kinds[p] & left), str(p)))
        chosen.add(best)
        left -= kinds[best]
    return frozenset(chosen)
