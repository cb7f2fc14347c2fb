"""Time LinearRegression (solver="normal") of ``mathforml.models`` against scikit-learn.

Run: python scripts/bench_regression.py   (about 10 s)

On the diabetes data (442 x 10) and on a random 5000 x 50 problem, with and without an
intercept, prints the best time of several fits for ``mathforml`` and for scikit-learn and
their ratio (the target is <= 2x). The coefficients and intercepts are checked to agree
first. Both center the data and call LAPACK's SVD-based least-squares solver (``gelsd``:
NumPy's ``lstsq`` here, SciPy's there), so the ratio measures the overhead around it.
The timings run on one BLAS thread (``threadpoolctl``, installed with scikit-learn) and
alternate between the two libraries: on a busy machine, idle BLAS threads spinning for a
core made single fits vary tenfold, which measured the load, not the code.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose
from sklearn import linear_model as sk
from sklearn.datasets import load_diabetes
from threadpoolctl import threadpool_limits

from mathforml.models import LinearRegression

TARGET = 2.0


def best_times(fits, repeats: int = 9, number: int = 5) -> list[float]:
    """The best time of one call of each function, the functions taking turns."""
    best = [np.inf] * len(fits)
    with threadpool_limits(limits=1):
        for _ in range(repeats):
            for i, fit in enumerate(fits):
                t = timeit.timeit(fit, number=number) / number
                best[i] = min(best[i], t)
    return best


def problems():
    yield "diabetes 442x10", *load_diabetes(return_X_y=True)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5000, 50)) + rng.normal(size=50)
    yield "random 5000x50", X, X @ rng.normal(size=50) + rng.normal(size=5000)


def main() -> None:
    print(
        f"{'problem':<18}{'intercept':>10}{'mathforml [ms]':>16}"
        f"{'sklearn [ms]':>14}{'ratio':>8}"
    )
    worst = 0.0
    for name, X, y in problems():
        for fit_intercept in (True, False):
            mine = LinearRegression(fit_intercept=fit_intercept)
            ref = sk.LinearRegression(fit_intercept=fit_intercept)
            a, b = mine.fit(X, y), ref.fit(X, y)
            scale = np.max(np.abs(b.coef_))
            assert_allclose(a.coef_, b.coef_, rtol=0, atol=1e-9 * scale)
            assert_allclose(a.intercept_, b.intercept_, rtol=1e-9, atol=1e-9)
            t_ours, t_sk = best_times(
                [lambda m=m, X=X, y=y: m.fit(X, y) for m in (mine, ref)]
            )
            worst = max(worst, t_ours / t_sk)
            print(
                f"{name:<18}{fit_intercept!s:>10}{1e3 * t_ours:>16.3f}"
                f"{1e3 * t_sk:>14.3f}{t_ours / t_sk:>8.2f}"
            )
    verdict = "meets" if worst <= TARGET else "misses"
    print(f"worst ratio {worst:.2f}: {verdict} the target of <= {TARGET:g}x")


if __name__ == "__main__":
    main()
