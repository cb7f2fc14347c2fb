r"""The support vector classifier, trained on its dual by SMO
(:ref:`sec-constrained-optimization`).

The soft-margin SVM looks for the widest margin that puts the points on their side,
paying :math:`C` per unit of violation:

.. math::

    \min_{\mathbf{w}, b, \boldsymbol{\xi}}\;
    \tfrac12 \lVert \mathbf{w} \rVert^2 + C \sum_{i=1}^n \xi_i
    \quad\text{subject to}\quad
    y_i\big(\mathbf{w}^\top \phi(\mathbf{x}_i) + b\big) \ge 1 - \xi_i,
    \quad \xi_i \ge 0,

with :math:`y_i \in \{-1, +1\}`. Its Lagrange dual (one multiplier
:math:`\alpha_i` per margin constraint; :math:`\lambda_i` in
:ref:`sec-constrained-optimization`) is the quadratic program

.. math::

    \max_{\boldsymbol{\alpha}}\; \sum_i \alpha_i
    - \tfrac12 \sum_{i,k} \alpha_i \alpha_k y_i y_k\, k(\mathbf{x}_i, \mathbf{x}_k)
    \quad\text{subject to}\quad 0 \le \alpha_i \le C,\;
    \sum_i \alpha_i y_i = 0,

which sees the data only through the kernel :math:`k(\mathbf{x}, \mathbf{z}) =
\phi(\mathbf{x})^\top \phi(\mathbf{z})`. The classifier is
:math:`f(\mathbf{x}) = \sum_i \alpha_i y_i\, k(\mathbf{x}_i, \mathbf{x}) + b`;
by complementary slackness only the points on or inside the margin have
:math:`\alpha_i > 0`: the support vectors.

Sequential minimal optimization (SMO) solves the dual by changing two multipliers
at a time, the fewest that keep :math:`\sum_i \alpha_i y_i = 0`; each two-variable
problem is a parabola on a segment, solved by hand. The code minimizes
:math:`\tfrac12 \boldsymbol{\alpha}^\top Q \boldsymbol{\alpha} - \mathbf{1}^\top
\boldsymbol{\alpha}`, :math:`Q_{ik} = y_i y_k K_{ik}`, the negative of the dual, as
LIBSVM (and so scikit-learn) does, and keeps its gradient
:math:`G = Q\boldsymbol{\alpha} - \mathbf{1}` up to date.
"""

from __future__ import annotations

import warnings

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_int, check_scalar
from mathforml.base import (
    BaseEstimator,
    ClassifierMixin,
    _as_labels,
    check_features,
)
from mathforml.exceptions import ConvergenceWarning

__all__ = ["SVC"]

_KERNELS = ("linear", "poly", "rbf")
_TAU = 1e-12  # LIBSVM's floor on the curvature of a two-variable step


def _kernel_matrix(X, Z, kernel, gamma, degree, coef0):
    """The Gram matrix K[i, k] = k(x_i, z_k) of a named kernel or a callable."""
    if callable(kernel):
        return kernel(X, Z)
    if kernel == "linear":
        return X @ Z.T
    if kernel == "poly":
        return (gamma * (X @ Z.T) + coef0) ** degree
    # rbf: ||x - z||^2 = x.x + z.z - 2 x.z, floored at 0 against rounding
    sq = np.sum(X**2, axis=1)[:, None] + np.sum(Z**2, axis=1) - 2 * X @ Z.T
    return np.exp(-gamma * np.maximum(sq, 0))


def _select_pair(G, y, alpha, C):
    """The maximal violating pair (i, j) and its KKT violation m - M."""
    score = -y * G  # optimal when max over up <= min over low
    beta, box = y * alpha, y * C  # y_t alpha_t lies between 0 and y_t C
    up = beta < np.maximum(box, 0)  # y_t alpha_t can still rise
    low = beta > np.minimum(box, 0)  # y_t alpha_t can still fall
    i = np.argmax(np.where(up, score, -np.inf))
    j = np.argmin(np.where(low, score, np.inf))
    return i, j, score[i] - score[j]


def _smo_step(i, j, alpha, G, K, y, C):
    """Minimize along alpha_i += y_i t, alpha_j -= y_j t (sum alpha y kept);
    update alpha and G in place, return the step t."""
    slope = y[j] * G[j] - y[i] * G[i]  # minus the derivative in t, > 0
    curvature = max(K[i, i] + K[j, j] - 2 * K[i, j], _TAU)
    room_i = C - alpha[i] if y[i] > 0 else alpha[i]  # t before a bound
    room_j = alpha[j] if y[j] > 0 else C - alpha[j]
    t = min(slope / curvature, room_i, room_j)  # the vertex, or a bound
    alpha[i] += y[i] * t
    alpha[j] -= y[j] * t
    if t == room_i:  # land on the bound exactly, not a rounding away
        alpha[i] = C if y[i] > 0 else 0.0
    if t == room_j:
        alpha[j] = 0.0 if y[j] > 0 else C
    G += t * y * (K[i] - K[j])  # K is symmetric: row i is column i
    return t


