r"""Chaining transformers and a model into one estimator (:ref:`sec-ml-pipeline`,
:ref:`sec-cross-validation`).

A :class:`Pipeline` fits each transformer on the training rows, passes what it
outputs to the next step, and fits the final estimator last. Used inside
cross-validation or a search, the whole chain is refitted on each fold's training
rows, so a scaler's means or an imputer's fill values never come from test rows: the
leak the book's cross-validation section warns against cannot happen.
"""

from __future__ import annotations

import copy
import functools
import types
from collections import Counter

from numpy.typing import ArrayLike

from mathforml.base import BaseEstimator, check_is_fitted
from mathforml.exceptions import NotFittedError

__all__ = ["Pipeline", "make_pipeline"]


def _fit_transform(step, X, y):
    """``step.fit_transform(X, y)``, or ``fit`` then ``transform``."""
    if hasattr(step, "fit_transform"):
        return step.fit_transform(X, y)
    return step.fit(X, y).transform(X)


class _AvailableIf:
    """A method that exists (for ``hasattr``) only when ``check(pipeline)`` holds,
    as scikit-learn's ``available_if``: a pipeline ending in a regressor has no
    ``predict_proba``."""

    def __init__(self, check, what):
        self.check, self.what = check, what

    def __call__(self, fn):
        self.fn = fn
        functools.update_wrapper(self, fn)
        return self

    def __get__(self, pipe, owner=None):
        if pipe is None:
            return self
        if not self.check(pipe):
            raise AttributeError(
                f"This Pipeline has no {self.fn.__name__}: {self.what}."
            )
        return types.MethodType(self.fn, pipe)


def _last_has(name):
    return _AvailableIf(
        lambda pipe: hasattr(pipe._final_estimator, name),
        f"its final step has no {name}",
    )


def _all_have_transform():
    return _AvailableIf(
        lambda pipe: all(hasattr(s, "transform") for _, s in pipe.steps),
        "every step must have transform",
    )


