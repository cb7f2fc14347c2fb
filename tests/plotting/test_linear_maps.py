"""Pictures of vectors and linear maps (Sections 1.2–1.3): what is drawn is what the maths says."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mathforml.plotting import plot_linear_map, plot_vectors
from tolerances import DIRECT

MAPS = {
    "scaling": [[2.0, 0.0], [0.0, 0.5]],
    "shear": [[1.0, 1.0], [0.0, 1.0]],
    "rotation": [[0.0, -1.0], [1.0, 0.0]],
    "reflection": [[1.0, 0.0], [0.0, -1.0]],
    "projection": [[1.0, 0.0], [0.0, 0.0]],
    "random": [[0.3, -1.2], [0.7, 0.4]],
}


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def _gid(artists, gid):
    return [a for a in artists if a.get_gid() == gid]


def _shoelace(P):
    x, y = P[:, 0], P[:, 1]
    return 0.5 * (x @ np.roll(y, -1) - y @ np.roll(x, -1))


@pytest.mark.parametrize("name", sorted(MAPS))
def test_cell_after_is_the_image_of_the_unit_square(ax, name):
    A = np.array(MAPS[name])
    plot_linear_map(A, ax=ax)
    (cell,) = _gid(ax.patches, "cell-after")
    corners = cell.get_xy()[:4]
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=float)
    np.testing.assert_allclose(corners, square @ A.T, **DIRECT)
    # the signed area of the image is the determinant
    np.testing.assert_allclose(_shoelace(corners), np.linalg.det(A), **DIRECT)


@pytest.mark.parametrize("name", sorted(MAPS))
def test_basis_arrows_are_the_columns(ax, name):
    A = np.array(MAPS[name])
    plot_linear_map(A, ax=ax)
    for j in (0, 1):
        (arrow,) = _gid(ax.texts, f"basis-{j + 1}")
        np.testing.assert_allclose(arrow.xy, A[:, j], **DIRECT)
        np.testing.assert_allclose(arrow.xyann, [0.0, 0.0], **DIRECT)


def test_grid_lines_are_mapped_by_A(ax, rng):
    A = rng.normal(size=(2, 2))
    plot_linear_map(A, ax=ax, extent=3)
    before, after = _gid(ax.lines, "grid-before"), _gid(ax.lines, "grid-after")
    assert len(before) == len(after) == 2 * (2 * 3 + 1)
    for b, a in zip(before, after):
        np.testing.assert_allclose(
            a.get_xydata(), b.get_xydata() @ A.T, **DIRECT
        )


def test_basis_sets_the_grid_before_the_map(ax):
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    B = np.array([[1.0, -1.0], [1.0, 1.0]])
    plot_linear_map(A, basis=B, ax=ax)
    (before,) = _gid(ax.patches, "cell-before")
    (after,) = _gid(ax.patches, "cell-after")
    np.testing.assert_allclose(before.get_xy()[[1, 3]], B.T, **DIRECT)
    np.testing.assert_allclose(after.get_xy()[[1, 3]], (A @ B).T, **DIRECT)
    # in the eigenbasis the map only stretches: A b1 = 3 b1, A b2 = b2
    (b1,) = _gid(ax.texts, "basis-1")
    np.testing.assert_allclose(b1.xy, 3 * B[:, 0], **DIRECT)


def test_show_original_false_draws_only_the_image(ax):
    plot_linear_map(np.eye(2), ax=ax, show_original=False)
    assert not _gid(ax.lines, "grid-before") and not _gid(
        ax.patches, "cell-before"
    )


def test_limits_hold_the_image(ax):
    A = np.array([[3.0, 0.0], [0.0, 3.0]])
    plot_linear_map(A, ax=ax, extent=2)
    assert ax.get_xlim()[1] >= 6 and ax.get_ylim()[0] <= -6
    assert ax.get_aspect() == 1.0


def test_returns_the_axes_it_was_given_or_a_new_one(ax):
    assert plot_linear_map(np.eye(2), ax=ax) is ax
    new = plot_linear_map(np.eye(2))
    assert new is not ax
    plt.close(new.figure)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"A": np.eye(3)}, ValueError, r"A must be a 2 x 2 matrix.*\(3, 3\)"),
        ({"A": [1.0, 2.0]}, ValueError, "A must be 2-D"),
        ({"A": [[1.0, np.nan], [0.0, 1.0]]}, ValueError, "finite"),
        (
            {"A": np.eye(2), "basis": np.ones((2, 3))},
            ValueError,
            r"basis must be a 2 x 2",
        ),
        ({"A": np.eye(2), "extent": 0}, ValueError, "extent must be >= 1"),
        (
            {"A": np.eye(2), "extent": 1.5},
            TypeError,
            "extent must be an integer",
        ),
    ],
)
def test_plot_linear_map_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        plot_linear_map(**kwargs)


def test_vectors_are_drawn_from_their_origins(ax):
    V = np.array([[2.0, 1.0], [-1.0, 1.5]])
    plot_vectors(V, origins=[[0.0, 0.0], [2.0, 1.0]], ax=ax, labels=["a", "b"])
    tips = [_gid(ax.texts, f"vector-{i}")[0].xy for i in (0, 1)]
    np.testing.assert_allclose(tips, [[2.0, 1.0], [1.0, 2.5]], **DIRECT)
    assert [t.get_text() for t in ax.texts if t.get_gid() is None] == [
        "a",
        "b",
    ]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert (
        x0 < 0 and x1 > 2 and y0 < 0 and y1 > 2.5
    )  # tails, tips and a margin


def test_vectors_share_one_origin(ax):
    plot_vectors(
        [[1.0, 0.0], [0.0, 1.0]],
        origins=[1.0, 1.0],
        ax=ax,
        colors=["C3", "C4"],
    )
    np.testing.assert_allclose(
        _gid(ax.texts, "vector-1")[0].xyann, [1.0, 1.0], **DIRECT
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"vectors": [[1.0, 2.0, 3.0]]}, r"vectors must have shape \(k, 2\)"),
        ({"vectors": [1.0, 2.0]}, "vectors must be 2-D"),
        (
            {"vectors": [[1.0, 2.0]], "origins": [[0.0, 0.0], [1.0, 1.0]]},
            "origins must have shape",
        ),
        (
            {"vectors": [[1.0, 2.0]], "colors": ["C0", "C1"]},
            r"colors must have one entry .*\(1\)",
        ),
        (
            {"vectors": [[1.0, 2.0]], "labels": []},
            "labels must have one entry",
        ),
    ],
)
def test_plot_vectors_rejects_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        plot_vectors(**kwargs)
