r"""Gaussian mixture models fitted by expectation-maximization (EM).

A mixture of :math:`K` Gaussians (:ref:`sec-multivariate-gaussian`) has the density

.. math::

    p(\mathbf{x}) = \sum_{k=1}^K \pi_k \,
    \mathcal{N}(\mathbf{x} \mid \boldsymbol\mu_k, \boldsymbol\Sigma_k),

with weights :math:`\pi_k \ge 0` summing to 1. EM alternates two steps, each of
which can only raise the mean log-likelihood
:math:`\frac1n \sum_i \log p(\mathbf{x}_i)`:

- E-step: the responsibilities :math:`r_{ik} = \pi_k \mathcal{N}(\mathbf{x}_i \mid
  \boldsymbol\mu_k, \boldsymbol\Sigma_k) / p(\mathbf{x}_i)`, the probability that
  point :math:`i` came from component :math:`k`, by log-sum-exp;
- M-step: weighted maximum-likelihood estimates, with :math:`n_k = \sum_i r_{ik}`,
  :math:`\pi_k = n_k / n`, :math:`\boldsymbol\mu_k = \sum_i r_{ik} \mathbf{x}_i /
  n_k`, :math:`\boldsymbol\Sigma_k = \sum_i r_{ik} (\mathbf{x}_i -
  \boldsymbol\mu_k)(\mathbf{x}_i - \boldsymbol\mu_k)^\top / n_k + \epsilon I`.

The estimates, the initialization and the stopping rule are scikit-learn's
(``sklearn.mixture.GaussianMixture`` with ``init_params="kmeans"``, ``n_init=1``),
so the two libraries agree to rounding from the same starting point. The book
builds mixtures in the unsupervised-learning chapter.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike
from scipy.linalg import cholesky, solve_triangular
from scipy.special import logsumexp

from mathforml._validation import (
    as_matrix,
    check_choice,
    check_int,
    check_rng,
    check_scalar,
)
from mathforml.base import BaseEstimator, check_features
from mathforml.exceptions import ConvergenceWarning
from mathforml.models._kmeans import KMeans

__all__ = ["GaussianMixture"]

_COVARIANCE_TYPES = ("full", "diag")


def _log_gaussian(X, mean, cov):
    """log N(x | mean, cov) of each row of X, by the Cholesky factor of cov."""
    d = X.shape[1]
    L = cholesky(cov, lower=True)  # cov = L L^T
    Z = solve_triangular(L, (X - mean).T, lower=True)  # L z = x - mean
    log_det = 2 * np.sum(np.log(np.diag(L)))  # log det cov
    return -0.5 * (d * np.log(2 * np.pi) + log_det + np.sum(Z**2, axis=0))


def _log_gaussian_diag(X, mean, var):
    """log N(x | mean, diag(var)) of each row of X: a sum over features."""
    d = X.shape[1]
    log_det = np.sum(np.log(var))
    mahalanobis = np.sum((X - mean) ** 2 / var, axis=1)
    return -0.5 * (d * np.log(2 * np.pi) + log_det + mahalanobis)


def _log_joint(X, weights, means, covs, covariance_type):
    """log(pi_k N(x_i | mu_k, Sigma_k)), shape (n, k)."""
    log_gaussian = (
        _log_gaussian if covariance_type == "full" else _log_gaussian_diag
    )
    return np.column_stack(
        [
            np.log(w) + log_gaussian(X, mu, Sigma)
            for w, mu, Sigma in zip(weights, means, covs)
        ]
    )


def _e_step(X, weights, means, covs, covariance_type):
    """Responsibilities r_ik and the mean log-likelihood, by log-sum-exp."""
    log_joint = _log_joint(X, weights, means, covs, covariance_type)
    log_p = logsumexp(log_joint, axis=1, keepdims=True)  # log p(x_i)
    resp = np.exp(log_joint - log_p)  # rows sum to 1
    return resp, np.mean(log_p)


def _m_step(X, resp, reg_covar, covariance_type):
    """Weights, means and covariances that maximize the expected
    log-likelihood under the responsibilities; reg_covar on the diagonal."""
    k, d = resp.shape[1], X.shape[1]
    nk = np.maximum(resp.sum(axis=0), 10 * np.finfo(float).eps)  # not 0
    means = resp.T @ X / nk[:, None]
    if covariance_type == "full":
        covs = np.empty((k, d, d))
        for j in range(k):
            D = X - means[j]
            covs[j] = (resp[:, j] * D.T) @ D / nk[j] + reg_covar * np.eye(d)
    else:
        covs = np.empty((k, d))
        for j in range(k):
            covs[j] = resp[:, j] @ (X - means[j]) ** 2 / nk[j] + reg_covar
    return nk / nk.sum(), means, covs


def _n_parameters(k, d, covariance_type):
    """Free parameters: k - 1 weights, k d means and the covariances."""
    if covariance_type == "full":
        n_cov = k * d * (d + 1) // 2  # a symmetric d x d matrix each
    else:
        n_cov = k * d  # d variances each
    return (k - 1) + k * d + n_cov


def _em(X, params, *, covariance_type, reg_covar, tol, max_iter):
    """EM from params = (weights, means, covs), stopped as scikit-learn does.

    Returns the parameters, the final responsibilities, the mean
    log-likelihood after each iteration (index 0: the starting point),
    the number of iterations and whether the rise fell below tol."""
    history, previous, converged = [], -np.inf, False
    for _ in range(max_iter):
        resp, log_likelihood = _e_step(X, *params, covariance_type)
        history.append(log_likelihood)
        # resp is at hand, so the M-step is taken even on the last pass
        params = _m_step(X, resp, reg_covar, covariance_type)
        if abs(log_likelihood - previous) < tol:
            converged = True
            break
        previous = log_likelihood
    n_iter = len(history)
    resp, log_likelihood = _e_step(X, *params, covariance_type)
    history.append(log_likelihood)
    return params, resp, np.array(history), n_iter, converged


class GaussianMixture(BaseEstimator):
    r"""A mixture of Gaussians fitted by expectation-maximization (EM).

    Initialized as scikit-learn's (``init_params="kmeans"``): k-means
    (``KMeans`` with ``n_init=1``, seeded from ``rng``) labels the
    points, each point gets responsibility 1 for its cluster, and one M-step
    turns these into weights, means and covariances. EM then runs until an
    iteration raises the mean log-likelihood by less than ``tol`` or
    ``max_iter`` iterations. The book derives EM in the unsupervised-learning
    chapter; the Gaussian density is in :ref:`sec-multivariate-gaussian` and
    its Cholesky evaluation in :ref:`sec-cholesky`.

    Parameters
    ----------
    n_components : int, default 1
        The number of Gaussians :math:`K`, ``1 <= K <= n_samples``.
    covariance_type : {"full", "diag"}, default "full"
        ``"full"``: each component has its own covariance matrix;
        ``"diag"``: each has its own diagonal covariance (features
        independent within a component).
    max_iter : int, default 100
        The most EM iterations, ``>= 0`` (0 keeps the initialization).
    tol : float, default 1e-3
        Stop when an iteration changes the mean log-likelihood per sample by
        less than ``tol`` (``>= 0``), scikit-learn's criterion.
    reg_covar : float, default 1e-6
        Added to the diagonal of every covariance (``>= 0``), so a component
        that collapses onto duplicated points keeps a positive definite
        covariance.
    rng : None, int or numpy.random.Generator, default None
        The randomness of the k-means initialization.

    Attributes
    ----------
    weights_ : numpy.ndarray, shape (n_components,)
        The mixing weights :math:`\pi_k`; they sum to 1.
    means_ : numpy.ndarray, shape (n_components, n_features)
    covariances_ : numpy.ndarray, shape (n_components, n_features, n_features)
        For ``"full"``; shape (n_components, n_features), the variances, for
        ``"diag"``.
    log_likelihood_history_ : numpy.ndarray, shape (``n_iter_`` + 1,)
        The mean log-likelihood per sample after each iteration; entry 0 is
        that of the initialization, the last that of the fitted model.
        Without its last entry it is scikit-learn's ``lower_bounds_``. With
        ``reg_covar=0`` EM never lowers it (up to rounding); ``reg_covar > 0``
        makes the M-step a slightly different update, which can lower it
        by an amount that shrinks with ``reg_covar``.
    converged_ : bool
    n_iter_ : int
        The number of EM iterations run.
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``n_components`` larger than the number of samples, an
        unknown ``covariance_type``, a negative ``tol`` or ``reg_covar``, NaN
        or inf in ``X``. ``TypeError`` for a hyperparameter of the wrong type.
    numpy.linalg.LinAlgError
        In ``fit``, with ``reg_covar=0``: a component's covariance is singular
        (it sits on duplicated points, or on a lower-dimensional subspace).

    Warns
    -----
    ConvergenceWarning
        If ``max_iter`` iterations do not meet ``tol``.

    Notes
    -----
    As in scikit-learn, the stopping test at iteration :math:`t` compares the
    log-likelihoods of the parameters :math:`\theta_{t-1}` and
    :math:`\theta_{t-2}` (it is computed by the E-step of iteration
    :math:`t`), and the M-step of that iteration is still taken: the
    responsibilities are at hand, and the step can only raise the
    likelihood. The BIC is

    .. math::

        \mathrm{BIC} = -2 \sum_{i=1}^n \log p(\mathbf{x}_i) + p \log n,

    with :math:`p` the number of free parameters: :math:`K - 1` weights,
    :math:`Kd` means and :math:`Kd(d+1)/2` (``"full"``) or :math:`Kd`
    (``"diag"``) covariance entries.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [0.2], [0.4], [10.0], [10.2], [10.4]])
    >>> gm = GaussianMixture(n_components=2, rng=0).fit(X)
    >>> np.sort(gm.means_.ravel()).round(3)
    array([ 0.2, 10.2])
    >>> gm.weights_.round(3)
    array([0.5, 0.5])
    >>> round(gm.score(X), 3)
    -0.3
    >>> bool(gm.predict([[0.1]])[0] == gm.predict([[0.3]])[0])
    True
    """

    def __init__(
        self,
        n_components=1,
        *,
        covariance_type="full",
        max_iter=100,
        tol=1e-3,
        reg_covar=1e-6,
        rng=None,
    ):
        self.n_components = n_components
        self.covariance_type = covariance_type
        self.max_iter = max_iter
        self.tol = tol
        self.reg_covar = reg_covar
        self.rng = rng

    def _validated(self, X):
        """X as a float matrix and the checked hyperparameters."""
        X = as_matrix(X, name="X")
        k = check_int(self.n_components, name="n_components", minimum=1)
        if k > X.shape[0]:
            raise ValueError(
                f"n_components must be <= the number of samples of X "
                f"({X.shape[0]}); got {k}."
            )
        check_choice(
            self.covariance_type, _COVARIANCE_TYPES, name="covariance_type"
        )
        return X, dict(
            k=k,
            max_iter=check_int(self.max_iter, name="max_iter", minimum=0),
            tol=check_scalar(self.tol, name="tol", low=0),
            reg_covar=check_scalar(self.reg_covar, name="reg_covar", low=0),
            rng=check_rng(self.rng),
        )

    def fit(self, X: ArrayLike, y=None) -> GaussianMixture:
        """Fit the mixture to the rows of ``X`` by EM; ``y`` is ignored.
        Returns ``self``."""
        self._fit(X)
        return self

    def fit_predict(self, X: ArrayLike, y=None) -> np.ndarray:
        """Fit, then the most responsible component of each row of ``X``
        (the same as ``fit(X).predict(X)``)."""
        return np.argmax(self._fit(X), axis=1)

    def _fit(self, X):
        """Fit; return the final responsibilities of X."""
        X, p = self._validated(X)
        kind = self.covariance_type
        labels = KMeans(n_clusters=p["k"], n_init=1, rng=p["rng"]).fit(X)
        resp = np.eye(p["k"])[labels.labels_]  # one-hot responsibilities
        try:
            with np.errstate(divide="raise", invalid="raise"):
                params = _m_step(X, resp, p["reg_covar"], kind)
                params, resp, history, n_iter, converged = _em(
                    X,
                    params,
                    covariance_type=kind,
                    reg_covar=p["reg_covar"],
                    tol=p["tol"],
                    max_iter=p["max_iter"],
                )
        except (np.linalg.LinAlgError, FloatingPointError) as err:
            raise np.linalg.LinAlgError(
                "GaussianMixture: a component's covariance became singular "
                "(not positive definite), as when a component sits on "
                "duplicated points or on a lower-dimensional subspace; raise "
                f"reg_covar (got {p['reg_covar']}), lower n_components, or "
                "scale X."
            ) from err
        if not converged and p["max_iter"] > 0:
            warnings.warn(
                f"GaussianMixture did not converge in max_iter={p['max_iter']} "
                f"iterations (tol={p['tol']}); raise max_iter or tol.",
                ConvergenceWarning,
                stacklevel=3,
            )
        self.weights_, self.means_, self.covariances_ = params
        self.log_likelihood_history_ = history
        self.converged_ = converged
        self.n_iter_ = n_iter
        self.n_features_in_ = X.shape[1]
        return resp

    def _log_joint_of(self, X):
        X = check_features(self, X)
        params = (self.weights_, self.means_, self.covariances_)
        return _log_joint(X, *params, self.covariance_type)

    def score_samples(self, X: ArrayLike) -> np.ndarray:
        r"""The log-density :math:`\log p(\mathbf{x})` of each row, shape (n,)."""
        return logsumexp(self._log_joint_of(X), axis=1)

    def score(self, X: ArrayLike, y=None) -> float:
        """The mean log-likelihood per sample of the rows of ``X``."""
        return float(np.mean(self.score_samples(X)))

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """The responsibilities, shape (n, n_components); rows sum to 1."""
        log_joint = self._log_joint_of(X)
        return np.exp(log_joint - logsumexp(log_joint, axis=1, keepdims=True))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most responsible component of each row, an int in
        ``0..n_components-1``."""
        return np.argmax(self._log_joint_of(X), axis=1)

    def _n_parameters(self) -> int:
        return _n_parameters(*self.means_.shape, self.covariance_type)

    def bic(self, X: ArrayLike) -> float:
        """The Bayesian information criterion on ``X``: ``-2 n score(X) +
        p log n``, ``p`` the number of free parameters; lower is better."""
        log_p = self.score_samples(X)
        n = log_p.size
        return -2 * n * np.mean(log_p) + self._n_parameters() * np.log(n)

    def aic(self, X: ArrayLike) -> float:
        """The Akaike information criterion on ``X``: ``-2 n score(X) +
        2 p``; lower is better."""
        log_p = self.score_samples(X)
        return -2 * log_p.size * np.mean(log_p) + 2 * self._n_parameters()
