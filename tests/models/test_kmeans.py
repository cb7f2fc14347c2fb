"""KMeans against scikit-learn (the same clustering from the same initial
centers; a comparable best inertia from k-means++), Lloyd's invariants (the
inertia never increases, centers are means, labels are nearest centers), the
k-means++ distribution by a chi-square test, empty clusters, bad input."""

import itertools
import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from scipy.spatial.distance import cdist
from scipy.stats import chisquare
from sklearn import cluster as sk
from sklearn.datasets import load_digits, load_iris, make_blobs

from mathforml.exceptions import ConvergenceWarning, NotFittedError
from mathforml.models import _kmeans
from mathforml.models._kmeans import (
    KMeans,
    _assign,
    _kmeans_plus_plus,
    _lloyd,
    _lloyd_step,
)
from tolerances import DIRECT

#: A rise of the inertia this small (relative) is rounding, not an increase.
SLACK = 1e-12
#: The best inertia of 10 k-means++ starts may exceed scikit-learn's (greedy
#: k-means++, also 10 starts) by at most this factor (observed <= 1.0003).
INERTIA_FACTOR = 1.02
#: Chi-square goodness of fit: reject the sampling law below this p-value.
P_MIN = 1e-3

DIGITS = load_digits().data
IRIS = load_iris().data
BLOBS = make_blobs(n_samples=600, n_features=4, centers=5, random_state=0)[0]


def _random(n, d, seed):
    return np.random.default_rng(seed).normal(size=(n, d))


def _rows(X, k, seed):
    """k distinct rows of X, chosen by a seeded generator: initial centers."""
    g = np.random.default_rng(seed)
    return X[g.choice(len(X), size=k, replace=False)].copy()


def _inertia(X, centers, labels):
    return np.sum((X - centers[labels]) ** 2)


# ------------------------------------------------------------ the pure pieces
@pytest.mark.parametrize("n, d, k", [(50, 2, 3), (200, 7, 10), (9, 3, 9)])
def test_assign_is_the_nearest_centre(n, d, k):
    X = _random(n, d, seed=n)
    centers = _random(k, d, seed=k + 100)
    labels, sq = _assign(X, centers)
    D = cdist(X, centers, "sqeuclidean")
    assert_array_equal(labels, np.argmin(D, axis=1))
    assert_allclose(sq, D.min(axis=1), **DIRECT)


def test_assign_picks_the_first_of_tied_centers():
    X = np.array([[0.0, 0.0], [2.0, 0.0]])
    centers = np.array([[1.0, 0.0], [1.0, 0.0], [-1.0, 0.0]])
    labels, sq = _assign(X, centers)
    assert_array_equal(labels, [0, 0])
    assert_array_equal(sq, [1.0, 1.0])


@pytest.mark.parametrize("k", [1, 3, 8])
def test_lloyd_step_moves_each_centre_to_the_mean_of_its_points(k):
    X = _random(80, 3, seed=k)
    labels = np.random.default_rng(k).permutation(np.arange(80) % k)
    centers = _lloyd_step(X, labels, k)
    assert centers.shape == (k, 3)
    for j in range(k):
        assert_allclose(centers[j], X[labels == j].mean(axis=0), **DIRECT)


def test_lloyd_step_reseeds_an_empty_cluster_at_the_farthest_point():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [5.0, -4.0]])
    labels = np.zeros(5, dtype=int)  # cluster 1 and 2 empty
    centers = _lloyd_step(X, labels, 3)
    mean = X.mean(axis=0)
    assert_allclose(centers[0], mean, **DIRECT)
    # the farthest from the new center (1.4, -0.4), then the next farthest
    order = np.argsort(-np.sum((X - mean) ** 2, axis=1))
    assert_array_equal(order[:2], [4, 1])
    assert_array_equal(centers[1:], X[[4, 1]])


def test_lloyd_returns_the_labels_and_inertia_of_its_centers():
    X = BLOBS
    centers, labels, inertia, n_iter = _lloyd(
        X, _rows(X, 5, seed=1), tol=0.0, max_iter=300
    )
    assert 1 <= n_iter < 300
    assert_array_equal(labels, _assign(X, centers)[0])
    assert_allclose(inertia, _inertia(X, centers, labels), **DIRECT)
    # converged with tol 0: a fixed point, each center the mean of its points
    assert_allclose(centers, _lloyd_step(X, labels, 5), **DIRECT)


def test_lloyd_stops_after_max_iter():
    X = DIGITS
    *_, n_iter = _lloyd(X, _rows(X, 10, seed=0), tol=0.0, max_iter=3)
    assert n_iter == 3


