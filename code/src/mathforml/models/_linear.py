r"""Regularized linear regression: ridge, lasso and elastic net (:ref:`sec-regularization`).

The objectives are scikit-learn's, so coefficients compare one to one:

- ``Ridge``: :math:`\|y - Xw\|^2 + \alpha\|w\|^2`, solved in closed form (or by
  conjugate gradients).
- ``Lasso``: :math:`\frac{1}{2n}\|y - Xw\|^2 + \alpha\|w\|_1`.
- ``ElasticNet``: :math:`\frac{1}{2n}\|y - Xw\|^2 + \alpha\rho\|w\|_1
  + \frac{\alpha(1-\rho)}{2}\|w\|^2`, both by coordinate descent.

With ``fit_intercept=True`` the columns and the target are centered first, so the
intercept is not penalized.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, as_vector, check_int, check_scalar
from mathforml.base import (
    BaseEstimator,
    RegressorMixin,
    check_features,
)
from mathforml.exceptions import ConvergenceWarning
from mathforml.optim._cg import conjugate_gradient
from mathforml.optim._updates import soft_threshold_scalar

__all__ = ["ElasticNet", "Lasso", "Ridge"]


class _LinearModel(RegressorMixin, BaseEstimator):
    """``predict`` shared by the three models; ``score`` (:math:`R^2`), ``repr``,
    ``get_params`` and ``set_params`` come from :mod:`mathforml.base`."""

    def predict(self, X: ArrayLike) -> np.ndarray:
        """Predictions ``X @ coef_ + intercept_`` for the rows of ``X``."""
        X = check_features(self, X)
        return X @ self.coef_ + self.intercept_


def _check_data(X, y, fit_intercept):
    X = as_matrix(X, name="X")
    y = as_vector(y, name="y")
    if y.size != X.shape[0]:
        raise ValueError(
            f"y must have one value per row of X ({X.shape[0]}); got {y.size}."
        )
    if not isinstance(fit_intercept, (bool, np.bool_)):
        raise TypeError(
            f"fit_intercept must be True or False; got {fit_intercept!r}."
        )
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = y.mean() if fit_intercept else 0.0
    return X - x_mean, y - y_mean, x_mean, y_mean


class Ridge(_LinearModel):
    r"""Least squares with an L2 penalty: minimize :math:`\|y - Xw\|^2 + \alpha\|w\|^2`.

    Parameters
    ----------
    alpha : float, default 1.0
        The penalty, ``>= 0`` (0 gives least squares, by ``np.linalg.lstsq``).
    fit_intercept : bool, default True
    solver : {"solve", "cg"}, default "solve"
        Solve :math:`(X^\top X + \alpha I)w = X^\top y` directly, or by
        :func:`~mathforml.optim.conjugate_gradient`.
    max_iter, tol
        Used by ``solver="cg"`` only.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n_features,)
    intercept_ : float
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Notes
    -----
    :ref:`sec-regularization` teaches ridge regression.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0]]); y = np.array([1.0, 3.0, 5.0])
    >>> Ridge(alpha=0.0).fit(X, y).coef_.round(6), Ridge(alpha=2.0).fit(X, y).coef_
    (array([2.]), array([1.]))
    """

    def __init__(
        self,
        *,
        alpha=1.0,
        fit_intercept=True,
        solver="solve",
        max_iter=None,
        tol=1e-10,
    ):
        self.alpha = alpha
        self.fit_intercept = fit_intercept
        self.solver = solver
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: ArrayLike, y: ArrayLike) -> Ridge:
        """Fit the weights; returns ``self``."""
        Xc, yc, x_mean, y_mean = _check_data(X, y, self.fit_intercept)
        alpha = check_scalar(self.alpha, name="alpha", low=0)
        if self.solver not in ("solve", "cg"):
            raise ValueError(
                f"solver must be 'solve' or 'cg'; got {self.solver!r}."
            )
        if self.solver == "cg":
            tol = check_scalar(
                self.tol, name="tol", low=0, low_inclusive=False
            )
            A = Xc.T @ Xc + alpha * np.eye(Xc.shape[1])
            self.coef_ = conjugate_gradient(
                A, Xc.T @ yc, tol=tol, max_iter=self.max_iter
            ).x
        else:
            self.coef_ = ridge_weights(Xc, yc, alpha)
        self.intercept_ = float(y_mean - x_mean @ self.coef_)
        self.n_features_in_ = Xc.shape[1]
        return self


def ridge_weights(X, y, alpha):
    r"""Solve :math:`(X^\top X + \alpha I) w = X^\top y`: a solve, never an inverse."""
    if alpha == 0:
        return np.linalg.lstsq(X, y, rcond=None)[0]
    return np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)


class ElasticNet(_LinearModel):
    r"""Least squares with L1 and L2 penalties, fitted by coordinate descent:
    minimize :math:`\frac{1}{2n}\|y - Xw\|^2 + \alpha\rho\|w\|_1
    + \frac{\alpha(1-\rho)}{2}\|w\|^2`.

    Parameters
    ----------
    alpha : float, default 1.0
        The overall penalty, ``>= 0``.
    l1_ratio : float, default 0.5
        :math:`\rho \in [0, 1]`: 1 is the lasso, 0 a ridge penalty.
    fit_intercept : bool, default True
    max_iter : int, default 1000
        The most sweeps over the coordinates.
    tol : float, default 1e-4
        scikit-learn's rule: after a sweep whose largest coefficient change is below
        ``tol`` times the largest coefficient, stop once the duality gap is below
        ``tol * ||y - mean(y)||^2 / n``.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n_features,)
    intercept_ : float
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.
    n_iter_ : int
        Sweeps run.
    dual_gap_ : float
        The duality gap at the end: an upper bound on how far the objective is from
        its minimum.

    Notes
    -----
    :ref:`sec-regularization` teaches the elastic net.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    >>> ElasticNet(alpha=0.1, l1_ratio=1.0).fit(X, X[:, 0] * 3).coef_.round(4)
    array([2.6, 0. ])
    """

    def __init__(
        self,
        *,
        alpha=1.0,
        l1_ratio=0.5,
        fit_intercept=True,
        max_iter=1000,
        tol=1e-4,
    ):
        self.alpha = alpha
        self.l1_ratio = l1_ratio
        self.fit_intercept = fit_intercept
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: ArrayLike, y: ArrayLike) -> ElasticNet:
        """Fit the weights by coordinate descent; returns ``self``."""
        Xc, yc, x_mean, y_mean = _check_data(X, y, self.fit_intercept)
        alpha = check_scalar(self.alpha, name="alpha", low=0)
        rho = check_scalar(self.l1_ratio, name="l1_ratio", low=0, high=1)
        max_iter = check_int(self.max_iter, name="max_iter", minimum=1)
        tol = check_scalar(self.tol, name="tol", low=0)
        w, self.n_iter_, self.dual_gap_, converged = coordinate_descent(
            Xc,
            yc,
            l1=alpha * rho,
            l2=alpha * (1 - rho),
            max_iter=max_iter,
            tol=tol,
        )
        if not converged:
            warnings.warn(
                f"{type(self).__name__} did not converge in max_iter={max_iter} "
                f"sweeps (duality gap {self.dual_gap_:.3g}); raise max_iter or "
                "tol, or scale the features.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.coef_ = w
        self.intercept_ = float(y_mean - x_mean @ w)
        self.n_features_in_ = Xc.shape[1]
        return self


class Lasso(ElasticNet):
    r"""Least squares with an L1 penalty, by coordinate descent:
    minimize :math:`\frac{1}{2n}\|y - Xw\|^2 + \alpha\|w\|_1`.

    The parameters and attributes are :class:`ElasticNet`'s with ``l1_ratio = 1``.
    As in scikit-learn, ``l1_ratio`` is fixed, not a hyperparameter: ``get_params``
    does not list it, ``set_params(l1_ratio=...)`` is an error, and :func:`~mathforml.base.clone`
    gives a ``Lasso`` (with ``l1_ratio = 1``) again.

    Notes
    -----
    :ref:`sec-regularization` teaches the lasso and its soft-thresholding.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    >>> Lasso(alpha=0.1).fit(X, X[:, 0] * 3).coef_.round(4)
    array([2.6, 0. ])
    """

    def __init__(
        self, *, alpha=1.0, fit_intercept=True, max_iter=1000, tol=1e-4
    ):
        super().__init__(
            alpha=alpha,
            l1_ratio=1.0,
            fit_intercept=fit_intercept,
            max_iter=max_iter,
            tol=tol,
        )


def coordinate_descent(X, y, *, l1, l2, max_iter, tol):
    r"""Minimize :math:`\frac{1}{2n}\|y - Xw\|^2 + l_1\|w\|_1 + \frac{l_2}{2}\|w\|^2`
    one coordinate at a time; each coordinate's minimum is a soft-threshold.

    Returns ``(w, sweeps, duality_gap, converged)``.
    """
    n, d = X.shape
    columns = [np.ascontiguousarray(X[:, j]) for j in range(d)]
    curvature = [c @ c / n for c in columns]  # ||X_j||^2 / n
    w, r = np.zeros(d), y.copy()  # r = y - X w
    gap_tol = tol * (y @ y) / n
    gap = duality_gap(X, y, w, r, l1, l2)
    for sweep in range(1, max_iter + 1):
        biggest_change = _cd_sweep(columns, curvature, w, r, l1, l2)
        if (
            biggest_change <= tol * max(np.max(np.abs(w)), 1e-300)
            or sweep == max_iter
        ):
            gap = duality_gap(X, y, w, r, l1, l2)
            if gap <= gap_tol:
                return w, sweep, gap, True
    return w, max_iter, gap, False


def _cd_sweep(columns, curvature, w, r, l1, l2):
    """One sweep of coordinate descent: minimize over each ``w[j]`` in turn (a
    soft-threshold), keeping the residual ``r = y - X w`` up to date in place."""
    n = r.size
    biggest_change = 0.0
    for j, (x_j, c_j) in enumerate(zip(columns, curvature)):
        if c_j == 0.0:
            continue  # an all-zero column: w[j] stays 0
        old = w[j]
        z = x_j @ r / n + c_j * old  # least-squares fit of x_j to the rest
        w[j] = soft_threshold_scalar(z, l1) / (c_j + l2)
        if w[j] != old:
            r -= (w[j] - old) * x_j
            biggest_change = max(biggest_change, abs(w[j] - old))
    return biggest_change


def duality_gap(X, y, w, r, l1, l2):
    r"""Primal minus dual objective of the elastic net at ``w`` (residual ``r``), from
    the dual point :math:`\theta = r / \max(1, \|X^\top r - n l_2 w\|_\infty / (n l_1))`;
    never negative, and 0 only at the minimum."""
    n = X.shape[0]
    correlation = X.T @ r - n * l2 * w
    worst = np.max(np.abs(correlation)) if correlation.size else 0.0
    scale = min(1.0, n * l1 / worst) if worst > 0 and l1 > 0 else 1.0
    primal = (
        0.5 * (r @ r) + n * l1 * np.sum(np.abs(w)) + 0.5 * n * l2 * (w @ w)
    )
    dual = (
        -0.5 * scale**2 * (r @ r)
        + scale * (r @ y)
        - 0.5 * n * l2 * scale**2 * (w @ w)
    )
    return float(primal - dual) / n
