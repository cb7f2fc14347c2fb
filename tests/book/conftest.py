"""Fixtures for the checks of the built site: they run after `make html` (and `make pdf`)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("MFML_BUILD", ROOT / "_build")).resolve() / "html"
SKIP_PAGES = {"genindex.html", "search.html", "py-modindex.html", "index.html"}


def built_pages() -> list[Path]:
    if not (SITE / "book").exists():
        raise RuntimeError(f"No built site at {SITE}: run `make html` first.")
    return sorted(p for p in SITE.rglob("*.html")
                  if not {"_static", "_sources", "_images", "_downloads"} & set(p.parts)
                  and p.name not in SKIP_PAGES)


def source_of(page: Path) -> Path | None:
    rel = page.relative_to(SITE).with_suffix(".md")
    src = ROOT / rel
    return src if src.exists() else None


def is_executable(page: Path) -> bool:
    src = source_of(page)
    return bool(src) and src.read_text("utf-8").startswith("---\njupytext")


@pytest.fixture(scope="session")
def site_url():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.fail("Chromium is missing: install it with `sudo bash .ci/system-packages.sh`.")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic"])
        yield browser
        browser.close()
