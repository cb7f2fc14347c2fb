"""PCA and KernelPCA against scikit-learn, the covariance's eigenvectors and the
book's Jacobi SVD; the invariants of PCA (orthonormal axes, exact reconstruction,
the reconstruction error as the variance dropped); bad input."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from sklearn import decomposition as sk
from sklearn.datasets import load_digits, load_iris, make_circles

from mathforml.exceptions import NotFittedError
from mathforml.models._pca import (
    PCA,
    KernelPCA,
    _center_gram,
    _center_new_gram,
    _flip_signs,
    _kpca_fit,
    _n_components_for_ratio,
    _pca_by_eigh,
    _principal_axes,
    _reconstruct,
)
from tolerances import DIRECT

EPS = np.finfo(float).eps
#: Two SVD codes (or an SVD and an eigh) agree on a singular vector to about
#: c eps ||X|| / gap (Davis-Kahan), gap the distance to the nearest other
#: singular value; c = 1000 covers the rounding of both (observed <= 83 on the
#: digits, jacobi against LAPACK).
DAVIS_KAHAN_C = 1e3


def _data(n, d, seed=0):
    """Correlated Gaussian rows with well-separated variances."""
    g = np.random.default_rng(seed)
    scales = np.geomspace(5.0, 0.5, d)
    mixing = np.linalg.qr(g.standard_normal((d, d)))[0]
    return g.standard_normal((n, d)) * scales @ mixing.T + g.normal(size=d)


def _close(ours, theirs, scale=1.0):
    assert_allclose(ours, theirs, rtol=DIRECT["rtol"], atol=1e-10 * scale)


def _gap(s):
    """Each singular value's distance to its nearest neighbor."""
    d = -np.diff(s)
    return np.minimum(np.r_[np.inf, d], np.r_[d, np.inf])


DIGITS = load_digits().data
IRIS = load_iris().data
CIRCLES = make_circles(200, noise=0.05, factor=0.3, random_state=0)[0]


# --------------------------------------------------------------- PCA vs sklearn
# scikit-learn >= 1.5 (the floor, 1.5.2, and newer) fixes the signs of PCA's
# components by the rows of Vt (svd_flip(u_based_decision=False)), as ours:
# the components are compared with their signs.
@pytest.mark.parametrize(
    "shape, n_components",
    [
        ((60, 5), None),
        ((60, 5), 2),
        ((30, 12), 7),
        ((12, 12), 11),
        ((8, 20), 7),  # wide: rank n - 1 = 7
        ((200, 3), 3),
    ],
)
@pytest.mark.parametrize("whiten", [False, True])
def test_pca_equals_sklearn(shape, n_components, whiten):
    X = _data(*shape, seed=shape[0] + shape[1])
    X_new = _data(5, shape[1], seed=99)
    ours = PCA(n_components, whiten=whiten).fit(X)
    theirs = sk.PCA(n_components, whiten=whiten, svd_solver="full").fit(X)
    assert ours.n_components_ == theirs.n_components_
    for name in [
        "mean_",
        "components_",
        "singular_values_",
        "explained_variance_",
        "explained_variance_ratio_",
        "noise_variance_",
    ]:
        _close(getattr(ours, name), getattr(theirs, name))
    scale = np.max(np.abs(X))
    _close(ours.transform(X_new), theirs.transform(X_new), scale)
    _close(ours.fit_transform(X), theirs.fit_transform(X), scale)
    Z = ours.transform(X_new)
    _close(ours.inverse_transform(Z), theirs.inverse_transform(Z), scale)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 0.9, 0.95, 0.99])
@pytest.mark.parametrize("data", ["digits", "random"])
def test_float_n_components_equals_sklearn(threshold, data):
    X = DIGITS if data == "digits" else _data(80, 10, seed=3)
    ours = PCA(threshold).fit(X)
    theirs = sk.PCA(threshold, svd_solver="full").fit(X)
    assert ours.n_components_ == theirs.n_components_
    _close(ours.explained_variance_ratio_, theirs.explained_variance_ratio_)
    _close(ours.components_, theirs.components_)
    ratio = ours.explained_variance_ratio_
    assert ratio.sum() > threshold >= ratio[:-1].sum()  # the smallest such k


