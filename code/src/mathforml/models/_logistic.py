r"""Logistic regression, binary and multinomial (:ref:`sec-ml-pipeline`).

The objective is scikit-learn's, so coefficients compare one to one. With the scores
:math:`z_i = b + \mathbf{x}_i^\top \mathbf{w}` (one per class, :math:`z_{ik}`, for
more than two classes) it is

.. math::

    \sum_{i=1}^n \big(\log(1 + e^{z_i}) - y_i z_i\big)
    + \frac{\lVert \mathbf{w} \rVert^2}{2C}
    \quad\text{or}\quad
    \sum_{i=1}^n \Big(\log \sum_k e^{z_{ik}} - z_{i y_i}\Big)
    + \frac{\lVert \mathbf{W} \rVert_F^2}{2C}:

the cross-entropy of the predicted probabilities plus a ridge penalty; the
intercepts are not penalized. Both are smooth and strictly convex in the weights, so
Newton's method (IRLS) converges in a handful of steps.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import (
    as_matrix,
    check_choice,
    check_int,
    check_scalar,
)
from mathforml.base import (
    BaseEstimator,
    ClassifierMixin,
    _as_labels,
    check_features,
)
from mathforml.exceptions import ConvergenceWarning

__all__ = ["LogisticRegression"]

_SOLVERS = ("newton", "gd")
_MAX_HALVINGS = 10  # backtracking: a Newton step is halved at most this often
_SLACK = 1e-12  # a relative rise of the loss this small is rounding


def _sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), computed without overflow."""
    e = np.exp(-np.abs(z))  # <= 1: cannot overflow
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _logistic_loss_grad_hess(w, X1, y, C):
    """Penalized log-loss, its gradient and Hessian; w[0], the intercept, is
    not penalized."""
    z = X1 @ w
    p = _sigmoid(z)
    penalty = np.r_[0.0, np.full(w.size - 1, 1 / C)]  # no penalty on w[0]
    loss = np.sum(np.logaddexp(0, z) - y * z) + penalty @ w**2 / 2
    grad = X1.T @ (p - y) + penalty * w
    S = p * _sigmoid(-z)  # p (1 - p), without cancellation
    hess = X1.T @ (S[:, None] * X1) + np.diag(penalty)
    return loss, grad, hess


def _irls_step(w, X1, y, C):
    """One Newton step: solve H s = g (a weighted least-squares problem)."""
    _, grad, hess = _logistic_loss_grad_hess(w, X1, y, C)
    return w - np.linalg.solve(hess, grad)


def _log_softmax(Z):
    """Log softmax of each row by log-sum-exp (the row maximum subtracted)."""
    Z = Z - Z.max(axis=1, keepdims=True)
    return Z - np.log(np.sum(np.exp(Z), axis=1, keepdims=True))


def _softmax_loss_grad_hess(w, X1, Y, C):
    """The multinomial version for one-hot ``Y`` (n, K); ``w`` is the flattened
    (d + 1, K) weight matrix whose row 0, the intercepts, is not penalized."""
    (n, d1), K = X1.shape, Y.shape[1]
    W = w.reshape(d1, K)
    log_P = _log_softmax(X1 @ W)
    P = np.exp(log_P)
    penalty = np.r_[0.0, np.full(d1 - 1, 1 / C)]
    loss = -np.sum(Y * log_P) + penalty @ np.sum(W**2, axis=1) / 2
    grad = X1.T @ (P - Y) + penalty[:, None] * W
    # Hessian: sum_i (x_i x_i^T) kron (diag(p_i) - p_i p_i^T), in w's order
    B = (X1[:, :, None] * P[:, None, :]).reshape(n, d1 * K)
    hess = -B.T @ B
    k = np.arange(K)
    hess.reshape(d1, K, d1, K)[:, k, :, k] += np.einsum(
        "ij,ik,il->kjl", X1, P, X1, optimize=True
    )
    hess += np.diag(np.repeat(penalty, K))
    return loss, grad.ravel(), hess


