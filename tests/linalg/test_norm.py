import numpy as np
import pytest
import scipy.linalg
from hypothesis import given
from hypothesis import strategies as st
from linalg_strategies import PROPERTY, vectors
from numpy.testing import assert_allclose

from mathforml.linalg import norm
from tolerances import DIRECT

ORDS = [1, 2, np.inf]
some_vectors = st.integers(1, 8).flatmap(vectors)


@PROPERTY
@given(some_vectors)
@pytest.mark.parametrize("ord", ORDS)
def test_matches_numpy(ord, x):
    assert_allclose(norm(x, ord=ord), np.linalg.norm(x, ord=ord), **DIRECT)


@PROPERTY
@given(
    st.integers(1, 8).flatmap(lambda n: st.tuples(vectors(n), vectors(n))),
    st.floats(-10.0, 10.0),
)
@pytest.mark.parametrize("ord", ORDS)
def test_norm_axioms(ord, xy, c):
    x, y = xy
    assert norm(x, ord) >= 0.0
    assert norm(x + y, ord) <= (norm(x, ord) + norm(y, ord)) * (
        1 + DIRECT["rtol"]
    )
    assert_allclose(norm(c * x, ord), abs(c) * norm(x, ord), **DIRECT)


@PROPERTY
@given(some_vectors)
def test_norms_are_ordered(x):
    n = x.shape[0]
    slack = 1 + DIRECT["rtol"]
    assert norm(x, np.inf) <= norm(x, 2) * slack
    assert norm(x, 2) <= norm(x, 1) * slack
    assert norm(x, 1) <= n * norm(x, np.inf) * slack


@pytest.mark.parametrize("scale", [1e-200, 1e200])
def test_two_norm_neither_overflows_nor_underflows(scale):
    x = scale * np.array([3.0, 4.0])
    assert_allclose(norm(x), 5.0 * scale, rtol=DIRECT["rtol"], atol=0)
    assert_allclose(
        norm(x), scipy.linalg.norm(x), rtol=DIRECT["rtol"], atol=0
    )  # BLAS nrm2


def test_examples():
    assert norm([3.0, -4.0]) == 5.0
    assert norm([3.0, -4.0], ord=1) == 7.0
    assert norm([3.0, -4.0], ord=np.inf) == 4.0
    assert norm(np.zeros(3)) == 0.0
    assert norm([1, 1], ord=2.0) == norm([1, 1], ord=2)


@pytest.mark.parametrize(
    "x, ord, kind, message",
    [
        ([1.0, 2.0], 3, ValueError, r"ord must be one of 1, 2, np.inf; got 3"),
        (
            [1.0, 2.0],
            "fro",
            ValueError,
            r"ord must be one of 1, 2, np.inf; got 'fro'",
        ),
        (
            [1.0, 2.0],
            True,
            ValueError,
            r"ord must be one of 1, 2, np.inf; got True",
        ),
        (
            [1.0, 2.0],
            None,
            ValueError,
            r"ord must be one of 1, 2, np.inf; got None",
        ),
        (
            [[1.0, 2.0]],
            2,
            ValueError,
            r"x must be a 1-D vector; got shape \(1, 2\)",
        ),
        ([], 2, ValueError, "x must not be empty"),
        ([1.0, np.nan], 2, ValueError, "x must contain only finite numbers"),
        ("x", 2, TypeError, "x must be an array of numbers; got str"),
    ],
)
def test_validation(x, ord, kind, message):
    with pytest.raises(kind, match=message):
        norm(x, ord=ord)
