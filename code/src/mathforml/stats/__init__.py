"""Statistics: describing samples, estimating, testing and Bayesian updating.

The statistics are computed here, from their formulas; only the quantiles and
CDFs of the t and Beta distributions come from ``scipy.stats``. Every function
is tested against ``scipy.stats`` and NumPy.
"""

from mathforml.stats._bayesian import BetaPosterior, beta_binomial_posterior
from mathforml.stats._descriptive import Description, describe
from mathforml.stats._estimation import (
    bootstrap_ci,
    mle_normal,
    t_confidence_interval,
)
from mathforml.stats._ttests import TTestResult, ttest_1samp, ttest_welch

__all__ = [
    "BetaPosterior",
    "Description",
    "TTestResult",
    "beta_binomial_posterior",
    "bootstrap_ci",
    "describe",
    "mle_normal",
    "t_confidence_interval",
    "ttest_1samp",
    "ttest_welch",
]
