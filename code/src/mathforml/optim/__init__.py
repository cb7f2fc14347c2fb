"""Optimization: gradient descent and its momentum and adaptive variants, Newton and
BFGS, mini-batch SGD, conjugate gradients and the soft-thresholding step of the lasso;
and Rosenbrock's function of two variables, the valley the optimizers race along.

Every update rule is a small pure function (shown in Chapter 7); :func:`minimize` runs
any of them in one loop and records the path. Tested against ``scipy.optimize`` and
closed forms.
"""

from mathforml.optim._cg import CGResult, conjugate_gradient
from mathforml.optim._minimize import OptimizeResult, minimize
from mathforml.optim._rosenbrock import (
    rosenbrock,
    rosenbrock_grad,
    rosenbrock_hess,
)
from mathforml.optim._stochastic import SGDResult, minibatch_sgd
from mathforml.optim._updates import (
    adam_step,
    bfgs_update,
    gd_step,
    momentum_step,
    nesterov_step,
    newton_step,
    rmsprop_step,
    soft_threshold,
)

__all__ = [
    "CGResult",
    "OptimizeResult",
    "SGDResult",
    "adam_step",
    "bfgs_update",
    "conjugate_gradient",
    "gd_step",
    "minibatch_sgd",
    "minimize",
    "momentum_step",
    "nesterov_step",
    "newton_step",
    "rmsprop_step",
    "rosenbrock",
    "rosenbrock_grad",
    "rosenbrock_hess",
    "soft_threshold",
]
