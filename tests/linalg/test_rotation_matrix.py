import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, vectors
from numpy.testing import assert_allclose
from scipy.spatial.transform import Rotation

from mathforml.linalg import det, norm, rotation_matrix
from tolerances import DIRECT

angles = st.floats(-10.0, 10.0)


@PROPERTY
@given(angles)
def test_matches_scipy_rotation_about_z(theta):
    expected = Rotation.from_euler("z", theta).as_matrix()[:2, :2]
    assert_allclose(rotation_matrix(theta), expected, **DIRECT)


@PROPERTY
@given(angles, vectors(2))
def test_is_orthogonal_with_det_one_and_preserves_length(theta, x):
    R = rotation_matrix(theta)
    assert_allclose(R.T @ R, np.eye(2), **DIRECT)
    assert_allclose(det(R), 1.0, **DIRECT)
    assert_allclose(norm(R @ x), norm(x), **DIRECT)


@PROPERTY
@given(angles, angles)
def test_composition_adds_angles_and_transpose_undoes(alpha, beta):
    assert_allclose(
        rotation_matrix(alpha) @ rotation_matrix(beta),
        rotation_matrix(alpha + beta),
        **DIRECT,
    )
    assert_allclose(
        rotation_matrix(-alpha), rotation_matrix(alpha).T, **DIRECT
    )


def test_turns_counterclockwise():
    assert_allclose(
        rotation_matrix(np.pi / 2) @ [1.0, 0.0], [0.0, 1.0], **DIRECT
    )
    assert_allclose(rotation_matrix(2 * np.pi), np.eye(2), **DIRECT)
    assert_allclose(
        rotation_matrix(np.pi / 6) @ [1.0, 0.0],
        [np.sqrt(3) / 2, 0.5],
        **DIRECT,
    )


@pytest.mark.parametrize(
    "theta, kind, message",
    [
        ("1", TypeError, "theta must be a real number; got str"),
        (
            np.array([1.0]),
            TypeError,
            "theta must be a real number; got ndarray",
        ),
        (True, TypeError, "theta must be a real number; got bool"),
        (np.nan, ValueError, "theta must be finite; got nan"),
        (np.inf, ValueError, "theta must be finite; got inf"),
    ],
)
def test_validation(theta, kind, message):
    with pytest.raises(kind, match=message):
        rotation_matrix(theta)
