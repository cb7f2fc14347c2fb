import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, vectors
from numpy.testing import assert_allclose, assert_array_equal

from mathforml.linalg import angle, cross, norm
from tolerances import DIRECT

vectors3 = vectors(3)


@PROPERTY
@given(vectors3, vectors3)
def test_matches_numpy_and_is_orthogonal_to_both(a, b):
    c = cross(a, b)
    assert_allclose(c, np.cross(a, b), **DIRECT)
    scale = max(1.0, norm(a) * norm(b))
    assert_allclose(
        [a @ c, b @ c], [0.0, 0.0], rtol=0, atol=DIRECT["atol"] * scale**2
    )


@PROPERTY
@given(vectors3, vectors3, vectors3, st.floats(-10.0, 10.0))
def test_algebra(a, b, d, s):
    assert_array_equal(cross(b, a), -cross(a, b))
    assert_array_equal(cross(a, a), np.zeros(3))
    scale = max(1.0, norm(a) * (norm(b) + abs(s) * norm(d)))
    assert_allclose(
        cross(a, b + s * d),
        cross(a, b) + s * cross(a, d),
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale,
    )


@PROPERTY
@given(vectors3, vectors3)
def test_length_is_area_of_parallelogram(a, b):
    assume(norm(a) > 1e-3 and norm(b) > 1e-3)  # else the angle is undefined
    area = norm(a) * norm(b) * np.sin(angle(a, b))
    assert_allclose(
        norm(cross(a, b)), area, rtol=1e-7, atol=DIRECT["atol"] * 1e2
    )


def test_right_hand_rule():
    e1, e2, e3 = np.eye(3)
    assert_array_equal(cross(e1, e2), e3)
    assert_array_equal(cross(e2, e3), e1)
    assert_array_equal(cross(e3, e1), e2)


@pytest.mark.parametrize(
    "a, b, message",
    [
        (
            [1.0, 2.0],
            [1.0, 2.0, 3.0],
            r"a must be a vector in R\^3 \(length 3\); got length 2.*append",
        ),
        (
            [1.0, 2.0, 3.0],
            np.ones(4),
            r"b must be a vector in R\^3 \(length 3\); got length 4",
        ),
        (
            np.eye(3),
            [1.0, 2.0, 3.0],
            r"a must be a 1-D vector; got shape \(3, 3\)",
        ),
        (
            [1.0, 2.0, np.nan],
            [1.0, 2.0, 3.0],
            "a must contain only finite numbers",
        ),
    ],
)
def test_validation(a, b, message):
    with pytest.raises(ValueError, match=message):
        cross(a, b)


def test_validation_type():
    with pytest.raises(
        TypeError, match="b must be an array of numbers; got NoneType"
    ):
        cross([1.0, 2.0, 3.0], None)
