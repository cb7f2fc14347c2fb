r"""k-means clustering: k-means++ seeding and Lloyd's algorithm.

k-means looks for :math:`k` centers :math:`\mathbf{c}_1, \dots, \mathbf{c}_k` and
an assignment of each row :math:`\mathbf{x}_i` to one of them that minimize the
*inertia*, the sum of squared distances of the points to their centers,

.. math::

    J = \sum_{i=1}^n \lVert \mathbf{x}_i - \mathbf{c}_{\ell_i} \rVert^2 .

Lloyd's algorithm alternates two steps, each of which can only lower :math:`J`:

- assignment: each point goes to its nearest center (:func:`_nearest`,
  :func:`_assign`);
- update: each center moves to the mean of its points (:func:`_lloyd_step`), the
  point that minimizes the sum of squared distances to them.

:math:`J` takes finitely many values (one per assignment), so the alternation
stops, at a local minimum that depends on the start; k-means++
(:func:`_kmeans_plus_plus`) picks a good start, and the best of several starts is
kept. The stopping rule and the tolerance are scikit-learn's
(``sklearn.cluster.KMeans``), so from the same initial centers the two libraries
reach the same clustering. The book builds k-means in the unsupervised-learning
chapter.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_int, check_rng, check_scalar
from mathforml.base import BaseEstimator, check_features
from mathforml.exceptions import ConvergenceWarning

__all__ = ["KMeans"]


def _squared_norms(D):
    """The squared Euclidean norm of each row of D."""
    return np.einsum("ij,ij->i", D, D)  # row i: D[i] @ D[i]


def _kmeans_plus_plus(X, k, rng):
    """k-means++ seeding: a uniform first center, then D^2 sampling."""
    n = X.shape[0]
    centers = np.empty((k, X.shape[1]))
    centers[0] = X[rng.integers(n)]
    d2 = _squared_norms(X - centers[0])  # to the nearest center so far
    for j in range(1, k):
        total = d2.sum()
        # P(row i) = d2_i / sum(d2): far points are likely, centers impossible
        i = rng.choice(n, p=d2 / total) if total > 0 else rng.integers(n)
        centers[j] = X[i]
        d2 = np.minimum(d2, _squared_norms(X - centers[j]))
    return centers


def _nearest(X, centers):
    """The index of each row's nearest center (the first one, on a tie)."""
    # |x - c|^2 = |x|^2 - 2 x.c + |c|^2, and |x|^2 does not change the argmin
    scores = np.sum(centers**2, axis=1) - 2 * (X @ centers.T)
    return np.argmin(scores, axis=1)


def _assign(X, centers):
    """The assignment step: each row's nearest center, and its squared
    distance to it."""
    labels = _nearest(X, centers)
    sq_distances = _squared_norms(X - centers[labels])
    return labels, sq_distances


def _lloyd_step(X, labels, k):
    """The update step: each center moves to the mean of its points; an empty
    cluster is reseeded at the point farthest from its own new center."""
    members = (labels == np.arange(k)[:, None]).astype(X.dtype)  # (k, n)
    counts = members.sum(axis=1)
    centers = (members @ X) / np.maximum(counts, 1)[:, None]
    empty = np.flatnonzero(counts == 0)
    if empty.size:
        sq = _squared_norms(X - centers[labels])
        farthest = np.argsort(-sq, kind="stable")[: empty.size]
        centers[empty] = X[farthest]
    return centers


def _lloyd(X, centers, *, tol, max_iter):
    """Lloyd's algorithm from ``centers`` until the squared shift of the
    centers is <= tol; ``(centers, labels, inertia, n_iter)``."""
    k, n_iter, shift = centers.shape[0], 0, np.inf
    while n_iter < max_iter and shift > tol:
        labels = _nearest(X, centers)
        new = _lloyd_step(X, labels, k)
        shift = np.sum((new - centers) ** 2)  # summed over all centers
        centers, n_iter = new, n_iter + 1
    labels, sq_distances = _assign(X, centers)  # labels of the final centers
    return centers, labels, sq_distances.sum(), n_iter


