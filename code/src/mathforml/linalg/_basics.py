"""Vectors: norms, cosine similarity, angles, the cross product and plane rotations."""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_vector, check_scalar

__all__ = ["angle", "cosine_similarity", "cross", "norm", "rotation_matrix"]

_NORM_ORDS = (1, 2, np.inf)


def norm(x: ArrayLike, ord: float = 2) -> float:
    r"""The 1-, 2- or :math:`\infty`-norm of a vector.

    Parameters
    ----------
    x : array_like, shape (n,)
        The vector.
    ord : {1, 2, np.inf}, default 2
        Which norm: Manhattan (1), Euclidean (2) or maximum (``np.inf``).

    Returns
    -------
    float
        :math:`\lVert x \rVert_{\text{ord}}`.

    Raises
    ------
    ValueError
        If ``x`` is not a non-empty finite 1-D vector, or ``ord`` is not 1, 2 or ``np.inf``.

    Notes
    -----
    .. math::
        \lVert x \rVert_1 = \sum_i |x_i|, \qquad
        \lVert x \rVert_2 = \sqrt{\textstyle\sum_i x_i^2}, \qquad
        \lVert x \rVert_\infty = \max_i |x_i|.

    The 2-norm divides by :math:`\max_i |x_i|` before squaring, so that squares of very
    large or very small entries neither overflow nor underflow. :ref:`sec-norms`
    compares the three norms and their unit balls.

    Examples
    --------
    >>> norm([3.0, -4.0])
    5.0
    >>> norm([3.0, -4.0], ord=1), norm([3.0, -4.0], ord=np.inf)
    (7.0, 4.0)
    """
    x = as_vector(x, name="x")
    if (
        isinstance(ord, bool)
        or not isinstance(ord, numbers.Real)
        or ord not in _NORM_ORDS
    ):
        raise ValueError(f"ord must be one of 1, 2, np.inf; got {ord!r}.")
    if ord == 1:
        return float(np.sum(np.abs(x)))
    scale = float(np.max(np.abs(x)))
    if ord == np.inf or scale == 0.0:
        return scale
    return scale * float(np.sqrt(np.sum((x / scale) ** 2)))


def _unit(x: np.ndarray, name: str) -> np.ndarray:
    """``x / ||x||``, or a ``ValueError`` naming the argument if ``x`` is the zero vector."""
    length = norm(x)
    if length == 0.0:
        raise ValueError(
            f"{name} must be a nonzero vector; got the zero vector, which has no direction "
            "(the angle is undefined). Remove zero rows before comparing directions."
        )
    return x / length


def cosine_similarity(a: ArrayLike, b: ArrayLike) -> float:
    r"""Cosine of the angle between two nonzero vectors.

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Nonzero vectors of the same length.

    Returns
    -------
    float
        A number in :math:`[-1, 1]`: 1 for the same direction, 0 for orthogonal vectors,
        -1 for opposite directions.

    Raises
    ------
    ValueError
        If an input is not a finite 1-D vector, the lengths differ, or a vector is zero.

    Notes
    -----
    .. math:: \cos\theta = \frac{a^\top b}{\lVert a \rVert \, \lVert b \rVert}.

    The vectors are scaled to unit length first, and the result is clipped to
    :math:`[-1, 1]` against rounding. :ref:`sec-vector-operations` uses it to compare documents
    and embeddings.

    Examples
    --------
    >>> cosine_similarity([1.0, 0.0], [1.0, 1.0])  # doctest: +ELLIPSIS
    0.7071067811865...
    >>> cosine_similarity([2.0, 0.0], [0.0, 3.0])
    0.0
    >>> cosine_similarity([0.0, 1.0], [0.0, -5.0])
    -1.0
    """
    a = as_vector(a, name="a")
    b = as_vector(b, name="b", size=a.shape[0])
    return float(np.clip(_unit(a, "a") @ _unit(b, "b"), -1.0, 1.0))


