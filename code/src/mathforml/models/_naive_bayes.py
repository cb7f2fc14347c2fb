r"""Naive Bayes classifiers: Gaussian and multinomial (:ref:`sec-lab-spam-filter`).

Both pick the class :math:`c` with the largest joint probability
:math:`P(\mathbf{x}, c) = P(c) \prod_j P(x_j \mid c)`: the features are assumed
independent *within* each class, so the likelihood of a row is a product, and its
logarithm a sum. The two models differ in :math:`P(x_j \mid c)`:

- ``GaussianNB``: a normal density, :math:`x_j \sim N(\theta_{cj}, \sigma^2_{cj})`,
  with the class mean and (biased) variance of feature :math:`j`.
- ``MultinomialNB``: counts drawn from a multinomial, feature :math:`j` with
  probability :math:`p_{cj} = (N_{cj} + \alpha) / \sum_k (N_{ck} + \alpha)`, where
  :math:`N_{cj}` is the total count of feature :math:`j` in class :math:`c`.

Posteriors are normalized by log-sum-exp, so rows whose joint probabilities
underflow still get exact posteriors. The estimates are scikit-learn's
(``sklearn.naive_bayes``), attribute for attribute.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_scalar
from mathforml.base import (
    BaseEstimator,
    ClassifierMixin,
    _as_labels,
    check_features,
)
from mathforml.models._logistic import _log_softmax

__all__ = ["GaussianNB", "MultinomialNB"]


def _class_statistics(X, codes, n_classes):
    """Each class's number of rows, feature means and (biased) variances."""
    rows = [X[codes == c] for c in range(n_classes)]
    count = np.array([len(R) for R in rows], dtype=float)
    theta = np.array([R.mean(axis=0) for R in rows])
    var = np.array([R.var(axis=0) for R in rows])
    return count, theta, var


def _gaussian_joint_log_likelihood(X, theta, var, log_prior):
    """log P(x, c) = log P(c) + sum_j log N(x_j; theta_cj, var_cj)."""
    jll = np.empty((X.shape[0], theta.shape[0]))
    for c in range(theta.shape[0]):
        log_det = np.sum(np.log(2 * np.pi * var[c]))
        mahalanobis = np.sum((X - theta[c]) ** 2 / var[c], axis=1)
        jll[:, c] = log_prior[c] - 0.5 * (log_det + mahalanobis)
    return jll


def _multinomial_feature_log_prob(feature_count, alpha):
    """log p_cj = log(N_cj + alpha) - log sum_k (N_ck + alpha)."""
    smoothed = feature_count + alpha
    return np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))


def _multinomial_joint_log_likelihood(X, feature_log_prob, class_log_prior):
    """log P(x, c) = log P(c) + sum_j x_j log p_cj, up to a common term."""
    seen = np.isfinite(feature_log_prob)  # p_cj = 0 only when alpha = 0
    jll = X @ np.where(seen, feature_log_prob, 0.0).T + class_log_prior
    # 0 log 0 = 0; but a count of a feature with p_cj = 0 makes x impossible
    return np.where(X @ (~seen).T > 0, -np.inf, jll)