def _newton(objective, w, *, tol, max_iter):
    """Newton's method with step halving; ``(w, n_iter, converged)``."""
    loss, grad, hess = objective(w)
    for it in range(1, max_iter + 1):
        step = np.linalg.solve(hess, grad)
        if np.max(np.abs(step)) < tol:
            return w - step, it, True
        for _ in range(_MAX_HALVINGS):
            new = objective(w - step)
            if new[0] <= loss + _SLACK * abs(loss):
                break
            step = step / 2
        else:
            return w, it, False  # no decrease along the Newton direction
        w = w - step
        loss, grad, hess = new
    return w, max_iter, False


def _gradient_descent(gradient, w, *, L, tol, max_iter):
    """Gradient descent with the fixed step 1/L; ``(w, n_iter, converged)``."""
    for it in range(1, max_iter + 1):
        step = gradient(w) / L
        w = w - step
        if np.max(np.abs(step)) < tol:
            return w, it, True
    return w, max_iter, False


def _without_intercepts(objective, k):
    """The objective of the weights alone, the first ``k`` entries held at 0."""

    def reduced(v):
        loss, grad, hess = objective(np.r_[np.zeros(k), v])
        return loss, grad[k:], hess[k:, k:]

    return reduced


def _with_null_direction_fixed(objective, K):
    """Add u u^T to the multinomial Hessian, u = (1, ..., 1, 0, ...) / sqrt(K).

    Adding a constant to all K intercepts changes no probability, so the Hessian
    is singular along u. The gradient is orthogonal to u, so the Newton step of
    H + u u^T is the minimum-norm step of H: it keeps the intercepts' mean."""
    u = np.zeros(objective.size)
    u[:K] = 1 / np.sqrt(K)

    def fixed(w):
        loss, grad, hess = objective(w)
        return loss, grad, hess + np.outer(u, u)

    return fixed


def _fit(X, codes, K, *, C, fit_intercept, solver, tol, max_iter):
    """Weights as a (d + 1, m) matrix, row 0 the intercepts; m = 1 for two
    classes (the score of class 1), else m = K. Also ``n_iter, converged``."""
    n, d = X.shape
    X1 = np.column_stack([np.ones(n), X])
    m = 1 if K == 2 else K
    if m == 1:
        Y = codes.astype(float)
        objective = _Objective(_logistic_loss_grad_hess, X1, Y, C)
        curvature = 1 / 4  # the largest p (1 - p)
    else:
        Y = np.eye(K)[codes]
        objective = _Objective(_softmax_loss_grad_hess, X1, Y, C)
        curvature = 1 / 2  # the largest eigenvalue of diag(p) - p p^T
    w = np.zeros(objective.size)
    if solver == "gd":
        free = np.ones(w.size)
        free[:m] = 1.0 if fit_intercept else 0.0
        L = (curvature * np.linalg.norm(X1, 2) ** 2 + 1 / C) / n
        w, n_iter, ok = _gradient_descent(
            lambda w: free * objective.gradient(w) / n,
            w,
            L=L,
            tol=tol,
            max_iter=max_iter,
        )
    elif fit_intercept:
        if m > 1:
            objective = _with_null_direction_fixed(objective, K)
        w, n_iter, ok = _newton(objective, w, tol=tol, max_iter=max_iter)
    else:
        reduced = _without_intercepts(objective, m)
        v, n_iter, ok = _newton(reduced, w[m:], tol=tol, max_iter=max_iter)
        w = np.r_[np.zeros(m), v]
    return w.reshape(d + 1, m), n_iter, ok