# ----------------------------------------------- Lloyd's iterations: invariants
def _inertia_path(X, centers, n_steps):
    """The inertia after every assignment and every update step."""
    k, path = len(centers), []
    for _ in range(n_steps):
        labels, sq = _assign(X, centers)
        path.append(sq.sum())  # the new labels, the old centers
        centers = _lloyd_step(X, labels, k)
        path.append(_inertia(X, centers, labels))  # new centers, same labels
    return np.array(path)


@pytest.mark.parametrize(
    "X, k, seed",
    [
        (BLOBS, 5, 0),
        (BLOBS, 12, 1),
        (IRIS, 3, 2),
        (DIGITS, 10, 3),
        (_random(300, 2, seed=4), 20, 4),
    ],
    ids=["blobs5", "blobs12", "iris", "digits", "gauss20"],
)
def test_inertia_never_increases(X, k, seed):
    for start in (
        _rows(X, k, seed),
        _kmeans_plus_plus(X, k, np.random.default_rng(seed)),
    ):
        path = _inertia_path(X, start, n_steps=15)
        rises = np.diff(path)
        assert np.all(rises <= SLACK * path[:-1]), rises.max()
        assert path[-1] < path[0]


def test_inertia_never_increases_through_empty_clusters():
    # 6 centers on 3 tight groups, 3 of them far away: empty after step one
    X = np.vstack(
        [
            g + 0.1 * _random(20, 2, seed=i)
            for i, g in enumerate(([0, 0], [5, 0], [0, 5]))
        ]
    )
    start = np.array([[0, 0], [5, 0], [0, 5], [50, 50], [60, 60], [70, 70.0]])
    labels, _ = _assign(X, start)
    assert np.unique(labels).size == 3  # three empty clusters
    path = _inertia_path(X, start, n_steps=10)
    assert np.all(np.diff(path) <= SLACK * path[:-1])
    assert np.unique(_assign(X, _lloyd_step(X, labels, 6))[0]).size == 6


# ------------------------------------------------------------ the estimator
@pytest.mark.parametrize(
    "X, k",
    [(BLOBS, 5), (IRIS, 3), (DIGITS, 10)],
    ids=["blobs", "iris", "digits"],
)
def test_fitted_attributes_are_consistent(X, k):
    km = KMeans(n_clusters=k, n_init=3, rng=0).fit(X)
    C = km.cluster_centers_
    assert C.shape == (k, X.shape[1])
    assert km.labels_.shape == (len(X),)
    assert km.n_features_in_ == X.shape[1]
    assert isinstance(km.inertia_, float) and isinstance(km.n_iter_, int)
    assert 1 <= km.n_iter_ <= 300
    # inertia_ is the sum of squared distances to the assigned centers, and
    # those are the nearest ones
    D = cdist(X, C, "sqeuclidean")
    assert_allclose(
        km.inertia_, np.sum(D[np.arange(len(X)), km.labels_]), **DIRECT
    )
    assert_allclose(km.inertia_, D.min(axis=1).sum(), **DIRECT)
    assert_array_equal(km.labels_, km.predict(X))
    assert_allclose(km.score(X), -km.inertia_, **DIRECT)
    assert_allclose(km.transform(X), np.sqrt(D), rtol=1e-9, atol=1e-8)


def test_centres_are_the_means_of_their_clusters_at_convergence():
    km = KMeans(n_clusters=5, n_init=2, tol=0.0, rng=3).fit(BLOBS)
    for j in range(5):
        mean = BLOBS[km.labels_ == j].mean(axis=0)
        assert_allclose(km.cluster_centers_[j], mean, **DIRECT)


def test_fit_predict_and_fit_transform():
    a = KMeans(n_clusters=4, n_init=2, rng=7)
    labels = a.fit_predict(IRIS)
    assert_array_equal(labels, a.labels_)
    b = KMeans(n_clusters=4, n_init=2, rng=7)
    assert_allclose(b.fit_transform(IRIS), a.transform(IRIS), **DIRECT)
    assert_array_equal(b.labels_, labels)


def test_one_cluster_is_the_mean_and_n_clusters_rows_give_zero_inertia():
    km = KMeans(n_clusters=1, n_init=1, rng=0).fit(IRIS)
    assert_allclose(km.cluster_centers_[0], IRIS.mean(axis=0), **DIRECT)
    assert_allclose(
        km.inertia_, np.sum((IRIS - IRIS.mean(axis=0)) ** 2), **DIRECT
    )
    X = _random(6, 3, seed=0)
    km = KMeans(n_clusters=6, n_init=1, rng=0).fit(X)
    assert km.inertia_ == pytest.approx(0.0, abs=1e-20)
    assert np.unique(km.labels_).size == 6


