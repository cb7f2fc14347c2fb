"""The book's own data: its chapters, its sections and the topics the sources name.

``section_links.csv`` is computed from the book's cross-references by
``python scripts/pagecheck.py --write-links``: one row per section of Chapters 1-10, with
the earlier sections it refers to. The chapter map is derived from it, not typed by hand.

``seed_topics.csv`` is the topic checklist of the book's scope (``shared/TOPICS.md``): one row
per mathematical or ML topic that a source document names, the chapter that teaches it
first, every section that covers it, and which of the two sources name it. The study
advice and course framing in the sources are left out: they are not topics to teach.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from mathforml._validation import check_int

__all__ = [
    "MIN_LINKS",
    "Chapter",
    "Section",
    "SeedTopic",
    "chapter_links",
    "load_chapters",
    "load_sections",
    "load_seed_topics",
    "topic_weights",
]


@dataclass(frozen=True)
class Chapter:
    """One chapter: its number, title, part and the chapters it builds on."""

    number: int
    title: str
    part: str
    prerequisites: tuple[int, ...]


@dataclass(frozen=True)
class Section:
    """One section: its number ("3.4"), label, title, chapter and the sections it uses."""

    number: str
    label: str
    title: str
    chapter: int
    uses: tuple[str, ...]


#: A chapter needs an earlier chapter when at least this many pairs of sections link them
#: (:ref:`sec-map-of-the-book`).
MIN_LINKS = 7


@dataclass(frozen=True)
class SeedTopic:
    """One topic of the checklist and where the sources name it."""

    id: str
    topic: str
    chapter: int
    sections: tuple[str, ...]
    seeds: tuple[str, ...]


def _rows(filename: str) -> list[dict[str, str]]:
    text = (
        resources.files("mathforml.datasets")
        .joinpath("data", filename)
        .read_text("utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


def load_sections() -> list[Section]:
    """Every section of Chapters 1-10 in reading order, with the sections it uses.

    Section B *uses* section A when B cross-references A and A comes earlier in the
    book; pointers ahead (in "Looking ahead" asides) do not count. The data is computed
    from the book's sources and read in :ref:`sec-map-of-the-book`.

    Returns
    -------
    list of Section
        ``uses`` holds the labels of the used sections, in reading order.

    Examples
    --------
    >>> svd = next(s for s in load_sections() if s.number == "3.4")
    >>> svd.label, "sec-eigendecomposition" in svd.uses
    ('sec-svd', True)
    """
    return [
        Section(
            r["number"],
            r["label"],
            r["title"],
            int(r["chapter"]),
            tuple(u for u in r["uses"].split(";") if u),
        )
        for r in _rows("section_links.csv")
    ]


def chapter_links() -> dict[tuple[int, int], int]:
    """How many pairs of sections link two chapters: ``{(later, earlier): count}``.

    A pair is a section of the later chapter that uses a section of the earlier one
    (see :func:`load_sections`); links inside a chapter are left out.
    :ref:`sec-map-of-the-book` turns the counts into the chapter map.

    Examples
    --------
    >>> links = chapter_links()
    >>> all(a > b for a, b in links)
    True
    """
    sections = load_sections()
    chapter = {s.label: s.chapter for s in sections}
    links: dict[tuple[int, int], int] = {}
    for s in sections:
        for u in s.uses:
            if chapter[u] != s.chapter:
                key = (s.chapter, chapter[u])
                links[key] = links.get(key, 0) + 1
    return dict(sorted(links.items()))


def load_chapters(*, min_links: int = MIN_LINKS) -> list[Chapter]:
    """The ten content chapters in order, with the earlier chapters they need.

    Chapter X needs chapter Y when at least ``min_links`` sections of X use sections of
    Y (:func:`chapter_links`); :ref:`sec-map-of-the-book` explains the rule.

    Parameters
    ----------
    min_links : int, default MIN_LINKS
        The threshold; 1 keeps every chapter pair that is linked at all.

    Returns
    -------
    list of Chapter

    Raises
    ------
    TypeError
        If ``min_links`` is not an integer.
    ValueError
        If ``min_links`` is less than 1.

    Examples
    --------
    >>> [c.number for c in load_chapters() if 3 in c.prerequisites]
    [7, 10]
    """
    min_links = check_int(min_links, name="min_links", minimum=1)
    links = chapter_links()
    return [
        Chapter(
            int(r["number"]),
            r["title"],
            r["part"],
            tuple(
                sorted(
                    b
                    for (a, b), n in links.items()
                    if a == int(r["number"]) and n >= min_links
                )
            ),
        )
        for r in _rows("chapters.csv")
    ]


def load_seed_topics() -> list[SeedTopic]:
    """Every topic the two source documents name, in checklist order.

    >>> topics = load_seed_topics()
    >>> topics[0].id, topics[0].chapter
    ('T01', 0)
    """
    return [
        SeedTopic(
            r["id"],
            r["topic"],
            int(r["chapter"]),
            tuple(r["sections"].split(";")),
            tuple(
                s
                for s in ("seed-000", "seed-001")
                if r[s.replace("-", "_")] == "1"
            ),
        )
        for r in _rows("seed_topics.csv")
    ]


def topic_weights(*, by_seed: bool = False) -> dict:
    """Each content chapter's share of the topics the sources name.

    A topic counts once, for the chapter that teaches it first; the framing topics of
    the orientation chapter are left out, so the weights of chapters 1–10 sum to 1.

    Parameters
    ----------
    by_seed : bool, default False
        If True, return ``{chapter: {"both": w, "seed-000": w, "seed-001": w}}``: each
        chapter's weight split by which sources name its topics.

    Returns
    -------
    dict
        ``{chapter number: weight}``, or the split form above.

    Examples
    --------
    >>> w = topic_weights()
    >>> round(sum(w.values()), 12)
    1.0
    """
    topics = [t for t in load_seed_topics() if t.chapter > 0]
    n = len(topics)
    chapters = [c.number for c in load_chapters()]
    if not by_seed:
        return {c: sum(t.chapter == c for t in topics) / n for c in chapters}
    split = {}
    for c in chapters:
        mine = [t for t in topics if t.chapter == c]
        split[c] = {
            "both": sum(len(t.seeds) == 2 for t in mine) / n,
            "seed-000": sum(t.seeds == ("seed-000",) for t in mine) / n,
            "seed-001": sum(t.seeds == ("seed-001",) for t in mine) / n,
        }
    return split