def test_float_threshold_met_exactly_takes_one_more_component():
    # scikit-learn's rule: the cumulative ratio must *exceed* the threshold
    ratio = np.array([0.5, 0.25, 0.25])
    assert _n_components_for_ratio(ratio, 0.5) == 2
    assert _n_components_for_ratio(ratio, 0.4999) == 1
    assert _n_components_for_ratio(ratio, 0.75) == 3
    assert _n_components_for_ratio(ratio, 1 - 1e-17) == 3  # never above 3


# ----------------------------------------------- the covariance and eigh routes
@pytest.mark.parametrize("shape", [(50, 4), (300, 10), (15, 6)])
def test_components_are_the_eigenvectors_of_np_cov(shape):
    X = _data(*shape, seed=7)
    pca = PCA().fit(X)
    lam, V = np.linalg.eigh(np.cov(X, rowvar=False))
    lam, V = lam[::-1], V[:, ::-1]
    _close(pca.explained_variance_, lam, lam[0])
    signs = np.sign(np.sum(V.T * pca.components_, axis=1))
    _close(pca.components_, signs[:, None] * V.T)
    # Sigma w = lambda w, for each component w
    C = np.cov(X, rowvar=False)
    W = pca.components_
    _close(W @ C, pca.explained_variance_[:, None] * W, lam[0])


@pytest.mark.parametrize("shape, k", [((100, 6), 6), ((40, 8), 3)])
def test_pca_by_eigh_equals_the_svd_route(shape, k):
    X = _data(*shape, seed=11)
    Xc = X - X.mean(axis=0)
    W_svd, s_svd = _principal_axes(Xc, k, "full")
    W_eig, s_eig = _pca_by_eigh(Xc, k)
    _close(s_eig, s_svd, s_svd[0])
    # eigh of Xc^T Xc squares the condition number: looser, by Davis-Kahan
    s_all = np.linalg.svd(Xc, compute_uv=False)
    tol = DAVIS_KAHAN_C * EPS * s_all[0] ** 2 / _gap(s_all**2)[:k]
    assert np.all(np.max(np.abs(W_eig - W_svd), axis=1) <= tol)


@pytest.mark.filterwarnings("error::mathforml.exceptions.ConvergenceWarning")
def test_jacobi_and_lapack_agree_on_the_digits():
    full = PCA().fit(DIGITS)
    jacobi = PCA(svd_solver="jacobi").fit(DIGITS)
    s = full.singular_values_
    _close(jacobi.singular_values_, s, s[0])
    _close(jacobi.explained_variance_ratio_, full.explained_variance_ratio_)
    nonzero = s > 64 * EPS * s[0]  # three pixels are always 0: rank 61
    assert nonzero.sum() == 61
    err = np.max(np.abs(jacobi.components_ - full.components_), axis=1)
    bound = DAVIS_KAHAN_C * EPS * s[0] / _gap(s)[nonzero]
    assert np.all(err[nonzero] <= bound)
    # the last three span the same null space: all scores there are ~0
    Z = jacobi.transform(DIGITS)
    assert np.max(np.abs(Z[:, ~nonzero])) < 1e-10 * np.max(np.abs(Z))
    _close(
        Z[:, nonzero], full.transform(DIGITS)[:, nonzero], np.max(np.abs(Z))
    )


def test_jacobi_equals_sklearn_on_wide_data():
    X = _data(6, 15, seed=5)
    ours = PCA(5, svd_solver="jacobi").fit(X)
    theirs = sk.PCA(5, svd_solver="full").fit(X)
    _close(ours.singular_values_, theirs.singular_values_)
    _close(ours.components_, theirs.components_)


# ------------------------------------------------------------------ invariants
@pytest.mark.parametrize("shape", [(50, 6), (7, 12), (20, 20)])
def test_components_are_orthonormal_and_signs_deterministic(shape):
    X = _data(*shape, seed=1)
    pca = PCA().fit(X)
    W = pca.components_
    _close(W @ W.T, np.eye(W.shape[0]))
    largest = W[np.arange(len(W)), np.argmax(np.abs(W), axis=1)]
    assert np.all(largest > 0)
    # the same data in another row order or shifted: the same axes
    perm = np.random.default_rng(0).permutation(shape[0])
    k = min(shape[0] - 1, shape[1])  # beyond the rank, the axes are arbitrary
    _close(PCA().fit(X[perm]).components_[:k], W[:k])
    _close(PCA().fit(X + 100.0).components_[:k], W[:k])


