"""Where the built site is, and which of its pages come from which sources."""

from __future__ import annotations

import os
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
