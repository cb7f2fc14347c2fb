"""Linear algebra for chapters 1–3: vectors, linear systems, analytic geometry, decompositions.

Short teaching implementations, each tested against ``numpy.linalg`` and ``scipy.linalg``.
"""

from mathforml.linalg._basics import angle, cosine_similarity, cross, norm, rotation_matrix
from mathforml.linalg._elimination import RowEchelonForm, det, gauss_solve, inv, row_reduce
from mathforml.linalg._orthogonal import gram_schmidt, lstsq, pinv, project
from mathforml.linalg._subspaces import condition_number, null_space, rank

__all__ = [
    # chapter 1: vectors, matrices, linear systems
    "RowEchelonForm",
    "condition_number",
    "cosine_similarity",
    "cross",
    "det",
    "gauss_solve",
    "inv",
    "null_space",
    "rank",
    "row_reduce",
    # chapter 2: analytic geometry
    "angle",
    "gram_schmidt",
    "lstsq",
    "norm",
    "pinv",
    "project",
    "rotation_matrix",
]
