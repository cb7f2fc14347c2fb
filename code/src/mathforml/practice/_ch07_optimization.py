"""The self-checking exercises of Chapter 7 (optimization), with their usual mistakes."""

from __future__ import annotations

import numpy as np

from mathforml.optim import adam_step
from mathforml.practice._core import Case, Exercise, Mistake, register
from mathforml.practice._core import close as _close
from mathforml.practice._core import shaped as _array

# --- 7.2 gradient descent ---------------------------------------------------------


def _descend(grad, x0, lr, n_steps, *, sign=-1.0):
    x = np.array(x0, dtype=float)
    for _ in range(max(n_steps, 0)):
        x = x + sign * lr * grad(x)
    return x


def _quadratic_grad(A, b):
    return lambda x: A @ x - b


def _gd_cases(rng):
    Q, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    A3 = Q @ np.diag([1.0, 4.0, 9.0]) @ Q.T
    b3 = rng.standard_normal(3)
    out = []
    for description, (A, b, x0, lr, n) in [
        (
            "f(x) = ½xᵀAx − bᵀx with A = diag(1, 10), b = (1, 1), "
            "x0 = (2, −1), lr = 0.05 and 40 steps",
            (
                np.diag([1.0, 10.0]),
                np.ones(2),
                np.array([2.0, -1.0]),
                0.05,
                40,
            ),
        ),
        (
            "a random 3 × 3 bowl with eigenvalues 1, 4, 9, x0 = 0, lr = 1/9 "
            "and 25 steps",
            (A3, b3, np.zeros(3), 1 / 9, 25),
        ),
        (
            "a one-dimensional bowl f(x) = x²  (gradient 2x), x0 = (3,), lr = 0.1 "
            "and 3 steps",
            (np.array([[2.0]]), np.zeros(1), np.array([3.0]), 0.1, 3),
        ),
        (
            "n_steps = 0 (the answer is x0 itself)",
            (np.diag([1.0, 10.0]), np.ones(2), np.array([2.0, -1.0]), 0.05, 0),
        ),
    ]:
        grad = _quadratic_grad(A, b)
        expected = _descend(grad, x0, lr, n)
        out.append(Case(description, (grad, x0, lr, n), expected))
    return out


def _gd_variant(c, *, steps=0, sign=-1.0):
    grad, x0, lr, n = c.args
    return _descend(grad, x0, lr, n + steps, sign=sign)


register(
    Exercise(
        name="gradient-descent",
        section="sec-gradient-descent",
        wants="function",
        signature="gradient_descent(grad, x0, lr, n_steps) -> the final point",
        cases=_gd_cases,
        agrees=lambda got, c: _close(
            _array(got, c.expected.shape), c.expected
        ),
        mistakes=(
            Mistake(
                "step against the gradient: x − lr·grad(x). Adding the gradient "
                "climbs uphill (gradient ascent).",
                lambda got, c: (
                    c.args[3] > 0
                    and _close(
                        _array(got, c.expected.shape), _gd_variant(c, sign=1.0)
                    )
                ),
            ),
            Mistake(
                "your point did not move from x0: assign the new point back to x "
                "inside the loop (x = x − lr * grad(x)).",
                lambda got, c: (
                    c.args[3] > 0
                    and _close(_array(got, c.expected.shape), c.args[1])
                ),
            ),
            Mistake(
                "count the steps: range(n_steps) takes exactly n_steps of them; "
                "you took one too few or one too many.",
                lambda got, c: any(
                    _close(
                        _array(got, c.expected.shape), _gd_variant(c, steps=k)
                    )
                    for k in (-1, 1)
                    if c.args[3] + k >= 0
                ),
            ),
            Mistake(
                "return only the final point, an array shaped like x0, not the "
                "whole path.",
                lambda got, c: (
                    np.ndim(got) == 2
                    and len(got) in (c.args[3], c.args[3] + 1)
                ),
            ),
        ),
    )
)


# --- 7.4 one Adam step -------------------------------------------------------------


