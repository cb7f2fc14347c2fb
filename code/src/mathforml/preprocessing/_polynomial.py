r"""Polynomial features (:ref:`sec-feature-engineering`).

``PolynomialFeatures`` replaces the columns :math:`x_1, \dots, x_d` by every
monomial :math:`x_1^{p_1} \cdots x_d^{p_d}` of total degree
:math:`p_1 + \dots + p_d \le` ``degree``: a linear model on these columns is a
polynomial model on the original ones. The columns come in scikit-learn's
order: degree by degree, and within a degree in the lexicographic order of the
features multiplied (``1, x0, x1, x0^2, x0 x1, x1^2, ...``).
"""

from __future__ import annotations

from itertools import combinations, combinations_with_replacement

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_int
from mathforml.preprocessing._common import _as_data, _check_bool, _Transformer

__all__ = ["PolynomialFeatures"]


def _powers(n_features, degree, interaction_only, include_bias):
    """The exponent tuples of the output monomials, in scikit-learn's order."""
    # which features multiply: with repeats (x0 x0 = x0^2) or without
    pick = combinations if interaction_only else combinations_with_replacement
    powers = []
    for k in range(0 if include_bias else 1, degree + 1):  # degree k
        for features in pick(range(n_features), k):
            powers.append(tuple(features.count(j) for j in range(n_features)))
    return powers


class PolynomialFeatures(_Transformer):
    r"""Every monomial of the features of total degree at most ``degree``
    (:ref:`sec-feature-engineering`).

    Parameters
    ----------
    degree : int, default 2
        The largest total degree, ``>= 0``.
    interaction_only : bool, default False
        Only products of distinct features (``x0 x1``, never ``x0^2``).
    include_bias : bool, default True
        Include the constant column (degree 0), all ones.

    Attributes
    ----------
    powers_ : numpy.ndarray, shape (n_output_features, n_features)
        Row ``k`` holds the exponents of output column ``k``: it is
        ``prod(X ** powers_[k], axis=1)``.
    n_output_features_ : int
        The number of output columns.
    n_features_in_ : int
        The number of columns of the ``X`` seen by ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> poly = PolynomialFeatures(degree=2).fit(np.zeros((1, 2)))
    >>> poly.get_feature_names_out().tolist()
    ['1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2']
    >>> poly.transform(np.array([[2.0, 3.0]]))
    array([[1., 2., 3., 4., 6., 9.]])
    """

    def __init__(self, *, degree=2, interaction_only=False, include_bias=True):
        self.degree = degree
        self.interaction_only = interaction_only
        self.include_bias = include_bias

    def fit(self, X: ArrayLike, y=None) -> PolynomialFeatures:
        """Work out the output monomials for the columns of ``X``; returns
        ``self``."""
        degree = check_int(self.degree, name="degree", minimum=0)
        interaction_only = _check_bool(
            self.interaction_only, name="interaction_only"
        )
        include_bias = _check_bool(self.include_bias, name="include_bias")
        if degree == 0 and not include_bias:
            raise ValueError(
                "degree=0 with include_bias=False gives no output column; "
                "raise degree or set include_bias=True."
            )
        X = _as_data(X)
        powers = _powers(X.shape[1], degree, interaction_only, include_bias)
        self.powers_ = np.array(powers, dtype=int).reshape(-1, X.shape[1])
        self.n_output_features_ = len(powers)
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: ArrayLike) -> np.ndarray:
        """The monomials of the rows of ``X``: one column per row of
        ``powers_``."""
        X = self._check_transform_input(X)
        out = np.ones((X.shape[0], len(self.powers_)))
        for k, p in enumerate(self.powers_):
            for j in np.flatnonzero(p):  # only the features in this monomial
                out[:, k] *= X[:, j] ** p[j]
        return out

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Names such as ``"1"``, ``"x0"``, ``"x0^2"``, ``"x0 x1"``."""
        names = self._input_names(input_features)
        out = []
        for p in self.powers_:
            factors = [
                names[j] if p[j] == 1 else f"{names[j]}^{p[j]}"
                for j in np.flatnonzero(p)
            ]
            out.append(" ".join(factors) or "1")
        return np.asarray(out, dtype=object)
