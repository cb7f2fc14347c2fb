"""Every internal link and anchor of the built site resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from sitelib import SITE

SKIP = ("_static", "_sources", "_images", "_downloads")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (
                tag == "link"
                and key == "href"
                and attrs.get("rel") in ("preload", "prefetch")
            ):
                self.hrefs.append(attrs[key])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_internal_links_and_anchors_resolve():
    pages = [
        p
        for p in SITE.rglob("*.html")
        if not set(SKIP) & set(p.relative_to(SITE).parts)
    ]
    parsed = {p: parse(p) for p in pages}
    broken = []
    for page, links in parsed.items():
        for href in links.hrefs:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:", "//")):
                continue
            target = (
                (page.parent / unquote(url.path)).resolve()
                if url.path
                else page
            )
            if url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(SITE)} -> {href} (no file)")
                continue
            if url.fragment and target.suffix == ".html":
                ids = (
                    parsed[target].ids
                    if target in parsed
                    else parse(target).ids
                )
                if unquote(url.fragment) not in ids:
                    broken.append(
                        f"{page.relative_to(SITE)} -> {href} (no anchor)"
                    )
    assert len(pages) > 5
    assert broken == [], "\n".join(broken[:50])