def angle(a: ArrayLike, b: ArrayLike) -> float:
    r"""The angle between two nonzero vectors, in radians, in :math:`[0, \pi]`.

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Nonzero vectors of the same length.

    Returns
    -------
    float
        The angle :math:`\theta` with :math:`\cos\theta` equal to :func:`cosine_similarity`.

    Raises
    ------
    ValueError
        If an input is not a finite 1-D vector, the lengths differ, or a vector is zero.

    Notes
    -----
    With unit vectors :math:`u = a / \lVert a \rVert` and :math:`v = b / \lVert b \rVert`,

    .. math:: \theta = 2 \arctan \frac{\lVert u - v \rVert}{\lVert u + v \rVert}.

    This equals :math:`\arccos(u^\top v)` but stays accurate for nearly parallel vectors,
    where the cosine is close to 1 and ``arccos`` loses half the digits.
    :ref:`sec-inner-products` defines angles through inner products.

    Examples
    --------
    >>> angle([1.0, 0.0], [0.0, 2.0]) == np.pi / 2
    True
    >>> round(angle([1.0, 0.0], [1.0, 1.0]) * 180 / np.pi, 6)  # in degrees
    45.0
    """
    a = as_vector(a, name="a")
    b = as_vector(b, name="b", size=a.shape[0])
    u, v = _unit(a, "a"), _unit(b, "b")
    return 2.0 * float(np.arctan2(norm(u - v), norm(u + v)))


def cross(a: ArrayLike, b: ArrayLike) -> np.ndarray:
    r"""The cross product of two vectors in :math:`\mathbb{R}^3`.

    Parameters
    ----------
    a, b : array_like, shape (3,)
        Vectors in three dimensions.

    Returns
    -------
    ndarray, shape (3,)
        :math:`a \times b`, orthogonal to both, with length equal to the area of the
        parallelogram they span.

    Raises
    ------
    ValueError
        If an input is not a finite vector of length 3.

    Notes
    -----
    .. math::
        a \times b = \begin{pmatrix} a_2 b_3 - a_3 b_2 \\ a_3 b_1 - a_1 b_3 \\
        a_1 b_2 - a_2 b_1 \end{pmatrix}.

    It exists only in three dimensions (in two, the analogous scalar a_1 b_2 - a_2 b_1 is the
    signed area of the parallelogram; this function does not compute it).
    :ref:`sec-vector-operations`
    shows it with the right-hand rule.

    Examples
    --------
    >>> cross([1.0, 0.0, 0.0], [0.0, 1.0, 0.0])
    array([0., 0., 1.])
    """
    a, b = _as_3d(a, "a"), _as_3d(b, "b")
    return np.array(
        [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ]
    )


def _as_3d(x: ArrayLike, name: str) -> np.ndarray:
    x = as_vector(x, name=name)
    if x.shape[0] != 3:
        raise ValueError(
            f"{name} must be a vector in R^3 (length 3); got length {x.shape[0]}. The cross "
            f"product exists only in 3-D: append a zero to a 2-D vector, np.append({name}, 0)."
        )
    return x


def rotation_matrix(theta: float) -> np.ndarray:
    r"""The 2 × 2 matrix that rotates the plane counterclockwise by ``theta`` radians.

    Parameters
    ----------
    theta : float
        The angle in radians; use ``np.radians`` for degrees.

    Returns
    -------
    R : ndarray, shape (2, 2)
        An orthogonal matrix (:math:`R^\top R = I`) with determinant 1.

    Raises
    ------
    TypeError
        If ``theta`` is not a real number.
    ValueError
        If ``theta`` is not finite.

    Notes
    -----
    The columns are the images of the basis vectors :math:`e_1` and :math:`e_2`:

    .. math::
        R(\theta) = \begin{pmatrix} \cos\theta & -\sin\theta \\
        \sin\theta & \cos\theta \end{pmatrix}.

    :ref:`sec-rotations` shows that rotations keep lengths and angles.

    Examples
    --------
    >>> R = rotation_matrix(np.pi / 2)
    >>> np.round(R @ [1.0, 0.0], 12) + 0.0  # e1 turns into e2
    array([0., 1.])
    """
    theta = check_scalar(theta, name="theta")
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])