class KMeans(BaseEstimator):
    r"""k-means clustering, the best of ``n_init`` k-means++ starts.

    Each start seeds the centers by k-means++ (Arthur and Vassilvitskii, 2007:
    the first center a uniformly random row, each next one a row drawn with
    probability proportional to its squared distance to the nearest center
    chosen so far), then runs Lloyd's algorithm (assign each row to its nearest
    center, move each center to the mean of its rows). The start with the
    smallest inertia, the sum of squared distances of the rows to their
    centers, is kept. The book builds it in the unsupervised-learning chapter;
    the squared distances are those of :ref:`sec-high-dimensions`.

    Parameters
    ----------
    n_clusters : int, default 8
        The number of clusters :math:`k`, ``1 <= k <= n_samples``.
    n_init : int, default 10
        The number of k-means++ starts, ``>= 1``; the best is kept.
    max_iter : int, default 300
        The most Lloyd iterations of one start, ``>= 1``.
    tol : float, default 1e-4
        Stop a start when the squared distance the centers moved in one
        iteration, summed over the centers, is at most ``tol`` times the mean
        variance of the features, ``np.mean(np.var(X, axis=0))``
        (scikit-learn's rule: the tolerance scales with the data), ``>= 0``.
    rng : None, int or numpy.random.Generator, default None
        The source of randomness of the seeding.

    Attributes
    ----------
    cluster_centers_ : numpy.ndarray, shape (n_clusters, n_features)
    labels_ : numpy.ndarray of int, shape (n_samples,)
        The cluster of each training row: its nearest center.
    inertia_ : float
        The sum of squared distances of the training rows to their centers.
    n_iter_ : int
        The Lloyd iterations of the best start.
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``n_clusters`` larger than the number of rows, ``n_init``,
        ``max_iter`` or ``n_clusters`` below 1, ``tol < 0``, NaN or inf in
        ``X``. ``TypeError`` for a hyperparameter of the wrong type.

    Warns
    -----
    ConvergenceWarning
        If ``X`` has fewer distinct rows than ``n_clusters``, so that some
        centers coincide.

    Notes
    -----
    A Lloyd iteration may leave a cluster empty (no row is nearest to its
    center). Its center is then moved to the row farthest from its own
    (newly updated) center, the row the clustering explains worst; scikit-learn
    does the same but measures the distance to the previous centers. The
    seeding is the plain k-means++ of Arthur and Vassilvitskii, not
    scikit-learn's greedy variant (which draws :math:`2 + \lfloor \ln k
    \rfloor` candidates per center and keeps the one that lowers the inertia
    most), so the two libraries agree from the same initial centers but not
    draw for draw. The data are centered (their mean subtracted) before
    clustering, as scikit-learn does, which changes no distance but makes
    :math:`\lVert\mathbf{x}\rVert^2 - 2\mathbf{x}^\top\mathbf{c} +
    \lVert\mathbf{c}\rVert^2` more accurate.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]])
    >>> km = KMeans(n_clusters=2, rng=0).fit(X)
    >>> km.cluster_centers_[np.argsort(km.cluster_centers_[:, 0])]
    array([[ 0. ,  0.5],
           [10. ,  0.5]])
    >>> float(km.inertia_)
    1.0
    >>> bool(km.labels_[0] == km.labels_[1] != km.labels_[2])
    True
    >>> bool(km.predict([[9.0, 0.0]])[0] == km.labels_[2])
    True
    """

    def __init__(
        self, n_clusters=8, *, n_init=10, max_iter=300, tol=1e-4, rng=None
    ):
        self.n_clusters = n_clusters
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.rng = rng

    def fit(self, X: ArrayLike, y=None) -> KMeans:
        """Cluster the rows of ``X`` (``y`` is ignored); returns ``self``."""
        X = as_matrix(X, name="X")
        k = check_int(self.n_clusters, name="n_clusters", minimum=1)
        n_init = check_int(self.n_init, name="n_init", minimum=1)
        max_iter = check_int(self.max_iter, name="max_iter", minimum=1)
        tol = check_scalar(self.tol, name="tol", low=0)
        rng = check_rng(self.rng)
        n = X.shape[0]
        if k > n:
            raise ValueError(
                f"n_clusters must be <= the number of rows of X ({n}); got "
                f"{k}. Lower n_clusters."
            )
        mean = X.mean(axis=0)
        Xc = X - mean  # centered: the distances are the same, the rounding less
        tol = tol * np.mean(np.var(X, axis=0))
        best = None
        for _ in range(n_init):
            start = _kmeans_plus_plus(Xc, k, rng)
            run = _lloyd(Xc, start, tol=tol, max_iter=max_iter)
            if best is None or run[2] < best[2]:
                best = run
        centers, labels, inertia, n_iter = best
        n_distinct = np.unique(labels).size
        if n_distinct < k:
            warnings.warn(
                f"KMeans found {n_distinct} distinct clusters, fewer than "
                f"n_clusters={k}: X has too few distinct rows. Lower n_clusters.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.cluster_centers_ = centers + mean
        self.labels_ = labels
        self.inertia_ = float(inertia)
        self.n_iter_ = int(n_iter)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The cluster of each row of ``X``: the index of its nearest center."""
        X = check_features(self, X)
        return _nearest(X, self.cluster_centers_)

    def fit_predict(self, X: ArrayLike, y=None) -> np.ndarray:
        """``fit(X)`` then the training labels ``labels_``."""
        return self.fit(X).labels_

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The Euclidean distances of each row of ``X`` to every center,
        shape (n_samples, n_clusters)."""
        X = check_features(self, X)
        C = self.cluster_centers_
        return np.sqrt(np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2))

    def fit_transform(self, X: ArrayLike, y=None) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def score(self, X: ArrayLike, y=None) -> float:
        """Minus the inertia of ``X``: the sum of squared distances of its rows
        to their nearest centers, negated (higher is better)."""
        X = check_features(self, X)
        return -float(np.sum(_assign(X, self.cluster_centers_)[1]))
