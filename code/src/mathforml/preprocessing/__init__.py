"""Preprocessing transformers (:ref:`sec-missing-data`, :ref:`sec-scaling`,
:ref:`sec-feature-engineering`) with scikit-learn's interface: ``fit`` learns
from the training rows and returns ``self``, ``transform`` applies what was
learned to any rows, ``fit_transform`` does both; learned attributes end in
``_``.

- :class:`StandardScaler`, :class:`MinMaxScaler`: one shift and one scale per
  column.
- :class:`SimpleImputer`: one fill value per column for missing entries (NaN).
- :class:`OneHotEncoder`: one 0/1 column per category.
- :class:`PolynomialFeatures`: every monomial up to a degree.

Each mixes with scikit-learn's tools (``Pipeline``, ``clone``,
``GridSearchCV``); scikit-learn is a test oracle only, never imported here.
"""

from mathforml.preprocessing._encoders import OneHotEncoder
from mathforml.preprocessing._impute import SimpleImputer
from mathforml.preprocessing._polynomial import PolynomialFeatures
from mathforml.preprocessing._scalers import MinMaxScaler, StandardScaler

__all__ = [
    "MinMaxScaler",
    "OneHotEncoder",
    "PolynomialFeatures",
    "SimpleImputer",
    "StandardScaler",
]