def _adam_cases(rng):
    d = 3
    m = 0.1 * rng.standard_normal(d)
    s = 0.01 * rng.random(d)
    out = []
    for description, (x, g, m_, s_, t, lr, b1, b2, eps) in [
        (
            "the first step (t = 1) from m = s = 0, with the default "
            "hyperparameters",
            (
                np.array([1.0, -2.0, 0.5]),
                np.array([0.3, -4.0, 0.02]),
                np.zeros(d),
                np.zeros(d),
                1,
                0.001,
                0.9,
                0.999,
                1e-8,
            ),
        ),
        (
            "step t = 5 with nonzero running averages m and s, lr = 0.01",
            (
                rng.standard_normal(d),
                rng.standard_normal(d),
                m,
                s,
                5,
                0.01,
                0.9,
                0.999,
                1e-8,
            ),
        ),
        (
            "step t = 3, beta1 = 0.8, beta2 = 0.99, eps = 1e-6",
            (
                rng.standard_normal(d),
                rng.standard_normal(d),
                m,
                s,
                3,
                0.05,
                0.8,
                0.99,
                1e-6,
            ),
        ),
        (
            "tiny gradients (about 1e-5) at step t = 2, where the place of eps "
            "matters",
            (
                np.zeros(d),
                np.array([1e-5, -2e-5, 3e-6]),
                np.array([1e-6, -1e-6, 0.0]),
                np.array([1e-10, 2e-10, 1e-11]),
                2,
                0.001,
                0.9,
                0.999,
                1e-8,
            ),
        ),
    ]:
        expected = adam_step(
            x, g, m_, s_, t, lr=lr, beta1=b1, beta2=b2, eps=eps
        )
        out.append(
            Case(description, (x, g, m_, s_, t, lr, b1, b2, eps), expected)
        )
    return out


def _triple(got, d) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    nan = np.full(d, np.nan)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return nan, nan, nan
    return tuple(_array(part, (d,)) for part in got)


def _adam_agrees(got, c) -> bool:
    d = c.args[0].shape[0]
    return all(
        _close(a, b, rtol=1e-7) for a, b in zip(_triple(got, d), c.expected)
    )


def _adam_variant(c, *, correct=True, eps_inside=False, weights=True):
    x, g, m, s, t, lr, b1, b2, eps = c.args
    m = b1 * m + ((1 - b1) * g if weights else g)
    s = b2 * s + ((1 - b2) * g**2 if weights else g**2)
    m_hat = m / (1 - b1**t) if correct else m
    s_hat = s / (1 - b2**t) if correct else s
    denominator = np.sqrt(s_hat + eps) if eps_inside else np.sqrt(s_hat) + eps
    return x - lr * m_hat / denominator, m, s


def _adam_x_is(got, c, **variant) -> bool:
    """The reader's new x is the variant's, and the variant differs from Adam here."""
    d = c.args[0].shape[0]
    wrong = _adam_variant(c, **variant)[0]
    return _close(_triple(got, d)[0], wrong) and not _close(
        wrong, c.expected[0], rtol=1e-7
    )


def _adam_state_is(got, c, which) -> bool:
    d = c.args[0].shape[0]
    x_new, m_new, s_new = _triple(got, d)
    m, s, t, b1, b2 = c.args[2], c.args[3], c.args[4], c.args[6], c.args[7]
    m_exp, s_exp = c.expected[1], c.expected[2]
    if which == "old":
        return (
            _close(x_new, c.expected[0])
            and _close(m_new, m)
            and _close(s_new, s)
        )
    # "corrected": the bias-corrected averages returned as the state
    return (
        _close(x_new, c.expected[0])
        and _close(m_new, m_exp / (1 - b1**t))
        and _close(s_new, s_exp / (1 - b2**t))
    )


