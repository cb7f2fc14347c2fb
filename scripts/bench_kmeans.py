"""Time KMeans of ``mathforml.models`` against scikit-learn's.

Run: python scripts/bench_kmeans.py   (about 15 s)

On the digits (1797 x 64, k = 10) and 10000 x 10 Gaussian blobs (k = 8):

- ``n_init=10``: the whole fit, ten k-means++ starts and Lloyd's algorithm, in
  both libraries (scikit-learn's ``n_init`` set to 10 too; its k-means++ is the
  greedy variant, ours the plain one); the aim is <= 3x. Their best inertias
  are checked to agree within 2 % first.
- ``same start``: Lloyd's algorithm alone from the same initial centers
  (``init=array``, ``n_init=1``), after checking that both reach the same
  labels, centers and number of iterations: the price of NumPy against
  scikit-learn's Cython (which also uses the threads the machine has).
"""

from __future__ import annotations

import timeit
from unittest import mock

import numpy as np
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import cluster as sk
from sklearn.datasets import load_digits, make_blobs

from mathforml.models import _kmeans
from mathforml.models._kmeans import KMeans

INERTIA_FACTOR = 1.02


def best_time(fit, repeats: int = 5, number: int = 3) -> float:
    return min(timeit.repeat(fit, number=number, repeat=repeats)) / number


def _ours_from(init, X, k):
    """Our KMeans with its seeding replaced by the fixed centers ``init``."""
    start = init - X.mean(axis=0)  # fit seeds on the centered data
    with mock.patch.object(
        _kmeans, "_kmeans_plus_plus", lambda *_: start.copy()
    ):
        return KMeans(k, n_init=1).fit(X)


def main() -> None:
    blobs = make_blobs(
        n_samples=10000, n_features=10, centers=8, random_state=0
    )
    datasets = [
        ("digits", load_digits().data, 10),
        ("blobs 10000x10", blobs[0], 8),
    ]
    print(
        f"{'data':<16}{'fit':<12}{'iters':>7}{'mathforml [ms]':>16}"
        f"{'sklearn [ms]':>14}{'ratio':>8}"
    )
    for name, X, k in datasets:
        a = KMeans(k, n_init=10, rng=0).fit(X)
        b = sk.KMeans(k, n_init=10, random_state=0).fit(X)
        assert a.inertia_ <= INERTIA_FACTOR * b.inertia_, (
            a.inertia_,
            b.inertia_,
        )
        assert b.inertia_ <= INERTIA_FACTOR * a.inertia_, (
            a.inertia_,
            b.inertia_,
        )
        t_ours = best_time(lambda X=X, k=k: KMeans(k, n_init=10, rng=0).fit(X))
        t_sk = best_time(
            lambda X=X, k=k: sk.KMeans(k, n_init=10, random_state=0).fit(X)
        )
        print(
            f"{name:<16}{'n_init=10':<12}{a.n_iter_:>7}{1e3 * t_ours:>16.2f}"
            f"{1e3 * t_sk:>14.2f}{t_ours / t_sk:>8.2f}"
        )

        init = X[np.random.default_rng(1).choice(len(X), k, replace=False)]
        a = _ours_from(init, X, k)
        b = sk.KMeans(k, init=init, n_init=1).fit(X)
        assert_array_equal(a.labels_, b.labels_)
        assert_allclose(
            a.cluster_centers_, b.cluster_centers_, rtol=1e-9, atol=1e-9
        )
        assert a.n_iter_ == b.n_iter_
        t_ours = best_time(lambda X=X, k=k, init=init: _ours_from(init, X, k))
        t_sk = best_time(
            lambda X=X, k=k, init=init: sk.KMeans(k, init=init, n_init=1).fit(
                X
            )
        )
        print(
            f"{name:<16}{'same start':<12}{a.n_iter_:>7}{1e3 * t_ours:>16.2f}"
            f"{1e3 * t_sk:>14.2f}{t_ours / t_sk:>8.2f}"
        )


if __name__ == "__main__":
    main()
