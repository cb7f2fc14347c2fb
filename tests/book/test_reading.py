"""What a reader sees: nothing clipped at 1280 px, legible figures and cued scrolling at
400 px, and no serious accessibility violation.

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


def measure(tab, site_url, path, script):
    """Open a built page with every fold opened and run a measuring script on it."""
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    load(tab, url)
    tab.evaluate(OPEN_EVERYTHING)
    return url, tab.evaluate(script)


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_nothing_clipped_at_1280px(page, site_url, path):
    url, clipped = measure(page, site_url, path, CLIPPED)
    assert clipped == [], (
        f"{len(clipped)} clipped blocks on {url}:\n" + "\n".join(clipped)
    )


AXE_RUN = """async (runOnly) => {
    const r = await axe.run(document, {runOnly, resultTypes: ['violations']});
    return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id} (${v.impact}): ${v.nodes.length}x, e.g. `
                  + v.nodes[0].target.join(' ') + ' | ' + v.nodes[0].failureSummary
                    .replace(/\\s+/g, ' ').slice(0, 160));
}"""


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_no_serious_accessibility_violation(page, site_url, path):
    """axe in the light theme (all WCAG 2 A/AA rules), then in the dark theme on the same
    load: only the color rules depend on the theme, so the dark pass runs those alone."""
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    load(page, url)
    # switch the theme at once (no CSS transition half-way through when axe looks)
    page.add_style_tag(
        content="*, *::before, *::after { transition: none !important; }"
    )
    page.evaluate(axe_source())
    found = []
    for theme, run_only in (
        ("light", {"type": "tag",
                   "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}),
        ("dark", {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}),
    ):
        page.evaluate(
            f"() => {{ document.documentElement.dataset.theme = '{theme}'; "
            f"document.documentElement.dataset.mode = '{theme}'; }}"
        )
        page.wait_for_timeout(100)
        found += [f"({theme}) {v}" for v in page.evaluate(AXE_RUN, run_only)]
    assert found == [], f"axe on {url}:\n" + "\n".join(found)


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


# A phone: the window is 400 px wide. A figure's text must stay at least MIN_TEXT_PX high
# (the figures are SVG drawn with text as outlines; a text's font size in points is 100
# times the scale of its glyph group, `scale(s -s)`), and whatever is wider than the
# screen (a figure kept legible, a table, a long equation) scrolls sideways inside its own box with
# a visible cue under it, while the page itself never scrolls sideways.
PHONE = 400
MIN_TEXT_PX = 9

AT_PHONE_WIDTH = r"""async () => {
    if (window.mfmlNarrowLayout) window.mfmlNarrowLayout();
    const imgs = [...document.querySelectorAll('main img')];
    await Promise.all(imgs.map(i => i.decode().catch(() => null)));
    if (window.mfmlNarrowLayout) window.mfmlNarrowLayout();
    const found = [];
    const overflows = el => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
    const cued = box => {
        const next = box.nextElementSibling;
        return next && next.classList.contains('mfml-scroll-cue') && next.offsetHeight > 0;
    };
    // Nothing may reach past the column unless it sits in a box that scrolls sideways
    // inside the column (a code block, a table, a figure, an equation).
    const main = document.querySelector('main');
    const article = main.querySelector('.bd-article') || main;
    const col = article.getBoundingClientRect();
    const scrollsInside = el => {
        for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
            const o = getComputedStyle(a).overflowX;
            const inside = a.getBoundingClientRect().right <= col.right + 1;
            if ((o === 'auto' || o === 'scroll') && inside) return true;
        }
        return false;
    };
    const past = new Set();
    for (const el of article.querySelectorAll('*')) {
        // text that runs out of its own box (a long word in a heading)
        const extra = el.scrollWidth - el.clientWidth;
        if (el.clientWidth > 0 && extra > 1
            && getComputedStyle(el).overflowX === 'visible' && !el.closest('mjx-container')
            && !scrollsInside(el)
            && el.getBoundingClientRect().left + el.scrollWidth > col.right + 1)
            found.push(`${el.tagName.toLowerCase()}: text runs ${extra}px out of its box: `
                       + (el.innerText || '').trim().slice(0, 80));
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= col.right + 1 || past.has(el.parentElement)
            || el.closest('mjx-assistive-mml')) continue;  // MathML for screen readers
        past.add(el);
        if (!scrollsInside(el) && getComputedStyle(el).position !== 'fixed')
            found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} reaches `
                       + `${Math.round(r.right - col.right)}px past the column: `
                       + (el.innerText || el.textContent || '').trim().slice(0, 80));
    }
    if (window.scrollX !== 0 || (window.scrollTo(500, window.scrollY), window.scrollX !== 0))
        found.push('the page scrolls sideways');
    window.scrollTo(0, window.scrollY);
    for (const img of imgs) {
        if (!img.naturalWidth || img.clientWidth === 0) continue;
        const name = (img.currentSrc || img.src).split('/').pop();
        const scale = img.getBoundingClientRect().width / img.naturalWidth;
        let pt = null;
        if (/\.svg$/.test(name)) {
            const svg = await (await fetch(img.currentSrc || img.src)).text();
            const sizes = [...svg.matchAll(/scale\(([0-9.]+) -\1\)/g)]
                .map(m => 100 * parseFloat(m[1]));
            if (sizes.length) pt = Math.min(...sizes);
        }
        // a raster figure is drawn at 100 dpi: 1 px of the image is 0.72 pt
        const px = pt === null ? 12 * scale : pt * 4 / 3 * scale;
        if (px < MIN_TEXT_PX - 0.05)
            found.push(`${name}: smallest text ${px.toFixed(1)}px`
                       + (pt === null ? '' : ` (${pt.toFixed(1)} pt at ${scale.toFixed(2)}x)`));
        const box = img.closest('.mfml-figscroll');
        if (!box) found.push(`${name}: not in a scrolling box`);
        else if (overflows(box) && !cued(box)) found.push(`${name}: scrolls with no cue`);
    }
    for (const m of document.querySelectorAll('main mjx-container:not([display])')) {
        const block = m.parentElement.closest('p, li, dd, dt, td, th, div, figcaption');
        if (block && m.getBoundingClientRect().right > block.getBoundingClientRect().right + 1
            && !(overflows(m) && m.classList.contains('mfml-scrolls'))
            && !scrollsInside(m)) {
            const items = window.MathJax && MathJax.startup && MathJax.startup.document
                ? MathJax.startup.document.getMathItemsWithin(m) : [];
            const tex = items.length ? items[0].math.replace(/\s+/g, ' ') : m.innerText;
            found.push(`inline formula runs past its line: ${tex.slice(0, 100)}`);
        }
    }
    for (const box of document.querySelectorAll('main .pst-scrollable-table-container')) {
        if (overflows(box) && !cued(box))
            found.push(`table scrolls with no cue: ${box.innerText.trim().slice(0, 60)}`);
    }
    for (const box of document.querySelectorAll('main div.math')) {
        const inner = [...box.querySelectorAll('mjx-container[display="true"]')];
        if ([box, ...inner].some(overflows) && !cued(box)) {
            const items = window.MathJax && MathJax.startup && MathJax.startup.document
                ? MathJax.startup.document.getMathItemsWithin(box) : [];
            const tex = items.length ? items[0].math.replace(/\s+/g, ' ') : box.innerText;
            found.push(`equation scrolls with no cue: ${tex.slice(0, 100)}`);
        }
    }
    return found;
}""".replace("MIN_TEXT_PX", str(MIN_TEXT_PX))


@pytest.fixture(scope="module")
def phone(browser):
    """A browser tab 400 px wide, a phone held upright."""
    context = browser.new_context(viewport={"width": PHONE, "height": 860})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_legible_at_400px(phone, site_url, path):
    url, found = measure(phone, site_url, path, AT_PHONE_WIDTH)
    assert found == [], (
        f"{len(found)} problems at {PHONE} px on {url}:\n" + "\n".join(found)
    )
