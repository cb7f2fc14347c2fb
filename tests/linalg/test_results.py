"""eig_sym and svd report their sweeps and convergence and still unpack like tuples."""

import warnings

import numpy as np

from mathforml.exceptions import ConvergenceWarning
from mathforml.linalg import eig_sym, svd


def test_eig_sym_unpacks_and_reports_its_work(rng):
    B = rng.normal(size=(6, 6))
    A = B + B.T
    result = eig_sym(A)
    w, V = result
    assert result.converged and 1 <= result.n_sweeps <= 10
    assert result.eigenvalues is w and result.eigenvectors is V
    np.testing.assert_allclose(
        w, np.linalg.eigvalsh(A), rtol=1e-10, atol=1e-12
    )
    assert repr(result) == repr((w, V))


def test_eig_sym_that_runs_out_of_sweeps_says_so(rng):
    B = rng.normal(size=(8, 8))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        result = eig_sym(B + B.T, max_sweeps=1)
    assert not result.converged and result.n_sweeps == 1


def test_svd_unpacks_and_reports_its_work(rng):
    A = rng.normal(size=(7, 4))
    result = svd(A)
    U, s, Vt = result
    assert result.converged and 1 <= result.n_sweeps <= 15
    assert result.U is U and result.S is s and result.Vh is Vt
    np.testing.assert_allclose(
        s, np.linalg.svd(A, compute_uv=False), rtol=1e-10, atol=0
    )
