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
