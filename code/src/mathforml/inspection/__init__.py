"""Inspecting fitted models: which features they use (permutation and
drop-column importance) and how their predictions move with one feature
(partial dependence). scikit-learn's ``sklearn.inspection`` is the oracle of the
tests; the package does not depend on it."""

from mathforml.inspection._importance import (
    PermutationImportanceResult,
    drop_column_importance,
    permutation_importance,
)
from mathforml.inspection._partial_dependence import partial_dependence

__all__ = [
    "PermutationImportanceResult",
    "drop_column_importance",
    "partial_dependence",
    "permutation_importance",
]