@pytest.mark.parametrize("shape", [(50, 6), (7, 12)])
@pytest.mark.parametrize("solver", ["full", "jacobi"])
@pytest.mark.parametrize("whiten", [False, True])
def test_reconstruction_with_all_components_is_exact(shape, solver, whiten):
    X = _data(*shape, seed=2)
    pca = PCA(svd_solver=solver, whiten=whiten).fit(X)
    Z = pca.transform(X)  # wide: the n-th variance is 0, clipped at eps
    assert np.isfinite(Z).all()
    scale = np.max(np.abs(X))
    _close(pca.inverse_transform(Z), X, scale)
    if whiten:
        Z = Z * np.sqrt(pca.explained_variance_)
    _close(_reconstruct(Z, pca.components_, pca.mean_), X, scale)


@pytest.mark.parametrize("solver", ["full", "jacobi"])
def test_reconstruction_error_is_the_variance_dropped(solver):
    # mean_i ||x_i - x_hat_i||^2 = sum_{j > k} s_j^2 / n
    #                            = (n - 1) / n * sum_{j > k} lambda_j
    X = _data(40, 8, seed=4)
    n = X.shape[0]
    lam = PCA(svd_solver=solver).fit(X).explained_variance_
    for k in range(1, 9):
        pca = PCA(k, svd_solver=solver).fit(X)
        X_hat = pca.inverse_transform(pca.transform(X))
        mse = np.mean(np.sum((X - X_hat) ** 2, axis=1))
        assert mse == pytest.approx(
            (n - 1) / n * lam[k:].sum(), rel=1e-10, abs=1e-12 * lam[0]
        )
        if k < 8:  # noise_variance_: the mean variance dropped
            assert pca.noise_variance_ == pytest.approx(lam[k:].mean())


@pytest.mark.parametrize("whiten", [False, True])
def test_scores_are_uncorrelated_with_the_explained_variances(whiten):
    X = _data(100, 5, seed=6)
    pca = PCA(whiten=whiten).fit(X)
    Z = pca.fit_transform(X)
    cov = Z.T @ Z / (len(X) - 1)
    expected = np.ones(5) if whiten else pca.explained_variance_
    _close(cov, np.diag(expected), np.max(expected))
    _close(Z.mean(axis=0), np.zeros(5), np.max(np.abs(Z)))
    assert pca.explained_variance_ratio_.sum() == pytest.approx(1.0)


def test_flip_signs_by_hand():
    W = np.array([[0.6, -0.8], [-0.8, -0.6], [0.0, 0.0]])
    assert_array_equal(_flip_signs(W), [[-0.6, 0.8], [0.8, 0.6], [0.0, 0.0]])


def test_same_data_same_result():
    X = _data(30, 4, seed=8)
    a, b = PCA(2).fit(X), PCA(2).fit(X.copy())
    assert_array_equal(a.components_, b.components_)
    assert_array_equal(a.transform(X), b.transform(X))


# ------------------------------------------------------------------ KernelPCA
KPCA_CASES = [
    ("circles", "rbf", {}, 4),
    ("circles", "rbf", {"gamma": 10.0}, 6),
    ("circles", "poly", {}, 3),
    ("circles", "poly", {"degree": 2, "coef0": 0.5, "gamma": 2.0}, 4),
    ("circles", "linear", {}, 2),
    ("iris", "rbf", {}, 5),
    ("iris", "rbf", {"gamma": 0.3}, 3),
    ("iris", "poly", {}, 5),
    ("iris", "poly", {"degree": 2, "coef0": 0.0}, 3),
    ("iris", "linear", {}, 4),
]


