"""Word counts from a real collection of text messages, for Bayes' theorem and naive Bayes.

``sms_word_counts.csv`` was counted from the SMS Spam Collection v.1 (Almeida, Gómez Hidalgo
and Yamakami, 2011; UCI Machine Learning Repository, CC BY 4.0): 5,574 English text messages
labeled spam (747) or ham (4,827). For each of 22 words it holds the number of messages of
each class that contain the word at least once (lower-cased, words as runs of letters
``[a-z]+``); its first row, word ``*``, holds the number of messages of each class.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

import numpy as np

from mathforml._validation import check_rng

__all__ = ["SmsWordCounts", "load_sms_word_counts"]


@dataclass(frozen=True)
class SmsWordCounts:
    r"""How many spam and ham messages contain each word.

    Attributes
    ----------
    words : tuple of str
        The words, in the file's order.
    spam, ham : ndarray of int, shape (n_words,)
        The number of spam (ham) messages that contain each word at least once.
    n_spam, n_ham : int
        The number of spam (ham) messages in the collection.

    Notes
    -----
    :ref:`sec-lab-spam-filter` trains a spam filter on them.
    """

    words: tuple[str, ...]
    spam: np.ndarray
    ham: np.ndarray
    n_spam: int
    n_ham: int

    def presence_rows(self, rng=None) -> tuple[np.ndarray, np.ndarray]:
        """Messages as rows of 0/1 word presences that agree with the counts.

        The file holds counts, not messages, so the rows are rebuilt: each
        word is put in exactly as many spam (ham) messages as the collection
        has, chosen at random by ``rng`` (``None``, a seed or a
        ``np.random.Generator``). Column sums within each class are the
        counts; which words share a message is random, so the rows keep each
        word's rate per class and lose the real co-occurrences.

        Returns
        -------
        P : ndarray of float, shape (n_spam + n_ham, n_words)
            ``P[i, j] = 1`` if message ``i`` contains word ``j``; spam rows
            first.
        y : ndarray of str, shape (n_spam + n_ham,)
            ``"spam"`` or ``"ham"``.

        Examples
        --------
        >>> counts = load_sms_word_counts()
        >>> P, y = counts.presence_rows(rng=0)
        >>> P.shape, int(P[y == "spam", counts.index("free")].sum())
        ((5574, 22), 174)
        """
        rng = check_rng(rng)
        blocks = []
        for n, in_class in ((self.n_spam, self.spam), (self.n_ham, self.ham)):
            P = np.zeros((n, len(self.words)))
            for j, k in enumerate(in_class):
                P[rng.permutation(n)[:k], j] = 1.0
            blocks.append(P)
        y = np.array(["spam"] * self.n_spam + ["ham"] * self.n_ham)
        return np.vstack(blocks), y

    def index(self, word: str) -> int:
        """The position of ``word`` in :attr:`words`; a ``KeyError`` names the known words."""
        if word not in self.words:
            raise KeyError(
                f"{word!r} is not among the counted words: {', '.join(self.words)}."
            )
        return self.words.index(word)


def load_sms_word_counts() -> SmsWordCounts:
    """Message counts per word in the SMS Spam Collection (see the module docstring).

    :ref:`sec-lab-spam-filter` builds a spam filter's reasoning from them.

    Examples
    --------
    >>> counts = load_sms_word_counts()
    >>> counts.n_spam, counts.n_ham
    (747, 4827)
    >>> i = counts.index("free")
    >>> int(counts.spam[i]), int(counts.ham[i])
    (174, 59)
    """
    text = (
        resources.files("mathforml.datasets")
        .joinpath("data", "sms_word_counts.csv")
        .read_text("utf-8")
    )
    rows = list(csv.DictReader(text.splitlines()))
    total, rows = rows[0], rows[1:]
    return SmsWordCounts(
        words=tuple(r["word"] for r in rows),
        spam=np.array([int(r["spam"]) for r in rows]),
        ham=np.array([int(r["ham"]) for r in rows]),
        n_spam=int(total["spam"]),
        n_ham=int(total["ham"]),
    )
