r"""Partial dependence: the average prediction as one feature moves.

For a feature :math:`j` and a value :math:`v`,

.. math::

    \mathrm{PD}_j(v) = \frac{1}{n} \sum_{i=1}^n f(x_{i1}, \dots, v, \dots,
    x_{id}),

the prediction averaged over the data with column :math:`j` set to :math:`v`
in every row (Friedman, 2001). Before the mean, each row's predictions along
the grid form its *individual conditional expectation* (ICE) curve (Goldstein
et al., 2015). scikit-learn's ``partial_dependence`` with ``method="brute"``
computes the same numbers, for ``kind="average"`` and ``kind="individual"``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from mathforml._validation import as_matrix, as_vector, check_choice, check_int
from mathforml.base import check_is_fitted, is_classifier

__all__ = ["partial_dependence"]


def _individual_curves(predict, X, feature, grid):
    """Entry (i, k): the prediction for row i of ``X`` with its column
    ``feature`` set to ``grid[k]``; row i is that sample's ICE curve."""
    curves = np.empty((X.shape[0], len(grid)))
    for k, value in enumerate(grid):
        X_value = X.copy()
        X_value[:, feature] = value  # every row gets the same value
        curves[:, k] = predict(X_value)
    return curves


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
    model,
    X: ArrayLike,
    feature: int,
    grid: ArrayLike,
    *,
    kind: str = "average",
) -> np.ndarray:
    r"""The average prediction of ``model`` over ``X`` with one column set to
    each value of a grid, or each row's prediction (its ICE curve).

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
    kind : {"average", "individual"}, default "average"
        ``"average"`` returns the partial dependence; ``"individual"`` the
        ICE curves it averages, one row per row of ``X``.

    Returns
    -------
    numpy.ndarray, shape (n_grid,) or (n_samples, n_grid)
        :math:`\mathrm{PD}(v)` for each value :math:`v` of ``grid``
        (``kind="average"``), or the prediction for each row of ``X`` and each
        value of ``grid`` (``kind="individual"``): the mean of its rows is the
        partial dependence.

    Raises
    ------
    TypeError, ValueError
        For ``X`` or ``grid`` that is not a finite array of the right
        dimension, an empty ``grid``, ``feature`` out of range, an unknown
        ``kind``, a classifier with more than two classes or without
        ``predict_proba``.

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
    >>> ice = partial_dependence(model, X, 0, [0.0, 1.0], kind="individual")
    >>> ice[:2].round(6) + 0.0  # the ICE curves of the first two rows
    array([[-1.,  1.],
           [ 0.,  2.]])
    """
    X = as_matrix(X, name="X")
    feature = check_int(
        feature, name="feature", minimum=0, maximum=X.shape[1] - 1
    )
    grid = as_vector(grid, name="grid")
    kind = check_choice(kind, ("average", "individual"), name="kind")
    curves = _individual_curves(_response(model), X, feature, grid)
    return curves.mean(axis=0) if kind == "average" else curves
