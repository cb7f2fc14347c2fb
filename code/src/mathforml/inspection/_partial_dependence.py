r"""Partial dependence: the average prediction as one feature moves.

For a feature :math:`j` and a value :math:`v`,

.. math::

    \mathrm{PD}_j(v) = \frac{1}{n} \sum_{i=1}^n f(x_{i1}, \dots, v, \dots,
    x_{id}),

the prediction averaged over the data with column :math:`j` set to :math:`v`
in every row (Friedman, 2001). scikit-learn's ``partial_dependence`` with
``kind="average", method="brute"`` computes the same numbers.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, as_vector, check_int
from mathforml.base import check_is_fitted, is_classifier

__all__ = ["partial_dependence"]


def _partial_dependence(predict, X, feature, grid):
    """The mean prediction over the rows of ``X`` with column ``feature`` set
    to each value of ``grid``."""
    averages = []
    for value in grid:
        X_value = X.copy()
        X_value[:, feature] = value  # every row gets the same value
        averages.append(np.mean(predict(X_value)))
    return np.array(averages)


def _response(model):
    """The number a model predicts: P(classes_[1]) for a binary classifier,
    the prediction for a regressor."""
    if not is_classifier(model):
        return model.predict
    classes = getattr(model, "classes_", None)
    if classes is None:
        check_is_fitted(model)
    if not hasattr(model, "predict_proba") or len(classes) != 2:
        raise ValueError(
            "model must be a regressor or a binary classifier with "
            "predict_proba (its partial dependence is that of P(classes_[1])); "
            f"got a {type(model).__name__} with {len(classes)} classes"
            f"{'' if hasattr(model, 'predict_proba') else ' and no predict_proba'}."
        )
    return lambda X: model.predict_proba(X)[:, 1]


def partial_dependence(
    model, X: ArrayLike, feature: int, grid: ArrayLike
) -> np.ndarray:
    r"""The average prediction of ``model`` over ``X`` with one column set to
    each value of a grid.

    Parameters
    ----------
    model : fitted estimator
        A regressor (its ``predict`` is averaged) or a binary classifier with
        ``predict_proba`` (the probability of ``classes_[1]`` is averaged);
        the package's or scikit-learn's.
    X : array_like, shape (n_samples, n_features)
        The rows to average over, usually the training data.
    feature : int
        The column to move, ``0 <= feature < n_features``.
    grid : array_like, shape (n_grid,)
        The values to give it, at least one.

    Returns
    -------
    numpy.ndarray, shape (n_grid,)
        :math:`\mathrm{PD}(v)` for each value :math:`v` of ``grid``.

    Raises
    ------
    TypeError, ValueError
        For ``X`` or ``grid`` that is not a finite array of the right
        dimension, an empty ``grid``, ``feature`` out of range, a classifier
        with more than two classes or without ``predict_proba``.

    Notes
    -----
    Setting column :math:`j` to :math:`v` in every row ignores how :math:`j`
    relates to the other columns: with correlated features, the averaged
    rows include combinations the data never shows, where the model
    extrapolates. For a linear model :math:`f(x) = b + w^\top x` the partial
    dependence is the line :math:`w_j v + \text{const}`. The metrics of
    :ref:`sec-metrics` score a model; this describes it.

    Examples
    --------
    >>> import numpy as np
    >>> from mathforml.models import Ridge
    >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 3.0], [3.0, 2.0]])
    >>> model = Ridge(alpha=0.0).fit(X, 2 * X[:, 0] - X[:, 1])
    >>> partial_dependence(model, X, 0, [0.0, 1.0, 2.0]).round(6)
    array([-1.5,  0.5,  2.5])
    """
    X = as_matrix(X, name="X")
    feature = check_int(
        feature, name="feature", minimum=0, maximum=X.shape[1] - 1
    )
    grid = as_vector(grid, name="grid")
    return _partial_dependence(_response(model), X, feature, grid)
