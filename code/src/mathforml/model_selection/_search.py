r"""Hyperparameter search with cross-validation: grid search and random search
(:ref:`sec-hyperparameter-tuning`).

Every candidate is scored on the same folds; the best mean score wins, ties going to
the candidate listed first. The best score is optimistic: it is the maximum of noisy
estimates, which is why the book scores the winner again on a held-out test set.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import check_int, check_rng
from mathforml.base import BaseEstimator, check_is_fitted, clone
from mathforml.exceptions import NotFittedError
from mathforml.model_selection._scoring import check_scoring
from mathforml.model_selection._validation import (
    _check_cv,
    _check_y,
    _fit_and_score,
)

__all__ = ["GridSearchCV", "RandomizedSearchCV"]


def _candidates(param_grid):
    """Every combination of the grid's values, in scikit-learn's order."""
    grids = [param_grid] if isinstance(param_grid, Mapping) else param_grid
    out = []
    for grid in grids:
        names = sorted(grid)
        for values in itertools.product(*(grid[name] for name in names)):
            out.append(dict(zip(names, values)))
    return out


def _search(model, candidates, X, y, splits, scorer):
    """The score of every candidate on every fold (one row per candidate)."""
    scores = np.empty((len(candidates), len(splits)))
    for i, params in enumerate(candidates):
        candidate = clone(model).set_params(**params)
        for j, (train, test) in enumerate(splits):
            scores[i, j] = _fit_and_score(candidate, X, y, train, test, scorer)
    return scores


def _rank_min(means):
    """Rank 1 for the largest mean, ties sharing the smallest rank; NaN last."""
    means = np.where(np.isnan(means), -np.inf, means)
    return 1 + np.sum(means[None, :] > means[:, None], axis=1)


def _sample_candidates(distributions, n_iter, rng):
    """``n_iter`` candidates, each value drawn independently: uniformly from a
    list, or by ``.rvs(random_state=rng)`` from a distribution."""
    out = []
    for _ in range(n_iter):
        grid = distributions[rng.integers(len(distributions))]
        params = {}
        for name in sorted(grid):
            dist = grid[name]
            if hasattr(dist, "rvs"):
                params[name] = dist.rvs(random_state=rng)
            else:
                params[name] = dist[rng.integers(len(dist))]
        out.append(params)
    return out


def _check_grids(grid, name, model, *, allow_rvs):
    """``grid`` as a non-empty list of dicts whose keys the model has."""
    grids = [grid] if isinstance(grid, Mapping) else grid
    if not isinstance(grids, Sequence) or isinstance(grids, str):
        raise TypeError(
            f"{name} must be a dict of lists or a list of such dicts; got "
            f"{type(grid).__name__} {grid!r}."
        )
    if len(grids) == 0:
        raise ValueError(
            f"{name} must not be empty; give at least one parameter."
        )
    valid = model.get_params(deep=True)
    for g in grids:
        if not isinstance(g, Mapping) or len(g) == 0:
            raise ValueError(
                f"{name} must hold non-empty dicts of parameter values; got "
                f"{g!r}."
            )
        for key, values in g.items():
            if key not in valid:
                raise ValueError(
                    f"{name} names {key!r}, which {type(model).__name__} does "
                    f"not have; its parameters are {sorted(valid)}."
                )
            if allow_rvs and hasattr(values, "rvs"):
                continue
            if isinstance(values, (str, bytes)) or not isinstance(
                values, (Sequence, np.ndarray)
            ):
                raise TypeError(
                    f"{name}[{key!r}] must be a list of values"
                    f"{' or a distribution with rvs' if allow_rvs else ''}; "
                    f"got {type(values).__name__} {values!r}. Wrap a single "
                    "value in a list."
                )
            if len(values) == 0:
                raise ValueError(f"{name}[{key!r}] must not be empty.")
    return list(grids)


def _param_column(candidates, name):
    """The values of one parameter, masked where a candidate lacks it; a numeric
    dtype when the values allow one, as scikit-learn's."""
    values = [c[name] for c in candidates if name in c]
    try:
        arr = np.array(values)
        dtype = (
            arr.dtype if arr.dtype.kind != "U" and arr.ndim == 1 else object
        )
    except ValueError:
        dtype = object
    column = np.ma.masked_all(len(candidates), dtype=dtype)
    for i, c in enumerate(candidates):
        if name in c:
            column[i] = c[name]
    return column


