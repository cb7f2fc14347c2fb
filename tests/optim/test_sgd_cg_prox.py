"""minibatch_sgd, conjugate_gradient and soft_threshold."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.datasets import load_diabetes

from mathforml.exceptions import ConvergenceWarning
from mathforml.optim import conjugate_gradient, minibatch_sgd, soft_threshold
from mathforml.optim._updates import soft_threshold_scalar

X, Y = load_diabetes(return_X_y=True)
XS = (X - X.mean(0)) / X.std(0)
YC = Y - Y.mean()
W_LS = np.linalg.lstsq(XS, YC, rcond=None)[0]


def mse_grad(w, idx):
    Xb = XS[idx]
    return 2 * Xb.T @ (Xb @ w - YC[idx]) / len(idx)


def test_sgd_with_a_decaying_rate_approaches_least_squares_on_diabetes():
    res = minibatch_sgd(
        mse_grad,
        np.zeros(10),
        len(YC),
        32,
        lambda t: 0.05 / (1 + t / 500),
        60,
        rng=0,
    )

    def mse(w):
        return np.mean((XS @ w - YC) ** 2)

    assert not res.diverged and res.path.shape == (61, 10)
    assert res.n_iter == 60 * int(np.ceil(len(YC) / 32))
    assert mse(res.x) < 1.01 * mse(W_LS)
    assert mse(res.path[-1]) < mse(res.path[1]) < mse(res.path[0])


def test_full_batch_sgd_is_gradient_descent():
    res = minibatch_sgd(
        mse_grad, np.zeros(10), len(YC), len(YC), 0.1, 5, rng=1
    )
    w = np.zeros(10)
    for _ in range(5):
        w = w - 0.1 * mse_grad(w, np.arange(len(YC)))
    assert_allclose(res.x, w, rtol=1e-12, atol=1e-12)


def test_each_epoch_visits_every_sample_once_in_a_fresh_order():
    seen = []
    minibatch_sgd(
        lambda w, idx: seen.append(idx.copy()) or np.zeros(1),
        [0.0],
        10,
        3,
        0.1,
        4,
        rng=2,
    )
    epochs = [np.concatenate(seen[k * 4 : (k + 1) * 4]) for k in range(4)]
    assert [len(b) for b in seen[:4]] == [3, 3, 3, 1]
    for order in epochs:
        assert sorted(order) == list(range(10))
    assert len({tuple(order) for order in epochs}) > 1


def test_same_seed_same_result_and_different_seed_different():
    def run(seed):
        return minibatch_sgd(
            mse_grad, np.zeros(10), len(YC), 16, 0.01, 2, rng=seed
        ).x

    assert np.array_equal(run(5), run(5)) and not np.array_equal(
        run(5), run(6)
    )


def test_sgd_divergence_is_reported():
    with (
        pytest.warns(ConvergenceWarning, match="diverged"),
        np.errstate(over="ignore", invalid="ignore"),
    ):
        res = minibatch_sgd(
            mse_grad, np.zeros(10), len(YC), 32, 50.0, 100, rng=0
        )
    assert res.diverged and res.path.shape[0] < 101


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (
            (None, [0.0], 10, 2, 0.1, 1),
            TypeError,
            "grad_batch must be a callable",
        ),
        (
            (mse_grad, [np.nan], 10, 2, 0.1, 1),
            ValueError,
            "w0 must contain only",
        ),
        (
            (mse_grad, np.zeros(10), 0, 2, 0.1, 1),
            ValueError,
            "n_samples must be >= 1",
        ),
        (
            (mse_grad, np.zeros(10), 10, 20, 0.1, 1),
            ValueError,
            "batch_size must be <= 10",
        ),
        (
            (mse_grad, np.zeros(10), 10, 2.0, 0.1, 1),
            TypeError,
            "batch_size must be an int",
        ),
        (
            (mse_grad, np.zeros(10), 10, 2, 0.0, 1),
            ValueError,
            "lr must be > 0",
        ),
        (
            (mse_grad, np.zeros(10), 10, 2, lambda t: -1.0, 1),
            ValueError,
            "lr\\(0\\) must",
        ),
        (
            (mse_grad, np.zeros(10), 10, 2, 0.1, -1),
            ValueError,
            "n_epochs must be >= 0",
        ),
        (
            (lambda w, idx: np.zeros(2), np.zeros(3), 10, 2, 0.1, 1),
            ValueError,
            "grad_batch must return an array of shape \\(3,\\)",
        ),
    ],
)
def test_sgd_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        minibatch_sgd(*args, rng=0)


def spd(n, seed, kappa=100.0):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return Q @ np.diag(np.geomspace(1, kappa, n)) @ Q.T, rng.standard_normal(n)


@pytest.mark.parametrize("n", [1, 2, 5, 20, 50])
@pytest.mark.parametrize("seed", [0, 1])
def test_cg_solves_an_spd_system_in_at_most_n_steps(n, seed):
    A, b = spd(n, seed, kappa=10.0)  # well conditioned: rounding stays small
    res = conjugate_gradient(A, b, tol=1e-10)
    assert res.converged and res.n_iter <= n
    assert_allclose(res.x, np.linalg.solve(A, b), rtol=1e-8, atol=1e-10)
    assert res.residuals.shape == (res.n_iter + 1,) and res.path.shape == (
        res.n_iter + 1,
        n,
    )


def test_cg_on_an_ill_conditioned_system_still_converges_within_a_few_n():
    # rounding destroys exact conjugacy, so CG may take more than n steps
    A, b = spd(50, 0, kappa=1e4)
    res = conjugate_gradient(A, b)
    assert res.converged and res.n_iter <= 4 * 50
    assert_allclose(res.x, np.linalg.solve(A, b), rtol=1e-6, atol=1e-8)


def test_cg_directions_are_conjugate_and_residuals_orthogonal():
    A, b = spd(6, 3)
    res = conjugate_gradient(A, b)
    steps = np.diff(res.path, axis=0)  # parallel to the directions p_k
    gram = steps @ A @ steps.T
    off = gram - np.diag(np.diag(gram))
    assert np.max(np.abs(off)) < 1e-8 * np.max(np.abs(gram))
    residuals = b - res.path @ A.T
    R = residuals[:-1] @ residuals[:-1].T
    assert np.max(np.abs(R - np.diag(np.diag(R)))) < 1e-8 * np.max(np.diag(R))


def test_cg_with_few_distinct_eigenvalues_finishes_early():
    Q, _ = np.linalg.qr(np.random.default_rng(0).standard_normal((30, 30)))
    A = Q @ np.diag(np.repeat([1.0, 5.0, 9.0], 10)) @ Q.T
    res = conjugate_gradient(A, np.ones(30))
    assert res.n_iter <= 3


def test_cg_from_the_solution_takes_no_step_and_b_zero_is_fine():
    A, b = spd(4, 0)
    assert conjugate_gradient(A, b, np.linalg.solve(A, b)).n_iter <= 1
    res = conjugate_gradient(A, np.zeros(4))
    assert res.n_iter == 0 and np.array_equal(res.x, np.zeros(4))


def test_cg_max_iter_warns():
    A, b = spd(20, 0, kappa=1e6)
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        res = conjugate_gradient(A, b, max_iter=2)
    assert not res.converged and res.n_iter == 2


@pytest.mark.parametrize(
    ("A", "b", "match"),
    [
        ([[1.0, 2.0], [0.0, 1.0]], [1.0, 1.0], "A must be symmetric"),
        ([[1.0, 0.0], [0.0, -1.0]], [0.0, 1.0], "A must be positive definite"),
        ([[1.0, 0.0, 0.0]], [1.0], "A must be square"),
        ([[1.0, 0.0], [0.0, 1.0]], [1.0, 1.0, 1.0], "b must have length 2"),
        (
            [[1.0, np.nan], [np.nan, 1.0]],
            [1.0, 1.0],
            "A must contain only finite",
        ),
    ],
)
def test_cg_bad_input(A, b, match):
    with pytest.raises(ValueError, match=match):
        conjugate_gradient(A, b)


def test_cg_bad_x0_and_tol():
    with pytest.raises(ValueError, match="x0 must have length 2"):
        conjugate_gradient(np.eye(2), [1.0, 1.0], [1.0])
    with pytest.raises(ValueError, match="tol must be >= 0"):
        conjugate_gradient(np.eye(2), [1.0, 1.0], tol=-1.0)


def test_soft_threshold_solves_its_one_dimensional_problem():
    # soft_threshold(x, t) = argmin_w (w - x)^2 / 2 + t |w|, checked on a fine grid
    grid = np.linspace(-5, 5, 200_001)
    for x in (-3.2, -0.7, 0.0, 0.4, 2.5):
        for t in (0.0, 0.5, 1.0):
            best = grid[np.argmin(0.5 * (grid - x) ** 2 + t * np.abs(grid))]
            assert abs(soft_threshold(x, t) - best) <= 1e-4
            assert soft_threshold_scalar(x, t) == soft_threshold(x, t)


def test_soft_threshold_shapes_and_sparsity():
    x = np.array([[3.0, -0.5], [-2.0, 0.9]])
    out = soft_threshold(x, 1.0)
    assert out.shape == x.shape and np.array_equal(
        out, [[2.0, 0.0], [-1.0, 0.0]]
    )
    assert isinstance(soft_threshold(2.0, 0.5), float)
    assert not np.signbit(soft_threshold(-0.5, 1.0))


@pytest.mark.parametrize(
    ("x", "t", "error", "match"),
    [
        ([1.0], -0.1, ValueError, "t must be >= 0"),
        ([1.0], "1", TypeError, "t must be a real number"),
        ([np.nan], 1.0, ValueError, "x must contain only finite"),
        ("abc", 1.0, TypeError, "x must be"),
    ],
)
def test_soft_threshold_bad_input(x, t, error, match):
    with pytest.raises(error, match=match):
        soft_threshold(x, t)
