"""Models with the scikit-learn interface (``fit`` returns ``self``, ``predict``,
``transform``, ``score``), built on the book's mathematics; scikit-learn is a test
oracle only. Supervised models (regression, classification) and unsupervised ones
(PCA, kernel PCA, k-means, Gaussian mixtures)."""

from mathforml.models._kmeans import KMeans
from mathforml.models._linear import ElasticNet, Lasso, Ridge
from mathforml.models._logistic import LogisticRegression
from mathforml.models._mixture import GaussianMixture
from mathforml.models._mlp import MLPClassifier
from mathforml.models._naive_bayes import GaussianNB, MultinomialNB
from mathforml.models._pca import PCA, KernelPCA
from mathforml.models._regression import (
    BayesianLinearRegression,
    LinearRegression,
)
from mathforml.models._svm import SVC

__all__ = [
    "PCA",
    "SVC",
    "BayesianLinearRegression",
    "ElasticNet",
    "GaussianMixture",
    "GaussianNB",
    "KMeans",
    "KernelPCA",
    "Lasso",
    "LinearRegression",
    "LogisticRegression",
    "MLPClassifier",
    "MultinomialNB",
    "Ridge",
]
