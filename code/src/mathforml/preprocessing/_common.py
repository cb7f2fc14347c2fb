"""What every transformer of :mod:`mathforml.preprocessing` shares: checking
the input of ``transform`` against what ``fit`` saw, and naming the output
columns."""

from __future__ import annotations

import numpy as np

from mathforml._validation import as_matrix
from mathforml.base import (
    BaseEstimator,
    TransformerMixin,
    check_features,
    check_is_fitted,
)


def _check_bool(value, *, name: str) -> bool:
    """``value`` if it is ``True`` or ``False``, else a ``TypeError``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {value!r}.")
    return bool(value)


def _as_data(X, *, allow_nan: bool = False) -> np.ndarray:
    """``X`` as a 2-D float array; NaN (a missing value) only on request."""
    X = as_matrix(X, name="X", finite=not allow_nan)
    if allow_nan and np.isinf(X).any():
        raise ValueError(
            "X must not contain inf; NaN marks a missing value, inf does not."
        )
    return X


class _Transformer(TransformerMixin, BaseEstimator):
    """``_check_transform_input`` and the input column names, shared by the
    transformers; ``fit_transform`` comes from ``TransformerMixin``."""

    _allow_nan = False  # SimpleImputer sets it: NaN marks a missing value

    def _check_transform_input(self, X) -> np.ndarray:
        """``X`` as a float matrix with the columns ``fit`` saw; raises
        ``NotFittedError`` before ``fit``."""
        return check_features(
            self, X, convert=lambda X: _as_data(X, allow_nan=self._allow_nan)
        )

    def _input_names(self, input_features) -> list[str]:
        """``input_features`` checked, or ``x0, x1, ...`` as scikit-learn's."""
        check_is_fitted(self)
        if input_features is None:
            return [f"x{j}" for j in range(self.n_features_in_)]
        names = [str(name) for name in np.asarray(input_features).ravel()]
        if len(names) != self.n_features_in_:
            raise ValueError(
                "input_features must have one name per feature "
                f"({self.n_features_in_}); got {len(names)}."
            )
        return names