register(
    Exercise(
        name="adam-step",
        section="sec-momentum-adam",
        wants="function",
        signature=(
            "adam_update(x, g, m, s, t, lr, beta1, beta2, eps) -> (x_new, m_new, "
            "s_new)"
        ),
        cases=_adam_cases,
        agrees=_adam_agrees,
        mistakes=(
            Mistake(
                "divide m and s by (1 − beta1**t) and (1 − beta2**t) before the step: "
                "both averages start at 0, and without the bias correction the "
                "early steps are wrong (with the default betas about 3 times too "
                "large, because s is pulled towards 0 more than m).",
                lambda got, c: _adam_x_is(got, c, correct=False),
            ),
            Mistake(
                "eps goes after the square root, sqrt(s_hat) + eps, not inside it: "
                "with tiny gradients sqrt(s_hat + eps) is dominated by eps.",
                lambda got, c: _adam_x_is(got, c, eps_inside=True),
            ),
            Mistake(
                "the running averages weigh the new gradient by (1 − beta1) and "
                "its square by (1 − beta2): m = beta1·m + (1 − beta1)·g.",
                lambda got, c: (
                    _adam_x_is(got, c, weights=False)
                    or _adam_x_is(got, c, weights=False, correct=False)
                ),
            ),
            Mistake(
                "the step is right, but return the updated m and s as well: the "
                "next step needs them.",
                lambda got, c: _adam_state_is(got, c, "old"),
            ),
            Mistake(
                "the step is right, but return the raw running averages m and s; "
                "the bias correction is applied afresh at every step and never "
                "stored.",
                lambda got, c: _adam_state_is(got, c, "corrected"),
            ),
        ),
    )
)


# --- 7.8 soft-thresholding ---------------------------------------------------------


def _soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0  # no -0.0


def _soft_cases(rng):
    out = []
    for description, z, t in [
        (
            "z = [3, −0.5, −2, 1] and t = 1",
            np.array([3.0, -0.5, -2.0, 1.0]),
            1.0,
        ),
        (
            "eight random values with t = 0.7",
            rng.normal(0, 1.5, 8),
            0.7,
        ),
        (
            "a 2 × 3 array with t = 0.5 (keep the shape)",
            np.array([[0.2, -1.5, 0.6], [-0.4, 2.0, -0.55]]),
            0.5,
        ),
        ("t = 0, where nothing changes", np.array([-1.0, 0.25, 4.0]), 0.0),
    ]:
        out.append(Case(description, (z, t), _soft(z, t)))
    return out


def _soft_is(got, c, wrong) -> bool:
    z, t = c.args
    return _close(_array(got, z.shape), wrong(z, t)) and not _close(
        wrong(z, t), c.expected
    )


register(
    Exercise(
        name="soft-threshold",
        section="sec-regularization",
        wants="function",
        signature="shrink(z, t) -> sign(z) * max(|z| − t, 0), entry by entry",
        cases=_soft_cases,
        agrees=lambda got, c: _close(_array(got, c.args[0].shape), c.expected),
        mistakes=(
            Mistake(
                "that is hard thresholding: it zeroes the small entries but leaves "
                "the large ones untouched. Soft thresholding also moves every "
                "surviving entry t closer to 0.",
                lambda got, c: _soft_is(
                    got, c, lambda z, t: np.where(np.abs(z) > t, z, 0.0)
                ),
            ),
            Mistake(
                "keep the sign: shrink |z| and multiply by sign(z), so negative "
                "entries stay negative.",
                lambda got, c: _soft_is(
                    got, c, lambda z, t: np.maximum(np.abs(z) - t, 0.0)
                ),
            ),
            Mistake(
                "entries with |z| ≤ t become exactly 0; subtracting t·sign(z) "
                "from them flips their sign instead.",
                lambda got, c: _soft_is(
                    got, c, lambda z, t: z - t * np.sign(z)
                ),
            ),
            Mistake(
                "clipping to [−t, t] keeps the small entries and caps the large "
                "ones: the opposite of what the lasso needs.",
                lambda got, c: _soft_is(
                    got, c, lambda z, t: np.clip(z, -t, t)
                ),
            ),
        ),
    )
)
