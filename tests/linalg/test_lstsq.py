import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import (
    EPS,
    PROPERTY,
    ill_conditioned,
    square,
    tall,
    vectors,
)
from numpy.testing import assert_allclose

from mathforml.linalg import gauss_solve, lstsq
from tolerances import DIRECT


@PROPERTY
@given(st.data())
def test_matches_numpy_and_solves_normal_equations(data):
    A = data.draw(tall())
    b = data.draw(vectors(A.shape[0]))
    x = lstsq(A, b)
    assert x.shape == (A.shape[1],)
    assert_allclose(x, np.linalg.lstsq(A, b, rcond=None)[0], **DIRECT)
    scale = (
        np.linalg.norm(A, 2) * A.shape[0] * np.abs(b).max()
    )  # np.linalg.norm(b) underflows
    assert_allclose(
        A.T @ (A @ x - b),
        np.zeros(A.shape[1]),
        rtol=0,
        atol=DIRECT["atol"] * scale,
    )


@PROPERTY
@given(st.data())
def test_several_right_hand_sides(data):
    A = data.draw(tall())
    B = np.column_stack([data.draw(vectors(A.shape[0])) for _ in range(3)])
    X = lstsq(A, B)
    assert X.shape == (A.shape[1], 3)
    assert_allclose(X, np.linalg.lstsq(A, B, rcond=None)[0], **DIRECT)


@PROPERTY
@given(st.data())
def test_square_nonsingular_system_is_solved_exactly(data):
    A = data.draw(square())
    b = data.draw(vectors(A.shape[0]))
    assert_allclose(lstsq(A, b), gauss_solve(A, b), **DIRECT)


@pytest.mark.parametrize("cond", [1e2, 1e5, 1e7])
def test_moderately_ill_conditioned_family(rng, cond):
    A = ill_conditioned(rng, 30, 8, cond)
    x_true = rng.standard_normal(8)
    b = A @ x_true  # a consistent system: the residual is zero
    error = np.linalg.norm(lstsq(A, b) - x_true) / np.linalg.norm(x_true)
    assert error <= 1e3 * EPS * cond


def test_fit_a_line():
    t = np.array([0.0, 1.0, 2.0, 3.0])
    y = 1.0 + 2.0 * t
    assert_allclose(
        lstsq(np.column_stack([np.ones(4), t]), y), [1.0, 2.0], **DIRECT
    )


@pytest.mark.parametrize(
    "A",
    [
        [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]],  # rank 1
        [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],  # more unknowns than equations
    ],
)
def test_rank_deficient_raises_and_suggests_pinv(A):
    with pytest.raises(
        np.linalg.LinAlgError, match=r"linearly independent columns.*pinv"
    ):
        lstsq(A, np.ones(len(A)))


@pytest.mark.parametrize(
    "A, b, kind, message",
    [
        (
            np.eye(3),
            [1.0, 2.0],
            ValueError,
            r"b must have 3 rows to match A with shape \(3, 3\)",
        ),
        (
            [1.0, 2.0, 3.0],
            [1.0, 2.0, 3.0],
            ValueError,
            r"A must be 2-D \(rows, columns\)",
        ),
        (
            [[1.0], [np.inf]],
            [1.0, 2.0],
            ValueError,
            "A must contain only finite numbers",
        ),
        (
            np.eye(2),
            [np.nan, 1.0],
            ValueError,
            "b must contain only finite numbers",
        ),
        (np.eye(2), [], ValueError, "b must not be empty"),
        (
            None,
            [1.0],
            TypeError,
            "A must be an array of numbers; got NoneType",
        ),
    ],
)
def test_validation(A, b, kind, message):
    with pytest.raises(kind, match=message):
        lstsq(A, b)
