"""The book's own data: chapters, the seed-topic checklist and the weights drawn from them."""

import csv
from importlib import resources

import numpy as np
import pytest

from mathforml.datasets import load_chapters, load_seed_topics, topic_weights
from tolerances import DIRECT


def _csv(name):
    text = (
        resources.files("mathforml.datasets")
        .joinpath("data", name)
        .read_text("utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


def test_weights_sum_to_one():
    np.testing.assert_allclose(sum(topic_weights().values()), 1.0, **DIRECT)
    split = topic_weights(by_seed=True)
    np.testing.assert_allclose(
        sum(sum(s.values()) for s in split.values()), 1.0, **DIRECT
    )


def test_split_weights_add_up_to_each_chapter_weight():
    total, split = topic_weights(), topic_weights(by_seed=True)
    assert set(total) == set(split)
    for chapter, parts in split.items():
        assert set(parts) == {"both", "seed-000", "seed-001"}
        np.testing.assert_allclose(
            sum(parts.values()), total[chapter], **DIRECT
        )


def test_chapters_are_numbered_one_to_ten():
    assert [c.number for c in load_chapters()] == list(range(1, 11))
    assert set(topic_weights()) == set(range(1, 11))


def test_every_chapter_is_taught_by_some_topic():
    assert {t.chapter for t in load_seed_topics()} >= set(range(1, 11))


def test_every_topic_points_to_an_existing_chapter():
    chapters = {0} | {
        c.number for c in load_chapters()
    }  # 0 is the front matter
    for topic in load_seed_topics():
        assert topic.chapter in chapters, topic.id
        assert all(
            s.split(".")[0] in {str(c) for c in chapters}
            for s in topic.sections
        ), topic.id


def test_first_section_is_in_the_topics_chapter():
    for topic in load_seed_topics():
        assert int(topic.sections[0].split(".")[0]) == topic.chapter, topic.id


def test_seeds_are_only_the_two_sources():
    for topic in load_seed_topics():
        assert topic.seeds, f"{topic.id} is named by no source"
        assert set(topic.seeds) <= {"seed-000", "seed-001"}
        assert list(topic.seeds) == sorted(topic.seeds)


def test_prerequisites_exist_and_come_earlier():
    numbers = [c.number for c in load_chapters()]
    for c in load_chapters():
        assert all(p in numbers and p < c.number for p in c.prerequisites), (
            c.number
        )


def test_loaders_match_the_csv_files():
    rows = _csv("chapters.csv")
    assert [(c.number, c.title, c.part) for c in load_chapters()] == [
        (int(r["number"]), r["title"], r["part"]) for r in rows
    ]
    rows = _csv("seed_topics.csv")
    topics = load_seed_topics()
    assert [t.id for t in topics] == [r["id"] for r in rows]
    for t, r in zip(topics, rows):
        assert (t.topic, t.chapter, ";".join(t.sections)) == (
            r["topic"],
            int(r["chapter"]),
            r["sections"],
        )
        assert ("seed-000" in t.seeds, "seed-001" in t.seeds) == (
            r["seed_000"] == "1",
            r["seed_001"] == "1",
        )


def test_topic_ids_are_unique_and_in_order():
    ids = [int(t.id[1:]) for t in load_seed_topics()]
    assert ids == sorted(set(ids))


def test_weights_count_topics():
    topics = [t for t in load_seed_topics() if t.chapter > 0]
    for chapter, weight in topic_weights().items():
        n = sum(t.chapter == chapter for t in topics)
        np.testing.assert_allclose(weight, n / len(topics), **DIRECT)


@pytest.mark.parametrize("source", ["seed-000", "seed-001"])
def test_split_by_one_source_counts_its_topics_only(source):
    topics = [t for t in load_seed_topics() if t.chapter > 0]
    split = topic_weights(by_seed=True)
    for chapter, parts in split.items():
        n = sum(t.chapter == chapter and t.seeds == (source,) for t in topics)
        np.testing.assert_allclose(parts[source], n / len(topics), **DIRECT)
