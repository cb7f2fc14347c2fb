import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import EPS, PROPERTY, STABLE, ill_conditioned, tall
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.linalg import gram_schmidt
from tolerances import DIRECT


def assert_thin_qr(A, Q, R):
    m, n = A.shape
    assert Q.shape == (m, n) and R.shape == (n, n)
    assert_allclose(Q.T @ Q, np.eye(n), **DIRECT)
    assert_allclose(Q @ R, A, **DIRECT)
    assert_array_equal(np.tril(R, -1), 0.0)
    assert np.all(np.diag(R) > 0)


@PROPERTY
@given(tall())
def test_factors_are_a_thin_qr(A):
    Q, R = gram_schmidt(A)
    assert_thin_qr(A, Q, R)


@PROPERTY
@given(tall())
def test_matches_householder_qr_after_sign_alignment(A):
    Q, R = gram_schmidt(A)
    Q_np, R_np = np.linalg.qr(A)
    D = np.sign(
        np.diag(R_np)
    )  # make numpy's diagonal positive: the QR is then unique
    assert_allclose(Q, Q_np * D, **DIRECT)
    assert_allclose(R, D[:, None] * R_np, **DIRECT)


@pytest.mark.parametrize("cond", [1e3, 1e6, 1e9])
@pytest.mark.parametrize("m, n", [(6, 4), (20, 10), (50, 20)])
def test_modified_gram_schmidt_loses_orthogonality_only_like_cond(
    rng, m, n, cond
):
    # Classical Gram–Schmidt loses about eps * cond**2 and fails this test for cond >= 1e6.
    A = ill_conditioned(rng, m, n, cond)
    Q, R = gram_schmidt(A)
    assert np.linalg.norm(Q.T @ Q - np.eye(n), 2) <= STABLE * n * EPS * cond
    assert np.linalg.norm(Q @ R - A, 2) <= STABLE * n * EPS * np.linalg.norm(
        A, 2
    )


def test_textbook_example():
    Q, R = gram_schmidt([[3.0, 1.0], [4.0, 2.0]])
    assert_allclose(Q, [[0.6, -0.8], [0.8, 0.6]], **DIRECT)
    assert_allclose(R, [[5.0, 2.2], [0.0, 0.4]], **DIRECT)


def test_does_not_modify_its_input(rng):
    A = rng.standard_normal((5, 3))
    A0 = A.copy()
    gram_schmidt(A)
    assert_array_equal(A, A0)


@PROPERTY
@given(st.data())
def test_dependent_column_raises(data):
    A = data.draw(tall())
    n = A.shape[1]
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(
        st.integers(0, n)
    )  # insert a copy of column i, scaled by a power of two
    A = np.insert(A, j, 2.0 ** data.draw(st.integers(-3, 3)) * A[:, i], axis=1)
    if A.shape[1] > A.shape[0]:
        match = "more columns than rows"
    else:
        match = r"column \d+ is \(to working precision\) a combination of columns 0..\d+"
    with pytest.raises(np.linalg.LinAlgError, match=match):
        gram_schmidt(A)


@pytest.mark.parametrize(
    "A, message",
    [
        ([[0.0, 1.0], [0.0, 1.0]], "column 0 is zero"),
        (
            [[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]],
            r"column 1 is .* a combination of columns 0..0",
        ),
        (
            [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],
            "3 vectors in R\\^2 are always dependent",
        ),
    ],
)
def test_dependent_examples_raise(A, message):
    with pytest.raises(
        np.linalg.LinAlgError,
        match=f"A must have linearly independent columns; {message}.*pinv",
    ):
        gram_schmidt(A)


@pytest.mark.parametrize(
    "A, kind, message",
    [
        (
            [1.0, 2.0],
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        ([[1.0], [np.nan]], ValueError, "A must contain only finite numbers"),
        (np.zeros((3, 0)), ValueError, "A must not be empty"),
        ([[1.0], ["x"]], TypeError, "A must be an array of numbers"),
    ],
)
def test_validation(A, kind, message):
    with pytest.raises(kind, match=message):
        gram_schmidt(A)