def test_best_of_n_init_is_the_smallest_inertia_of_the_starts():
    # fit draws every start from one generator: n_init=5 sees the same five
    # seedings as five n_init=1 fits sharing that generator
    g = np.random.default_rng(11)
    single = [
        KMeans(12, n_init=1, rng=g).fit(BLOBS).inertia_ for _ in range(5)
    ]
    assert len(set(single)) > 1  # the starts differ
    best = KMeans(12, n_init=5, rng=np.random.default_rng(11)).fit(BLOBS)
    assert best.inertia_ == min(single)


def test_same_seed_same_result_and_generators_are_used_in_place():
    a = KMeans(6, n_init=2, rng=5).fit(DIGITS)
    b = KMeans(6, n_init=2, rng=5).fit(DIGITS)
    assert_array_equal(a.cluster_centers_, b.cluster_centers_)
    assert_array_equal(a.labels_, b.labels_)
    g = np.random.default_rng(5)
    c = KMeans(6, n_init=2, rng=g).fit(DIGITS)
    assert_array_equal(c.cluster_centers_, a.cluster_centers_)
    d = KMeans(6, n_init=2, rng=g).fit(DIGITS)  # g has moved on
    assert not np.array_equal(d.cluster_centers_, c.cluster_centers_)


def test_a_translation_moves_the_centres_and_keeps_the_labels():
    a = KMeans(5, n_init=2, rng=1).fit(BLOBS)
    b = KMeans(5, n_init=2, rng=1).fit(BLOBS + 1e6)
    assert_array_equal(a.labels_, b.labels_)
    assert_allclose(
        b.cluster_centers_ - 1e6, a.cluster_centers_, rtol=0, atol=1e-8
    )
    assert_allclose(b.inertia_, a.inertia_, rtol=1e-6)


def test_hyperparameters_are_stored_unchanged():
    km = KMeans(3, n_init=np.int64(2), max_iter=50, tol=0.5, rng=None)
    assert km.get_params() == dict(
        n_clusters=3, n_init=2, max_iter=50, tol=0.5, rng=None
    )
    assert type(km.n_init) is np.int64
    km.fit(IRIS)
    assert type(km.n_init) is np.int64


def test_duplicate_rows_warn_of_fewer_distinct_clusters():
    X = np.array([[1.0, 2.0]] * 5 + [[3.0, 4.0]] * 5)
    with pytest.warns(ConvergenceWarning, match="2 distinct clusters"):
        km = KMeans(n_clusters=3, n_init=2, rng=0).fit(X)
    assert km.inertia_ == 0.0
    X = np.ones((4, 2))  # all rows equal: the seeding has nothing to weigh
    with pytest.warns(ConvergenceWarning, match="1 distinct clusters"):
        km = KMeans(n_clusters=2, n_init=1, rng=0).fit(X)
    assert_array_equal(km.cluster_centers_, np.ones((2, 2)))


def test_no_warning_on_well_separated_data():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        KMeans(5, n_init=2, rng=0).fit(BLOBS)


# ------------------------------------------------------- against scikit-learn
# From the same initial centers the two implementations take the same Lloyd
# iterations with the same stopping rule, so they end on the same clustering,
# after the same number of iterations. KMeans itself is called with its seeding
# replaced by the given centers, so that the centering of X and the scaling of
# tol (by the mean feature variance) are compared too.
CASES = [
    ("blobs", BLOBS, 5, 0),
    ("blobs-k9", BLOBS, 9, 1),
    ("iris", IRIS, 3, 2),
    ("iris-k7", IRIS, 7, 3),
    ("digits", DIGITS, 10, 4),
    ("gauss", _random(500, 6, seed=5), 8, 5),
]


