"""Small data files that ship with the package, and loaders for them."""

from mathforml.datasets._book_data import (
    Chapter,
    SeedTopic,
    load_chapters,
    load_seed_topics,
    topic_weights,
)
from mathforml.datasets._sms import SmsWordCounts, load_sms_word_counts
from mathforml.datasets._synthetic import LineData, make_line_data

__all__ = [
    "Chapter",
    "LineData",
    "SeedTopic",
    "SmsWordCounts",
    "load_chapters",
    "load_seed_topics",
    "load_sms_word_counts",
    "make_line_data",
    "topic_weights",
]
