"""Small data files that ship with the package, and loaders for them."""

from mathforml.datasets._book_data import (
    Chapter,
    SeedTopic,
    load_chapters,
    load_seed_topics,
    topic_weights,
)

__all__ = ["Chapter", "SeedTopic", "load_chapters", "load_seed_topics", "topic_weights"]
