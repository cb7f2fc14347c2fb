"""The estimator conventions every model and transformer of the book follows
(:ref:`sec-ml-pipeline`).

They are scikit-learn's, so the two libraries mix in both directions:

- ``__init__`` stores its keyword arguments unchanged, one attribute each, and does
  nothing else: validation happens in ``fit``.
- ``fit(X, y)`` learns from data and returns ``self``; what it learns is stored in
  attributes whose names end in ``_`` (``coef_``, ``mean_``), so "fitted" means "has
  such an attribute".
- ``get_params``/``set_params`` read and write the hyperparameters; :func:`clone` makes an
  unfitted copy with the same hyperparameters, which is how cross-validation trains a
  fresh model on every fold.
- ``__sklearn_tags__`` tells scikit-learn what the object is (classifier, regressor,
  transformer). It imports scikit-learn inside the method, so scikit-learn stays a
  test-time dependency: the package itself never imports it.
"""

from __future__ import annotations

import copy
import inspect

import numpy as np

from mathforml._validation import as_matrix
from mathforml.exceptions import NotFittedError

__all__ = [
    "BaseEstimator",
    "ClassifierMixin",
    "RegressorMixin",
    "TransformerMixin",
    "check_features",
    "check_is_fitted",
    "clone",
    "is_classifier",
]


class BaseEstimator:
    """``get_params``, ``set_params``, a readable ``repr`` and scikit-learn's tags.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions; :ref:`sec-cross-validation` writes
    a transformer on this base.

    Examples
    --------
    >>> class Scale(BaseEstimator):
    ...     def __init__(self, *, factor=2.0):
    ...         self.factor = factor
    >>> s = Scale(factor=3.0)
    >>> s.get_params()
    {'factor': 3.0}
    >>> s.set_params(factor=5.0)
    Scale(factor=5.0)
    """

    @classmethod
    def _param_names(cls) -> list[str]:
        init = cls.__init__
        if init is object.__init__:
            return []
        params = inspect.signature(init).parameters.values()
        for p in params:
            if p.kind == p.VAR_POSITIONAL:
                raise TypeError(
                    f"{cls.__name__}.__init__ must not take *args: "
                    "every hyperparameter needs a name."
                )
        return sorted(
            p.name
            for p in params
            if p.name != "self" and p.kind != p.VAR_KEYWORD
        )

    def get_params(self, deep: bool = True) -> dict:
        """The hyperparameters, by name; with ``deep=True`` also those of nested
        estimators, as ``"<name>__<param>"``."""
        out = {}
        for name in self._param_names():
            value = getattr(self, name)
            if (
                deep
                and hasattr(value, "get_params")
                and not isinstance(value, type)
            ):
                for k, v in value.get_params(deep=True).items():
                    out[f"{name}__{k}"] = v
            out[name] = value
        return out

    def set_params(self, **params):
        """Set hyperparameters by name (``"<name>__<param>"`` reaches into a nested
        estimator); returns ``self``. An unknown name is a ``ValueError``."""
        valid = self.get_params(deep=True)
        nested: dict[str, dict] = {}
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for {type(self).__name__}; "
                    f"valid parameters are {sorted(self._param_names())}."
                )
            if sub:
                nested.setdefault(name, {})[sub] = value
            else:
                setattr(self, name, value)
                valid[name] = value
        for name, sub_params in nested.items():
            valid[name].set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        args = ", ".join(
            f"{k}={v!r}" for k, v in self.get_params(deep=False).items()
        )
        return f"{type(self).__name__}({args})"

    def __sklearn_tags__(self):
        # Imported here, so that scikit-learn is needed only by whoever asks.
        from sklearn.utils import Tags, TargetTags

        return Tags(
            estimator_type=None, target_tags=TargetTags(required=False)
        )


class ClassifierMixin:
    """Marks a classifier; ``score`` is the accuracy.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions.
    """

    _estimator_type = "classifier"  # what scikit-learn < 1.6 looks for

    def score(self, X, y) -> float:
        """The fraction of rows of ``X`` whose predicted label equals ``y``."""
        from mathforml.metrics import accuracy_score

        y_pred = self.predict(X)
        _check_target_length(y, len(y_pred))
        return accuracy_score(y, y_pred)

    def __sklearn_tags__(self):
        from sklearn.utils import ClassifierTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "classifier"
        tags.classifier_tags = ClassifierTags()
        tags.target_tags.required = True
        return tags


class RegressorMixin:
    """Marks a regressor; ``score`` is the coefficient of determination.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions.
    """

    _estimator_type = "regressor"

    def score(self, X, y) -> float:
        r"""The coefficient of determination :math:`R^2` of the predictions."""
        from mathforml.metrics import r2_score

        y_pred = self.predict(X)
        _check_target_length(y, len(y_pred))
        return r2_score(y, y_pred)

    def __sklearn_tags__(self):
        from sklearn.utils import RegressorTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "regressor"
        tags.regressor_tags = RegressorTags()
        tags.target_tags.required = True
        return tags


