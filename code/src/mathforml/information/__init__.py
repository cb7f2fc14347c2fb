"""Information theory: entropy, cross-entropy, KL divergence, mutual
information and the information gain of a split.

Discrete distributions are arrays of probabilities (non-negative, summing to
1); ``0 log 0`` counts as 0. The base of the logarithm is the keyword ``base``
(2 for bits, ``np.e`` for nats). Tested against ``scipy.stats`` and
``sklearn.metrics``.
"""

from mathforml.information._entropy import (
    cross_entropy,
    entropy,
    kl_divergence,
    kl_normal,
    mutual_information,
)
from mathforml.information._gain import information_gain

__all__ = [
    "cross_entropy",
    "entropy",
    "information_gain",
    "kl_divergence",
    "kl_normal",
    "mutual_information",
]