class _Delegate:
    """A method of the search that calls the same method of ``best_estimator_``;
    ``hasattr`` is False when the model has no such method."""

    def __init__(self, name, doc):
        self.name, self.__doc__ = name, doc

    def __get__(self, search, owner=None):
        if search is None:
            return self
        target = getattr(search, "best_estimator_", search.model)
        if not hasattr(target, self.name):
            raise AttributeError(
                f"{type(target).__name__} has no {self.name}, so neither has "
                f"{type(search).__name__}."
            )

        def method(X):
            return getattr(search._best(), self.name)(X)

        method.__name__ = method.__qualname__ = self.name  # scorers look it up
        method.__doc__ = self.__doc__
        return method


class _BaseSearch(BaseEstimator):
    """``fit`` and the delegation to the best estimator, shared by both searches."""

    def fit(self, X: ArrayLike, y: ArrayLike):
        """Score every candidate on the same folds, keep the best and (with
        ``refit=True``) refit it on all of ``X, y``; returns ``self``."""
        if not isinstance(self.refit, (bool, np.bool_)):
            raise TypeError(
                f"refit must be True or False; got {self.refit!r}."
            )
        scorer = check_scoring(self.scoring)
        y = _check_y(X, y)
        splits = _check_cv(self.cv, self.model, X, y)
        if not callable(getattr(self.model, "set_params", None)):
            raise TypeError(
                f"model must have set_params; {type(self.model).__name__} "
                "has not."
            )
        candidates = self._candidates()
        scores = _search(self.model, candidates, X, y, splits, scorer)
        self._store(candidates, scores)
        self.scorer_ = scorer
        if self.refit:
            params = {
                k: clone(v, safe=False) for k, v in self.best_params_.items()
            }
            best = clone(self.model).set_params(**params)
            self.best_estimator_ = best.fit(X, y)
        return self

    def _store(self, candidates, scores):
        means = scores.mean(axis=1)
        ranks = _rank_min(means)
        results = {"params": candidates}
        for name in sorted({k for c in candidates for k in c}):
            results[f"param_{name}"] = _param_column(candidates, name)
        for j in range(scores.shape[1]):
            results[f"split{j}_test_score"] = scores[:, j]
        results["mean_test_score"] = means
        results["std_test_score"] = scores.std(axis=1)
        results["rank_test_score"] = ranks
        self.cv_results_ = results
        self.best_index_ = int(np.argmin(ranks))  # the first of the best
        self.best_params_ = candidates[self.best_index_]
        self.best_score_ = float(means[self.best_index_])
        self.n_splits_ = scores.shape[1]

    def _best(self):
        check_is_fitted(self)
        if not hasattr(self, "best_estimator_"):
            raise NotFittedError(
                f"This {type(self).__name__} was fitted with refit=False, so it "
                "has no best_estimator_; fit with refit=True to predict."
            )
        return self.best_estimator_

    predict = _Delegate("predict", "Predictions of ``best_estimator_``.")
    predict_proba = _Delegate(
        "predict_proba", "Class probabilities from ``best_estimator_``."
    )
    decision_function = _Delegate(
        "decision_function", "Decision values from ``best_estimator_``."
    )
    transform = _Delegate("transform", "``best_estimator_.transform(X)``.")

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """The search's scorer applied to ``best_estimator_`` on ``X, y``."""
        return float(self.scorer_(self._best(), X, y))

    @property
    def classes_(self):
        """The class labels of ``best_estimator_``."""
        return self._best().classes_

    @property
    def _estimator_type(self):
        return getattr(self.model, "_estimator_type", None)

    def __sklearn_tags__(self):
        tags = getattr(self.model, "__sklearn_tags__", None)
        return tags() if tags is not None else super().__sklearn_tags__()


