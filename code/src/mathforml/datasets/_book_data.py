"""The book's own data: its chapters and the topics the source documents name.

``seed_topics.csv`` is the topic checklist of the book's scope (``shared/TOPICS.md``): one row
per mathematical or ML topic that a source document names, the chapter that teaches it
first, every section that covers it, and which of the two sources name it. The study
advice and course framing in the sources are left out: they are not topics to teach.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "Chapter",
    "SeedTopic",
    "load_chapters",
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


def load_chapters() -> list[Chapter]:
    """The ten content chapters in order, with their prerequisites.

    >>> [c.number for c in load_chapters() if 3 in c.prerequisites]
    [7, 9, 10]
    """
    return [
        Chapter(
            int(r["number"]),
            r["title"],
            r["part"],
            tuple(int(p) for p in r["prerequisites"].split(";") if p),
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
