r"""Splitting data: a held-out test set, k-fold and stratified k-fold
cross-validation (:ref:`sec-cross-validation`).

Without shuffling the folds are scikit-learn's, index for index: ``KFold`` cuts
``0, ..., n-1`` into ``n_splits`` contiguous blocks, the first ``n % n_splits`` one
larger; ``StratifiedKFold`` deals the classes round-robin so that every fold gets its
share of each class, then hands each class's samples to the folds in blocks.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Iterator

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, check_int, check_rng, check_scalar
from mathforml.base import _as_labels

__all__ = ["KFold", "StratifiedKFold", "train_test_split"]


def _fold_sizes(n_samples, n_splits):
    """How many samples each fold holds: the first ``n % k`` folds one more."""
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    return sizes


def _kfold_tests(n_samples, n_splits):
    """The test indices of each fold: contiguous blocks of ``0, ..., n-1``."""
    sizes = _fold_sizes(n_samples, n_splits)
    stops = np.cumsum(sizes)
    return [np.arange(stop - size, stop) for size, stop in zip(sizes, stops)]


def _stratified_fold_of(y, n_splits):
    """The fold of each sample: each fold gets its share of every class."""
    _, first, y_inv = np.unique(y, return_index=True, return_inverse=True)
    code = np.argsort(np.argsort(first))[y_inv]  # classes by first appearance
    n_classes = first.size
    y_order = np.sort(code)
    # allocation[i, c]: samples of class c in fold i, dealt round-robin
    allocation = np.array(
        [
            np.bincount(y_order[i::n_splits], minlength=n_classes)
            for i in range(n_splits)
        ]
    )
    fold = np.empty(len(code), dtype=int)
    for c in range(n_classes):  # class c's samples fill the folds in blocks
        fold[code == c] = np.repeat(np.arange(n_splits), allocation[:, c])
    return fold


def _stratified_test_counts(y, n_test):
    """Test samples per class: proportional shares, by largest remainder."""
    classes, counts = np.unique(y, return_counts=True)
    n = counts.sum()
    test, remainder = np.divmod(counts * n_test, n)  # floor of each share
    n_left = n_test - test.sum()  # what the floors leave over
    order = np.argsort(-remainder, kind="stable")  # largest remainder first
    test[order[:n_left]] += 1
    return dict(zip(classes.tolist(), test.tolist()))


def _n_test(test_size, n_samples):
    """Validate ``test_size`` and turn it into a number of test samples."""
    if isinstance(test_size, bool) or not isinstance(test_size, numbers.Real):
        raise TypeError(
            "test_size must be a float in (0, 1) or an int in "
            f"[1, n_samples - 1]; got {type(test_size).__name__} {test_size!r}."
        )
    if isinstance(test_size, numbers.Integral):
        return check_int(
            test_size, name="test_size", minimum=1, maximum=n_samples - 1
        )
    frac = check_scalar(
        test_size,
        name="test_size",
        low=0,
        high=1,
        low_inclusive=False,
        high_inclusive=False,
    )
    n_test = math.ceil(frac * n_samples)
    if n_test >= n_samples:
        raise ValueError(
            f"test_size={test_size} leaves no training samples: "
            f"ceil({test_size} * {n_samples}) = {n_test} of {n_samples} "
            "samples. Use a smaller test_size."
        )
    return n_test


def _check_X_y(X, y):
    """X as a 2-D float array (NaN allowed: a missing value), y as labels."""
    X = as_matrix(X, name="X", finite=False)
    if np.isinf(X).any():
        raise ValueError(
            "X must not contain inf (NaN is allowed: it marks a missing value)."
        )
    y = _check_labels(y, name="y")
    if len(y) != X.shape[0]:
        raise ValueError(
            f"X and y must have the same number of samples; got X with "
            f"{X.shape[0]} rows and y of length {len(y)}."
        )
    return X, y


def _check_labels(y, *, name):
    """A 1-D array of numbers or strings (labels or targets)."""
    y = _as_labels(y, name=name)
    if y.dtype.kind not in "biufUS":
        raise TypeError(
            f"{name} must hold numbers or strings; got values of dtype "
            f"{y.dtype} (for example {y[0]!r})."
        )
    return y


def train_test_split(
    X: ArrayLike,
    y: ArrayLike,
    *,
    test_size: float | int = 0.25,
    stratify: ArrayLike | None = None,
    rng: int | np.random.Generator | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Split the rows of ``X`` and ``y`` at random into a training and a test set.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Numbers; NaN is allowed (a missing value, imputed later), inf is not.
    y : array_like, shape (n_samples,)
        Labels (numbers or strings) or targets.
    test_size : float or int, default 0.25
        A fraction in (0, 1), giving ``ceil(test_size * n_samples)`` test samples,
        or a number of test samples in ``[1, n_samples - 1]``.
    stratify : array_like, shape (n_samples,), optional
        Class labels (usually ``y``): each class then keeps its proportion in both
        sets. The test counts per class are the proportional shares rounded by the
        largest-remainder rule, so that they add up to the test size.
    rng : None, int or numpy.random.Generator
        Source of the random permutation.

    Returns
    -------
    X_train, X_test : numpy.ndarray
    y_train, y_test : numpy.ndarray

    Raises
    ------
    ValueError
        If the lengths differ, ``test_size`` leaves a set empty, or a class of
        ``stratify`` has a single member (it cannot be in both sets).

    Notes
    -----
    :ref:`sec-cross-validation` teaches the split, plain and stratified.

    Examples
    --------
    >>> import numpy as np
    >>> X, y = np.arange(20.0).reshape(10, 2), np.array([0] * 6 + [1] * 4)
    >>> X_tr, X_te, y_tr, y_te = train_test_split(
    ...     X, y, test_size=0.5, stratify=y, rng=0
    ... )
    >>> X_tr.shape, X_te.shape, np.bincount(y_te)
    ((5, 2), (5, 2), array([3, 2]))
    """
    X, y = _check_X_y(X, y)
    n = X.shape[0]
    if n < 2:
        raise ValueError(f"X must have at least 2 samples to split; got {n}.")
    n_test = _n_test(test_size, n)
    rng = check_rng(rng)
    if stratify is None:
        perm = rng.permutation(n)
        test, train = perm[:n_test], perm[n_test:]
    else:
        labels = _check_stratify(stratify, n, n_test)
        test, train = _stratified_split(labels, n_test, rng)
    return X[train], X[test], y[train], y[test]


