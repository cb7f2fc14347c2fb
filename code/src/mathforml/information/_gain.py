"""Information gain: how much a yes/no split tells about the labels
(the criterion that grows decision trees)."""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Mapping, Sequence, Set

import numpy as np
from numpy.typing import ArrayLike

from mathforml.information._checks import check_base
from mathforml.information._entropy import _entropy

__all__ = ["information_gain"]


def information_gain(
    y: Sequence[Hashable] | np.ndarray, mask: ArrayLike, *, base: float = 2
) -> float:
    r"""The drop in label entropy from splitting the samples by ``mask``.

    Parameters
    ----------
    y : sequence, shape (n,)
        One label per sample: any hashable values (ints, strings, ...),
        not NaN.
    mask : array_like of bool, shape (n,)
        The split: ``True`` for the samples on one side, e.g.
        ``X[:, 0] < 2.5``.
    base : float, default 2
        Base of the logarithm, > 0 and not 1: 2 gives bits.

    Returns
    -------
    float
        :math:`\mathrm{IG} \ge 0` (for ``base > 1``); 0 when a side is
        empty or the split leaves the label mix unchanged.

    Raises
    ------
    ValueError
        If ``y`` is not 1-D, empty or holds NaN, ``mask`` is not 1-D or has
        a different length, or ``base`` is not > 0 or is 1.
    TypeError
        If ``y`` is not a sequence of hashable labels, ``mask`` is not
        boolean, or ``base`` is not a real number.

    Notes
    -----
    :ref:`sec-entropy-in-ml`. With :math:`H` the entropy of the label
    frequencies, :math:`L` the samples where ``mask`` holds and
    :math:`R` the rest (an empty side contributes 0),

    .. math::

        \mathrm{IG} = H(y) - \frac{|L|}{n} H(y_L) - \frac{|R|}{n} H(y_R).

    Examples
    --------
    >>> y = ["spam", "spam", "ham", "ham"]
    >>> information_gain(y, [True, True, False, False])  # a perfect split
    1.0
    >>> information_gain(y, [True, False, True, False])  # a useless one
    0.0
    """
    codes = _label_codes(y)
    mask = _boolean_mask(mask, size=codes.size)
    return _information_gain(codes, mask, check_base(base))


def _information_gain(codes, mask, base):
    n = codes.size
    left, right = codes[mask], codes[~mask]
    gain = (
        _label_entropy(codes)
        - left.size / n * _label_entropy(left)
        - right.size / n * _label_entropy(right)
    )
    return max(0.0, gain) / math.log(base)  # rounding can leave -1e-17


def _label_entropy(codes):
    """Entropy in nats of the label frequencies; 0 for no labels."""
    if codes.size == 0:
        return 0.0
    return _entropy(np.bincount(codes) / codes.size, np.e)


def _label_codes(y, name: str = "y") -> np.ndarray:
    """Number the distinct labels 0, 1, ... in order of first appearance."""
    if isinstance(y, (str, bytes, Mapping, Set)) or not (
        hasattr(y, "__len__") and hasattr(y, "__iter__")
    ):
        raise TypeError(
            f"{name} must be a 1-D sequence of labels (a list or array); "
            f"got {type(y).__name__}."
        )
    if isinstance(y, np.ndarray) and y.ndim != 1:
        raise ValueError(
            f"{name} must be 1-D, one label per sample; got shape "
            f"{y.shape}. Use {name}.ravel()."
        )
    index: dict = {}
    codes = []
    for label in y:
        if isinstance(label, numbers.Real) and math.isnan(label):
            raise ValueError(
                f"{name} must not hold NaN: NaN is not equal to itself, so "
                "it cannot name a class."
            )
        try:
            codes.append(index.setdefault(label, len(index)))
        except TypeError:
            raise TypeError(
                f"{name} must hold hashable labels such as ints or strings; "
                f"got {type(label).__name__} {label!r}."
            ) from None
    if not codes:
        raise ValueError(f"{name} must not be empty.")
    return np.array(codes, dtype=int)


def _boolean_mask(mask, *, size: int) -> np.ndarray:
    """``mask`` as a 1-D boolean array of the given length."""
    try:
        arr = np.asarray(mask)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"mask must be a boolean array; NumPy cannot convert it ({err})."
        ) from None
    if arr.dtype != bool:
        raise TypeError(
            f"mask must be a boolean array such as y == 'spam' or x < 2.5; "
            f"got {type(mask).__name__} of dtype {arr.dtype}. For 0/1 "
            "values use mask.astype(bool)."
        )
    if arr.ndim != 1:
        raise ValueError(
            f"mask must be 1-D; got shape {arr.shape}. Use mask.ravel()."
        )
    if arr.size != size:
        raise ValueError(
            f"mask must have one entry per label, length {size}; got length "
            f"{arr.size}."
        )
    return arr
