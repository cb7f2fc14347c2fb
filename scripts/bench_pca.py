"""Time PCA and KernelPCA of ``mathforml.models`` against scikit-learn.

Run: python scripts/bench_pca.py   (about 10 s)

- PCA with LAPACK's SVD (``svd_solver="full"``) against scikit-learn's
  ``svd_solver="full"``, the same algorithm, on the digits (1797 x 64) and a
  2000 x 200 Gaussian matrix; the aim is <= 1.5x. scikit-learn's default
  (``"auto"``, which picks the covariance's eigendecomposition for tall data) is
  timed too, for reference.
- The book's one-sided Jacobi SVD (``svd_solver="jacobi"``) against LAPACK on the
  digits: the price of an SVD written in NumPy.
- KernelPCA against scikit-learn's with ``eigen_solver="dense"`` (the same
  eigendecomposition), fit + transform of the training rows, on two circles and
  the iris data.

Every pair of results is checked to agree before it is timed.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose
from sklearn import decomposition as sk
from sklearn.datasets import load_digits, load_iris, make_circles

from mathforml.models._pca import PCA, KernelPCA


def best_time(fit, repeats: int = 7, number: int = 3) -> float:
    return min(timeit.repeat(fit, number=number, repeat=repeats)) / number


def _check_pca(ours, theirs) -> None:
    s = theirs.singular_values_
    rank = s > max(ours.components_.shape) * np.finfo(float).eps * s[0]
    assert_allclose(ours.singular_values_, s, rtol=1e-10, atol=1e-12 * s[0])
    assert_allclose(  # beyond the rank the axes are arbitrary
        ours.components_[rank], theirs.components_[rank], rtol=0, atol=1e-8
    )


def bench_pca(datasets) -> None:
    print(
        f"{'PCA':<22}{'mathforml [ms]':>16}{'sklearn full':>14}"
        f"{'ratio':>8}{'sklearn auto':>14}"
    )
    for name, X in datasets:
        _check_pca(PCA().fit(X), sk.PCA(svd_solver="full").fit(X))
        t_ours = best_time(lambda X=X: PCA().fit(X))
        t_full = best_time(lambda X=X: sk.PCA(svd_solver="full").fit(X))
        t_auto = best_time(lambda X=X: sk.PCA().fit(X))
        print(
            f"{name:<22}{1e3 * t_ours:>16.2f}{1e3 * t_full:>14.2f}"
            f"{t_ours / t_full:>8.2f}{1e3 * t_auto:>14.2f}"
        )


def bench_jacobi(X) -> None:
    jacobi, lapack = PCA(svd_solver="jacobi").fit(X), PCA().fit(X)
    _check_pca(jacobi, lapack)
    t_jacobi = best_time(
        lambda: PCA(svd_solver="jacobi").fit(X), repeats=3, number=1
    )
    t_lapack = best_time(lambda: PCA().fit(X))
    print(
        f"\nPCA on the digits: jacobi {1e3 * t_jacobi:.0f} ms, LAPACK "
        f"{1e3 * t_lapack:.1f} ms, ratio {t_jacobi / t_lapack:.0f}x"
    )


def bench_kernel_pca(datasets) -> None:
    print(
        f"\n{'KernelPCA (rbf, k=5)':<22}{'n':>6}{'mathforml [ms]':>16}"
        f"{'sklearn [ms]':>14}{'ratio':>8}"
    )
    for name, X in datasets:
        ours = KernelPCA(5, kernel="rbf").fit(X)
        theirs = sk.KernelPCA(5, kernel="rbf", eigen_solver="dense").fit(X)
        lam = theirs.eigenvalues_
        assert_allclose(ours.eigenvalues_, lam, rtol=1e-9, atol=1e-12 * lam[0])
        assert_allclose(
            ours.transform(X), theirs.transform(X), rtol=0, atol=1e-8
        )
        t_ours = best_time(
            lambda X=X: KernelPCA(5, kernel="rbf").fit(X).transform(X)
        )
        t_sk = best_time(
            lambda X=X: (
                sk.KernelPCA(5, kernel="rbf", eigen_solver="dense")
                .fit(X)
                .transform(X)
            )
        )
        print(
            f"{name:<22}{len(X):>6}{1e3 * t_ours:>16.2f}{1e3 * t_sk:>14.2f}"
            f"{t_ours / t_sk:>8.2f}"
        )


def main() -> None:
    digits = load_digits().data
    rng = np.random.default_rng(0)
    gaussian = rng.standard_normal((2000, 200)) @ rng.standard_normal(
        (200, 200)
    )
    bench_pca([("digits 1797x64", digits), ("gaussian 2000x200", gaussian)])
    bench_jacobi(digits)
    circles = make_circles(500, noise=0.05, factor=0.3, random_state=0)[0]
    bench_kernel_pca([("circles", circles), ("iris", load_iris().data)])


if __name__ == "__main__":
    main()