class _NaiveBayes(ClassifierMixin, BaseEstimator):
    """``predict_*`` shared by both models; each defines ``_joint_log_likelihood``
    (of a validated ``X``) and ``_impossible``, the hint for a row that has
    probability 0 under every class."""

    def _fit_labels(self, X, y):
        """``X`` as floats, the sorted classes and each row's class index."""
        X = as_matrix(X, name="X")
        y = _as_labels(y, name="y")
        if y.size != X.shape[0]:
            raise ValueError(
                f"y must have one label per row of X ({X.shape[0]}); got {y.size}."
            )
        classes, codes = np.unique(y, return_inverse=True)
        return X, classes, codes.ravel()

    def _check_X(self, X) -> np.ndarray:
        return check_features(self, X)

    def predict_joint_log_proba(self, X: ArrayLike) -> np.ndarray:
        r"""The joint log-probabilities :math:`\log P(\mathbf{x}, c)
        = \log P(c) + \log P(\mathbf{x} \mid c)`, shape (n, n_classes), columns
        in the order of ``classes_``; ``-inf`` where the probability is 0 (or
        so small that its logarithm overflows)."""
        X = self._check_X(X)
        with np.errstate(over="ignore"):  # an overflow is a log-density -inf
            return self._joint_log_likelihood(X)

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        r"""The posterior log-probabilities :math:`\log P(c \mid \mathbf{x})`,
        shape (n, n_classes): the joint ones minus their log-sum-exp over the
        classes, exact even where every joint probability underflows (``-inf``
        only for a class that gives the row probability 0)."""
        jll = self._possible(self.predict_joint_log_proba(X))
        with np.errstate(under="ignore"):
            return _log_softmax(jll)

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """The posterior probabilities of the classes, shape (n, n_classes);
        each row sums to 1."""
        with np.errstate(under="ignore"):
            return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class of each row, a label from ``classes_``."""
        jll = self._possible(self.predict_joint_log_proba(X))
        return self.classes_[np.argmax(jll, axis=1)]

    def _possible(self, jll):
        impossible = np.flatnonzero(np.max(jll, axis=1) == -np.inf)
        if impossible.size:
            raise ValueError(
                f"X has {impossible.size} row(s), the first row "
                f"{impossible[0]}, with probability 0 under every class, so no "
                f"posterior exists: {self._impossible}"
            )
        return jll


class GaussianNB(_NaiveBayes):
    r"""Gaussian naive Bayes: in each class, independent normal features.

    ``fit`` estimates, for each class :math:`c`, the prior :math:`P(c)` (the
    class's share of the rows) and, for each feature :math:`j`, the class mean
    :math:`\theta_{cj}` and variance :math:`\sigma^2_{cj}` (divided by the
    class size: the maximum-likelihood estimates). The book builds naive
    Bayes by hand in :ref:`sec-lab-spam-filter`; :ref:`sec-naive-bayes` derives it.

    Parameters
    ----------
    var_smoothing : float, default 1e-9
        ``>= 0``. ``epsilon_ = var_smoothing * (the largest variance of a
        feature of X)`` is added to every variance, so that a feature constant
        within a class (variance 0) does not make a density infinite. With
        ``var_smoothing=0``, a zero variance is a ``ValueError``.

    Attributes
    ----------
    classes_ : numpy.ndarray, shape (n_classes,)
        The labels seen in ``fit``, sorted.
    class_count_ : numpy.ndarray, shape (n_classes,)
        The number of rows of each class.
    class_prior_ : numpy.ndarray, shape (n_classes,)
        :math:`P(c)`: ``class_count_ / n_samples``.
    theta_ : numpy.ndarray, shape (n_classes, n_features)
        The mean of each feature in each class.
    var_ : numpy.ndarray, shape (n_classes, n_features)
        The variance of each feature in each class, plus ``epsilon_``.
    epsilon_ : float
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``var_smoothing < 0``, NaN or inf in ``X``, lengths that
        differ, a zero variance with ``var_smoothing=0``. ``TypeError`` for a
        hyperparameter of the wrong type. ``predict_log_proba``,
        ``predict_proba`` and ``predict`` raise a ``ValueError`` for a row so
        far from every class that its density is 0 in floating point.

    Notes
    -----
    .. math::

        \log P(\mathbf{x}, c) = \log P(c) - \frac12 \sum_j \Big(
        \log(2\pi\sigma^2_{cj}) + \frac{(x_j - \theta_{cj})^2}{\sigma^2_{cj}}
        \Big),

    and the posterior :math:`P(c \mid \mathbf{x})` divides by the sum over the
    classes, computed as a log-sum-exp. A training set with one class is
    allowed (as in scikit-learn): every posterior is then 1.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [6.0], [7.0], [8.0]])
    >>> y = np.array(["low", "low", "low", "high", "high", "high"])
    >>> model = GaussianNB().fit(X, y)
    >>> model.classes_, model.theta_.ravel()
    (array(['high', 'low'], dtype='<U4'), array([7., 1.]))
    >>> model.predict([[3.0], [5.0]])
    array(['low', 'high'], dtype='<U4')
    >>> model.predict_proba([[4.0]]).round(6)
    array([[0.5, 0.5]])
    """

    _impossible = (
        "its squared distances to the class means overflow. Rescale X "
        "(for example with a StandardScaler)."
    )

    def __init__(self, *, var_smoothing=1e-9):
        self.var_smoothing = var_smoothing

    def fit(self, X: ArrayLike, y: ArrayLike) -> GaussianNB:
        """Estimate the class priors, means and variances; returns ``self``."""
        smoothing = check_scalar(
            self.var_smoothing, name="var_smoothing", low=0
        )
        X, classes, codes = self._fit_labels(X, y)
        count, theta, var = _class_statistics(X, codes, classes.size)
        epsilon = smoothing * np.var(X, axis=0).max()
        var = var + epsilon
        if np.any(var == 0):
            c, j = np.argwhere(var == 0)[0]
            raise ValueError(
                f"Feature {j} of X is constant within class "
                f"{classes[c].item()!r} and var_smoothing={self.var_smoothing!r} "
                "adds nothing to its variance 0, so its density would be "
                "infinite. Use var_smoothing > 0 (the default is 1e-9)."
            )
        self.classes_ = classes
        self.class_count_ = count
        self.class_prior_ = count / count.sum()
        self.theta_ = theta
        self.var_ = var
        self.epsilon_ = epsilon
        self.n_features_in_ = X.shape[1]
        return self

    def _joint_log_likelihood(self, X):
        return _gaussian_joint_log_likelihood(
            X, self.theta_, self.var_, np.log(self.class_prior_)
        )


class MultinomialNB(_NaiveBayes):
    r"""Multinomial naive Bayes, for counts (of words in a text, say).

    ``fit`` estimates, for each class :math:`c`, the prior :math:`P(c)` (the
    class's share of the rows) and the probability :math:`p_{cj}` that a count
    falls in feature :math:`j`, by Laplace (``alpha=1``) or Lidstone smoothing
    of the class's total counts :math:`N_{cj}`:

    .. math::

        p_{cj} = \frac{N_{cj} + \alpha}{\sum_k N_{ck} + \alpha\, n_{\text{features}}}.

    The smoothing is a prior on the probabilities (:ref:`sec-bayesian-inference`):
    a count of 0 means "rare", not "impossible" (:ref:`sec-lab-spam-filter`).

    Parameters
    ----------
    alpha : float, default 1.0
        The pseudo-count added to every feature of every class, ``>= 0``.
        ``alpha=0`` gives the unsmoothed estimates (as scikit-learn's default
        ``force_alpha=True`` does; it does not clip to 1e-10):
        ``feature_log_prob_`` is then ``-inf`` for a feature a class never
        showed, and a row holding that feature has probability 0 under that
        class.

    Attributes
    ----------
    classes_ : numpy.ndarray, shape (n_classes,)
        The labels seen in ``fit``, sorted.
    class_count_ : numpy.ndarray, shape (n_classes,)
        The number of rows of each class.
    class_log_prior_ : numpy.ndarray, shape (n_classes,)
        :math:`\log P(c)`, the log of the class's share of the rows.
    feature_count_ : numpy.ndarray, shape (n_classes, n_features)
        :math:`N_{cj}`: the sum of column :math:`j` over the rows of class :math:`c`.
    feature_log_prob_ : numpy.ndarray, shape (n_classes, n_features)
        :math:`\log p_{cj}`.
    n_features_in_ : int

    Raises
    ------
    ValueError
        ``alpha < 0``; NaN, inf or a negative number in ``X`` (in ``fit`` and
        in ``predict*``; scikit-learn checks only in ``fit``); lengths that
        differ. ``TypeError`` for a hyperparameter of the wrong type (an array
        ``alpha`` too: one pseudo-count for all features). With ``alpha=0``,
        ``predict_log_proba``, ``predict_proba`` and ``predict`` raise a
        ``ValueError`` for a row that every class gives probability 0.

    Notes
    -----
    .. math::

        \log P(\mathbf{x}, c) = \log P(c) + \sum_j x_j \log p_{cj},

    with :math:`0 \log 0 = 0` when ``alpha=0``: a feature a class never showed
    rules the class out only for a row that holds it (scikit-learn's product
    gives NaN there instead). The multinomial coefficient
    :math:`(\sum_j x_j)! / \prod_j x_j!` is left out: it is the same for every
    class, so no posterior depends on it. A training set with one class is
    allowed (as in scikit-learn): every posterior is then 1.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[3, 0, 1], [2, 1, 0], [0, 2, 3], [1, 0, 4]])
    >>> y = np.array(["ham", "ham", "spam", "spam"])
    >>> model = MultinomialNB(alpha=1.0).fit(X, y)
    >>> model.feature_count_
    array([[5., 1., 1.],
           [1., 2., 7.]])
    >>> np.exp(model.feature_log_prob_).round(3)
    array([[0.6  , 0.2  , 0.2  ],
           [0.154, 0.231, 0.615]])
    >>> model.predict([[4, 0, 0], [0, 0, 5]])
    array(['ham', 'spam'], dtype='<U4')
    """

    _impossible = (
        "with alpha=0, each class gives probability 0 to a feature the row "
        "holds. Use alpha > 0."
    )

    def __init__(self, *, alpha=1.0):
        self.alpha = alpha

    def fit(self, X: ArrayLike, y: ArrayLike) -> MultinomialNB:
        """Count the features in each class and smooth; returns ``self``."""
        alpha = check_scalar(self.alpha, name="alpha", low=0)
        X, classes, codes = self._fit_labels(X, y)
        _check_counts(X)
        one_hot = np.eye(classes.size)[codes]  # (n_samples, n_classes)
        count = one_hot.sum(axis=0)
        feature_count = one_hot.T @ X
        with np.errstate(divide="ignore"):  # log 0 = -inf when alpha = 0
            feature_log_prob = _multinomial_feature_log_prob(
                feature_count, alpha
            )
        self.classes_ = classes
        self.class_count_ = count
        self.class_log_prior_ = np.log(count) - np.log(count.sum())
        self.feature_count_ = feature_count
        self.feature_log_prob_ = feature_log_prob
        self.n_features_in_ = X.shape[1]
        return self

    def _check_X(self, X) -> np.ndarray:
        return _check_counts(super()._check_X(X))

    def _joint_log_likelihood(self, X):
        return _multinomial_joint_log_likelihood(
            X, self.feature_log_prob_, self.class_log_prior_
        )


def _check_counts(X):
    if np.any(X < 0):
        i, j = np.argwhere(X < 0)[0]
        raise ValueError(
            "X must hold non-negative counts for MultinomialNB; got "
            f"X[{i}, {j}] = {float(X[i, j])!r}."
        )
    return X