@pytest.mark.parametrize("name, X, k, seed", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize(
    "tol, max_iter", [(1e-4, 300), (0.0, 300), (1e-1, 300), (0.0, 2)]
)
def test_same_start_same_clustering_as_sklearn(
    monkeypatch, name, X, k, seed, tol, max_iter
):
    init = _rows(X, k, seed)
    theirs = sk.KMeans(k, init=init, n_init=1, tol=tol, max_iter=max_iter)
    theirs.fit(X)
    # fit seeds on the centered data: hand it the centered initial centers
    start = init - X.mean(axis=0)
    monkeypatch.setattr(_kmeans, "_kmeans_plus_plus", lambda *_: start.copy())
    ours = KMeans(k, n_init=1, tol=tol, max_iter=max_iter).fit(X)
    scale = np.max(np.abs(X))
    assert_array_equal(ours.labels_, theirs.labels_)
    assert_allclose(
        ours.cluster_centers_,
        theirs.cluster_centers_,
        rtol=0,
        atol=1e-12 * scale,
    )
    assert_allclose(ours.inertia_, theirs.inertia_, **DIRECT)
    assert ours.n_iter_ == theirs.n_iter_
    assert_array_equal(ours.predict(X[:50]), theirs.predict(X[:50]))
    assert_allclose(ours.transform(X[:50]), theirs.transform(X[:50]), **DIRECT)
    assert_allclose(ours.score(X[:50]), theirs.score(X[:50]), **DIRECT)


def test_lloyd_equals_sklearn_from_the_same_start():
    X, init = IRIS, _rows(IRIS, 4, seed=9)
    theirs = sk.KMeans(4, init=init, n_init=1, tol=1e-4).fit(X)
    tol = 1e-4 * np.mean(np.var(X, axis=0))  # scikit-learn's scaled tolerance
    centers, labels, inertia, n_iter = _lloyd(X, init, tol=tol, max_iter=300)
    assert_array_equal(labels, theirs.labels_)
    assert_allclose(centers, theirs.cluster_centers_, **DIRECT)
    assert_allclose(inertia, theirs.inertia_, **DIRECT)
    assert n_iter == theirs.n_iter_


def test_empty_cluster_is_reseeded_and_matches_sklearn():
    # the third center starts far away and gets no point; both libraries move
    # it to the outlier (5, -4), the point farthest from its center
    X = np.array(
        [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
            [10, 10],
            [10, 11],
            [11, 10],
            [11, 11],
            [5, -4.0],
        ]
    )
    init = np.array([[0.5, 0.5], [10.5, 10.5], [100.0, 100.0]])
    labels, _ = _assign(X, init)
    assert 2 not in labels  # empty after the first assignment
    centers, labels, inertia, _ = _lloyd(X, init, tol=0.0, max_iter=100)
    theirs = sk.KMeans(3, init=init, n_init=1, tol=0.0).fit(X)
    assert_allclose(centers, [[0.5, 0.5], [10.5, 10.5], [5, -4]], **DIRECT)
    assert_allclose(centers, theirs.cluster_centers_, **DIRECT)
    assert_array_equal(labels, theirs.labels_)
    assert_allclose(inertia, 4.0, **DIRECT)
    assert_allclose(theirs.inertia_, 4.0, **DIRECT)


@pytest.mark.parametrize(
    "X, k",
    [(BLOBS, 5), (IRIS, 3), (DIGITS, 10)],
    ids=["blobs", "iris", "digits"],
)
def test_kmeans_plus_plus_best_inertia_is_close_to_sklearn(X, k):
    ours = KMeans(k, n_init=10, rng=0).fit(X)
    theirs = sk.KMeans(k, n_init=10, random_state=0).fit(X)
    assert ours.inertia_ <= INERTIA_FACTOR * theirs.inertia_
    assert theirs.inertia_ <= INERTIA_FACTOR * ours.inertia_


def test_blobs_are_recovered():
    X, y = make_blobs(
        n_samples=300, centers=4, cluster_std=0.5, random_state=3
    )
    labels = KMeans(4, n_init=5, rng=0).fit_predict(X)
    # the same partition up to a renaming of the clusters
    pairs = set(zip(labels.tolist(), y.tolist()))
    assert len(pairs) == 4


# ------------------------------------------------------------ k-means++ law
def test_kmeans_plus_plus_draws_by_squared_distance():
    # five points in general position; over many seeds the triple (first,
    # second, third center) follows P(i) * D2_i(j) * D2_ij(l): the first
    # center uniform, then each next one with probability proportional to the
    # squared distance to the nearest center chosen so far
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 2.0], [3.0, 1.0], [4.0, 4.0]])
    n, n_draws = len(X), 6000
    index = {tuple(x): i for i, x in enumerate(X.tolist())}
    counts = np.zeros((n, n, n))
    for seed in range(n_draws):
        C = _kmeans_plus_plus(X, 3, np.random.default_rng(seed))
        i, j, l = (index[tuple(c)] for c in C.tolist())
        counts[i, j, l] += 1
    D2 = cdist(X, X, "sqeuclidean")
    expected = np.zeros((n, n, n))
    for i, j, l in itertools.product(range(n), repeat=3):
        p_j = D2[i, j] / D2[i].sum()
        near = np.minimum(D2[i], D2[j])
        p_l = near[l] / near.sum() if near.sum() > 0 else 0.0
        expected[i, j, l] = p_j * p_l / n
    assert_allclose(expected.sum(), 1.0, **DIRECT)
    possible = expected > 0
    assert counts[~possible].sum() == 0  # never a point chosen twice
    assert (
        chisquare(counts[possible], n_draws * expected[possible]).pvalue
        > P_MIN
    )
    # the first center alone: uniform
    assert chisquare(counts.sum(axis=(1, 2))).pvalue > P_MIN


