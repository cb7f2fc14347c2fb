"""Time the regularized linear models of ``mathforml.models`` against scikit-learn.

Run: python scripts/bench_models.py   (about 10 s)

For each model and alpha on the diabetes data (442 x 10), at the same tolerance, prints
the best time of several fits for ``mathforml`` and for scikit-learn and their ratio
(issue 14 aims at <= 3x for Lasso). The coefficients are checked to agree first.
Coordinate descent here is a Python loop over the 10 coordinates; scikit-learn's is
Cython, so the ratio measures the price of readable code.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose
from sklearn import linear_model as sk
from sklearn.datasets import load_diabetes

from mathforml.models import ElasticNet, Lasso, Ridge


def best_time(fit, repeats: int = 7, number: int = 5) -> float:
    return min(timeit.repeat(fit, number=number, repeat=repeats)) / number


def main() -> None:
    X, y = load_diabetes(return_X_y=True)
    cases = [
        ("Lasso", lambda a: Lasso(alpha=a), lambda a: sk.Lasso(alpha=a)),
        (
            "ElasticNet",
            lambda a: ElasticNet(alpha=a),
            lambda a: sk.ElasticNet(alpha=a),
        ),
        ("Ridge", lambda a: Ridge(alpha=a), lambda a: sk.Ridge(alpha=a)),
    ]
    print(
        f"{'model':<12}{'alpha':>8}{'sweeps':>8}{'mathforml [ms]':>16}"
        f"{'sklearn [ms]':>14}{'ratio':>8}"
    )
    for name, ours, theirs in cases:
        for alpha in (0.01, 0.1, 1.0):
            a, b = ours(alpha).fit(X, y), theirs(alpha).fit(X, y)
            assert_allclose(
                a.coef_, b.coef_, rtol=0, atol=1e-8 * np.max(np.abs(b.coef_))
            )
            mine, ref = ours(alpha), theirs(alpha)
            t_ours = best_time(lambda m=mine: m.fit(X, y))
            t_sk = best_time(lambda m=ref: m.fit(X, y))
            sweeps = getattr(a, "n_iter_", "-")
            print(
                f"{name:<12}{alpha:>8g}{sweeps:>8}{1e3 * t_ours:>16.3f}"
                f"{1e3 * t_sk:>14.3f}{t_ours / t_sk:>8.1f}"
            )


if __name__ == "__main__":
    main()
