"""Small synthetic data sets, generated from an explicit random generator."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathforml._validation import check_int, check_rng, check_scalar

__all__ = ["LineData", "make_line_data"]


@dataclass(frozen=True)
class LineData:
    """Noisy samples of a line: inputs ``x``, targets ``y`` and the true parameters.

    Notes
    -----
    :ref:`sec-what-ml-asks` fits a line to it.
    """

    x: np.ndarray
    y: np.ndarray
    slope: float
    intercept: float
    noise: float


def make_line_data(
    n_samples: int = 30,
    *,
    slope: float = 2.0,
    intercept: float = 1.0,
    noise: float = 1.0,
    x_range: tuple[float, float] = (0.0, 5.0),
    rng=None,
) -> LineData:
    r"""Draw points :math:`y_i = \text{slope}\, x_i + \text{intercept} + \varepsilon_i`.

    Parameters
    ----------
    n_samples : int, default 30
        Number of points, at least 2.
    slope, intercept : float
        The true line.
    noise : float, default 1.0
        Standard deviation of the Gaussian noise :math:`\varepsilon_i`, at least 0.
    x_range : (float, float), default (0, 5)
        Inputs are drawn uniformly from this interval.
    rng : None, int or numpy.random.Generator
        Source of randomness.

    Returns
    -------
    LineData
        ``x`` and ``y`` of shape ``(n_samples,)``, with the true parameters.

    Notes
    -----
    .. math:: y_i = a x_i + b + \varepsilon_i, \quad \varepsilon_i \sim \mathcal{N}(0, \sigma^2)

    Used in :ref:`sec-what-ml-asks` and again for a least-squares line in
    :ref:`sec-projections`.

    Examples
    --------
    >>> data = make_line_data(5, rng=0)
    >>> data.x.shape, data.y.shape
    ((5,), (5,))
    """
    n = check_int(n_samples, name="n_samples", minimum=2)
    slope = check_scalar(slope, name="slope")
    intercept = check_scalar(intercept, name="intercept")
    noise = check_scalar(noise, name="noise", low=0)
    low, high = (check_scalar(v, name="x_range") for v in x_range)
    if not low < high:
        raise ValueError(
            f"x_range must be (low, high) with low < high; got {x_range}."
        )
    rng = check_rng(rng)
    x = rng.uniform(low, high, size=n)
    y = slope * x + intercept + noise * rng.standard_normal(n)
    return LineData(x, y, slope, intercept, noise)