@pytest.mark.parametrize("data, kernel, params, k", KPCA_CASES)
def test_kernel_pca_equals_sklearn(data, kernel, params, k):
    X = CIRCLES if data == "circles" else IRIS
    X_new = X[::7] + 0.05
    ours = KernelPCA(k, kernel=kernel, **params)
    theirs = sk.KernelPCA(k, kernel=kernel, eigen_solver="dense", **params)
    Z_ours, Z_theirs = ours.fit_transform(X), theirs.fit_transform(X)
    lam = theirs.eigenvalues_
    _close(ours.eigenvalues_, lam, lam[0])
    assert ours.gamma_ == theirs.gamma_
    # both fix the sign of each eigenvector by its largest entry (svd_flip);
    # an eigenvector is known to about eps ||K|| / gap (Davis-Kahan)
    tol = DAVIS_KAHAN_C * EPS * lam[0] / _gap(lam)
    err = np.max(np.abs(ours.eigenvectors_ - theirs.eigenvectors_), axis=0)
    assert np.all(err <= tol)
    scale = np.max(np.abs(Z_theirs))
    assert np.max(np.abs(Z_ours - Z_theirs)) <= np.max(tol) * scale
    assert (
        np.max(np.abs(ours.transform(X_new) - theirs.transform(X_new)))
        <= np.max(tol) * scale + 1e-12 * scale
    )


def test_linear_kernel_pca_is_pca_up_to_sign():
    X = _data(50, 4, seed=9)
    kpca = KernelPCA(3, kernel="linear").fit(X)
    pca = PCA(3).fit(X)
    _close(kpca.eigenvalues_, pca.singular_values_**2, kpca.eigenvalues_[0])
    Z_k, Z_p = kpca.transform(X[:10] * 2), pca.transform(X[:10] * 2)
    signs = np.sign(np.sum(Z_k * Z_p, axis=0))
    _close(Z_k * signs, Z_p, np.max(np.abs(Z_p)))


def test_centring_the_gram_matrix_centres_the_features():
    # linear kernel: centering K is centering the rows, H K H = Xc Xc^T
    X = _data(12, 3, seed=10)
    X_new = _data(4, 3, seed=11)
    mu = X.mean(axis=0)
    K, K_new = X @ X.T, X_new @ X.T
    Kc = _center_gram(K)
    _close(Kc, (X - mu) @ (X - mu).T, np.max(np.abs(K)))
    H = np.eye(12) - np.ones((12, 12)) / 12
    _close(Kc, H @ K @ H, np.max(np.abs(K)))
    _close(Kc.sum(axis=0), np.zeros(12), np.max(np.abs(K)))
    _close(
        _center_new_gram(K_new, K),
        (X_new - mu) @ (X - mu).T,
        np.max(np.abs(K)),
    )
    _close(_center_new_gram(K, K), Kc, np.max(np.abs(K)))  # training rows


@pytest.mark.parametrize("kernel", ["rbf", "poly"])
def test_kpca_fit_returns_orthonormal_eigenpairs(kernel):
    kpca = KernelPCA(6, kernel=kernel).fit(CIRCLES)
    lam, A = kpca.eigenvalues_, kpca.eigenvectors_
    Kc = _center_gram(kpca._K_fit)
    _close(Kc @ A, A * lam, lam[0])
    _close(A.T @ A, np.eye(6))
    assert np.all(np.diff(lam) <= 0) and lam[-1] > 0
    # the eigenvectors of K_c are orthogonal to the constant vector
    _close(A.sum(axis=0), np.zeros(6))
    # new rows equal to the training rows get the training scores
    _close(kpca.transform(CIRCLES), kpca.fit_transform(CIRCLES), 1.0)


def test_kpca_fit_by_hand():
    Kc = np.diag([3.0, 0.0, 1.0, -1e-15])
    lam, A = _kpca_fit(Kc, 4)  # zero and negative eigenvalues dropped
    assert_allclose(lam, [3.0, 1.0], **DIRECT)
    assert_allclose(np.abs(A), [[1, 0], [0, 0], [0, 1], [0, 0]], **DIRECT)
    assert np.all(A.max(axis=0) > 0)  # largest entry of each column positive


