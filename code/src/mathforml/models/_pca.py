r"""Principal component analysis, linear and kernel (the unsupervised-learning
chapter).

PCA finds the orthonormal directions along which centered data varies most. With
the centered data :math:`X_c = X - \mathbf{1}\boldsymbol{\mu}^\top` and its thin
SVD :math:`X_c = U S V^\top` (:ref:`sec-svd`), the principal axes are the rows of
:math:`V^\top`, the eigenvectors of the sample covariance (:ref:`sec-eigendecomposition`)

.. math::

    C = \frac{X_c^\top X_c}{n - 1} = V \frac{S^2}{n - 1} V^\top,

and the variance along axis :math:`j` is :math:`s_j^2 / (n - 1)`. Keeping the first
:math:`k` axes is the best rank-:math:`k` approximation of :math:`X_c`
(:ref:`sec-low-rank-approximation`).

Kernel PCA does the same in the feature space of a kernel (:ref:`sec-svm`): it never
forms the features, only the centered Gram matrix :math:`K_c = H K H`,
:math:`H = I - \mathbf{1}\mathbf{1}^\top / n`, whose eigenvectors :math:`\mathbf{a}_j`
give the training scores :math:`\sqrt{\lambda_j}\, \mathbf{a}_j`.
"""

from __future__ import annotations

import numbers
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
    TransformerMixin,
    check_features,
    check_is_fitted,
)
from mathforml.linalg import svd as jacobi_svd
from mathforml.models._svm import _kernel_matrix

__all__ = ["PCA", "KernelPCA"]

_SOLVERS = ("full", "jacobi")
_KERNELS = ("linear", "poly", "rbf")
#: An eigenvalue below this fraction of the largest is rounding: treated as 0
#: (scikit-learn's threshold for a kernel matrix).
_POSITIVE_RTOL = 1e-12
_EPS = np.finfo(float).eps


def _flip_signs(components):
    """Flip each row so that its largest-magnitude entry is positive."""
    rows = np.arange(components.shape[0])
    largest = components[rows, np.argmax(np.abs(components), axis=1)]
    return components * np.where(largest < 0, -1.0, 1.0)[:, None]


def _principal_axes(Xc, k, solver):
    """The k leading principal axes (rows) and singular values of Xc."""
    if solver == "jacobi":
        _, s, Vt = jacobi_svd(Xc)  # one-sided Jacobi, Chapter 3
    else:
        _, s, Vt = np.linalg.svd(Xc, full_matrices=False)  # LAPACK
    return _flip_signs(Vt[:k]), s[:k]


def _pca_by_eigh(Xc, k):
    """The same axes from the eigenvectors of the sample covariance matrix."""
    n = Xc.shape[0]
    lam, V = np.linalg.eigh(Xc.T @ Xc / (n - 1))  # ascending order
    lam, V = lam[::-1][:k], V[:, ::-1][:, :k]  # the k largest first
    # lam = s^2 / (n - 1); a tiny negative lam is rounding
    s = np.sqrt(np.maximum(lam, 0) * (n - 1))
    return _flip_signs(V.T), s


def _reconstruct(Z, components, mean):
    """Map scores back to data space: x = mean + sum_j z_j w_j."""
    return Z @ components + mean


def _n_components_for_ratio(ratio, threshold):
    """The smallest k whose first k variance ratios add up to more than
    ``threshold`` (scikit-learn's rule)."""
    k = np.searchsorted(np.cumsum(ratio), threshold, side="right") + 1
    return min(int(k), ratio.size)


