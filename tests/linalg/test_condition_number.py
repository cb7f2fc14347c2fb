import numpy as np
import pytest
import scipy.linalg
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import (
    COND_MAX,
    PROPERTY,
    any_shape,
    ill_conditioned,
    low_rank,
    square,
)
from numpy.testing import assert_allclose

from mathforml.linalg import condition_number
from tolerances import DIRECT


@PROPERTY
@given(square())
def test_matches_numpy_cond(A):
    kappa = condition_number(A)
    assert 1.0 - DIRECT["rtol"] <= kappa <= COND_MAX * (1.0 + DIRECT["rtol"])
    assert_allclose(kappa, np.linalg.cond(A, 2), **DIRECT)


@PROPERTY
@given(any_shape())
def test_rectangular_is_ratio_of_extreme_singular_values(A):
    S = scipy.linalg.svdvals(A)
    assert_allclose(condition_number(A), S[0] / S[-1], **DIRECT)


@PROPERTY
@given(square(), st.floats(-1e3, 1e3).filter(lambda c: abs(c) > 1e-3))
def test_invariant_under_scaling_and_inversion(A, c):
    kappa = condition_number(A)
    assert_allclose(condition_number(c * A), kappa, **DIRECT)
    assert_allclose(condition_number(np.linalg.inv(A)), kappa, **DIRECT)


@pytest.mark.parametrize("cond", [1e2, 1e6, 1e10, 1e13])
def test_ill_conditioned_family(rng, cond):
    A = ill_conditioned(rng, 8, 5, cond)
    assert_allclose(
        condition_number(A), cond, rtol=1e-3, atol=0
    )  # only the rounding of A


def test_orthogonal_matrix_has_condition_one(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    assert_allclose(condition_number(Q), 1.0, **DIRECT)


@PROPERTY
@given(low_rank())
def test_rank_deficient_is_infinite(A_k):
    A, _ = A_k
    assert condition_number(A) == np.inf


@pytest.mark.parametrize(
    "A", [[[1.0, 2.0], [2.0, 4.0]], np.zeros((2, 2)), [[1.0, 1.0]] * 3]
)
def test_singular_examples_are_infinite(A):
    assert condition_number(A) == np.inf


def test_full_row_rank_wide_matrix_is_finite():
    assert_allclose(condition_number([[1.0, 1.0]]), 1.0, **DIRECT)
    assert_allclose(
        condition_number([[3.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), 3.0, **DIRECT
    )


@pytest.mark.parametrize(
    "A, kind, message",
    [
        (
            [1.0, 2.0],
            ValueError,
            r"A must be 2-D \(rows, columns\); got shape \(2,\)",
        ),
        ([[np.inf, 1.0]], ValueError, "A must contain only finite numbers"),
        (np.zeros((0, 2)), ValueError, "A must not be empty"),
        ({"a": 1}, TypeError, "A must be an array of numbers; got dict"),
    ],
)
def test_validation(A, kind, message):
    with pytest.raises(kind, match=message):
        condition_number(A)
