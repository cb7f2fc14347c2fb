"""Every built page, opened once in headless Chromium the way a reader's browser opens it,
and checked as a reader would meet it.

One load per page serves every check, in this order:

1. At 1280 px, as loaded: the page loads with no console error and no request to another
   host; every image loads and has alt text; math is typeset by MathJax with no error and
   no raw TeX left; an executable page has one well-formed Colab link and .md/.ipynb
   downloads, the .ipynb starting with the install cell and free of MyST markup.
2. axe-core (the engine behind browser accessibility audits, shipped in the PyPI package
   axe-playwright-python) audits the page against the WCAG 2 A/AA rules in the light theme;
   serious and critical findings fail. The color rules (contrast, links told apart from
   text) judge how each kind of element is colored, in the light and in the dark theme:
   they run on the pages of `color_sample()`, a few pages that together hold every kind of
   element (tag and class, or inline style, in its nearest classed ancestor) that any
   page's main column holds, and on each of those on a few elements of every kind
   (`COLOR_SAMPLE`). Every other rule runs on every page, on all of it.
3. Every question of a {quiz} answers back: a wrong choice says "Not quite" and explains,
   the right one says "Right".
4. Every folded cell and dropdown is opened, so hidden-by-default code and solutions are
   measured too: no code block, output or display equation is wider than its box
   (`scrollWidth > clientWidth`), which a reader would have to scroll sideways without noticing.
5. The window narrows to 400 px, a phone: figures keep legible text, and whatever is wider
   than the screen scrolls sideways in its own box with a visible cue (details below).
"""

from __future__ import annotations

import functools
import json
import re
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from sitelib import (
    SITE,
    built_pages,
    color_sample,
    element_kinds,
    is_executable,
    source_of,
)

PAGES = built_pages()
IDS = [str(p.relative_to(SITE)) for p in PAGES]
WIDE = {"width": 1280, "height": 900}
COLAB = re.compile(
    r"^https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/"
    r"[\w./-]+/book/[\w./-]+\.ipynb$"
)
MATH = re.compile(r"\$|\\\(|\\\[|\{math\}|:math:")
MARKUP = ("{glue", "{eq}", "{numref}", "{ref}", "{prf:", "{literalinclude}")


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


def as_loaded(tab, url, path) -> list[str]:
    """Images, math and the Colab links of the page as it loaded."""
    found = []
    images = tab.evaluate("""() => [...document.querySelectorAll('main img')].map(i => ({
        src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0,
        alt: (i.getAttribute('alt') || '').trim()}))""")
    for image in images:
        if not image["ok"]:
            found.append(f"image did not load: {image['src']}")
        if not image["alt"]:
            found.append(f"image without alt text: {image['src']}")

    source = source_of(path)
    if source is not None and MATH.search(source.read_text("utf-8")):
        if tab.locator("mjx-container").count() == 0:
            found.append("math was not rendered by MathJax")
        if tab.locator("mjx-merror").count():
            found.append("MathJax error")
        raw = tab.evaluate("() => document.querySelector('main').innerText")
        if "\\(" in raw or "\\[" in raw:
            found.append("raw TeX delimiters left")

    if not is_executable(path):
        return found
    links = tab.evaluate("""() => [...document.querySelectorAll('a')]
        .map(a => a.href).filter(h => h.includes('colab.research.google.com'))""")
    expected = path.relative_to(SITE).with_suffix(".ipynb").as_posix()
    if len(links) != 1:
        found.append(f"expected one Colab link, found {links}")
    elif not COLAB.match(links[0]):
        found.append(f"malformed Colab link: {links[0]}")
    elif not links[0].endswith(expected):
        found.append(f"the Colab link points elsewhere: {links[0]}")
    downloads = tab.evaluate("""() => [...document.querySelectorAll('a')]
        .map(a => a.getAttribute('href') || '').filter(h => h.includes('_sources/'))""")
    if not any(d.endswith(".md") for d in downloads):
        found.append("no .md download")
    ipynb = next((d for d in downloads if d.endswith(".ipynb")), None)
    if ipynb is None:
        return [*found, "no .ipynb download"]
    # the .ipynb download is the notebook Colab opens: install cell first, no MyST markup
    notebook = json.loads(tab.request.get(urljoin(url, ipynb)).text())
    first = "".join(notebook["cells"][0]["source"])
    if not ("%pip install" in first and "mathforml" in first):
        found.append(
            "the .ipynb download does not start with the install cell"
        )
    text = json.dumps(notebook)
    found += [
        f"MyST markup {m} in the .ipynb download" for m in MARKUP if m in text
    ]
    return found


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


