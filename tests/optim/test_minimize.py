"""minimize: every method reaches the minimiser; rates, first steps, divergence, bad input."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy.optimize import minimize as scipy_minimize
from scipy.optimize import rosen, rosen_der, rosen_hess
from tests.tolerances import ITERATIVE

from mathforml.exceptions import ConvergenceWarning
from mathforml.optim import minimize

# lr that converges for each first-order method on the problems below
QUADRATIC_LR = {
    "gd": 0.1,
    "momentum": 0.05,
    "nesterov": 0.05,
    "adam": 0.05,
    "newton": 1.0,
    "bfgs": 1.0,
}
ROSEN = {
    "gd": (1e-3, 100_000),
    "momentum": (1e-4, 100_000),
    "nesterov": (1e-4, 100_000),
    "adam": (1e-2, 100_000),
    "newton": (1.0, 100),
    "bfgs": (1.0, 1000),
}


def quadratic(seed, d=4, kappa=10.0):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    A = Q @ np.diag(np.linspace(1.0, kappa, d)) @ Q.T
    b = rng.standard_normal(d)
    return (
        (lambda x: 0.5 * x @ A @ x - b @ x),
        (lambda x: A @ x - b),
        (lambda x: A),
        A,
        b,
    )


@pytest.mark.parametrize("method", sorted(QUADRATIC_LR))
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_method_reaches_the_minimiser_of_a_convex_quadratic(
    method, seed
):
    f, g, h, A, b = quadratic(seed)
    res = minimize(
        f,
        g,
        np.zeros(4),
        method=method,
        lr=QUADRATIC_LR[method],
        max_iter=50_000,
        tol=1e-9,
        hess=h if method == "newton" else None,
    )
    assert res.converged
    assert_allclose(res.x, np.linalg.solve(A, b), rtol=1e-7, atol=1e-8)
    assert res.path.shape == (res.n_iter + 1, 4) and res.history.shape == (
        res.n_iter + 1,
    )
    assert_allclose(res.path[0], 0.0, atol=0) and np.array_equal(
        res.path[-1], res.x
    )
    assert (
        res.fun
        == res.history[-1]
        == pytest.approx(f(res.x), rel=1e-15, abs=1e-15)
    )


@pytest.mark.slow
@pytest.mark.parametrize("method", sorted(ROSEN))
@pytest.mark.parametrize("x0", [(-1.2, 1.0), (0.0, 0.0)])
def test_every_method_reaches_the_minimum_of_rosenbrock(method, x0):
    lr, max_iter = ROSEN[method]
    res = minimize(
        rosen,
        rosen_der,
        x0,
        method=method,
        lr=lr,
        max_iter=max_iter,
        tol=1e-5,
        hess=rosen_hess if method == "newton" else None,
    )
    assert res.converged, res.message
    assert_allclose(res.x, [1.0, 1.0], rtol=0, atol=1e-3)


@pytest.mark.parametrize("lr", [1e-2, 1e-3, 1e-4])
def test_rmsprop_with_a_constant_rate_ends_within_about_lr_of_the_minimiser(
    lr,
):
    # its steps have length about lr whatever the gradient's size, so it circles the
    # minimiser at that distance instead of converging: a smaller lr gets closer
    f, g, _, A, b = quadratic(0)
    with pytest.warns(ConvergenceWarning, match="max_iter"):
        res = minimize(
            f,
            g,
            np.zeros(4),
            method="rmsprop",
            lr=lr,
            max_iter=60_000,
            tol=1e-9,
        )
    assert 0.1 * lr < np.linalg.norm(res.x - np.linalg.solve(A, b)) <= 2 * lr
    with pytest.warns(ConvergenceWarning, match="max_iter"):
        res = minimize(
            rosen,
            rosen_der,
            [-1.2, 1.0],
            method="rmsprop",
            lr=lr,
            max_iter=60_000,
            tol=1e-9,
        )
    assert np.linalg.norm(res.x - 1.0) <= 5 * lr  # the valley is curved


def test_bfgs_agrees_with_scipy_on_rosenbrock_in_five_dimensions():
    x0 = np.array([1.3, 0.7, 0.8, 1.9, 1.2])
    ours = minimize(
        rosen, rosen_der, x0, method="bfgs", max_iter=500, tol=1e-8
    )
    theirs = scipy_minimize(
        rosen, x0, jac=rosen_der, method="BFGS", options={"gtol": 1e-8}
    )
    assert ours.converged and theirs.success
    assert_allclose(ours.x, theirs.x, rtol=1e-6, atol=1e-6)
    assert (
        ours.n_iter < 200
    )  # superlinear: far fewer steps than gradient descent


def test_newton_solves_a_quadratic_in_one_step():
    f, g, h, A, b = quadratic(3, kappa=1e6)
    res = minimize(f, g, np.ones(4), method="newton", hess=h, tol=1e-8)
    assert res.n_iter == 1 and res.converged
    assert_allclose(res.x, np.linalg.solve(A, b), **ITERATIVE)


@pytest.mark.parametrize("kappa", [10.0, 50.0, 200.0])
def test_gd_iterations_follow_the_condition_number_bound(kappa):
    # with lr = 1/L the error contracts at least by (1 - 1/kappa) per step, so reaching
    # a relative gradient norm of 1e-6 takes at most log(1e6 * kappa) / -log(1 - 1/kappa)
    f, g, _, _, _ = quadratic(0, d=5, kappa=kappa)
    x0 = np.ones(5)
    tol = 1e-6 * np.linalg.norm(g(x0))
    res = minimize(
        f, g, x0, method="gd", lr=1 / kappa, max_iter=100_000, tol=tol
    )
    bound = np.log(1e6 * kappa) / -np.log(1 - 1 / kappa)
    assert res.converged and res.n_iter <= bound
    assert (
        res.n_iter >= 0.2 * kappa * np.log(1e6) / 2
    )  # and it is of that order, not less


def test_momentum_beats_gradient_descent_on_an_ill_conditioned_quadratic():
    f, g, *_ = quadratic(1, d=5, kappa=1000.0)
    kwargs = dict(max_iter=100_000, tol=1e-8)
    gd = minimize(f, g, np.zeros(5), method="gd", lr=1 / 1000, **kwargs)
    heavy = minimize(
        f, g, np.zeros(5), method="momentum", lr=1 / 1000, beta=0.9, **kwargs
    )
    nag = minimize(
        f, g, np.zeros(5), method="nesterov", lr=1 / 1000, beta=0.9, **kwargs
    )
    assert gd.converged and heavy.converged and nag.converged
    assert heavy.n_iter < gd.n_iter / 5 and nag.n_iter < gd.n_iter / 5


@pytest.mark.filterwarnings("ignore::mathforml.exceptions.ConvergenceWarning")
def test_first_steps_equal_their_closed_forms():
    g0 = np.array([3.0, -0.02, 1e-3])
    x0 = np.array([1.0, 2.0, -1.0])
    A = np.diag([2.0, 5.0, 1.0])
    b = A @ x0 - g0  # so that grad(x0) = g0
    f, g = (lambda x: 0.5 * x @ A @ x - b @ x), (lambda x: A @ x - b)
    first = {
        m: minimize(f, g, x0, method=m, lr=0.1, max_iter=1).path[1]
        for m in ("gd", "momentum", "rmsprop", "adam")
    }
    eps = 1e-8
    assert_allclose(first["gd"], x0 - 0.1 * g0, rtol=1e-15, atol=1e-15)
    assert_allclose(first["momentum"], x0 - 0.1 * g0, rtol=1e-15, atol=1e-15)
    assert_allclose(
        first["rmsprop"],
        x0 - 0.1 * g0 / (np.sqrt(0.1) * np.abs(g0) + eps),
        rtol=1e-12,
        atol=1e-15,
    )
    assert_allclose(
        first["adam"],
        x0 - 0.1 * g0 / (np.abs(g0) + eps),
        rtol=1e-12,
        atol=1e-15,
    )
    assert_allclose(x0 - first["adam"], 0.1 * np.sign(g0), rtol=1e-4, atol=0)


@pytest.mark.filterwarnings("ignore::mathforml.exceptions.ConvergenceWarning")
def test_nesterov_takes_the_gradient_at_the_look_ahead_point():
    seen = []
    A = np.diag([1.0, 4.0])

    def g(x):
        seen.append(x.copy())
        return A @ x

    minimize(
        lambda x: 0.5 * x @ A @ x,
        g,
        [1.0, 1.0],
        method="nesterov",
        lr=0.1,
        beta=0.5,
        max_iter=2,
        tol=0,
    )
    # calls: validation at x0, then per step: the norm check at x, the look-ahead
    x1 = np.array([1.0, 1.0]) - 0.1 * A @ np.array([1.0, 1.0])  # v0 = 0
    v1 = A @ np.array([1.0, 1.0])
    assert_allclose(seen[4], x1 - 0.1 * 0.5 * v1, rtol=1e-15, atol=1e-15)


@pytest.mark.parametrize(
    "method", ["gd", "momentum", "nesterov", "adam", "rmsprop"]
)
def test_divergence_stops_with_a_warning_and_no_nan(method):
    A = np.diag([1.0, 100.0])
    with pytest.warns(ConvergenceWarning, match="diverged"):
        res = minimize(
            lambda x: 0.5 * x @ A @ x,
            lambda x: A @ x,
            [1.0, 1.0],
            method=method,
            lr=0.5 if method in ("gd", "momentum", "nesterov") else 1e6,
            max_iter=10_000,
        )
    assert not res.converged and "diverged" in res.message
    assert res.n_iter < 10_000


def test_divergence_on_a_function_unbounded_below_is_reported():
    with pytest.warns(ConvergenceWarning):
        res = minimize(
            lambda x: -np.exp(x[0]),
            lambda x: -np.exp(x),
            [0.0],
            lr=1.0,
            max_iter=10_000,
        )
    assert not res.converged and np.all(np.isfinite(res.path[:-1]))


def test_max_iter_gives_a_warning_and_converged_false():
    with pytest.warns(ConvergenceWarning, match="max_iter=3"):
        res = minimize(rosen, rosen_der, [-1.2, 1.0], lr=1e-3, max_iter=3)
    assert not res.converged and res.n_iter == 3


def test_converged_at_the_start_takes_no_step():
    res = minimize(lambda x: x @ x, lambda x: 2 * x, [0.0, 0.0])
    assert res.converged and res.n_iter == 0 and res.path.shape == (1, 2)


def test_no_warning_when_converged():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        minimize(lambda x: x @ x, lambda x: 2 * x, [1.0, 1.0], lr=0.25)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"method": "sgd"}, ValueError, "method must be one of"),
        ({"method": None}, ValueError, "method must be one of"),
        ({"lr": 0.0}, ValueError, "lr must be > 0"),
        ({"lr": -1.0}, ValueError, "lr must be > 0"),
        ({"lr": np.nan}, ValueError, "lr must be finite"),
        ({"lr": "0.1"}, TypeError, "lr must be a real number"),
        ({"max_iter": -1}, ValueError, "max_iter must be >= 0"),
        ({"max_iter": 2.5}, TypeError, "max_iter must be an integer"),
        ({"tol": -1.0}, ValueError, "tol must be >= 0"),
        ({"beta": 0.9}, TypeError, "unknown \\['beta'\\]"),
        ({"method": "adam", "beta": 0.9}, TypeError, "beta1"),
        ({"method": "momentum", "beta": 1.0}, ValueError, "beta must be < 1"),
        (
            {"method": "momentum", "beta": -0.1},
            ValueError,
            "beta must be >= 0",
        ),
        ({"method": "rmsprop", "eps": 0.0}, ValueError, "eps must be > 0"),
        ({"method": "adam", "beta2": 1.5}, ValueError, "beta2 must be < 1"),
        ({"method": "newton"}, ValueError, "needs hess"),
        ({"hess": lambda x: np.eye(2)}, ValueError, "only by method='newton'"),
    ],
)
def test_bad_options_are_refused(kwargs, error, match):
    with pytest.raises(error, match=match):
        minimize(lambda x: x @ x, lambda x: 2 * x, [1.0, 1.0], **kwargs)


@pytest.mark.parametrize(
    ("fun", "grad", "x0", "error", "match"),
    [
        (
            lambda x: x @ x,
            lambda x: 2 * x,
            [np.nan, 1.0],
            ValueError,
            "x0 must contain only",
        ),
        (
            lambda x: x @ x,
            lambda x: 2 * x,
            [[1.0, 1.0]],
            ValueError,
            "x0 must be a 1-D",
        ),
        (lambda x: x @ x, lambda x: 2 * x, "ab", TypeError, "x0 must be"),
        ("f", lambda x: 2 * x, [1.0], TypeError, "fun must be a callable"),
        (lambda x: x @ x, None, [1.0], TypeError, "grad must be a callable"),
        (
            lambda x: None,
            lambda x: 2 * x,
            [1.0],
            TypeError,
            "fun must return a real",
        ),
        (
            lambda x: x,
            lambda x: 2 * x,
            [1.0, 2.0],
            ValueError,
            "fun must return a scalar",
        ),
        (
            lambda x: np.inf,
            lambda x: 2 * x,
            [1.0],
            ValueError,
            "fun\\(x0\\) must be finite",
        ),
        (
            lambda x: x @ x,
            lambda x: 2.0,
            [1.0, 2.0],
            ValueError,
            "grad must return an array of shape \\(2,\\)",
        ),
        (
            lambda x: x @ x,
            lambda x: None,
            [1.0],
            TypeError,
            "grad must return real",
        ),
    ],
)
def test_bad_problems_are_refused_naming_the_argument(
    fun, grad, x0, error, match
):
    with pytest.raises(error, match=match):
        minimize(fun, grad, x0)


def test_newton_on_a_singular_hessian_raises_linalgerror():
    with pytest.raises(np.linalg.LinAlgError, match="singular"):
        minimize(
            lambda x: x[0] ** 2,
            lambda x: np.array([2 * x[0], 0.0]),
            [1.0, 1.0],
            method="newton",
            hess=lambda x: np.diag([2.0, 0.0]),
        )


def test_newton_with_a_bad_hessian_shape_is_refused():
    with pytest.raises(
        ValueError, match="hess must return an array of shape \\(2, 2\\)"
    ):
        minimize(
            lambda x: x @ x,
            lambda x: 2 * x,
            [1.0, 1.0],
            method="newton",
            hess=lambda x: np.eye(3),
        )


def test_same_input_same_path():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        a = minimize(
            rosen, rosen_der, [-1.2, 1.0], method="adam", lr=0.01, max_iter=200
        )
        b = minimize(
            rosen, rosen_der, [-1.2, 1.0], method="adam", lr=0.01, max_iter=200
        )
    assert np.array_equal(a.path, b.path)