def _check_stratify(stratify, n, n_test):
    labels = _check_labels(stratify, name="stratify")
    if len(labels) != n:
        raise ValueError(
            f"stratify must have one label per sample ({n}); got length "
            f"{len(labels)}."
        )
    classes, counts = np.unique(labels, return_counts=True)
    if counts.min() < 2:
        raise ValueError(
            "stratify: the least populated class in y has only 1 member, "
            "which is too few. The minimum number of groups for any class "
            "cannot be less than 2."
        )
    for size, which in [(n_test, "test"), (n - n_test, "train")]:
        if size < classes.size:
            raise ValueError(
                f"stratify: the {which} set has {size} samples, fewer than "
                f"the {classes.size} classes; change test_size."
            )
    return labels


def _stratified_split(labels, n_test, rng):
    """Test and train indices with the largest-remainder count of each class."""
    test, train = [], []
    for c, k in _stratified_test_counts(labels, n_test).items():
        members = rng.permutation(np.flatnonzero(labels == c))
        test.append(members[:k])
        train.append(members[k:])
    return rng.permutation(np.concatenate(test)), rng.permutation(
        np.concatenate(train)
    )


class _BaseKFold:
    """What both k-fold splitters share: validation, ``split``, ``repr``."""

    def __init__(self, n_splits=5, *, shuffle=False, rng=None):
        self.n_splits = check_int(n_splits, name="n_splits", minimum=2)
        if not isinstance(shuffle, (bool, np.bool_)):
            raise TypeError(f"shuffle must be True or False; got {shuffle!r}.")
        check_rng(rng)
        if rng is not None and not shuffle:
            raise ValueError(
                "rng has no effect since shuffle is False; pass shuffle=True "
                "or leave rng=None."
            )
        self.shuffle = bool(shuffle)
        self.rng = rng

    def get_n_splits(self, X=None, y=None, groups=None) -> int:
        """The number of folds, ``n_splits``."""
        return self.n_splits

    def split(
        self, X: ArrayLike, y: ArrayLike | None = None, groups=None
    ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(train_idx, test_idx)``, one pair per fold; the indices are
        sorted, the test sets are disjoint and together cover every sample."""
        n = _n_samples(X)
        if n == 0:
            raise ValueError("X must not be empty; got 0 samples.")
        if self.n_splits > n:
            raise ValueError(
                f"Cannot have number of splits n_splits={self.n_splits} "
                f"greater than the number of samples: n_samples={n}."
            )
        tests = self._tests(n, y)
        everything = np.arange(n)
        for test in tests:
            test = np.sort(test)
            yield np.setdiff1d(everything, test), test

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(n_splits={self.n_splits}, "
            f"shuffle={self.shuffle}, rng={self.rng!r})"
        )


def _n_samples(X):
    if X is None or isinstance(X, (str, bytes)):
        raise TypeError(
            f"X must be an array of samples; got {type(X).__name__}."
        )
    if hasattr(X, "shape") and len(X.shape) >= 1:
        return int(X.shape[0])
    shape = np.shape(X)
    if len(shape) == 0:
        raise ValueError(
            f"X must have one row per sample; got {type(X).__name__} of "
            "shape ()."
        )
    return shape[0]


class KFold(_BaseKFold):
    r"""K-fold cross-validation: ``n_splits`` contiguous folds, each the test set
    once (:ref:`sec-cross-validation`).

    Without shuffling the folds are ``0..n-1`` cut into blocks, the first
    ``n % n_splits`` of them one sample larger: scikit-learn's ``KFold`` exactly.

    Parameters
    ----------
    n_splits : int, default 5
        At least 2, and at most the number of samples.
    shuffle : bool, default False
        Permute the samples before cutting the blocks.
    rng : None, int or numpy.random.Generator
        Source of the permutation (only with ``shuffle=True``); an int gives the
        same folds on every call to ``split``.

    Examples
    --------
    >>> import numpy as np
    >>> for train, test in KFold(3).split(np.zeros((7, 1))):
    ...     print(train, test)
    [3 4 5 6] [0 1 2]
    [0 1 2 5 6] [3 4]
    [0 1 2 3 4] [5 6]
    """

    def _tests(self, n, y):
        tests = _kfold_tests(n, self.n_splits)
        if self.shuffle:
            perm = check_rng(self.rng).permutation(n)
            tests = [perm[t] for t in tests]
        return tests


class StratifiedKFold(_BaseKFold):
    r"""Stratified k-fold: every fold holds about the same share of each class
    (:ref:`sec-cross-validation`).

    Without shuffling the folds are scikit-learn's ``StratifiedKFold`` exactly:
    classes are numbered by first appearance, the sorted class codes are dealt
    round-robin to the folds (fixing how many of each class every fold gets), and
    each class's samples, in their original order, fill the folds in blocks.

    Parameters
    ----------
    n_splits : int, default 5
    shuffle : bool, default False
        Shuffle each class's fold assignments.
    rng : None, int or numpy.random.Generator

    Raises
    ------
    ValueError
        From ``split``: if ``n_splits`` exceeds every class's size. A class smaller
        than ``n_splits`` gives a ``UserWarning`` (some folds miss it).

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([0, 0, 0, 0, 1, 1])
    >>> [test.tolist() for _, test in StratifiedKFold(2).split(y[:, None], y)]
    [[0, 1, 4], [2, 3, 5]]
    """

    def split(self, X, y=None, groups=None):
        if y is None:
            raise TypeError(
                "y must be given: StratifiedKFold needs the class labels."
            )
        return super().split(X, y, groups)

    def _tests(self, n, y):
        y = _check_labels(y, name="y")
        if len(y) != n:
            raise ValueError(
                f"X and y must have the same number of samples; got X with {n} "
                f"rows and y of length {len(y)}."
            )
        _, counts = np.unique(y, return_counts=True)
        if np.all(self.n_splits > counts):
            raise ValueError(
                f"n_splits={self.n_splits} cannot be greater than the number of "
                "members in each class."
            )
        if self.n_splits > counts.min():
            warnings.warn(
                f"The least populated class in y has only {counts.min()} "
                f"members, which is less than n_splits={self.n_splits}.",
                UserWarning,
                stacklevel=3,
            )
        fold = _stratified_fold_of(y, self.n_splits)
        if self.shuffle:
            rng = check_rng(self.rng)
            for c in np.unique(y):  # shuffle each class's fold numbers
                fold[y == c] = rng.permutation(fold[y == c])
        return [np.flatnonzero(fold == i) for i in range(self.n_splits)]