def test_too_many_components_warns_and_keeps_the_positive_ones():
    # iris is 4-D: the centered linear kernel has rank 4
    with pytest.warns(UserWarning, match="only 4 positive eigenvalues"):
        kpca = KernelPCA(6, kernel="linear").fit(IRIS)
    assert kpca.n_components_ == 4 and kpca.transform(IRIS).shape == (150, 4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # None: all positive ones, silently
        assert KernelPCA(kernel="linear").fit(IRIS).n_components_ == 4


# ------------------------------------------------------------------ bad input
X_OK = _data(10, 3, seed=12)


@pytest.mark.parametrize(
    "params, X, error, match",
    [
        ({"n_components": 0}, None, ValueError, "n_components must be >= 1"),
        ({"n_components": 4}, None, ValueError, "n_components must be <= 3"),
        ({"n_components": 1.0}, None, ValueError, r"float in \(0, 1\)"),
        ({"n_components": 1.5}, None, ValueError, r"n_components .* got 1.5"),
        ({"n_components": -0.2}, None, ValueError, "n_components must"),
        ({"n_components": "all"}, None, TypeError, "n_components must be"),
        ({"n_components": True}, None, TypeError, "n_components must be"),
        ({"svd_solver": "arpack"}, None, ValueError, "svd_solver must be"),
        ({"whiten": "yes"}, None, TypeError, "whiten must be True or False"),
        ({}, np.where(X_OK > 1, np.nan, X_OK), ValueError, "X must contain"),
        ({}, np.where(X_OK > 1, np.inf, X_OK), ValueError, "X must contain"),
        ({}, X_OK[:1], ValueError, "at least 2 samples"),
        ({}, X_OK[:, 0], ValueError, "X must be 2-D"),
        ({}, np.ones((5, 3)), ValueError, "X has no variance"),
        # a mean of 0.7s is rounded: X - mean is ~1e-16, not 0
        ({}, np.full((7, 3), 0.7), ValueError, "X has no variance"),
        (
            {"n_components": 3},
            X_OK[:2],
            ValueError,
            "n_components must be <= 2",
        ),
    ],
)
def test_pca_bad_input(params, X, error, match):
    model = PCA(**params)  # no validation at construction
    with pytest.raises(error, match=match):
        model.fit(X_OK if X is None else X)


def test_pca_not_fitted_and_wrong_width():
    for method in ("transform", "inverse_transform"):
        with pytest.raises(NotFittedError, match="not fitted"):
            getattr(PCA(), method)(X_OK)
    pca = PCA(2).fit(X_OK)
    with pytest.raises(ValueError, match="X has 2 features, but PCA was"):
        pca.transform(X_OK[:, :2])
    with pytest.raises(ValueError, match="Z has 3 columns, but PCA was"):
        pca.inverse_transform(X_OK)


@pytest.mark.parametrize(
    "params, X, error, match",
    [
        ({"kernel": "sigmoid"}, None, ValueError, "kernel must be one of"),
        ({"kernel": len}, None, ValueError, "kernel must be one of"),
        ({"gamma": 0.0}, None, ValueError, "gamma must be > 0"),
        ({"gamma": "scale"}, None, TypeError, "gamma must be a real number"),
        ({"degree": 0}, None, ValueError, "degree must be >= 1"),
        ({"degree": 2.5}, None, TypeError, "degree must be an integer"),
        ({"coef0": "1"}, None, TypeError, "coef0 must be a real number"),
        ({"n_components": 0}, None, ValueError, "n_components must be >= 1"),
        ({"n_components": 11}, None, ValueError, "n_components must be <= 10"),
        ({"n_components": 0.5}, None, TypeError, "n_components must be an"),
        ({}, np.where(X_OK > 1, np.nan, X_OK), ValueError, "X must contain"),
        ({}, X_OK[:1], ValueError, "at least 2 samples"),
        ({}, np.ones((5, 3)), ValueError, "no positive eigenvalue"),
        ({}, np.full((7, 3), 0.7), ValueError, "no positive eigenvalue"),
        (
            {"kernel": "linear"},
            np.full((7, 3), 0.7),
            ValueError,
            "no positive eigenvalue",
        ),
    ],
)
def test_kernel_pca_bad_input(params, X, error, match):
    model = KernelPCA(**params)
    with pytest.raises(error, match=match):
        model.fit(X_OK if X is None else X)


def test_kernel_pca_not_fitted_and_wrong_width():
    with pytest.raises(NotFittedError, match="not fitted"):
        KernelPCA().transform(X_OK)
    kpca = KernelPCA(2).fit(X_OK)
    with pytest.raises(ValueError, match="X has 2 features, but KernelPCA"):
        kpca.transform(X_OK[:, :2])
