"""The section graph: section_links.csv is computed from the book's cross-references
(scripts/pagecheck.py), and the chapter map of Section 0.2 is derived from it."""

from pathlib import Path

import pytest

from mathforml.datasets import (
    MIN_LINKS,
    chapter_links,
    load_chapters,
    load_sections,
)

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "python scripts/pagecheck.py --write-links"


def test_shipped_file_equals_what_the_sources_give(pagecheck):
    shipped = pagecheck.LINKS.read_text("utf-8")
    assert shipped == pagecheck.links_csv(), (
        "section_links.csv is out of date with the book's cross-references; "
        f"regenerate it with `{REGENERATE}`"
    )


def test_sections_are_numbered_in_reading_order():
    sections = load_sections()
    assert [s.chapter for s in sections] == sorted(s.chapter for s in sections)
    assert {s.chapter for s in sections} == set(range(1, 11))
    for chapter in range(1, 11):
        mine = [s.number for s in sections if s.chapter == chapter]
        assert mine == [f"{chapter}.{i}" for i in range(1, len(mine) + 1)]


def test_every_used_label_is_an_earlier_section():
    seen = set()
    labels = [s.label for s in load_sections()]
    assert len(set(labels)) == len(labels)
    for s in load_sections():  # earlier only, so the graph has no cycle
        assert set(s.uses) <= seen, s.label
        assert len(set(s.uses)) == len(s.uses)
        seen.add(s.label)


def test_chapter_links_count_section_pairs_across_chapters():
    sections = load_sections()
    chapter = {s.label: s.chapter for s in sections}
    links = chapter_links()
    assert all(a > b for a, b in links)
    across = sum(chapter[u] != s.chapter for s in sections for u in s.uses)
    assert sum(links.values()) == across


@pytest.mark.parametrize("k", [1, MIN_LINKS, 10**6])
def test_prerequisites_are_the_pairs_with_enough_links(k):
    links = chapter_links()
    for c in load_chapters(min_links=k):
        assert c.prerequisites == tuple(
            sorted(
                b for (a, b), n in links.items() if a == c.number and n >= k
            )
        )
        assert all(p < c.number for p in c.prerequisites)
    assert sum(len(c.prerequisites) for c in load_chapters(min_links=1)) == (
        len(links)
    )
    assert load_chapters() == load_chapters(min_links=MIN_LINKS)


def test_chapter_graph_is_acyclic():
    chapters = load_chapters(min_links=1)
    done = set()
    while len(done) < len(chapters):  # peel off chapters whose needs are read
        ready = {
            c.number
            for c in chapters
            if c.number not in done and set(c.prerequisites) <= done
        }
        assert ready, "a cycle among the chapters"
        done |= ready


@pytest.mark.parametrize(
    "bad, error, match",
    [
        ("7", TypeError, "min_links must be an integer"),
        (7.0, TypeError, "min_links must be an integer"),
        (True, TypeError, "min_links must be an integer"),
        (0, ValueError, "min_links"),
        (-3, ValueError, "min_links"),
    ],
)
def test_load_chapters_rejects_a_bad_threshold(bad, error, match):
    with pytest.raises(error, match=match):
        load_chapters(min_links=bad)


def test_pagecheck_reports_a_stale_shipped_file(pagecheck, tmp_path, monkeypatch):
    assert pagecheck.stale_links() == []
    stale = tmp_path / "section_links.csv"
    stale.write_text(pagecheck.LINKS.read_text("utf-8").replace(";sec-", ";", 1), "utf-8")
    monkeypatch.setattr(pagecheck, "LINKS", stale)
    (finding,) = pagecheck.stale_links()
    assert "out of date" in finding and "--write-links" in finding
