import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linalg_strategies import any_shape
from numpy.testing import assert_allclose

from mathforml.linalg import low_rank_approx
from tolerances import DIRECT

#: Enough examples to find a bug in small matrices, few enough for a fast suite.
PROPERTY = settings(max_examples=40, deadline=None)


@PROPERTY
@given(any_shape(), st.data())
def test_eckart_young_error_identities(A, data):
    k = data.draw(st.integers(1, min(A.shape)))
    A_k = low_rank_approx(A, k)
    s = np.linalg.svd(A, compute_uv=False)  # the oracle's singular values
    scale = max(1.0, s[0])
    assert A_k.shape == A.shape
    assert_allclose(
        np.linalg.norm(A - A_k, "fro") ** 2,
        np.sum(s[k:] ** 2),
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale**2,
    )
    s_next = s[k] if k < len(s) else 0.0
    assert_allclose(
        np.linalg.norm(A - A_k, 2),
        s_next,
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale,
    )
    assert_allclose(
        np.linalg.svd(A_k, compute_uv=False)[:k],
        s[:k],
        rtol=DIRECT["rtol"],
        atol=DIRECT["atol"] * scale,
    )


@pytest.mark.parametrize(
    "shape, k", [((8, 5), 1), ((8, 5), 3), ((5, 8), 2), ((6, 6), 6)]
)
def test_low_rank_approx_matches_truncated_numpy_svd(rng, shape, k):
    A = rng.standard_normal(shape)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    A_k = low_rank_approx(A, k)
    assert_allclose(A_k, (U[:, :k] * s[:k]) @ Vt[:k], **DIRECT)
    assert np.linalg.matrix_rank(A_k) == k


def test_full_rank_k_gives_back_a(rng):
    A = rng.standard_normal((4, 7))
    assert_allclose(low_rank_approx(A, 4), A, **DIRECT)


def test_no_random_rank_k_matrix_is_closer(rng):
    A = rng.standard_normal((10, 8))
    k = 3
    best = np.linalg.norm(A - low_rank_approx(A, k))
    for _ in range(200):
        B = rng.standard_normal((10, k)) @ rng.standard_normal((k, 8))
        B *= np.sum(A * B) / np.sum(
            B * B
        )  # the best multiple of B, to make the contest fair
        assert np.linalg.norm(A - B) >= best


@pytest.mark.parametrize(
    "A, k, kind, match",
    [
        (np.ones((3, 4)), 0, ValueError, "k must be >= 1; got 0"),
        (np.ones((3, 4)), 4, ValueError, "k must be <= 3; got 4"),
        (np.ones((3, 4)), 1.0, TypeError, "k must be an integer; got float"),
        (np.ones((3, 4)), True, TypeError, "k must be an integer; got bool"),
        (np.ones(4), 1, ValueError, "A must be 2-D"),
        ([[np.nan]], 1, ValueError, "A must contain only finite numbers"),
        (np.empty((0, 2)), 1, ValueError, "A must not be empty"),
        ("A", 1, TypeError, "A must be an array of numbers"),
    ],
)
def test_low_rank_approx_rejects_bad_input(A, k, kind, match):
    with pytest.raises(kind, match=match):
        low_rank_approx(A, k)
