"""Time the naive Bayes classifiers of ``mathforml.models`` against scikit-learn.

Run: python scripts/bench_naive_bayes.py   (about 10 s)

For GaussianNB and MultinomialNB on the digits (1797 x 64, pixel intensities 0..16)
and on messages rebuilt from the SMS word counts (5574 x 44: each of the 22 words as
a present and an absent count, as in the spam-filter lab), prints the best time of
several ``fit`` + ``predict`` runs for ``mathforml`` and for scikit-learn and their
ratio (the target is <= 3x for GaussianNB). The posteriors are checked to agree first.
Both libraries do the same NumPy work; the ratio measures input validation and
bookkeeping, not the mathematics.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import naive_bayes as sk
from sklearn.datasets import load_digits

from mathforml.datasets import load_sms_word_counts
from mathforml.models import GaussianNB, MultinomialNB


def best_time(run, repeats: int = 7, number: int = 10) -> float:
    return min(timeit.repeat(run, number=number, repeat=repeats)) / number


def sms_messages(seed: int = 0):
    """The collection's messages rebuilt from its counts, each word coded as
    two counts (present, absent); labels "spam" and "ham"."""
    P, y = load_sms_word_counts().presence_rows(rng=seed)
    return np.hstack([P, 1.0 - P]), y


def main() -> None:
    data = {"digits": load_digits(return_X_y=True), "sms": sms_messages()}
    cases = [
        ("GaussianNB", GaussianNB, sk.GaussianNB),
        ("MultinomialNB", MultinomialNB, sk.MultinomialNB),
    ]
    print(
        f"{'model':<15}{'data':>8}{'shape':>11}{'accuracy':>10}"
        f"{'mathforml [ms]':>16}{'sklearn [ms]':>14}{'ratio':>8}"
    )
    for name, ours, theirs in cases:
        for data_name, (X, y) in data.items():
            a, b = ours().fit(X, y), theirs().fit(X, y)
            assert_allclose(
                a.predict_proba(X), b.predict_proba(X), rtol=1e-10, atol=1e-300
            )
            assert_array_equal(a.predict(X), b.predict(X))
            t_ours = best_time(
                lambda m=ours, X=X, y=y: m().fit(X, y).predict(X)
            )
            t_sk = best_time(
                lambda m=theirs, X=X, y=y: m().fit(X, y).predict(X)
            )
            shape = f"{X.shape[0]}x{X.shape[1]}"
            print(
                f"{name:<15}{data_name:>8}{shape:>11}{a.score(X, y):>10.3f}"
                f"{1e3 * t_ours:>16.3f}{1e3 * t_sk:>14.3f}{t_ours / t_sk:>8.2f}"
            )


if __name__ == "__main__":
    main()
