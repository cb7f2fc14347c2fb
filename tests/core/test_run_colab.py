"""scripts/run_colab.py: the install cell runs once, in the first notebook; every other
notebook must start with the same cell and runs from its second cell on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")  # a build tool: not in the floor environment
pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[2]
INSTALL = '%pip install -q "mathforml @ git+file://localhost/x@abc#subdirectory=code"'


@pytest.fixture
def run_colab():
    spec = importlib.util.spec_from_file_location("run_colab", ROOT / "scripts" / "run_colab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("first", ["print('no install')", INSTALL.replace("abc", "def")])
def test_a_notebook_without_the_same_install_cell_fails_before_any_environment(
        tmp_path, monkeypatch, capsys, run_colab, first):
    notebook(tmp_path / "nb" / "a.ipynb", INSTALL, "x = 1")
    notebook(tmp_path / "nb" / "b.ipynb", first, "x = 2")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert run_colab.main([str(tmp_path / "nb")]) == 1
    assert "b.ipynb" in capsys.readouterr().out
    assert not (tmp_path / "cache").exists()


def test_without_install_the_first_cell_is_left_out(tmp_path, monkeypatch, run_colab):
    ran = []

    class Client:
        def __init__(self, nb, **kwargs):
            self.nb = nb

        def execute(self):
            ran.append([cell.source for cell in self.nb.cells])

    monkeypatch.setattr(run_colab, "NotebookClient", Client)
    path = notebook(tmp_path / "a.ipynb", INSTALL, "x = 1", "y = 2")
    assert run_colab.run(path)[2] is None
    assert run_colab.run(path, install=False)[2] is None
    assert ran == [[INSTALL, "x = 1", "y = 2"], ["x = 1", "y = 2"]]