class PCA(TransformerMixin, BaseEstimator):
    r"""Principal component analysis by the SVD of the centered data.

    Parameters
    ----------
    n_components : int, float or None, default None
        How many axes to keep: ``None`` keeps all :math:`\min(n, d)`; an int in
        ``[1, min(n, d)]`` keeps that many; a float in ``(0, 1)`` keeps the
        fewest whose explained variance ratios add up to more than it.
    whiten : bool, default False
        Divide each score by the standard deviation of its axis, so the scores
        have unit variance.
    svd_solver : {"full", "jacobi"}, default "full"
        ``"full"``: LAPACK's SVD (``numpy.linalg.svd``), as scikit-learn's
        ``svd_solver="full"``; ``"jacobi"``: the book's one-sided Jacobi SVD,
        :func:`mathforml.linalg.svd` (:ref:`sec-svd`), slower, same answer.

    Attributes
    ----------
    components_ : numpy.ndarray, shape (``n_components_``, n_features)
        The principal axes as orthonormal rows, by decreasing variance; each row's
        largest-magnitude entry is positive (scikit-learn's ``svd_flip``).
    explained_variance_ : numpy.ndarray, shape (``n_components_``,)
        The variance along each axis, :math:`s_j^2 / (n - 1)`.
    explained_variance_ratio_ : numpy.ndarray, shape (``n_components_``,)
        Each axis's share of the total variance.
    singular_values_ : numpy.ndarray, shape (``n_components_``,)
        The singular values :math:`s_j` of the centered data.
    mean_ : numpy.ndarray, shape (n_features,)
        The column means of the training data.
    n_components_ : int
        The number of axes kept.
    noise_variance_ : float
        The mean variance along the axes not kept (0 when all are kept): the noise
        level of probabilistic PCA.
    n_samples_, n_features_in_ : int
        The shape of the ``X`` seen by ``fit``.

    Raises
    ------
    ValueError
        In ``fit``: ``n_components`` out of range, an unknown ``svd_solver``, fewer
        than 2 rows, NaN or inf, or data with no variance.

    Notes
    -----
    With :math:`X_c = U S V^\top` the scores of the training rows are
    :math:`X_c V_k = U_k S_k`; a new row :math:`\mathbf{x}` has scores
    :math:`V_k^\top (\mathbf{x} - \boldsymbol{\mu})` and is rebuilt as
    :math:`\boldsymbol{\mu} + V_k \mathbf{z}`. The mean squared reconstruction
    error of the training rows is :math:`\frac{n-1}{n} \sum_{j > k} \lambda_j`,
    the variance of the axes dropped (:ref:`sec-low-rank-approximation`,
    :ref:`sec-lab-digits-svd`).

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[6.0, 8.0], [-6.0, -8.0], [4.0, -3.0], [-4.0, 3.0]])
    >>> pca = PCA().fit(X)
    >>> np.round(pca.components_, 6)
    array([[ 0.6,  0.8],
           [ 0.8, -0.6]])
    >>> np.round(pca.explained_variance_ratio_, 6)
    array([0.8, 0.2])
    >>> np.round(PCA(n_components=1).fit(X).transform([[3.0, 4.0]]), 6)
    array([[5.]])
    """

    def __init__(self, n_components=None, *, whiten=False, svd_solver="full"):
        self.n_components = n_components
        self.whiten = whiten
        self.svd_solver = svd_solver

    def _check_params(self, n: int, d: int):
        """``n_components`` (int, float in (0, 1) or None) and the solver."""
        k = self.n_components
        if isinstance(k, numbers.Integral) and not isinstance(k, bool):
            check_int(k, name="n_components", minimum=1, maximum=min(n, d))
        elif isinstance(k, numbers.Real) and not isinstance(k, bool):
            if not 0 < k < 1:
                raise ValueError(
                    "n_components must be an int in [1, min(n_samples, "
                    f"n_features)] = [1, {min(n, d)}] or a float in (0, 1); "
                    f"got {k!r}."
                )
        elif k is not None:
            raise TypeError(
                "n_components must be None, an int or a float in (0, 1); got "
                f"{type(k).__name__} {k!r}."
            )
        if not isinstance(self.whiten, (bool, np.bool_)):
            raise TypeError(
                f"whiten must be True or False; got {self.whiten!r}."
            )
        check_choice(self.svd_solver, _SOLVERS, name="svd_solver")

    def fit(self, X: ArrayLike, y=None) -> PCA:
        """Learn the mean and the principal axes of ``X``; returns ``self``."""
        X = as_matrix(X, name="X")
        n, d = X.shape
        if n < 2:
            raise ValueError(
                "X must have at least 2 samples (rows) to estimate a variance; "
                f"got {n}."
            )
        self._check_params(n, d)
        mean = X.mean(axis=0)
        W, s = _principal_axes(X - mean, min(n, d), self.svd_solver)
        variance = s**2 / (n - 1)
        if s[0] <= np.sqrt(n * d) * _EPS * np.max(np.abs(X)):  # rounding
            raise ValueError(
                "X has no variance: every row equals the mean, so there is no "
                "principal axis to find."
            )
        ratio = variance / variance.sum()
        k = self.n_components
        if k is None:
            k = min(n, d)
        elif not isinstance(k, numbers.Integral):
            k = _n_components_for_ratio(ratio, k)
        self.mean_ = mean
        self.components_ = W[:k]
        self.explained_variance_ = variance[:k]
        self.explained_variance_ratio_ = ratio[:k]
        self.singular_values_ = s[:k]
        self.noise_variance_ = (
            float(variance[k:].mean()) if k < s.size else 0.0
        )
        self.n_components_ = int(k)
        self.n_samples_, self.n_features_in_ = n, d
        return self

    def _scale(self) -> np.ndarray:
        # a zero variance would divide by zero: clipped at eps, as scikit-learn
        return np.maximum(np.sqrt(self.explained_variance_), _EPS)

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The scores of the rows of ``X``: ``(X - mean_) @ components_.T``,
        divided by the axes' standard deviations if ``whiten``."""
        X = check_features(self, X)
        Z = (X - self.mean_) @ self.components_.T
        return Z / self._scale() if self.whiten else Z

    def inverse_transform(self, Z: ArrayLike) -> np.ndarray:
        """Rows in data space with scores ``Z``: ``Z @ components_ + mean_``
        (exact when all components are kept)."""
        check_is_fitted(self)
        Z = as_matrix(Z, name="Z")
        if Z.shape[1] != self.n_components_:
            raise ValueError(
                f"Z has {Z.shape[1]} columns, but PCA was fitted with "
                f"{self.n_components_} components."
            )
        if self.whiten:
            Z = Z * self._scale()
        return _reconstruct(Z, self.components_, self.mean_)