def _intercept(G, y, alpha, C):
    """b = -y_i G_i, averaged over the free support vectors (0 < alpha < C);
    with none, the middle of the interval [M, m] the KKT conditions allow."""
    score = -y * G
    free = (alpha > 0) & (alpha < C)
    if np.any(free):
        return np.mean(score[free])
    i, j, _ = _select_pair(G, y, alpha, C)
    return (score[i] + score[j]) / 2


def _smo(K, y, C, tol, max_iter):
    """SMO from alpha = 0 until m - M <= tol: (alpha, b, n_iter)."""
    alpha, G = np.zeros(y.size), -np.ones(y.size)  # G = Q alpha - 1
    n_iter = 0
    while True:
        i, j, violation = _select_pair(G, y, alpha, C)
        if violation <= tol or n_iter == max_iter:  # max_iter=-1: no limit
            break
        _smo_step(i, j, alpha, G, K, y, C)
        n_iter += 1
    return alpha, _intercept(G, y, alpha, C), n_iter


class SVC(ClassifierMixin, BaseEstimator):
    r"""The soft-margin support vector classifier, for two classes.

    It solves the dual quadratic program (see the module's docstring and the models
    chapter) by SMO with LIBSVM's first-order working-set rule: at each step the
    two multipliers that violate the KKT conditions most
    (:ref:`sec-constrained-optimization`) move, by the exact minimizer of the dual
    along the segment that keeps :math:`\sum_i \alpha_i y_i = 0` and
    :math:`0 \le \alpha_i \le C`. The kernel matrix is computed once, so memory and
    each step grow as :math:`n^2` and :math:`n`: meant for up to a few thousand rows.

    Parameters
    ----------
    kernel : {"rbf", "linear", "poly"} or callable, default "rbf"
        ``"linear"``: :math:`\mathbf{x}^\top\mathbf{z}`; ``"rbf"``:
        :math:`\exp(-\gamma \lVert \mathbf{x} - \mathbf{z} \rVert^2)`; ``"poly"``:
        :math:`(\gamma\, \mathbf{x}^\top\mathbf{z} + c_0)^d`. A callable
        ``kernel(X, Z)`` returns the matrix of :math:`k(\mathbf{x}_i, \mathbf{z}_k)`,
        shape ``(len(X), len(Z))``.
    C : float, default 1.0
        The price of a margin violation, ``> 0``: large ``C``, a narrow margin with
        few violations.
    gamma : {"scale", "auto"} or float, default "scale"
        The kernel's scale (``"rbf"``, ``"poly"``). ``"scale"``:
        ``1 / (n_features * X.var())`` (1 if ``X`` is constant); ``"auto"``:
        ``1 / n_features``; or a float ``> 0``.
    degree : int, default 3
        The degree :math:`d` of ``"poly"``, ``>= 1``.
    coef0 : float, default 0.0
        The constant :math:`c_0` of ``"poly"``.
    tol : float, default 1e-3
        Stop when the KKT violation :math:`m(\alpha) - M(\alpha)` is at most
        ``tol`` (``> 0``), LIBSVM's criterion: every :math:`y_i f(\mathbf{x}_i)` is
        then within ``tol`` of what the KKT conditions ask.
    max_iter : int, default -1
        The most SMO steps, ``>= 1``, or ``-1`` for no limit.

    Attributes
    ----------
    classes_ : numpy.ndarray, shape (2,)
        The labels, sorted; ``classes_[1]`` is :math:`y = +1`.
    support_ : numpy.ndarray of int, shape (n_SV,)
        The rows of the training ``X`` with :math:`\alpha_i > 0`, in increasing order.
    support_vectors_ : numpy.ndarray, shape (n_SV, n_features)
    dual_coef_ : numpy.ndarray, shape (1, n_SV)
        :math:`\alpha_i y_i` for the support vectors (scikit-learn's sign).
    intercept_ : numpy.ndarray, shape (1,)
        :math:`b`, from the free support vectors as LIBSVM computes it.
    n_iter_ : numpy.ndarray of int, shape (1,)
        SMO steps taken.
    n_features_in_ : int

    Raises
    ------
    ValueError
        In ``fit``: ``C <= 0``, an unknown kernel, ``gamma <= 0``, ``tol <= 0``,
        ``y`` with one class or more than two (for those, wrap the model in
        ``sklearn.multiclass.OneVsRestClassifier``), NaN or inf in ``X``.
        ``TypeError`` for a hyperparameter of the wrong type.

    Warns
    -----
    ConvergenceWarning
        If ``max_iter`` steps end with a KKT violation above ``tol``.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    >>> y = np.array(["no", "no", "yes", "yes"])
    >>> model = SVC(kernel="linear", C=10.0).fit(X, y)
    >>> model.support_
    array([1, 2])
    >>> model.dual_coef_.round(3)
    array([[-0.5,  0.5]])
    >>> model.predict([[-0.5], [3.0]])
    array(['no', 'yes'], dtype='<U3')
    """

    def __init__(
        self,
        *,
        kernel="rbf",
        C=1.0,
        gamma="scale",
        degree=3,
        coef0=0.0,
        tol=1e-3,
        max_iter=-1,
    ):
        self.kernel = kernel
        self.C = C
        self.gamma = gamma
        self.degree = degree
        self.coef0 = coef0
        self.tol = tol
        self.max_iter = max_iter

    def _check_params(self, X) -> tuple:
        C = check_scalar(self.C, name="C", low=0, low_inclusive=False)
        if not callable(self.kernel) and (
            not isinstance(self.kernel, str) or self.kernel not in _KERNELS
        ):
            raise ValueError(
                f"kernel must be one of {_KERNELS} or a callable "
                f"kernel(X, Z); got {self.kernel!r}."
            )
        if isinstance(self.gamma, str):
            if self.gamma not in ("scale", "auto"):
                raise ValueError(
                    "gamma must be 'scale', 'auto' or a float > 0; got "
                    f"{self.gamma!r}."
                )
            var = X.var() if self.gamma == "scale" else 1.0
            gamma = 1.0 / (X.shape[1] * var) if var > 0 else 1.0
        else:
            gamma = check_scalar(
                self.gamma, name="gamma", low=0, low_inclusive=False
            )
        degree = check_int(self.degree, name="degree", minimum=1)
        coef0 = check_scalar(self.coef0, name="coef0")
        tol = check_scalar(self.tol, name="tol", low=0, low_inclusive=False)
        max_iter = check_int(self.max_iter, name="max_iter", minimum=-1)
        if max_iter == 0:
            raise ValueError("max_iter must be -1 (no limit) or >= 1; got 0.")
        return C, gamma, degree, coef0, tol, max_iter

    def _gram(self, X, Z) -> np.ndarray:
        K = _kernel_matrix(X, Z, self.kernel, *self._kernel_params)
        if callable(self.kernel):
            K = as_matrix(K, name="kernel(X, Z)")
            if K.shape != (len(X), len(Z)):
                raise ValueError(
                    f"kernel(X, Z) must return shape {(len(X), len(Z))}; got "
                    f"{K.shape}."
                )
        return K

    def fit(self, X: ArrayLike, y: ArrayLike) -> SVC:
        """Solve the dual by SMO; returns ``self``."""
        X = as_matrix(X, name="X")
        y = _as_labels(y, name="y")
        if y.size != X.shape[0]:
            raise ValueError(
                f"y must have one label per row of X ({X.shape[0]}); got {y.size}."
            )
        C, gamma, degree, coef0, tol, max_iter = self._check_params(X)
        classes, codes = np.unique(y, return_inverse=True)
        if classes.size != 2:
            if classes.size == 1:
                raise ValueError(
                    f"y must hold two classes; got only {classes[0].item()!r}."
                )
            raise ValueError(
                f"SVC is a binary classifier; y has {classes.size} classes "
                f"{classes.tolist()}. For more, use one-vs-rest: "
                "sklearn.multiclass.OneVsRestClassifier(SVC())."
            )
        y_pm = np.where(codes.ravel() == 1, 1.0, -1.0)
        self._kernel_params = (gamma, degree, coef0)  # as validated
        K = self._gram(X, X)
        alpha, b, n_iter = _smo(K, y_pm, C, tol, max_iter)
        if n_iter == max_iter:
            G = y_pm * (K @ (alpha * y_pm)) - 1
            violation = _select_pair(G, y_pm, alpha, C)[2]
            if violation > tol:
                warnings.warn(
                    f"SVC did not converge in max_iter={max_iter} steps (KKT "
                    f"violation {violation:.3g} > tol={tol:g}); raise max_iter "
                    "or tol, or scale the features.",
                    ConvergenceWarning,
                    stacklevel=2,
                )
        support = np.flatnonzero(alpha > 0)
        self.classes_ = classes
        self.support_ = support
        self.support_vectors_ = X[support]
        self.dual_coef_ = (alpha * y_pm)[support][None, :]
        self.intercept_ = np.array([b])
        self.n_iter_ = np.array([n_iter])
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: ArrayLike) -> np.ndarray:
        r"""The scores :math:`f(\mathbf{x}) = \sum_i \alpha_i y_i
        k(\mathbf{x}_i, \mathbf{x}) + b`, shape (n,); positive favors
        ``classes_[1]``."""
        X = check_features(self, X)
        K = self._gram(X, self.support_vectors_)
        return K @ self.dual_coef_[0] + self.intercept_[0]

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The class of each row: ``classes_[1]`` where the score is positive."""
        f = self.decision_function(X)
        return self.classes_[(f > 0).astype(int)]