class TransformerMixin:
    """Marks a transformer and adds ``fit_transform``.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions; :ref:`sec-cross-validation` writes
    a transformer with this mixin.
    """

    def fit_transform(self, X, y=None):
        """``fit(X, y)`` then ``transform(X)``."""
        return self.fit(X, y).transform(X)

    def __sklearn_tags__(self):
        from sklearn.utils import TransformerTags

        tags = super().__sklearn_tags__()
        tags.transformer_tags = TransformerTags()
        return tags


def clone(estimator, *, safe: bool = True):
    """A new, unfitted estimator with the same hyperparameters (nested estimators
    cloned too). Works on any object with ``get_params``, scikit-learn's included.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches why a model is cloned before it is fitted again.

    Examples
    --------
    >>> from mathforml.models import Ridge
    >>> m = Ridge(alpha=3.0).fit([[0.0], [1.0]], [0.0, 1.0])
    >>> c = clone(m)
    >>> c.alpha, hasattr(c, "coef_")
    (3.0, False)
    """
    if isinstance(estimator, (list, tuple, set, frozenset)):
        return type(estimator)(clone(e, safe=safe) for e in estimator)
    if not hasattr(estimator, "get_params") or isinstance(estimator, type):
        if not safe:
            return copy.deepcopy(estimator)
        raise TypeError(
            f"estimator must be an estimator (an object with get_params); got "
            f"{type(estimator).__name__} {estimator!r}."
        )
    params = estimator.get_params(deep=False)
    new_params = {k: clone(v, safe=False) for k, v in params.items()}
    return type(estimator)(**new_params)


def is_classifier(estimator) -> bool:
    """Whether ``estimator`` is a classifier: the package's marker, or scikit-learn's
    tags (or its older ``_estimator_type``).

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions.
    """
    if getattr(estimator, "_estimator_type", None) == "classifier":
        return True
    tags = getattr(estimator, "__sklearn_tags__", None)
    if tags is not None:
        try:
            return tags().estimator_type == "classifier"
        except (AttributeError, ImportError):
            return False
    return False


def check_is_fitted(estimator) -> None:
    """Raise :class:`~mathforml.exceptions.NotFittedError` unless ``estimator`` has a
    learned attribute (a name ending in ``_`` that does not start with ``_``).

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions.
    """
    fitted = [
        k for k in vars(estimator) if k.endswith("_") and not k.startswith("_")
    ]
    if not fitted:
        raise NotFittedError(
            f"This {type(estimator).__name__} is not fitted yet; call fit first."
        )


def check_features(estimator, X, *, convert=None) -> np.ndarray:
    """New data for a fitted ``estimator``: ``X`` converted (by ``convert``, by
    default to a float matrix) after checking that the estimator is fitted, and
    checked to have the ``n_features_in_`` columns that ``fit`` saw.

    Notes
    -----
    :ref:`sec-pca-in-practice` shows the check at work.
    """
    check_is_fitted(estimator)
    X = as_matrix(X, name="X") if convert is None else convert(X)
    if X.shape[1] != estimator.n_features_in_:
        raise ValueError(
            f"X has {X.shape[1]} features, but {type(estimator).__name__} was "
            f"fitted with {estimator.n_features_in_}."
        )
    return X


def _as_labels(y, *, name: str = "y") -> np.ndarray:
    """A 1-D array of labels of any type (numbers or strings); NaN is refused."""
    if y is None or isinstance(y, (str, bytes)):
        raise TypeError(
            f"{name} must be a 1-D array of labels; got {type(y).__name__}."
        )
    if not isinstance(y, np.ndarray):
        kinds = (
            {isinstance(v, (str, bytes)) for v in y}
            if np.ndim(y) == 1
            else set()
        )
        if len(kinds) > 1:
            raise TypeError(
                f"{name} mixes strings and numbers; use labels of one type."
            )
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D; got shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty.")
    if arr.dtype.kind == "c":
        raise TypeError(f"{name} must not be complex.")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must not contain NaN or inf.")
    if arr.dtype.kind == "O":
        try:
            arr = np.asarray(arr.tolist())
        except (TypeError, ValueError):
            arr = np.asarray([None])  # refused just below
        if arr.dtype.kind not in "biufUS":
            raise TypeError(
                f"{name} must hold labels of one type (numbers or strings)."
            )
    return arr


def _check_target_length(y, n_rows: int) -> None:
    """``score(X, y)`` needs one target per row of ``X``; say so by name."""
    n = np.shape(y)[0] if np.ndim(y) >= 1 else None
    if n != n_rows:
        raise ValueError(
            f"y must have one value per row of X ({n_rows}); got "
            f"{'a scalar' if n is None else n}."
        )