def _center_gram(K):
    """Double centering: the Gram matrix of the features minus their mean."""
    return K - K.mean(axis=0) - K.mean(axis=1, keepdims=True) + K.mean()


def _center_new_gram(K_new, K_fit):
    """Center k(x_new, x_i) with the mean of the *training* features."""
    col = K_fit.mean(axis=0)
    return K_new - col - K_new.mean(axis=1, keepdims=True) + col.mean()


def _kpca_fit(Kc, k):
    """The top k eigenpairs of a centered Gram matrix, largest first; those
    whose eigenvalue is zero up to rounding are dropped."""
    lam, A = np.linalg.eigh(Kc)  # ascending order
    lam, A = lam[::-1][:k], A[:, ::-1][:, :k]
    keep = lam > _POSITIVE_RTOL * max(lam[0], 0.0)  # and lam > 0
    return lam[keep], _flip_signs(A[:, keep].T).T


class KernelPCA(TransformerMixin, BaseEstimator):
    r"""Kernel principal component analysis, by the eigendecomposition of the
    centered Gram matrix.

    Parameters
    ----------
    n_components : int or None, default None
        How many components to keep, ``1 <= n_components <= n_samples``;
        ``None`` keeps every component with a positive eigenvalue.
    kernel : {"rbf", "poly", "linear"}, default "rbf"
        ``"rbf"``: :math:`\exp(-\gamma \lVert \mathbf{x} - \mathbf{z} \rVert^2)`;
        ``"poly"``: :math:`(\gamma\, \mathbf{x}^\top\mathbf{z} + c_0)^d`;
        ``"linear"``: :math:`\mathbf{x}^\top\mathbf{z}` (ordinary PCA's scores).
    gamma : float or None, default None
        The kernel's scale, ``> 0``; ``None`` means ``1 / n_features``.
    degree : int, default 3
        The degree :math:`d` of the polynomial kernel, ``>= 1``.
    coef0 : float, default 1.0
        The constant :math:`c_0` of the polynomial kernel.

    Attributes
    ----------
    eigenvalues_ : numpy.ndarray, shape (``n_components_``,)
        The largest eigenvalues of the centered Gram matrix, decreasing, all > 0.
    eigenvectors_ : numpy.ndarray, shape (n_samples, ``n_components_``)
        Their unit eigenvectors as columns, each column's largest-magnitude entry
        positive (as scikit-learn's).
    X_fit_ : numpy.ndarray, shape (n_samples, n_features)
        The training data: new rows are compared with it through the kernel.
    gamma_ : float
        The ``gamma`` used.
    n_components_, n_features_in_ : int
        The number of components kept and of columns seen by ``fit``.

    Raises
    ------
    ValueError
        In ``fit``: an unknown kernel, ``gamma <= 0``, ``degree < 1``,
        ``n_components`` above the number of rows, NaN or inf, fewer than 2 rows,
        or a centered Gram matrix with no positive eigenvalue.

    Warns
    -----
    UserWarning
        If ``n_components`` exceeds the number of positive eigenvalues: only those
        are kept.

    Notes
    -----
    With the feature map :math:`\phi` centered, the covariance's eigenvectors are
    :math:`\mathbf{v}_j = \sum_i a_{ij} \phi(\mathbf{x}_i) / \sqrt{\lambda_j}`, for
    :math:`K_c \mathbf{a}_j = \lambda_j \mathbf{a}_j`. A row's score on
    component :math:`j` is :math:`\mathbf{k}_c^\top \mathbf{a}_j / \sqrt{\lambda_j}`,
    :math:`\mathbf{k}_c` its centered kernel values against the training rows; for
    the training rows that is :math:`\sqrt{\lambda_j}\, \mathbf{a}_j`. The linear
    kernel gives ordinary PCA's scores, up to sign, with
    :math:`\lambda_j = s_j^2`.

    :ref:`sec-kernel-pca` teaches kernel PCA.


    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[6.0, 8.0], [-6.0, -8.0], [4.0, -3.0], [-4.0, 3.0]])
    >>> kpca = KernelPCA(kernel="linear").fit(X)
    >>> np.round(kpca.eigenvalues_, 6)  # s^2 of the centered data
    array([200.,  50.])
    >>> Z = kpca.transform(X)
    >>> bool(np.allclose(np.abs(Z), np.abs(PCA().fit_transform(X))))
    True
    """

    def __init__(
        self,
        n_components=None,
        *,
        kernel="rbf",
        gamma=None,
        degree=3,
        coef0=1.0,
    ):
        self.n_components = n_components
        self.kernel = kernel
        self.gamma = gamma
        self.degree = degree
        self.coef0 = coef0

    def _check_params(self, n: int, d: int) -> tuple:
        """``(k, gamma, degree, coef0)``, validated; ``k`` is ``n`` for None."""
        k = self.n_components
        if k is not None:
            k = check_int(k, name="n_components", minimum=1, maximum=n)
        check_choice(self.kernel, _KERNELS, name="kernel")
        gamma = 1.0 / d if self.gamma is None else self.gamma
        gamma = check_scalar(gamma, name="gamma", low=0, low_inclusive=False)
        degree = check_int(self.degree, name="degree", minimum=1)
        coef0 = check_scalar(self.coef0, name="coef0")
        return (n if k is None else k), gamma, degree, coef0

    def _gram(self, X, Z) -> np.ndarray:
        return _kernel_matrix(X, Z, self.kernel, *self._kernel_params)

    def fit(self, X: ArrayLike, y=None) -> KernelPCA:
        """Eigendecompose the centered Gram matrix of ``X``; returns ``self``."""
        X = as_matrix(X, name="X")
        n, d = X.shape
        if n < 2:
            raise ValueError(
                f"X must have at least 2 samples (rows); got {n}."
            )
        k, gamma, degree, coef0 = self._check_params(n, d)
        self._kernel_params = (gamma, degree, coef0)  # as validated
        K = self._gram(X, X)
        lam, A = _kpca_fit(_center_gram(K), k)
        if lam.size == 0 or lam[0] <= n * _EPS * np.max(np.abs(K)):
            raise ValueError(
                "The centered kernel matrix of X has no positive eigenvalue: "
                "in the kernel's feature space all rows are the same point."
            )
        if self.n_components is not None and lam.size < k:
            warnings.warn(
                f"n_components={k}, but the centered kernel matrix has only "
                f"{lam.size} positive eigenvalues; keeping {lam.size} "
                "components.",
                UserWarning,
                stacklevel=2,
            )
        self._K_fit = K  # to center the kernel values of new rows
        self.eigenvalues_, self.eigenvectors_ = lam, A
        self.X_fit_, self.gamma_ = X, gamma
        self.n_components_, self.n_features_in_ = lam.size, d
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The scores of new rows: centered kernel values against the training
        rows, times ``eigenvectors_ / sqrt(eigenvalues_)``."""
        X = check_features(self, X)
        Kc = _center_new_gram(self._gram(X, self.X_fit_), self._K_fit)
        return Kc @ (self.eigenvectors_ / np.sqrt(self.eigenvalues_))

    def fit_transform(self, X: ArrayLike, y=None) -> np.ndarray:
        """The training rows' scores, ``eigenvectors_ * sqrt(eigenvalues_)``:
        no kernel to recompute."""
        self.fit(X)
        return self.eigenvectors_ * np.sqrt(self.eigenvalues_)
