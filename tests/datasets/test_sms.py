"""The bundled SMS word counts are consistent counts of messages."""

import numpy as np
import pytest

from mathforml.datasets import load_sms_word_counts


def test_totals_are_those_of_the_sms_spam_collection():
    counts = load_sms_word_counts()
    assert (counts.n_spam, counts.n_ham) == (
        747,
        4827,
    )  # Almeida et al. (2011)


def test_counts_are_message_counts():
    counts = load_sms_word_counts()
    assert (
        len(counts.words) == len(set(counts.words)) == len(counts.spam) == 22
    )
    assert counts.spam.dtype.kind == counts.ham.dtype.kind == "i"
    assert np.all((0 <= counts.spam) & (counts.spam <= counts.n_spam))
    assert np.all((0 <= counts.ham) & (counts.ham <= counts.n_ham))
    assert all(w.isalpha() and w.islower() for w in counts.words)


def test_a_word_that_is_not_counted_is_named():
    with pytest.raises(
        KeyError, match="'bitcoin' is not among the counted words"
    ):
        load_sms_word_counts().index("bitcoin")


def test_presence_rows_agree_with_the_counts_and_the_seed():
    counts = load_sms_word_counts()
    P, y = counts.presence_rows(rng=np.random.default_rng(3))
    assert P.shape == (counts.n_spam + counts.n_ham, len(counts.words))
    assert set(np.unique(P)) == {0.0, 1.0}
    assert np.sum(y == "spam") == counts.n_spam
    assert np.sum(y == "ham") == counts.n_ham
    np.testing.assert_array_equal(P[y == "spam"].sum(axis=0), counts.spam)
    np.testing.assert_array_equal(P[y == "ham"].sum(axis=0), counts.ham)
    again, _ = counts.presence_rows(rng=3)
    other, _ = counts.presence_rows(rng=4)
    np.testing.assert_array_equal(P, again)  # a seed fixes the rows
    assert not np.array_equal(P, other)  # and another seed changes them


def test_presence_rows_refuse_a_bad_rng():
    with pytest.raises(TypeError, match="rng"):
        load_sms_word_counts().presence_rows(rng="seed")
