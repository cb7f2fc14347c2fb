"""Every built page, opened in headless Chromium the way a reader's browser opens it."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import pytest
from sitelib import SITE, built_pages, is_executable, source_of

PAGES = built_pages()
COLAB = re.compile(
    r"^https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/"
    r"[\w./-]+/book/[\w./-]+\.ipynb$"
)
MATH = re.compile(r"\$|\\\(|\\\[|\{math\}|:math:")


def open_page(page, url):
    errors, foreign = [], []
    host = urlparse(url).netloc

    def on_console(msg):
        if msg.type == "error":
            errors.append(msg.text)

    def on_request(request):
        netloc = urlparse(request.url).netloc
        if request.url.startswith(("http://", "https://")) and netloc != host:
            foreign.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", on_request)
    try:
        response = page.goto(url, wait_until="networkidle")
        page.wait_for_function(
            "() => !window.MathJax || !MathJax.startup || "
            "MathJax.startup.promise !== undefined",
            timeout=10000,
        )
        page.evaluate(
            "() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null"
        )
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("request", on_request)
    return response, errors, foreign


@pytest.mark.parametrize(
    "path", PAGES, ids=[str(p.relative_to(SITE)) for p in PAGES]
)
def test_page(page, site_url, path):
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    response, errors, foreign = open_page(page, url)
    assert response is not None and response.ok, f"{url} did not load"
    assert errors == [], f"console errors on {url}: {errors}"
    assert foreign == [], f"requests to other hosts from {url}: {foreign}"

    images = page.evaluate("""() => [...document.querySelectorAll('main img')].map(i => ({
        src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0,
        alt: (i.getAttribute('alt') || '').trim()}))""")
    for image in images:
        assert image["ok"], f"image did not load on {url}: {image['src']}"
        assert image["alt"], f"image without alt text on {url}: {image['src']}"

    source = source_of(path)
    if source is not None and MATH.search(source.read_text("utf-8")):
        rendered = page.locator("mjx-container").count()
        assert rendered > 0, f"math on {url} was not rendered by MathJax"
        assert page.locator("mjx-merror").count() == 0, (
            f"MathJax error on {url}"
        )
        raw = page.evaluate("() => document.querySelector('main').innerText")
        assert "\\(" not in raw and "\\[" not in raw, (
            f"raw TeX delimiters left on {url}"
        )

    if is_executable(path):
        links = page.evaluate("""() => [...document.querySelectorAll('a')]
            .map(a => a.href).filter(h => h.includes('colab.research.google.com'))""")
        assert len(links) == 1, (
            f"expected one Colab link on {url}, found {links}"
        )
        assert COLAB.match(links[0]), (
            f"malformed Colab link on {url}: {links[0]}"
        )
        expected = path.relative_to(SITE).with_suffix(".ipynb").as_posix()
        assert links[0].endswith(expected), (
            f"Colab link on {url} points elsewhere: {links[0]}"
        )
        downloads = page.evaluate("""() => [...document.querySelectorAll('a')]
            .map(a => a.getAttribute('href') || '').filter(h => h.includes('_sources/'))""")
        assert any(d.endswith(".ipynb") for d in downloads), (
            f"no .ipynb download on {url}"
        )
        assert any(d.endswith(".md") for d in downloads), (
            f"no .md download on {url}"
        )
        # the .ipynb download is the notebook Colab opens: install cell first, no MyST markup
        ipynb = next(d for d in downloads if d.endswith(".ipynb"))
        notebook = json.loads(page.request.get(urljoin(url, ipynb)).text())
        first = "".join(notebook["cells"][0]["source"])
        assert "%pip install" in first and "mathforml" in first, (
            f"the .ipynb download of {url} does not start with the install cell"
        )
        text = json.dumps(notebook)
        for markup in (
            "{glue",
            "{eq}",
            "{numref}",
            "{ref}",
            "{prf:",
            "{literalinclude}",
        ):
            assert markup not in text, (
                f"MyST markup {markup} in the .ipynb download of {url}"
            )


def test_search_finds_a_term(page, site_url):
    page.goto(f"{site_url}/search.html?q=gradient", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15000)
    hits = page.locator("#search-results li a").all_inner_texts()
    assert any("machine learning asks" in h.lower() for h in hits), hits


def test_pdf_link_works(page, site_url):
    pdf = SITE / "mathforml-book.pdf"
    assert pdf.exists(), (
        "the PDF is not in the site: run `make pdf` (the site offers it)"
    )
    page.goto(f"{site_url}/book/intro.html", wait_until="networkidle")
    link = page.locator("#mfml-pdf-link")
    assert link.count() == 1, (
        "the sidebar offers no PDF although the site has one"
    )
    href = link.get_attribute("href")
    response = page.request.get(f"{site_url}/book/{href}")
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"