class GridSearchCV(_BaseSearch):
    r"""Exhaustive search over a grid of hyperparameters, scored by
    cross-validation (:ref:`sec-hyperparameter-tuning`).

    Parameters
    ----------
    model : estimator
        Anything with ``fit``, ``get_params`` and ``set_params`` (a
        :class:`~mathforml.pipeline.Pipeline` too: name its parameters
        ``"<step>__<param>"``).
    param_grid : dict or list of dicts
        Parameter names mapped to lists of values. The candidates are listed as
        scikit-learn lists them: for each dict, its names sorted, then every
        combination (``itertools.product``) of their values.
    cv : int, splitter or iterable, default 5
        As in :func:`cross_val_score`; every candidate is scored on the same folds.
    scoring : str, callable or None
        As in :func:`cross_val_score`.
    refit : bool, default True
        Refit the best candidate on all the data, as ``best_estimator_``.

    Attributes
    ----------
    cv_results_ : dict
        ``"params"`` (the candidates), ``"param_<name>"`` (masked arrays),
        ``"split<i>_test_score"``, ``"mean_test_score"``, ``"std_test_score"``
        (``ddof=0``) and ``"rank_test_score"`` (1 is best, ties share the smallest
        rank).
    best_index_, best_params_, best_score_ : int, dict, float
        The first candidate of highest mean score.
    best_estimator_ : estimator
        Only with ``refit=True``.
    n_splits_ : int

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 3)); y = X @ [1.0, 2.0, 0.0] + rng.normal(size=40)
    >>> search = GridSearchCV(Ridge(), {"alpha": [0.1, 10.0, 1000.0]}, cv=4)
    >>> search.fit(X, y).best_params_
    {'alpha': 0.1}
    >>> search.cv_results_["rank_test_score"]
    array([1, 2, 3])
    """

    def __init__(self, model, param_grid, *, cv=5, scoring=None, refit=True):
        self.model = model
        self.param_grid = param_grid
        self.cv = cv
        self.scoring = scoring
        self.refit = refit

    def _candidates(self):
        grids = _check_grids(
            self.param_grid, "param_grid", self.model, allow_rvs=False
        )
        return _candidates(grids)


class RandomizedSearchCV(_BaseSearch):
    r"""Random search: ``n_iter`` candidates drawn at random, scored by
    cross-validation (:ref:`sec-hyperparameter-tuning`).

    Parameters
    ----------
    model : estimator
    param_distributions : dict or list of dicts
        Parameter names mapped to a list (a value is drawn uniformly from it) or a
        distribution with ``rvs(random_state=...)`` (``scipy.stats.loguniform(1e-3,
        1e2)``, say). Each candidate draws every value independently; with a list of
        dicts, each candidate first picks one dict uniformly.
    n_iter : int, default 10
        The number of candidates.
    cv, scoring, refit
        As in :class:`GridSearchCV`.
    rng : None, int or numpy.random.Generator
        Source of the draws: the same seed gives the same candidates.

    Attributes
    ----------
    cv_results_, best_index_, best_params_, best_score_, best_estimator_, n_splits_
        As in :class:`GridSearchCV`.

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(40, 3)); y = X @ [1.0, 2.0, 0.0] + rng.normal(size=40)
    >>> search = RandomizedSearchCV(
    ...     Ridge(), {"alpha": [0.01, 0.1, 1.0, 10.0]}, n_iter=3, cv=4, rng=0
    ... ).fit(X, y)
    >>> len(search.cv_results_["params"]), search.n_splits_
    (3, 4)
    """

    def __init__(
        self,
        model,
        param_distributions,
        *,
        n_iter=10,
        cv=5,
        scoring=None,
        refit=True,
        rng=None,
    ):
        self.model = model
        self.param_distributions = param_distributions
        self.n_iter = n_iter
        self.cv = cv
        self.scoring = scoring
        self.refit = refit
        self.rng = rng

    def _candidates(self):
        grids = _check_grids(
            self.param_distributions,
            "param_distributions",
            self.model,
            allow_rvs=True,
        )
        n_iter = check_int(self.n_iter, name="n_iter", minimum=1)
        return _sample_candidates(grids, n_iter, check_rng(self.rng))
