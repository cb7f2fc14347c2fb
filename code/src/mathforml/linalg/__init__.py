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
from mathforml.linalg._elimination import (
    RowEchelonForm,
    det,
    gauss_solve,
    inv,
    row_reduce,
)
from mathforml.linalg._orthogonal import gram_schmidt, lstsq, pinv, project
from mathforml.linalg._subspaces import condition_number, null_space, rank

__all__ = [
    "RowEchelonForm",
    "angle",
    "condition_number",
    "cosine_similarity",
    "cross",
    "det",
    "gauss_solve",
    "gram_schmidt",
    "inv",
    "lstsq",
    "norm",
    "null_space",
    "pinv",
    "project",
    "rank",
    "rotation_matrix",
    "row_reduce",
]
