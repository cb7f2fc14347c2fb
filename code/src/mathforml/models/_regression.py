r"""Linear regression: least squares and its Bayesian version.

``LinearRegression`` minimizes the squared error :math:`\lVert y - b - Xw \rVert^2`.
With ``fit_intercept=True`` the columns of ``X`` and ``y`` are centered first; on the
centered data :math:`X_c, y_c` the weights solve the normal equations
:math:`X_c^\top X_c w = X_c^\top y_c` and the intercept is
:math:`b = \bar y - \bar{\mathbf{x}}^\top w`.

``BayesianLinearRegression`` puts the prior :math:`w \sim \mathcal N(0, \alpha^{-1} I)`
on the weights and Gaussian noise of precision :math:`\beta` on the targets. The
posterior is Gaussian, with

.. math::

    \Sigma = (\alpha I + \beta X^\top X)^{-1}, \qquad \mu = \beta \Sigma X^\top y,

and a new point :math:`\mathbf{x}` gets the predictive distribution
:math:`\mathcal N(\mathbf{x}^\top \mu,\ 1/\beta + \mathbf{x}^\top \Sigma \mathbf{x})`
(:ref:`sec-bayesian-inference`). The book derives both in
:ref:`sec-linear-regression` and :ref:`sec-bayesian-regression`.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike
from scipy.linalg import cho_factor, cho_solve

from mathforml._validation import (
    as_matrix,
    as_vector,
    check_choice,
    check_int,
    check_scalar,
)
from mathforml.base import (
    BaseEstimator,
    RegressorMixin,
    check_features,
)
from mathforml.exceptions import ConvergenceWarning
from mathforml.optim import minimize

__all__ = ["BayesianLinearRegression", "LinearRegression"]

_SOLVERS = ("normal", "gd")


def _normal_equations(X, y):
    """Least-squares weights: the minimum-norm solution of X^T X w = X^T y.

    lstsq works on X itself (by its SVD) and never forms X^T X, whose
    condition number is the square of X's; when X^T X is singular it
    returns the solution of smallest norm, as scikit-learn does."""
    return np.linalg.lstsq(X, y, rcond=None)[0]


def _mse(w, X, y):
    """The mean squared error (1/n) ||y - X w||^2."""
    r = y - X @ w
    return r @ r / len(y)


def _mse_gradient(w, X, y):
    """Gradient of the mean squared error: -(2/n) X^T (y - X w)."""
    r = y - X @ w  # the residuals
    return -2 / len(y) * (X.T @ r)


def _posterior(X, y, alpha, beta):
    """Posterior mean and covariance of w, prior N(0, I / alpha), noise
    precision beta."""
    A = alpha * np.eye(X.shape[1]) + beta * (X.T @ X)  # posterior precision
    factor = cho_factor(A, lower=True)  # A = L L^T, A is positive definite
    mean = beta * cho_solve(factor, X.T @ y)  # a solve, not A^{-1} X^T y
    cov = cho_solve(factor, np.eye(X.shape[1]))  # A^{-1}: the covariance
    return mean, (cov + cov.T) / 2  # symmetric to the last bit


def _predictive_std(X, cov, beta):
    """Predictive standard deviations sqrt(1/beta + x^T cov x), row by row."""
    return np.sqrt(1 / beta + np.sum((X @ cov) * X, axis=1))


def _check_Xy(X, y):
    X = as_matrix(X, name="X")
    y = as_vector(y, name="y")
    if y.size != X.shape[0]:
        raise ValueError(
            f"y must have one value per row of X ({X.shape[0]}); got {y.size}."
        )
    return X, y


class LinearRegression(RegressorMixin, BaseEstimator):
    r"""Ordinary least squares: minimize :math:`\lVert y - b - Xw \rVert^2`.

    The book derives it in :ref:`sec-linear-regression`; :ref:`sec-ml-pipeline`
    uses it.

    Parameters
    ----------
    solver : {"normal", "gd"}, default "normal"
        ``"normal"``: solve the normal equations of the centered data by
        ``np.linalg.lstsq`` (an SVD of :math:`X_c`, never forming
        :math:`X_c^\top X_c`); for a rank-deficient ``X`` (more features than
        samples, repeated or constant columns) it returns the weights of
        smallest norm, as scikit-learn does. ``"gd"``: gradient descent by
        :func:`~mathforml.optim.minimize` on the mean squared error
        :math:`\frac1n \lVert y_c - X_c w \rVert^2` of the centered data, from
        :math:`w = 0` (so it also reaches the minimum-norm weights).
    fit_intercept : bool, default True
        Fit the intercept :math:`b` by centering; otherwise :math:`b = 0` and
        ``X``, ``y`` are used as they are.
    lr : float or None, default None
        Step size of ``"gd"``, ``> 0``. ``None`` takes :math:`1/L`, with
        :math:`L` the largest eigenvalue of the Hessian
        :math:`\frac2n X_c^\top X_c` (by ``np.linalg.eigvalsh``): the largest
        fixed step that decreases the error at every iteration is below
        :math:`2/L`, and :math:`1/L` is the classical safe choice.
    max_iter : int, default 10_000
        The most gradient steps of ``"gd"``, ``>= 1``.
    tol : float, default 1e-10
        ``"gd"`` stops when the gradient's norm is ``<= tol`` (``>= 0``).

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n_features,)
    intercept_ : float
    n_features_in_ : int
    n_iter_ : int or None
        Gradient steps taken by ``"gd"``; ``None`` for ``"normal"``.

    Raises
    ------
    ValueError
        In ``fit``: an unknown solver, ``lr <= 0``, ``max_iter < 1``, NaN or
        inf in ``X`` or ``y``, lengths that differ. ``TypeError`` for a
        hyperparameter of the wrong type.

    Warns
    -----
    ConvergenceWarning
        If ``"gd"`` ends at ``max_iter`` (or diverges, with a too large ``lr``)
        before the gradient's norm reaches ``tol``.

    Notes
    -----
    ``"normal"`` treats singular values of :math:`X_c` below
    :math:`\varepsilon \max(n, d)` times the largest as zero (NumPy's
    default). scikit-learn before 1.7 uses :math:`\varepsilon`, from 1.7 its
    ``tol=1e-6``: on nearly collinear columns (condition number above
    :math:`10^6`) it drops a direction that this class keeps.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = 1 + 2 * X[:, 0]
    >>> model = LinearRegression().fit(X, y)
    >>> model.coef_.round(6), round(model.intercept_, 6)
    (array([2.]), 1.0)
    >>> model.predict([[10.0]]).round(6)
    array([21.])
    >>> gd = LinearRegression(solver="gd").fit(X, y)
    >>> gd.coef_.round(6), gd.n_iter_ < 100
    (array([2.]), True)
    """

    def __init__(
        self,
        *,
        solver="normal",
        fit_intercept=True,
        lr=None,
        max_iter=10_000,
        tol=1e-10,
    ):
        self.solver = solver
        self.fit_intercept = fit_intercept
        self.lr = lr
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: ArrayLike, y: ArrayLike) -> LinearRegression:
        """Fit the weights and the intercept; returns ``self``."""
        X, y = _check_Xy(X, y)
        check_choice(self.solver, _SOLVERS, name="solver")
        if not isinstance(self.fit_intercept, (bool, np.bool_)):
            raise TypeError(
                f"fit_intercept must be True or False; got {self.fit_intercept!r}."
            )
        lr = None
        if self.lr is not None:
            lr = check_scalar(self.lr, name="lr", low=0, low_inclusive=False)
        max_iter = check_int(self.max_iter, name="max_iter", minimum=1)
        tol = check_scalar(self.tol, name="tol", low=0)
        x_mean = X.mean(axis=0) if self.fit_intercept else np.zeros(X.shape[1])
        y_mean = y.mean() if self.fit_intercept else 0.0
        Xc, yc = X - x_mean, y - y_mean
        if self.solver == "normal":
            w, self.n_iter_ = _normal_equations(Xc, yc), None
        else:
            w, self.n_iter_ = self._gradient_descent(Xc, yc, lr, max_iter, tol)
        self.coef_ = w
        self.intercept_ = float(y_mean - x_mean @ w)
        self.n_features_in_ = X.shape[1]
        return self

    def _gradient_descent(self, Xc, yc, lr, max_iter, tol):
        """Minimize the mean squared error from w = 0; ``(w, n_iter)``."""
        if lr is None:
            H = 2 / len(yc) * (Xc.T @ Xc)  # the Hessian, the same everywhere
            L = np.linalg.eigvalsh(H)[-1]
            lr = 1 / L if L > 0 else 1.0  # L = 0: X_c = 0, the gradient is 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # ours below
            result = minimize(
                lambda w: _mse(w, Xc, yc),
                lambda w: _mse_gradient(w, Xc, yc),
                np.zeros(Xc.shape[1]),
                method="gd",
                lr=lr,
                max_iter=max_iter,
                tol=tol,
            )
        if not result.converged:
            warnings.warn(
                f"LinearRegression(solver='gd') did not converge: "
                f"{result.message}. Raise max_iter, or standardize X.",
                ConvergenceWarning,
                stacklevel=3,
            )
        return result.x, result.n_iter

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions ``X @ coef_ + intercept_`` for the rows of ``X``."""
        X = check_features(self, X)
        return X @ self.coef_ + self.intercept_


