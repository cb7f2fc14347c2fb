import numpy as np
import pytest

from mathforml._validation import (
    as_array,
    as_matrix,
    as_vector,
    check_int,
    check_rng,
    check_scalar,
)


@pytest.mark.parametrize(
    "bad, kind",
    [("abc", TypeError), (None, TypeError), ([[1, "x"]], TypeError)],
)
def test_as_array_rejects_non_numbers(bad, kind):
    with pytest.raises(kind, match="A must be an array of numbers"):
        as_array(bad, name="A")


@pytest.mark.parametrize("bad", [[1.0, np.nan], [np.inf, 1.0]])
def test_as_array_rejects_non_finite(bad):
    with pytest.raises(ValueError, match="x must contain only finite numbers"):
        as_array(bad, name="x")


def test_as_array_rejects_empty_unless_allowed():
    with pytest.raises(ValueError, match="x must not be empty"):
        as_array([], name="x")
    assert as_array([], name="x", allow_empty=True).shape == (0,)


def test_as_vector_and_matrix_shapes():
    assert as_vector((1, 2, 3), name="v").dtype == float
    with pytest.raises(ValueError, match="v must have length 2; got length 3"):
        as_vector([1, 2, 3], name="v", size=2)
    with pytest.raises(
        ValueError, match=r"X must be 2-D .*Use X.reshape\(-1, 1\)"
    ):
        as_matrix([1, 2], name="X")
    with pytest.raises(
        ValueError, match=r"A must be square; got shape \(2, 3\)"
    ):
        as_matrix(np.ones((2, 3)), name="A", square=True)


def test_check_int_and_scalar():
    assert check_int(np.int64(4), name="k", minimum=1) == 4
    with pytest.raises(TypeError, match="k must be an integer; got bool"):
        check_int(True, name="k")
    with pytest.raises(ValueError, match="k must be >= 1; got 0"):
        check_int(0, name="k", minimum=1)
    with pytest.raises(ValueError, match="k must be <= 3; got 4"):
        check_int(4, name="k", maximum=3)
    with pytest.raises(ValueError, match="h must be finite"):
        check_scalar(float("nan"), name="h")
    with pytest.raises(ValueError, match="p must be <= 1"):
        check_scalar(1.5, name="p", high=1)
    with pytest.raises(TypeError, match="p must be a real number"):
        check_scalar("0.5", name="p")


def test_check_rng_same_seed_same_draws():
    assert np.array_equal(
        check_rng(3).normal(size=4), check_rng(3).normal(size=4)
    )
    g = np.random.default_rng(1)
    assert check_rng(g) is g
    with pytest.raises(TypeError, match="rng must be None, an int seed"):
        check_rng("seed")


@pytest.mark.parametrize(
    "bad",
    [
        np.eye(2) + 1j * np.eye(2),
        [1 + 2j, 3.0],
        [[1.0, 2.0], [3.0, 4j]],
        np.array([1.0, 2j], dtype=object),
        np.complex64(1 + 1j),
    ],
)
def test_as_array_rejects_complex_naming_the_argument(bad):
    # np.asarray(x, dtype=float) would drop the imaginary part with only a warning
    with pytest.raises(TypeError, match="A must be real; got complex values"):
        as_array(bad, name="A")


@pytest.mark.parametrize(
    "bad", [np.array(["1", "2"]), ["1.0", "2.0"], np.array([b"1"])]
)
def test_as_array_rejects_strings(bad):
    with pytest.raises(
        TypeError, match="A must be an array of numbers; got strings"
    ):
        as_array(bad, name="A")


@pytest.mark.parametrize(
    "bad", [np.array([1.0, None], dtype=object), [[1, 2], [3]], [{"a": 1}]]
)
def test_as_array_rejects_object_and_ragged_input(bad):
    with pytest.raises(TypeError, match="A must be an array of numbers"):
        as_array(bad, name="A")


def test_as_array_accepts_numbers_of_any_real_dtype():
    for good in (
        [1, 2],
        np.array([1, 2], dtype=np.int8),
        np.array([True, False]),
        np.array([1.0, 2.0], dtype=np.float32),
        np.array([1, 2], dtype=object),
    ):
        assert as_array(good, name="A").dtype == float


def test_check_rng_rejects_a_bool():
    with pytest.raises(TypeError, match="rng must be None, an int seed"):
        check_rng(True)
