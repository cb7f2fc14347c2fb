"""information_gain by hand, against sklearn's mutual_info_score (the gain of a
split is the mutual information of the labels and the split), and its bounds."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import mutual_info_score

from mathforml.information import entropy, information_gain
from tolerances import DIRECT


def close(a, b):
    return a == pytest.approx(b, rel=DIRECT["rtol"], abs=DIRECT["atol"])


def test_information_gain_by_hand():
    y = ["a", "a", "a", "b", "b", "c"]
    mask = [True, True, False, False, False, True]
    # H(y): frequencies 3/6, 2/6, 1/6; left a, a, c; right a, b, b
    h_y = -(
        3 / 6 * np.log2(3 / 6)
        + 2 / 6 * np.log2(2 / 6)
        + 1 / 6 * np.log2(1 / 6)
    )
    h_side = -(2 / 3 * np.log2(2 / 3) + 1 / 3 * np.log2(1 / 3))
    expected = h_y - 0.5 * h_side - 0.5 * h_side
    assert close(information_gain(y, mask), expected)
    assert close(information_gain(y, mask, base=np.e), expected * np.log(2))


def test_perfect_useless_and_one_sided_splits():
    y = np.array([0, 0, 1, 1])
    assert information_gain(y, y == 0) == 1.0
    assert information_gain(y, np.array([True, False, True, False])) == 0.0
    for mask in (np.zeros(4, bool), np.ones(4, bool)):  # an empty side
        assert information_gain(y, mask) == 0.0
    assert information_gain(["x"], [True]) == 0.0


@pytest.mark.parametrize("n", [5, 50, 1000])
def test_gain_is_the_mutual_information_of_labels_and_split(rng, n):
    for _ in range(10):
        y = rng.integers(0, 4, size=n)
        mask = rng.random(n) < rng.random()
        ig = information_gain(y, mask, base=np.e)
        assert close(ig, mutual_info_score(y, mask))
        assert -1e-12 <= ig <= entropy(np.bincount(y) / n, base=np.e) + 1e-12


def test_any_hashable_labels_give_the_same_gain(rng):
    codes = rng.integers(0, 3, size=40)
    mask = rng.random(40) < 0.4
    names = np.array(["setosa", "versicolor", "virginica"])[codes]
    mixed = [(None, 1.5, ("t", 3))[c] for c in codes]
    gain = information_gain(codes, mask)
    assert information_gain(names, mask) == gain
    assert information_gain(list(names), list(mask)) == gain
    assert information_gain(mixed, mask) == gain
    assert information_gain(codes + 10, mask) == gain
    assert type(gain) is float


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: information_gain([1, np.nan], [True, False]), "y must not"),
        (lambda: information_gain([], []), "y must not be empty"),
        (
            lambda: information_gain(np.array([[1], [2]]), [True, False]),
            "y must be 1-D",
        ),
        (lambda: information_gain({"a": 1}, [True]), "y must be a 1-D seq"),
        (lambda: information_gain("ab", [True, False]), "y must be a 1-D"),
        (lambda: information_gain(3, [True]), "y must be a 1-D sequence"),
        (
            lambda: information_gain([[1, 2], [3]], [True, False]),
            "y must hold hashable labels.*got list",
        ),
        (
            lambda: information_gain([1, 2], [1, 0]),
            r"mask must be a boolean array.*mask.astype\(bool\)",
        ),
        (lambda: information_gain([1, 2], None), "mask must be a boolean"),
        (lambda: information_gain([1, 2], [True]), "mask must have one entry"),
        (
            lambda: information_gain([1, 2], [[True, False]]),
            "mask must be 1-D",
        ),
        (
            lambda: information_gain([1, 2], [True, False], base=1),
            "base must not be 1",
        ),
    ],
)
def test_bad_input_is_named(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()
