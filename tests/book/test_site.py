"""Site-wide checks in headless Chromium: search and the PDF link. Every page is opened
and checked in test_reading.py."""

from __future__ import annotations

from sitelib import SITE


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


def test_saved_pages_do_not_carry_the_build_environment():
    """Every rebuild unpickles every page's doctree (Sphinx numbers figures across the
    book), so a page that drags the environment along slows each rebuild by seconds.
    book/_ext/mathforml_book.py::_own_nodes keeps nodes of {eval-rst} blocks on their
    page; without it each API page's doctree was 17 MB (now under 1 MB)."""
    doctrees = sorted((SITE.parent / ".doctrees-html").rglob("*.doctree"))
    assert doctrees, "no saved doctrees: build the HTML first (make html)"
    heavy = {str(p.relative_to(SITE.parent)): p.stat().st_size for p in doctrees
             if p.stat().st_size > 3_000_000}
    assert not heavy, f"doctrees over 3 MB (a node points at another document?): {heavy}"


def test_the_saved_environment_holds_no_pages():
    """Every build loads the pickled environment and every build that read a page saves it.
    sphinx-exercise's registry kept each exercise with its page's document (16 of 21 MB);
    book/_ext/mathforml_rebuild.py keeps detached copies. What is left is the book's
    cross-reference tables and the figure-numbering skeletons (~8 MB in all)."""
    env = SITE.parent / ".doctrees-html" / "environment.pickle"
    assert env.exists(), "no saved environment: build the HTML first (make html)"
    assert env.stat().st_size < 12_000_000, f"environment.pickle: {env.stat().st_size} bytes"
