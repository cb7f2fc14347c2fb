import numpy as np
import pytest
import scipy.spatial.distance
from hypothesis import assume, given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, vectors
from numpy.testing import assert_allclose

from mathforml.linalg import angle, cosine_similarity
from tolerances import DIRECT

pairs = st.integers(1, 8).flatmap(lambda n: st.tuples(vectors(n), vectors(n)))


def nonzero(*vs):
    assume(all(np.abs(v).max() > 1e-3 for v in vs))


@PROPERTY
@given(pairs)
def test_cosine_matches_scipy_and_is_bounded(ab):
    a, b = ab
    nonzero(a, b)
    cos = cosine_similarity(a, b)
    assert -1.0 <= cos <= 1.0
    assert_allclose(cos, 1.0 - scipy.spatial.distance.cosine(a, b), **DIRECT)
    assert cos == cosine_similarity(b, a)


@PROPERTY
@given(pairs, st.floats(0.01, 100.0))
def test_cosine_ignores_length_and_flips_with_sign(ab, c):
    a, b = ab
    nonzero(a, b)
    assert_allclose(
        cosine_similarity(c * a, b), cosine_similarity(a, b), **DIRECT
    )
    assert_allclose(
        cosine_similarity(-a, b), -cosine_similarity(a, b), **DIRECT
    )


@PROPERTY
@given(pairs)
def test_angle_agrees_with_arccos_of_cosine(ab):
    a, b = ab
    nonzero(a, b)
    theta = angle(a, b)
    assert 0.0 <= theta <= np.pi
    assert_allclose(np.cos(theta), cosine_similarity(a, b), **DIRECT)
    assert angle(b, a) == pytest.approx(
        theta, rel=DIRECT["rtol"], abs=DIRECT["atol"]
    )


def test_angle_examples():
    a = np.array([1.0, 2.0, 2.0])
    assert angle(a, 2.0 * a) == 0.0
    assert_allclose(angle(a, -a), np.pi, **DIRECT)
    assert_allclose(angle([1.0, 0.0], [0.0, 5.0]), np.pi / 2, **DIRECT)
    assert_allclose(angle([1.0, 0.0], [1.0, 1.0]), np.pi / 4, **DIRECT)


def test_angle_is_accurate_for_nearly_parallel_vectors():
    # arccos(cosine) would return 0 here: the cosine rounds to exactly 1.
    assert_allclose(
        angle([1.0, 0.0], [1.0, 1e-10]),
        np.arctan(1e-10),
        rtol=DIRECT["rtol"],
        atol=0,
    )


@pytest.mark.parametrize("function", [cosine_similarity, angle])
@pytest.mark.parametrize(
    "a, b, kind, message",
    [
        (
            [0.0, 0.0],
            [1.0, 2.0],
            ValueError,
            "a must be a nonzero vector; got the zero vector",
        ),
        (
            [1.0, 2.0],
            [0.0, 0.0],
            ValueError,
            "b must be a nonzero vector; got the zero vector",
        ),
        (
            [1.0, 2.0, 3.0],
            [1.0, 2.0],
            ValueError,
            "b must have length 3; got length 2",
        ),
        (
            [[1.0, 2.0]],
            [1.0, 2.0],
            ValueError,
            r"a must be a 1-D vector; got shape \(1, 2\)",
        ),
        (
            [1.0, np.inf],
            [1.0, 2.0],
            ValueError,
            "a must contain only finite numbers",
        ),
        ([], [], ValueError, "a must not be empty"),
        ([1.0, 2.0], "b", TypeError, "b must be an array of numbers; got str"),
    ],
)
def test_validation(function, a, b, kind, message):
    with pytest.raises(kind, match=message):
        function(a, b)
