"""Linear algebra for chapters 1–3: vectors, linear systems, analytic geometry, decompositions.

Short teaching implementations, each tested against ``numpy.linalg`` and ``scipy.linalg``.
"""

from mathforml.linalg._basics import (
    angle,
    cosine_similarity,
    cross,
    norm,
    rotation_matrix,
)
from mathforml.linalg._eigen import (
    PowerIterationResult,
    characteristic_polynomial,
    cholesky,
    eig_sym,
    gershgorin_discs,
    power_iteration,
)
from mathforml.linalg._elimination import (
    RowEchelonForm,
    det,
    gauss_solve,
    inv,
    row_reduce,
)
from mathforml.linalg._orthogonal import gram_schmidt, lstsq, pinv, project
from mathforml.linalg._subspaces import condition_number, null_space, rank
from mathforml.linalg._svd import low_rank_approx, svd

__all__ = [
    "PowerIterationResult",
    "RowEchelonForm",
    "angle",
    "characteristic_polynomial",
    "cholesky",
    "condition_number",
    "cosine_similarity",
    "cross",
    "det",
    "eig_sym",
    "gauss_solve",
    "gershgorin_discs",
    "gram_schmidt",
    "inv",
    "low_rank_approx",
    "lstsq",
    "norm",
    "null_space",
    "pinv",
    "power_iteration",
    "project",
    "rank",
    "rotation_matrix",
    "row_reduce",
    "svd",
]
