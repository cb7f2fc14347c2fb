"""Time the Gaussian mixture of ``mathforml.models`` against scikit-learn.

Run: python scripts/bench_mixture.py   (about 20 s)

On iris (150 x 4, 3 components) and on a synthetic mixture (5000 x 5, 4
components), for full and diagonal covariances, EM starts from the same
parameters in both libraries: those of ``mathforml``'s k-means initialization
(``max_iter=0``), handed to scikit-learn as ``weights_init``, ``means_init`` and
``precisions_init``. After checking that both take the same number of iterations
to the same mean log-likelihood, it prints the best time of several EM runs
(``mathforml``'s EM loop ``_em``; scikit-learn's ``fit``, which skips its own
initialization when all three are given) and their ratio (the target is <= 3x).
The last columns time whole fits, k-means initialization included (scikit-learn
with its own k-means, so the iteration counts may differ), for information.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose
from sklearn import mixture as sk
from sklearn.datasets import load_iris

from mathforml.models._mixture import GaussianMixture, _em


def best_time(run, repeats: int = 5, number: int = 5) -> float:
    return min(timeit.repeat(run, number=number, repeat=repeats)) / number


def synthetic_mixture(n: int = 5000, d: int = 5, k: int = 4, seed: int = 0):
    """k Gaussians with random means and covariances, unequal weights."""
    rng = np.random.default_rng(seed)
    weights = rng.dirichlet(np.full(k, 5.0))
    means = rng.normal(0.0, 1.5, (k, d))  # overlapping: EM works
    factors = rng.normal(0.0, 1.0, (k, d, d)) / np.sqrt(d) + np.eye(d)
    labels = rng.choice(k, size=n, p=weights)
    Z = rng.standard_normal((n, d))
    return means[labels] + np.einsum("nij,nj->ni", factors[labels], Z)


def precisions(covariances, kind):
    return np.linalg.inv(covariances) if kind == "full" else 1 / covariances


def main() -> None:
    data = {
        "iris": (load_iris().data, 3),
        "synthetic": (synthetic_mixture(), 4),
    }
    print(
        f"{'data':<10}{'cov':>5}{'shape':>9}{'iters':>7}{'mean loglik':>13}"
        f"{'EM ours [ms]':>14}{'EM sk [ms]':>12}{'ratio':>7}"
        f"{'fit ours [ms]':>15}{'fit sk [ms]':>13}{'ratio':>7}"
    )
    for name, (X, k) in data.items():
        for kind in ("full", "diag"):
            start = GaussianMixture(
                k, covariance_type=kind, max_iter=0, rng=0
            ).fit(X)
            init = (start.weights_, start.means_, start.covariances_)
            ours = GaussianMixture(k, covariance_type=kind, rng=0).fit(X)
            theirs = sk.GaussianMixture(
                k,
                covariance_type=kind,
                weights_init=init[0],
                means_init=init[1],
                precisions_init=precisions(init[2], kind),
            )
            theirs.fit(X)
            assert ours.n_iter_ == theirs.n_iter_
            assert_allclose(
                ours.log_likelihood_history_[-2],
                theirs.lower_bound_,
                rtol=1e-8,
                atol=0,
            )
            assert_allclose(ours.score(X), theirs.score(X), rtol=1e-8, atol=0)
            assert_allclose(ours.means_, theirs.means_, rtol=1e-6, atol=1e-8)
            options = dict(
                covariance_type=kind, reg_covar=1e-6, tol=1e-3, max_iter=100
            )
            t_ours = best_time(
                lambda X=X, init=init, o=options: _em(X, init, **o)
            )
            t_sk = best_time(lambda X=X, m=theirs: m.fit(X))
            fit_ours = best_time(
                lambda X=X, kind=kind, k=k: GaussianMixture(
                    k, covariance_type=kind, rng=0
                ).fit(X)
            )
            fit_sk = best_time(
                lambda X=X, kind=kind, k=k: sk.GaussianMixture(
                    k, covariance_type=kind, random_state=0
                ).fit(X)
            )
            shape = f"{X.shape[0]}x{X.shape[1]}"
            print(
                f"{name:<10}{kind:>5}{shape:>9}{ours.n_iter_:>7}"
                f"{ours.score(X):>13.6f}{1e3 * t_ours:>14.3f}"
                f"{1e3 * t_sk:>12.3f}{t_ours / t_sk:>7.2f}"
                f"{1e3 * fit_ours:>15.3f}{1e3 * fit_sk:>13.3f}"
                f"{fit_ours / fit_sk:>7.2f}"
            )


if __name__ == "__main__":
    main()