@functools.cache
def axe_source() -> str:
    files = metadata.files("axe-playwright-python") or []
    for f in files:
        if str(f).endswith("axe.min.js"):
            return Path(f.locate()).read_text("utf-8")
    raise RuntimeError(
        "axe-playwright-python is not installed: run `make install`."
    )


# The color rules judge each element by its own colors and those behind it, which depend
# on its kind (as in `sitelib.element_kinds`: tag, class or inline style, alone and inside
# its nearest classed ancestor). A color page is audited on a sample: up to PER_KIND
# elements of each kind that hold text of their own (and every kind of link), not its
# ~1200 text elements (axe checks each in ~3 ms). Each sampled element is audited with
# what it contains.
PER_KIND = 2
COLOR_SAMPLE = """(perKind) => {
    const main = document.querySelector('main');
    const count = new Map();
    const chosen = [];
    const ownText = el => [...el.childNodes].some(
        n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    for (const el of document.body.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (!(ownText(el) || tag === 'a') || ['script', 'style'].includes(tag)) continue;
        let context = 'body';
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (a === main) { context = 'main'; break; }
            if (a.classList.length) {
                context = `${a.tagName.toLowerCase()}.${a.classList[0]}`;
                break;
            }
        }
        const style = el.getAttribute('style');
        const own = [tag, ...(style ? [`${tag}[style=${style}]`] : []),
                     ...[...el.classList].map(c => `${tag}.${c}`)];
        const kinds = own.flatMap(k => [k, `${context} > ${k}`]);
        if (kinds.some(k => (count.get(k) || 0) < perKind)) {
            chosen.push(el);
            for (const k of kinds) count.set(k, (count.get(k) || 0) + 1);
        }
    }
    return chosen;
}"""

AXE_RUN = """async ([options, perKind]) => {
    const context = perKind ? {include: (COLOR_SAMPLE)(perKind)} : document;
    const r = await axe.run(context, {...options, resultTypes: ['violations']});
    return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id} (${v.impact}): ${v.nodes.length}x, e.g. `
                  + v.nodes[0].target.join(' ') + ' | ' + v.nodes[0].failureSummary
                    .replace(/\\s+/g, ' ').slice(0, 160));
}""".replace("(COLOR_SAMPLE)", f"({COLOR_SAMPLE})")


QUIZ_PAGES = {p for p in PAGES if 'class="mfml-quiz' in p.read_text("utf-8")}
COLOR_PAGES = color_sample()
# The rules whose outcome depends on colors only, and so on the theme; the others judge
# structure (names, roles, labels, order) and run on every page.
COLOR_RULES = ["color-contrast", "link-in-text-block"]
WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}


def accessibility(tab, colors: bool) -> list[str]:
    """axe with every WCAG 2 A/AA rule but the color rules, in the light theme; with
    `colors`, the color rules too, in the light and in the dark theme, on the same load.
    The page is left in the light theme."""
    # switch the theme at once (no CSS transition half-way through when axe looks)
    tab.add_style_tag(
        content="*, *::before, *::after { transition: none !important; }"
    )
    tab.evaluate(axe_source())
    structure = {
        "runOnly": WCAG,
        "rules": {rule: {"enabled": False} for rule in COLOR_RULES},
    }
    color = {"runOnly": {"type": "rule", "values": COLOR_RULES}}
    runs = [("light", structure, 0)]
    if colors:
        runs += [("light", color, PER_KIND), ("dark", color, PER_KIND)]
    found = []
    for theme, options, per_kind in [*runs, ("light", None, 0)]:
        tab.evaluate(
            f"() => {{ document.documentElement.dataset.theme = '{theme}'; "
            f"document.documentElement.dataset.mode = '{theme}'; }}"
        )
        if options is not None:
            tab.wait_for_timeout(100 if theme == "dark" else 0)
            found += [
                f"axe ({theme}): {v}"
                for v in tab.evaluate(AXE_RUN, [options, per_kind])
            ]
    return found


