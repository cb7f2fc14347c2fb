"""Warnings and exceptions raised by :mod:`mathforml`.

The names follow scikit-learn's (``sklearn.exceptions``) so that a reader who knows one
library recognizes them in the other; ``mathforml`` does not depend on scikit-learn.
"""

from __future__ import annotations

__all__ = ["ConvergenceWarning", "NotFittedError"]


class ConvergenceWarning(UserWarning):
    """An iterative method stopped at ``max_iter`` (or ``max_sweeps``) before meeting ``tol``.

    The function still returns its last iterate, with ``converged=False`` where the result
    has that field. Raise ``max_iter``, loosen ``tol``, or check that the problem has the
    property the method needs (for example a unique dominant eigenvalue).

    Notes
    -----
    :ref:`sec-gradient-descent` shows when an iteration stops short and warns.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("no convergence", ConvergenceWarning)
    >>> caught[0].category.__name__
    'ConvergenceWarning'
    """


class NotFittedError(ValueError, AttributeError):
    """A model's ``predict``, ``transform`` or ``score`` was called before ``fit``.

    It subclasses both ``ValueError`` and ``AttributeError``, as scikit-learn's does, so code
    written for either library catches it.

    Notes
    -----
    :ref:`sec-ml-pipeline` teaches the estimator conventions.

    Examples
    --------
    >>> issubclass(NotFittedError, (ValueError, AttributeError))
    True
    """
