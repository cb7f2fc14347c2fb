"""Models with the scikit-learn interface (``fit`` returns ``self``, ``predict``,
``score``), built on the book's mathematics; scikit-learn is a test oracle only."""

from mathforml.models._linear import ElasticNet, Lasso, Ridge
from mathforml.models._logistic import LogisticRegression

__all__ = ["ElasticNet", "Lasso", "LogisticRegression", "Ridge"]