class _Objective:
    """``objective(w) -> (loss, grad, hess)`` on fixed data; ``.gradient(w)``
    alone (no Hessian) for gradient descent."""

    def __init__(self, loss_grad_hess, X1, Y, C):
        self.loss_grad_hess, self.X1, self.Y, self.C = loss_grad_hess, X1, Y, C
        m = 1 if Y.ndim == 1 else Y.shape[1]
        self.size = X1.shape[1] * m
        self.penalty = np.repeat(
            np.r_[0.0, np.full(X1.shape[1] - 1, 1 / C)], m
        )

    def __call__(self, w):
        return self.loss_grad_hess(w, self.X1, self.Y, self.C)

    def gradient(self, w):
        if self.Y.ndim == 1:
            residual = _sigmoid(self.X1 @ w) - self.Y
        else:
            W = w.reshape(self.X1.shape[1], -1)
            residual = np.exp(_log_softmax(self.X1 @ W)) - self.Y
        return (self.X1.T @ residual).ravel() + self.penalty * w


class LogisticRegression(ClassifierMixin, BaseEstimator):
    r"""Logistic regression with an L2 penalty, for two classes or more.

    It minimizes scikit-learn's objective, the summed cross-entropy plus
    :math:`\lVert \mathbf{w} \rVert^2 / (2C)`, the intercept not penalized.
    Two classes use one weight vector and the sigmoid; more than two use one
    weight vector per class and the softmax (multinomial).
    The book uses it from :ref:`sec-ml-pipeline` on; :ref:`sec-logistic-regression`
    derives it.

    Parameters
    ----------
    C : float, default 1.0
        Inverse penalty strength, ``> 0``: small ``C``, strong penalty.
    solver : {"newton", "gd"}, default "newton"
        ``"newton"``: Newton's method (IRLS) on the whole objective, with the
        Hessian :math:`\tilde X^\top S \tilde X + P/C`,
        :math:`S = \mathrm{diag}(p(1-p))` (:math:`\tilde X` is ``X`` with a
        leading column of ones, :math:`P` the identity with 0 for the
        intercept), solved, never inverted. A step that does not decrease the
        objective is halved, up to 10 times. ``"gd"``: gradient descent on the
        mean objective (the objective over ``n``) with the fixed step
        :math:`1/L`, :math:`L = (\lVert \tilde X \rVert_2^2 / 4 + 1/C) / n`,
        a bound on its curvature (:math:`p(1-p) \le 1/4`; with more than two
        classes :math:`1/2`, the bound on the eigenvalues of
        :math:`\mathrm{diag}(p) - pp^\top`), so that every step decreases the
        objective. Simple, but it needs many more steps: raise ``max_iter``.
    max_iter : int, default 100
        The most Newton steps (or gradient steps), ``>= 1``.
    tol : float, default 1e-8
        Stop when the largest entry of a step is below ``tol`` (``>= 0``).
    fit_intercept : bool, default True
        Fit the intercept(s) :math:`b` (unpenalized); otherwise :math:`b = 0`.

    Attributes
    ----------
    classes_ : numpy.ndarray, shape (n_classes,)
        The labels seen in ``fit``, sorted; for two, ``classes_[1]`` is positive.
    coef_ : numpy.ndarray, shape (1, n_features) or (n_classes, n_features)
    intercept_ : numpy.ndarray, shape (1,) or (n_classes,)
        For more than two classes the intercepts are defined up to a common
        constant; they are returned with mean 0, as scikit-learn's.
    n_iter_ : numpy.ndarray of int, shape (1,)
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``C <= 0``, an unknown solver, ``y`` with one class, NaN or
        inf in ``X``, lengths that differ. ``TypeError`` for a hyperparameter
        of the wrong type (``C="1"``).

    Warns
    -----
    ConvergenceWarning
        If ``max_iter`` steps do not meet ``tol``.

    Notes
    -----
    With more than two classes, adding the same number to every intercept
    changes no probability, so the Hessian is singular along
    :math:`u = (1, \dots, 1, 0, \dots, 0)/\sqrt{K}` (the intercept entries).
    Newton's method solves with :math:`H + uu^\top` instead: the gradient is
    orthogonal to :math:`u`, so this gives exactly the minimum-norm Newton step,
    which leaves the mean of the intercepts at its starting value 0, the choice
    scikit-learn makes too.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = np.array(["no", "no", "yes", "yes"])
    >>> model = LogisticRegression(C=1.0).fit(X, y)
    >>> model.classes_
    array(['no', 'yes'], dtype='<U3')
    >>> model.predict([[0.5], [2.5]])
    array(['no', 'yes'], dtype='<U3')
    >>> model.predict_proba([[1.5]]).round(6)
    array([[0.5, 0.5]])
    """

    def __init__(
        self,
        *,
        C=1.0,
        solver="newton",
        max_iter=100,
        tol=1e-8,
        fit_intercept=True,
    ):
        self.C = C
        self.solver = solver
        self.max_iter = max_iter
        self.tol = tol
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike) -> LogisticRegression:
        """Fit the weights; returns ``self``."""
        X = as_matrix(X, name="X")
        y = _as_labels(y, name="y")
        if y.size != X.shape[0]:
            raise ValueError(
                f"y must have one label per row of X ({X.shape[0]}); got {y.size}."
            )
        C = check_scalar(self.C, name="C", low=0, low_inclusive=False)
        check_choice(self.solver, _SOLVERS, name="solver")
        max_iter = check_int(self.max_iter, name="max_iter", minimum=1)
        tol = check_scalar(self.tol, name="tol", low=0)
        if not isinstance(self.fit_intercept, (bool, np.bool_)):
            raise TypeError(
                f"fit_intercept must be True or False; got {self.fit_intercept!r}."
            )
        classes, codes = np.unique(y, return_inverse=True)
        if classes.size < 2:
            raise ValueError(
                f"y must hold at least two classes; got only {classes[0].item()!r}."
            )
        W, n_iter, converged = _fit(
            X,
            codes.ravel(),
            classes.size,
            C=C,
            fit_intercept=bool(self.fit_intercept),
            solver=self.solver,
            tol=tol,
            max_iter=max_iter,
        )
        if not converged and n_iter < max_iter:  # Newton stalled: no descent
            warnings.warn(
                f"LogisticRegression (solver={self.solver!r}) stopped after "
                f"{n_iter} steps: the loss no longer decreases along the Newton "
                "direction, which happens when the classes are (almost) "
                "separable and C is large; lower C.",
                ConvergenceWarning,
                stacklevel=2,
            )
        elif not converged:
            warnings.warn(
                f"LogisticRegression (solver={self.solver!r}) did not converge in "
                f"max_iter={max_iter} steps; raise max_iter, or scale the features.",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.classes_ = classes
        self.coef_ = W[1:].T.copy()
        self.intercept_ = W[0].copy()
        self.n_iter_ = np.array([n_iter])
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        r"""The scores :math:`b + \mathbf{x}^\top \mathbf{w}`: shape (n,) for two
        classes (positive favors ``classes_[1]``), (n, n_classes) for more."""
        X = check_features(self, X)
        scores = X @ self.coef_.T + self.intercept_
        return scores[:, 0] if self.classes_.size == 2 else scores

    def predict_log_proba(self, X: ArrayLike) -> np.ndarray:
        """Log-probabilities of the classes, shape (n, n_classes), by
        log-sum-exp: finite even for huge scores."""
        z = self.decision_function(X)
        if self.classes_.size == 2:
            # log(1 - p) = -log(1 + e^z), log p = -log(1 + e^-z)
            return -np.logaddexp(0, np.column_stack([z, -z]))
        return _log_softmax(z)

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """Probabilities of the classes, shape (n, n_classes); rows sum to 1."""
        return np.exp(self.predict_log_proba(X))

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class of each row, a label from ``classes_``."""
        z = self.decision_function(X)
        if self.classes_.size == 2:
            return self.classes_[(z > 0).astype(int)]
        return self.classes_[np.argmax(z, axis=1)]