def test_the_sampled_color_audit_finds_low_contrast(page, site_url):
    """The color rules see a sample of each page (COLOR_SAMPLE): text made pale in the
    main column, or in the sidebar, must still fail, in both themes."""
    path = max(COLOR_PAGES, key=lambda p: p.stat().st_size)
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    open_page(page, url)
    assert accessibility(page, colors=True) == []
    for pale in ("main p", ".bd-sidebar-primary a"):
        open_page(page, url)
        page.add_style_tag(content="".join(
            f"html[data-theme={theme}] :is({pale}) {{ color: {color} !important; }}"
            for theme, color in (("light", "#d8d8d8"), ("dark", "#303030"))))
        found = accessibility(page, colors=True)
        for theme in ("light", "dark"):
            assert any(f.startswith(f"axe ({theme}): color-contrast") for f in found), (
                f"pale {pale} passed the {theme} audit: {found}")


def quizzes(tab) -> list[str]:
    """Click a wrong choice, then the right one, in every question of the page."""
    found = []
    questions = tab.locator(".mfml-quiz")
    if questions.count() == 0:
        return ["no {quiz} question found on a page whose HTML has one"]
    for i in range(questions.count()):
        quiz = questions.nth(i)
        feedback = quiz.locator(".mfml-quiz-feedback")
        if quiz.locator("li.mfml-quiz-choice").count() < 2:
            found.append(f"question {i + 1}: fewer than two choices")
        if quiz.locator(".mfml-quiz-why:visible").count():
            found.append(f"question {i + 1}: feedback shown unasked")
        quiz.locator("li.mfml-quiz-wrong button").first.click()
        if "Not quite" not in feedback.inner_text():
            found.append(
                f"question {i + 1}: a wrong choice does not say 'Not quite'"
            )
        if quiz.locator(".mfml-quiz-why:visible").count() != 1:
            found.append(
                f"question {i + 1}: a wrong choice shows no explanation"
            )
        quiz.locator("li.mfml-quiz-right button").click()
        if not feedback.inner_text().startswith("Right"):
            found.append(
                f"question {i + 1}: the right choice does not say 'Right'"
            )
        if not quiz.locator("li.mfml-quiz-right .mfml-quiz-why").is_visible():
            found.append(
                f"question {i + 1}: the right choice shows no explanation"
            )
    return found


def test_the_book_has_kernel_free_questions():
    assert QUIZ_PAGES, "no page has a {quiz} question"


def test_the_color_sample_holds_every_kind_of_element():
    kinds = element_kinds()
    covered = set().union(*(kinds[p] for p in COLOR_PAGES))
    missing = set().union(*kinds.values()) - covered
    assert missing == set(), (
        f"kinds of element whose colors are never audited: {missing}"
    )
    assert {"div.math", "span.math", "div.highlight", "a.reference"} <= covered
    assert len(COLOR_PAGES) < len(PAGES) / 2, (
        "the sample saves little: check element_kinds"
    )


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


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_page(page, site_url, path):
    url = f"{site_url}/{path.relative_to(SITE).as_posix()}"
    page.set_viewport_size(WIDE)
    response, errors, foreign = open_page(page, url)
    assert response is not None and response.ok, f"{url} did not load"
    found = [f"console error: {e}" for e in errors]
    found += [f"request to another host: {f}" for f in foreign]
    found += as_loaded(page, url, path)
    found += accessibility(page, colors=path in COLOR_PAGES)
    if path in QUIZ_PAGES:
        found += quizzes(page)
    page.evaluate(OPEN_EVERYTHING)
    found += [f"clipped at 1280 px: {c}" for c in page.evaluate(CLIPPED)]
    page.set_viewport_size({"width": PHONE, "height": 860})
    found += [f"at {PHONE} px: {f}" for f in page.evaluate(AT_PHONE_WIDTH)]
    assert found == [], f"{len(found)} problems on {url}:\n" + "\n".join(found)