class _Bunch(dict):
    """A dict whose keys are also attributes: ``named_steps.ridge``."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


class Pipeline(BaseEstimator):
    r"""A chain of transformers ending in an estimator, fitted and used as one.

    Parameters
    ----------
    steps : list of (str, estimator) pairs
        Every step but the last must have ``fit`` and ``transform``; the last needs
        ``fit`` (and whatever you call: ``predict``, ``predict_proba``, ``score``,
        ``transform``). Names are unique and contain no ``"__"``.

    Notes
    -----
    The parameters are ``"steps"``, each step's name (to swap the step) and
    ``"<step>__<param>"`` (to set a step's hyperparameter), exactly as
    scikit-learn's ``Pipeline``; so a search can tune
    ``"polynomialfeatures__degree"``, and ``clone`` copies the whole chain.

    :ref:`sec-cross-validation` teaches why the preprocessing must be fitted inside each fold.


    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> class Center:
    ...     def fit(self, X, y=None):
    ...         self.mean_ = np.mean(X, axis=0)
    ...         return self
    ...     def transform(self, X):
    ...         return np.asarray(X) - self.mean_
    >>> X = np.array([[1.0], [2.0], [3.0]]); y = np.array([2.0, 4.0, 6.0])
    >>> pipe = Pipeline([("center", Center()), ("ridge", Ridge(alpha=0.0))])
    >>> pipe.fit(X, y).predict([[4.0]]).round(6)
    array([8.])
    >>> pipe.named_steps.center.mean_
    array([2.])
    """

    def __init__(self, steps):
        self.steps = steps

    def fit(self, X: ArrayLike, y: ArrayLike | None = None) -> Pipeline:
        """Fit each transformer on the output of the one before, then the final
        estimator on the last output; returns ``self``."""
        self._check_steps()
        Xt = X
        for _, step in self.steps[:-1]:
            Xt = _fit_transform(step, Xt, y)  # learns from these rows only
        self._final_estimator.fit(Xt, y)
        return self

    def _transform_steps(self, X):
        """``X`` passed through every step but the last."""
        if not self.__sklearn_is_fitted__():
            raise NotFittedError(
                "This Pipeline is not fitted yet; call fit(X, y) first."
            )
        for _, step in self.steps[:-1]:
            X = step.transform(X)
        return X

    @_last_has("predict")
    def predict(self, X: ArrayLike):
        """Transform ``X`` through the steps, then the final step's ``predict``."""
        return self._final_estimator.predict(self._transform_steps(X))

    @_last_has("predict_proba")
    def predict_proba(self, X: ArrayLike):
        """Transform ``X``, then the final step's ``predict_proba``."""
        return self._final_estimator.predict_proba(self._transform_steps(X))

    @_last_has("decision_function")
    def decision_function(self, X: ArrayLike):
        """Transform ``X``, then the final step's ``decision_function``."""
        Xt = self._transform_steps(X)
        return self._final_estimator.decision_function(Xt)

    @_last_has("score")
    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Transform ``X``, then the final step's ``score`` against ``y``."""
        return self._final_estimator.score(self._transform_steps(X), y)

    @_all_have_transform()
    def transform(self, X: ArrayLike):
        """``X`` passed through every step (all of them transformers)."""
        return self._final_estimator.transform(self._transform_steps(X))

    @_all_have_transform()
    def fit_transform(self, X: ArrayLike, y: ArrayLike | None = None):
        """Fit every step and return the training data transformed by all."""
        self._check_steps()
        Xt = X
        for _, step in self.steps:
            Xt = _fit_transform(step, Xt, y)
        return Xt

    @property
    def _final_estimator(self):
        return self.steps[-1][1]

    @property
    def named_steps(self) -> _Bunch:
        """The steps by name (also as attributes: ``pipe.named_steps.ridge``)."""
        return _Bunch(self.steps)

    @property
    def classes_(self):
        """The class labels of the final step."""
        return self._final_estimator.classes_

    @property
    def n_features_in_(self) -> int:
        """The number of features the first step was fitted with."""
        return self.steps[0][1].n_features_in_

    @property
    def _estimator_type(self):
        last = self._final_estimator
        kind = getattr(last, "_estimator_type", None)
        if kind is None and hasattr(last, "__sklearn_tags__"):
            kind = last.__sklearn_tags__().estimator_type  # sklearn >= 1.6
        return kind

    def __sklearn_tags__(self):
        last = getattr(self._final_estimator, "__sklearn_tags__", None)
        if last is None:
            return super().__sklearn_tags__()
        return copy.deepcopy(last())

    def __sklearn_is_fitted__(self) -> bool:
        last = self._final_estimator
        if hasattr(last, "__sklearn_is_fitted__"):
            return bool(last.__sklearn_is_fitted__())
        try:
            check_is_fitted(last)
        except NotFittedError:
            return False
        return True

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index):
        """A step by position or name; a slice is a sub-pipeline."""
        if isinstance(index, slice):
            return Pipeline(self.steps[index])
        if isinstance(index, str):
            return self.named_steps[index]
        return self.steps[index][1]

    def get_params(self, deep: bool = True) -> dict:
        """``"steps"``; with ``deep=True`` also each step by name and its
        hyperparameters as ``"<step>__<param>"``."""
        out = {"steps": self.steps}
        if not deep:
            return out
        for name, step in self.steps:
            out[name] = step
            if hasattr(step, "get_params"):
                for key, value in step.get_params(deep=True).items():
                    out[f"{name}__{key}"] = value
        return out

    def set_params(self, **params) -> Pipeline:
        """Set ``"steps"``, replace a step by its name, or set a step's
        hyperparameter with ``"<step>__<param>"``; returns ``self``."""
        if "steps" in params:
            self.steps = params.pop("steps")
        valid = self.get_params(deep=True)
        for key in params:
            if key.partition("__")[0] not in valid:
                raise ValueError(
                    f"Invalid parameter {key!r} for Pipeline; valid are "
                    "'steps', a step name "
                    f"({[name for name, _ in self.steps]}) or "
                    "'<step>__<param>'."
                )
        names = [name for name, _ in self.steps]
        replaced = [k for k in params if k in names]
        if replaced:  # copy the list only when a step is swapped by name
            steps = list(self.steps)
            for key in replaced:
                steps[names.index(key)] = (key, params.pop(key))
            self.steps = steps
        for key, value in params.items():
            name, _, sub = key.partition("__")
            self.named_steps[name].set_params(**{sub: value})
        return self

    def _check_steps(self):
        steps = self.steps
        if not isinstance(steps, (list, tuple)) or len(steps) == 0:
            raise TypeError(
                "steps must be a non-empty list of (name, estimator) pairs; "
                f"got {type(steps).__name__} {steps!r}."
            )
        for step in steps:
            if not (isinstance(step, tuple) and len(step) == 2):
                raise TypeError(
                    f"steps must hold (name, estimator) pairs; got {step!r}."
                )
        names = [name for name, _ in steps]
        for name in names:
            if not isinstance(name, str) or "__" in name or name == "steps":
                raise ValueError(
                    "steps: each name must be a string without '__' other "
                    f"than 'steps'; got {name!r}."
                )
        if len(set(names)) != len(names):
            raise ValueError(f"steps: names must be unique; got {names}.")
        for name, step in steps[:-1]:
            if not (hasattr(step, "fit") and hasattr(step, "transform")):
                raise TypeError(
                    f"steps: every step but the last must have fit and "
                    f"transform; {name!r} ({type(step).__name__}) has not."
                )
        if not hasattr(steps[-1][1], "fit"):
            raise TypeError(
                f"steps: the last step must have fit; {names[-1]!r} "
                f"({type(steps[-1][1]).__name__}) has not."
            )


def make_pipeline(*estimators) -> Pipeline:
    """A :class:`Pipeline` whose step names are the lowercased class names
    (``"-1"``, ``"-2"``, ... added to repeated names), as scikit-learn's.

    Notes
    -----
    :ref:`sec-cross-validation` teaches why the preprocessing must be fitted inside each fold.

    Examples
    --------
    >>> from mathforml.models import Ridge
    >>> [name for name, _ in make_pipeline(Ridge(), Ridge()).steps]
    ['ridge-1', 'ridge-2']
    """
    names = [type(e).__name__.lower() for e in estimators]
    repeated = {n: c for n, c in Counter(names).items() if c > 1}
    for i in reversed(range(len(names))):
        name = names[i]
        if name in repeated:
            names[i] = f"{name}-{repeated[name]}"
            repeated[name] -= 1
    return Pipeline(list(zip(names, estimators)))