def test_kmeans_plus_plus_is_not_plain_distance_sampling():
    # the chi-square test above has the power to tell D^2 from D sampling:
    # the second center's frequencies given the first center X[0]
    X = np.array([[0.0], [1.0], [2.0], [6.0]])
    counts = np.zeros(4)
    draws = 0
    for seed in range(4000):
        C = _kmeans_plus_plus(X, 2, np.random.default_rng(seed))
        if C[0, 0] == 0.0:
            counts[int(np.flatnonzero(X[:, 0] == C[1, 0])[0])] += 1
            draws += 1
    d = np.abs(X[:, 0])
    squared = chisquare(counts[1:], draws * d[1:] ** 2 / np.sum(d**2))
    plain = chisquare(counts[1:], draws * d[1:] / np.sum(d))
    assert squared.pvalue > P_MIN
    assert plain.pvalue < 1e-10


def test_kmeans_plus_plus_returns_distinct_rows_of_x():
    X = DIGITS[:200]
    C = _kmeans_plus_plus(X, 15, np.random.default_rng(0))
    assert C.shape == (15, 64)
    rows = {tuple(x) for x in X.tolist()}
    assert all(tuple(c) in rows for c in C.tolist())
    assert len({tuple(c) for c in C.tolist()}) == 15


# ------------------------------------------------------------ bad input
def test_n_clusters_larger_than_the_number_of_rows():
    with pytest.raises(
        ValueError,
        match=r"n_clusters must be <= the number of rows of X \(5\); got 6",
    ):
        KMeans(n_clusters=6).fit(_random(5, 2, seed=0))


@pytest.mark.parametrize(
    "params, error, match",
    [
        (dict(n_clusters=0), ValueError, "n_clusters must be >= 1"),
        (dict(n_clusters=2.5), TypeError, "n_clusters must be an integer"),
        (dict(n_clusters="3"), TypeError, "n_clusters must be an integer"),
        (dict(n_init=0), ValueError, "n_init must be >= 1"),
        (dict(n_init=1.0), TypeError, "n_init must be an integer"),
        (dict(max_iter=0), ValueError, "max_iter must be >= 1"),
        (dict(max_iter=None), TypeError, "max_iter must be an integer"),
        (dict(tol=-1e-3), ValueError, "tol must be >= 0"),
        (dict(tol=np.nan), ValueError, "tol must be finite"),
        (dict(tol="small"), TypeError, "tol must be a real number"),
        (dict(rng="seed"), TypeError, "rng must be None, an int seed"),
    ],
)
def test_bad_hyperparameters(params, error, match):
    km = KMeans(**{"n_clusters": 2, **params})
    with pytest.raises(error, match=match):
        km.fit(IRIS)
    assert not hasattr(km, "cluster_centers_")


@pytest.mark.parametrize(
    "X, error, match",
    [
        (
            [[0.0, 1.0], [np.nan, 2.0], [3.0, 4.0]],
            ValueError,
            "X must contain only finite",
        ),
        (
            [[0.0, 1.0], [np.inf, 2.0], [3.0, 4.0]],
            ValueError,
            "X must contain only finite",
        ),
        ([1.0, 2.0, 3.0], ValueError, "X must be 2-D"),
        (np.empty((0, 2)), ValueError, "X must not be empty"),
        ([["a", "b"], ["c", "d"]], TypeError, "X must be an array of numbers"),
        (None, TypeError, "X must be an array of numbers"),
    ],
)
def test_bad_training_data(X, error, match):
    with pytest.raises(error, match=match):
        KMeans(n_clusters=1).fit(X)


@pytest.mark.parametrize("method", ["predict", "transform", "score"])
def test_before_fit_and_wrong_columns(method):
    with pytest.raises(NotFittedError, match="KMeans is not fitted"):
        getattr(KMeans(2), method)(IRIS)
    km = KMeans(2, n_init=1, rng=0).fit(IRIS)
    with pytest.raises(
        ValueError, match="X has 3 features, but KMeans was fitted with 4"
    ):
        getattr(km, method)(IRIS[:, :3])
    with pytest.raises(ValueError, match="X must contain only finite"):
        getattr(km, method)([[np.nan, 0.0, 0.0, 0.0]])
