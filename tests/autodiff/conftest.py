"""A gradient check for the engine: every input of an operation, by check_grad."""

import numpy as np
import pytest

from mathforml.autodiff import Tensor
from mathforml.calculus import check_grad


def engine_grad_error(op, *inputs, rng, coordinates=True):
    """Worst relative error of the engine's gradients of ``sum(W * op(*inputs))``.

    ``W`` is a random seed gradient, so the check sees every entry of the output. All
    inputs require gradients at once, as in a real graph; each is checked in turn by
    central differences (random directions, plus every coordinate on these tiny inputs).
    """
    W = rng.standard_normal(np.shape(op(*[Tensor(x) for x in inputs]).data))
    errors = []
    for k in range(len(inputs)):

        def with_k(x_k, k=k):
            return [x_k if i == k else x for i, x in enumerate(inputs)]

        def f(x_k):
            return float(
                np.sum(W * op(*[Tensor(x) for x in with_k(x_k)]).data)
            )

        def grad_f(x_k, k=k):
            tensors = [Tensor(x, requires_grad=True) for x in with_k(x_k)]
            op(*tensors).backward(W)
            return tensors[k].grad

        errors.append(
            check_grad(f, grad_f, inputs[k], coordinates=coordinates, rng=rng)
        )
    return max(errors)


@pytest.fixture
def grad_error():
    return engine_grad_error
