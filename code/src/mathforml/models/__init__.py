"""Models with the scikit-learn interface (``fit`` returns ``self``, ``predict``,
``score``), built on the book's mathematics; scikit-learn is a test oracle only."""

from mathforml.models._linear import ElasticNet, Lasso, Ridge
from mathforml.models._logistic import LogisticRegression
from mathforml.models._mlp import MLPClassifier
from mathforml.models._naive_bayes import GaussianNB, MultinomialNB
from mathforml.models._regression import (
    BayesianLinearRegression,
    LinearRegression,
)
from mathforml.models._svm import SVC

__all__ = [
    "SVC",
    "BayesianLinearRegression",
    "ElasticNet",
    "GaussianNB",
    "Lasso",
    "LinearRegression",
    "LogisticRegression",
    "MLPClassifier",
    "MultinomialNB",
    "Ridge",
]