class BayesianLinearRegression(RegressorMixin, BaseEstimator):
    r"""Bayesian linear regression with a Gaussian prior and known precisions.

    The prior is :math:`w \sim \mathcal N(0, \alpha^{-1} I)`, the likelihood
    :math:`y \mid X, w \sim \mathcal N(Xw, \beta^{-1} I)`; both precisions are
    fixed, not learned. The posterior is :math:`\mathcal N(\mu, \Sigma)` with
    :math:`\Sigma = (\alpha I + \beta X^\top X)^{-1}` and
    :math:`\mu = \beta \Sigma X^\top y`, so its mean is the ridge solution with
    penalty :math:`\alpha / \beta` (:ref:`sec-regularization`,
    :ref:`sec-bayesian-inference`); :ref:`sec-bayesian-regression` derives it.

    There is no intercept: center ``X`` and ``y`` first, or add a column of
    ones to ``X`` (its weight then gets the same prior as the others).

    Parameters
    ----------
    alpha : float, default 1.0
        Precision of the prior on the weights, ``> 0``.
    beta : float, default 1.0
        Precision of the noise, ``> 0`` (noise variance :math:`1/\beta`).

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n_features,)
        The posterior mean :math:`\mu`, by a Cholesky solve.
    sigma_ : numpy.ndarray, shape (n_features, n_features)
        The posterior covariance :math:`\Sigma`, from the same Cholesky factor.
    beta_ : float
        The noise precision ``beta`` that ``fit`` used, kept for ``predict``.
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``alpha <= 0``, ``beta <= 0``, NaN or inf in ``X`` or
        ``y``, lengths that differ.

    Notes
    -----
    scikit-learn's ``BayesianRidge`` learns the two precisions from the data
    (evidence maximization) and names them the other way round: its
    ``lambda_`` is our ``alpha`` (weights) and its ``alpha_`` our ``beta``
    (noise).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0], [2.0]]); y = np.array([2.0, 4.0])
    >>> model = BayesianLinearRegression(alpha=1.0, beta=1.0).fit(X, y)
    >>> model.coef_.round(4), model.sigma_.round(4)  # 10/6 and 1/6
    (array([1.6667]), array([[0.1667]]))
    >>> mean, std = model.predict([[0.0], [3.0]], return_std=True)
    >>> mean.round(4), std.round(4)
    (array([0., 5.]), array([1.    , 1.5811]))
    """

    def __init__(self, *, alpha=1.0, beta=1.0):
        self.alpha = alpha
        self.beta = beta

    def fit(self, X: ArrayLike, y: ArrayLike) -> BayesianLinearRegression:
        """Compute the posterior of the weights; returns ``self``."""
        X, y = _check_Xy(X, y)
        alpha = check_scalar(
            self.alpha, name="alpha", low=0, low_inclusive=False
        )
        beta = check_scalar(self.beta, name="beta", low=0, low_inclusive=False)
        self.coef_, self.sigma_ = _posterior(X, y, alpha, beta)
        self.beta_ = beta
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X: ArrayLike, return_std: bool = False):
        r"""The predictive mean :math:`X\mu`; with ``return_std=True`` also the
        predictive standard deviations :math:`\sqrt{1/\beta +
        \mathbf{x}^\top \Sigma \mathbf{x}}`, which grow away from the data."""
        X = check_features(self, X)
        if not isinstance(return_std, (bool, np.bool_)):
            raise TypeError(
                f"return_std must be True or False; got {return_std!r}."
            )
        mean = X @ self.coef_
        if not return_std:
            return mean
        return mean, _predictive_std(X, self.sigma_, self.beta_)
