"""What a reader sees: nothing clipped at 1280 px, and no serious accessibility violation.

Every built page is opened at a 1280 px wide window with every folded cell and every
dropdown opened, so hidden-by-default code and solutions are measured too. A code block,
an output or a display equation whose content is wider than its box (`scrollWidth >
clientWidth`) is clipped: the reader has to scroll sideways and usually does not notice.
axe-core (the engine behind browser accessibility audits, shipped in the PyPI package
axe-playwright-python) then checks the page against WCAG 2 A/AA rules; serious and
critical findings fail.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from sitelib import SITE, built_pages

PAGES = built_pages()
IDS = [str(p.relative_to(SITE)) for p in PAGES]

OPEN_EVERYTHING = """() => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const style = document.createElement('style');
    style.textContent = '.toggle-hidden, .dropdown .toggle-details__container, '
        + 'details > *:not(summary) { display: block !important; '
        + 'visibility: visible !important; opacity: 1 !important; height: auto !important; }';
    document.head.appendChild(style);
}"""

CLIPPED = """() => {
    const selectors = ['main div.highlight pre', 'main .cell_output pre',
                       'main .output pre', 'main mjx-container[display="true"]',
                       'main div.math'];
    const found = [];
    for (const el of document.querySelectorAll(selectors.join(','))) {
        if (el.clientWidth === 0) continue;               // not laid out
        if (el.scrollWidth > el.clientWidth + 2) {
            let text = (el.innerText || el.textContent || '').trim();
            if (el.tagName.toLowerCase() === 'mjx-container' && window.MathJax
                && MathJax.startup && MathJax.startup.document) {
                const items = MathJax.startup.document.getMathItemsWithin(el);
                if (items.length) text = 'TeX: ' + items[0].math.replace(/\\s+/g, ' ');
            }
            const line = text.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '');
            found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
                       + ` ${el.scrollWidth}px in ${el.clientWidth}px: `
                       + (text.startsWith('TeX: ') ? text : line).slice(0, 120));
        }
    }
    return found;
}"""


def axe_source() -> str:
    files = metadata.files("axe-playwright-python") or []
    for f in files:
        if str(f).endswith("axe.min.js"):
            return Path(f.locate()).read_text("utf-8")
    raise RuntimeError(
        "axe-playwright-python is not installed: run `make install`."
    )


def load(page, url):
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, f"{url} did not load"
    page.evaluate(
        "() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null"
    )


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_nothing_clipped_at_1280px(page, site_url, path):
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    load(page, url)
    page.evaluate(OPEN_EVERYTHING)
    clipped = page.evaluate(CLIPPED)
    assert clipped == [], (
        f"{len(clipped)} clipped blocks on {url}:\n" + "\n".join(clipped)
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_no_serious_accessibility_violation(page, site_url, path, theme):
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    load(page, url)
    # switch the theme at once (no CSS transition half-way through when axe looks)
    page.add_style_tag(
        content="*, *::before, *::after { transition: none !important; }"
    )
    page.evaluate(
        f"() => {{ document.documentElement.dataset.theme = '{theme}'; "
        f"document.documentElement.dataset.mode = '{theme}'; }}"
    )
    page.wait_for_timeout(100)
    page.evaluate(axe_source())
    # Only the color rules depend on the theme: the dark pass runs those alone, which
    # halves the cost of the check without losing a finding.
    run_only = (
        "{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"
        if theme == "light"
        else "{type: 'rule', values: ['color-contrast', 'link-in-text-block']}"
    )
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: RUN_ONLY,
            resultTypes: ['violations']});""".replace("RUN_ONLY", run_only) + """
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.nodes.length}x, e.g. `
                      + v.nodes[0].target.join(' ') + ' | ' + v.nodes[0].failureSummary
                        .replace(/\\s+/g, ' ').slice(0, 160));
    }""")
    assert result == [], f"axe on {url} ({theme}):\n" + "\n".join(result)


QUIZ_PAGES = [p for p in PAGES if 'class="mfml-quiz' in p.read_text("utf-8")]


def test_the_book_has_kernel_free_questions():
    assert QUIZ_PAGES, "no page has a {quiz} question"


@pytest.mark.parametrize(
    "path", QUIZ_PAGES, ids=[str(p.relative_to(SITE)) for p in QUIZ_PAGES]
)
def test_questions_answer_back(page, site_url, path):
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    load(page, url)
    quizzes = page.locator(".mfml-quiz")
    for i in range(quizzes.count()):
        quiz = quizzes.nth(i)
        items = quiz.locator("li.mfml-quiz-choice")
        assert items.count() >= 2
        assert quiz.locator(".mfml-quiz-why:visible").count() == 0, (
            "feedback shown unasked"
        )
        wrong = quiz.locator("li.mfml-quiz-wrong button").first
        wrong.click()
        assert "Not quite" in quiz.locator(".mfml-quiz-feedback").inner_text()
        assert quiz.locator(".mfml-quiz-why:visible").count() == 1
        quiz.locator("li.mfml-quiz-right button").click()
        assert (
            quiz.locator(".mfml-quiz-feedback")
            .inner_text()
            .startswith("Right")
        )
        assert quiz.locator("li.mfml-quiz-right .mfml-quiz-why").is_visible()
