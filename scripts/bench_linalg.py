"""Time the teaching decompositions of ``mathforml.linalg`` against NumPy's LAPACK.

Run: python scripts/bench_linalg.py   (about 15 s)

Prints one row per (function, size): the best of a few runs for ``mathforml`` and for NumPy,
and their ratio. The teaching code is expected to be slower (Jacobi sweeps driven from
Python against compiled LAPACK); this script keeps track of how much slower, and shows that
200×200 stays usable (about a second). Each pair of results is checked to agree first.
Timings of NumPy depend on its BLAS threads: set OPENBLAS_NUM_THREADS=1 for a like-for-like
comparison with the single-threaded teaching code.
"""

from __future__ import annotations

import timeit

import numpy as np
from numpy.testing import assert_allclose

from mathforml.linalg._eigen import eig_sym
from mathforml.linalg._svd import svd

SIZES = (50, 200)
REPEATS = {50: 5, 200: 3}


def best_time(func, A: np.ndarray, repeats: int) -> float:
    """Best wall-clock time in seconds of ``func(A)`` over ``repeats`` runs."""
    return min(timeit.repeat(lambda: func(A), number=1, repeat=repeats))


def main() -> None:
    rng = np.random.default_rng(0)
    # name: (ours, NumPy's, symmetric input?, position of the values in the output)
    cases = {
        "svd": (svd, lambda A: np.linalg.svd(A, full_matrices=False), False, 1),
        "eig_sym": (eig_sym, np.linalg.eigh, True, 0),
    }
    print(f"{'function':<10}{'size':>10}{'mathforml [s]':>16}{'numpy [s]':>12}{'ratio':>10}")
    for name, (ours, theirs, symmetric, values) in cases.items():
        for n in SIZES:
            A = rng.standard_normal((n, n))
            if symmetric:
                A = (A + A.T) / 2
            assert_allclose(ours(A)[values], theirs(A)[values], rtol=1e-9,
                            atol=1e-9 * np.linalg.norm(A))
            t_ours = best_time(ours, A, REPEATS[n])
            t_numpy = best_time(theirs, A, REPEATS[n])
            print(f"{name:<10}{f'{n}x{n}':>10}{t_ours:>16.4f}{t_numpy:>12.5f}"
                  f"{t_ours / t_numpy:>10.0f}")


if __name__ == "__main__":
    main()
