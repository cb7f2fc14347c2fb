"""Small data files that ship with the package, and loaders for them."""

from mathforml.datasets._book_data import (
    MIN_LINKS,
    Chapter,
    Section,
    SeedTopic,
    chapter_links,
    load_chapters,
    load_sections,
    load_seed_topics,
    topic_weights,
)
from mathforml.datasets._sms import SmsWordCounts, load_sms_word_counts
from mathforml.datasets._synthetic import LineData, make_line_data

__all__ = [
    "MIN_LINKS",
    "Chapter",
    "LineData",
    "Section",
    "SeedTopic",
    "SmsWordCounts",
    "chapter_links",
    "load_chapters",
    "load_sections",
    "load_seed_topics",
    "load_sms_word_counts",
    "make_line_data",
    "topic_weights",
]
