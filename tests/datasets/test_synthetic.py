import numpy as np
import pytest

from mathforml.datasets import make_line_data


def test_shapes_and_range():
    data = make_line_data(50, x_range=(-1, 2), rng=0)
    assert data.x.shape == data.y.shape == (50,)
    assert data.x.min() >= -1 and data.x.max() <= 2


def test_same_seed_same_data_and_different_seed_different_data():
    a, b, c = (
        make_line_data(rng=1),
        make_line_data(rng=1),
        make_line_data(rng=2),
    )
    assert np.array_equal(a.y, b.y)
    assert not np.array_equal(a.y, c.y)


def test_noiseless_points_lie_on_the_line():
    data = make_line_data(20, slope=-3.0, intercept=0.5, noise=0.0, rng=3)
    np.testing.assert_allclose(data.y, -3.0 * data.x + 0.5, rtol=0, atol=1e-12)


def test_least_squares_recovers_the_line_within_its_standard_error():
    data = make_line_data(2000, slope=2.0, intercept=1.0, noise=0.5, rng=4)
    slope, intercept = np.polyfit(data.x, data.y, 1)
    se = 0.5 / np.sqrt(((data.x - data.x.mean()) ** 2).sum())
    assert abs(slope - 2.0) < 5 * se
    assert abs(intercept - 1.0) < 0.1


@pytest.mark.parametrize(
    "kwargs, kind, message",
    [
        ({"n_samples": 1}, ValueError, "n_samples must be >= 2"),
        ({"n_samples": 2.5}, TypeError, "n_samples must be an integer"),
        ({"noise": -1.0}, ValueError, "noise must be >= 0"),
        (
            {"x_range": (2.0, 1.0)},
            ValueError,
            r"x_range must be \(low, high\) with low < high",
        ),
        ({"slope": float("nan")}, ValueError, "slope must be finite"),
        ({"rng": "seed"}, TypeError, "rng must be None, an int seed"),
    ],
)
def test_bad_input(kwargs, kind, message):
    with pytest.raises(kind, match=message):
        make_line_data(**kwargs)
