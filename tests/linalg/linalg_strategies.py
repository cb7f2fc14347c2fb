"""Hypothesis strategies and matrix families shared by the tests of ``mathforml.linalg``.

Matrices are built as ``U diag(s) V^T`` with orthonormal ``U``, ``V`` and singular values
``s`` drawn in ``[1, COND_MAX]``, then scaled by a power of ten: every drawn matrix has a
known rank and a condition number of at most ``COND_MAX``, whatever Hypothesis draws.
"""

import numpy as np
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

EPS = np.finfo(float).eps
#: Largest condition number of a "well-conditioned" drawn matrix.
COND_MAX = 10.0
#: A backward-stable method's relative residual stays below STABLE * n * eps.
STABLE = 100.0
#: Settings for every property test: enough examples to find a bug, fast enough for CI.
PROPERTY = settings(max_examples=40, deadline=None)

entries = st.floats(-1.0, 1.0, allow_subnormal=False)


@st.composite
def orthonormal(draw, n, k):
    """An n × k matrix with orthonormal columns (Householder QR of a drawn matrix)."""
    M = draw(arrays(np.float64, (n, k), elements=entries))
    Q, _ = np.linalg.qr(M)
    return Q


@st.composite
def matrices(draw, m, n, rank=None):
    """An m × n matrix of the given rank (default min(m, n)) with condition <= COND_MAX."""
    k = min(m, n) if rank is None else rank
    U, V = draw(orthonormal(m, k)), draw(orthonormal(n, k))
    s = draw(arrays(np.float64, (k,), elements=st.floats(1.0, COND_MAX)))
    A = (U * s) @ V.T
    A[np.abs(A) < 1e-100] = (
        0.0  # no subnormal numbers: scaling by 2**p stays exact
    )
    return 10.0 ** draw(st.integers(-2, 2)) * A


@st.composite
def square(draw, min_n=1, max_n=6):
    """A nonsingular well-conditioned n × n matrix."""
    n = draw(st.integers(min_n, max_n))
    return draw(matrices(n, n))


@st.composite
def tall(draw, max_n=5):
    """An m × n matrix with m >= n and full column rank, well conditioned."""
    n = draw(st.integers(1, max_n))
    m = draw(st.integers(n, n + 3))
    return draw(matrices(m, n))


@st.composite
def any_shape(draw, max_size=6):
    """A well-conditioned matrix of any shape, full rank."""
    m, n = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    return draw(matrices(m, n))


@st.composite
def low_rank(draw, max_size=6):
    """A matrix of shape (m, n) with 0 < rank < min(m, n), and that rank."""
    m, n = draw(st.integers(2, max_size)), draw(st.integers(2, max_size))
    k = draw(st.integers(1, min(m, n) - 1))
    return draw(matrices(m, n, rank=k)), k


def vectors(n, low=-10.0, high=10.0):
    return arrays(
        np.float64, (n,), elements=st.floats(low, high, allow_subnormal=False)
    )


@st.composite
def with_copied_row(draw, min_n=2, max_n=6):
    """A singular square matrix: row k is 2**p times row i, which elimination keeps exact."""
    A = draw(square(min_n=min_n, max_n=max_n))
    i, k = draw(st.permutations(range(A.shape[0])))[:2]
    A[k] = 2.0 ** draw(st.integers(-3, 3)) * A[i]
    return A


def ill_conditioned(rng, m, n, cond):
    """An m × n matrix with singular values spread evenly in log scale from 1 to 1/cond."""
    k = min(m, n)
    U, _ = np.linalg.qr(rng.standard_normal((m, k)))
    V, _ = np.linalg.qr(rng.standard_normal((n, k)))
    return (U * np.logspace(0, -np.log10(cond), k)) @ V.T


def relative_residual(A, x, b):
    """The backward error ||b - A x|| / (||A|| ||x|| + ||b||), in the 2-norm."""
    return np.linalg.norm(b - A @ x) / (
        np.linalg.norm(A, 2) * np.linalg.norm(x) + np.linalg.norm(b)
    )
