"""Probability: distributions, the multivariate Gaussian, Bayes, Markov chains.

Every distribution is tested against ``scipy.stats``; the chains against eigenvectors and
matrix powers.
"""

from mathforml.probability._chains import (
    bayes_update,
    distribution_after,
    simulate_chain,
    stationary_distribution,
)
from mathforml.probability._distributions import (
    Bernoulli,
    Binomial,
    Exponential,
    Normal,
    Poisson,
    Uniform,
)
from mathforml.probability._gaussian import MultivariateNormal

__all__ = [
    "Bernoulli",
    "Binomial",
    "Exponential",
    "MultivariateNormal",
    "Normal",
    "Poisson",
    "Uniform",
    "bayes_update",
    "distribution_after",
    "simulate_chain",
    "stationary_distribution",
]
