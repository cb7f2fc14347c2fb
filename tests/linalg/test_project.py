import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, tall, vectors
from numpy.testing import assert_allclose

from mathforml.linalg import project
from tolerances import DIRECT


@PROPERTY
@given(tall())
def test_projection_matrix_is_symmetric_idempotent_and_fixes_columns(A):
    m, n = A.shape
    P = project(
        np.eye(m), A
    )  # projecting the identity's columns gives the matrix P
    assert_allclose(P @ P, P, **DIRECT)
    assert_allclose(P.T, P, **DIRECT)
    assert_allclose(P @ A, A, **DIRECT)
    assert_allclose(
        np.trace(P), n, **DIRECT
    )  # the trace of a projection is its rank
    assert_allclose(P, A @ np.linalg.pinv(A), **DIRECT)


@PROPERTY
@given(st.data())
def test_residual_is_orthogonal_to_the_column_space(data):
    A = data.draw(tall())
    b = data.draw(vectors(A.shape[0]))
    p = project(b, A)
    assert_allclose(A.T @ (b - p), np.zeros(A.shape[1]), **DIRECT)
    assert_allclose(p, A @ np.linalg.lstsq(A, b, rcond=None)[0], **DIRECT)
    # b - p is the shortest: any other point A y of the column space is farther from b.
    y = data.draw(vectors(A.shape[1]))
    assert np.linalg.norm(b - p) <= np.linalg.norm(b - A @ y) * (
        1 + DIRECT["rtol"]
    )


@PROPERTY
@given(st.data())
def test_columns_of_b_are_projected_one_by_one(data):
    A = data.draw(tall())
    B = np.column_stack([data.draw(vectors(A.shape[0])) for _ in range(3)])
    assert_allclose(project(B, A)[:, 1], project(B[:, 1], A), **DIRECT)


def test_onto_a_line():
    a = np.array([[1.0], [2.0], [2.0]])
    b = np.array([3.0, 0.0, 3.0])
    assert_allclose(project(b, a), (a[:, 0] @ b) / 9.0 * a[:, 0], **DIRECT)
    assert_allclose(project(b, np.eye(3)), b, **DIRECT)


def test_dependent_columns_raise():
    with pytest.raises(
        np.linalg.LinAlgError, match="A must have linearly independent columns"
    ):
        project([1.0, 2.0, 3.0], [[1.0, 2.0], [1.0, 2.0], [0.0, 0.0]])


@pytest.mark.parametrize(
    "b, A, kind, message",
    [
        (
            [1.0, 2.0],
            np.eye(3),
            ValueError,
            r"b must have 3 rows to match A with shape \(3, 3\)",
        ),
        (
            np.ones((3, 1, 1)),
            np.eye(3),
            ValueError,
            r"b must be 1-D \(m,\) or 2-D \(m, k\)",
        ),
        (
            [1.0, np.nan, 3.0],
            np.eye(3),
            ValueError,
            "b must contain only finite numbers",
        ),
        (
            [1.0, 2.0, 3.0],
            [1.0, 0.0, 0.0],
            ValueError,
            r"A must be 2-D .*Use A.reshape\(-1, 1\)",
        ),
        ([1.0], np.zeros((1, 0)), ValueError, "A must not be empty"),
        ("b", np.eye(3), TypeError, "b must be an array of numbers; got str"),
    ],
)
def test_validation(b, A, kind, message):
    with pytest.raises(kind, match=message):
        project(b, A)
