"""Calculus (chapter 4 of the book): numerical derivatives, gradient checking, integration.

Automatic differentiation lives in :mod:`mathforml.autodiff`.
"""

from mathforml.calculus._differentiation import (
    derivative,
    gradient,
    hessian,
    jacobian,
)
from mathforml.calculus._gradcheck import check_grad
from mathforml.calculus._integration import (
    MonteCarloResult,
    monte_carlo_integral,
    simpson,
    trapezoid,
)

__all__ = [
    "MonteCarloResult",
    "check_grad",
    "derivative",
    "gradient",
    "hessian",
    "jacobian",
    "monte_carlo_integral",
    "simpson",
    "trapezoid",
]
