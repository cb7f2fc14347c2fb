"""`make test`'s stage runner: stages of a group run together, a failure stops the run."""

import importlib.util
import shutil
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")

MAKEFILE = """\
ok-a:
\t@echo a-out
ok-b:
\t@sleep 1; echo b-out; touch b-done
ok-c:
\t@echo c-out
bad:
\t@echo bad-out; exit 3
slow:
\t@sleep 30; touch slow-done
needs-b:
\t@test -f b-done && echo needs-b-out
"""


@pytest.fixture
def runner(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("run_tests", ROOT / "scripts" / "run_tests.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "Makefile").write_text(MAKEFILE)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "TIMES", tmp_path / "out" / "test-times.txt")
    return module


def test_a_passing_run_prints_every_stage_and_its_time(runner, capfd):
    runner.GROUPS = [["ok-a"], ["ok-b", "ok-c"]]
    assert runner.main([]) == 0
    out = capfd.readouterr().out
    assert "a-out" in out and "b-out" in out and "c-out" in out
    assert "all checks passed" in out
    saved = runner.TIMES.read_text().splitlines()  # what make bench prints
    names = [line.rsplit(None, 2)[0].strip() for line in saved[1:]]
    # stages in the order they finished (ok-b and ok-c may end in the same poll), then the
    # group they formed, then the whole run
    assert names[0] == "ok-a" and sorted(names[1:3]) == ["ok-b", "ok-c"]
    assert names[3:] == ["ok-b + ok-c", "total"]
    for line in saved[1:]:
        assert line in out


def test_a_failure_stops_the_stage_beside_it_and_the_run(runner, capfd, tmp_path):
    runner.GROUPS = [["slow", "bad"], ["ok-a"]]
    began = time.monotonic()
    assert runner.main([]) == 1
    assert time.monotonic() - began < 20  # did not wait for "slow"
    out = capfd.readouterr().out
    assert "bad-out" in out and "bad FAILED" in out
    assert "slow: stopped because bad failed" in out
    assert "a-out" not in out  # the next group never started
    time.sleep(0.5)
    assert not (tmp_path / "slow-done").exists()


def test_a_lane_runs_its_stages_one_after_another_beside_the_others(runner, capfd, tmp_path):
    runner.GROUPS = [["ok-a", ("ok-b", "needs-b")], ["ok-c"]]
    assert runner.main([]) == 0  # needs-b fails unless ok-b (1 s) has ended
    out = capfd.readouterr().out
    assert "a-out" in out and "needs-b-out" in out
    assert out.index("===== ok-b") < out.index("===== needs-b") < out.index("===== ok-c")
    assert "ok-a + ok-b then needs-b" in runner.TIMES.read_text()


def test_a_failure_in_a_lane_ends_the_lane_and_stops_the_stage_beside_it(
        runner, capfd, tmp_path):
    runner.GROUPS = [["slow", ("bad", "ok-a")]]
    began = time.monotonic()
    assert runner.main([]) == 1
    assert time.monotonic() - began < 20
    out = capfd.readouterr().out
    assert "bad FAILED" in out and "slow: stopped because bad failed" in out
    assert "a-out" not in out  # the lane's next stage never started


def test_serial_runs_one_stage_at_a_time(runner, capfd):
    runner.GROUPS = [["ok-b", ("ok-a", "ok-c")]]
    assert runner.main(["--serial"]) == 0
    out = capfd.readouterr().out
    assert out.index("b-out") < out.index("a-out") < out.index("c-out")
    assert "ok-b + " not in out and " then " not in out


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_an_interrupted_run_stops_its_stages(runner, tmp_path, how):
    # the stages run in their own process groups (so a failure can stop one whole), which
    # Ctrl-C at the terminal does not reach: the runner must stop them itself
    import signal
    import subprocess
    import sys
    import uuid

    script = (
        "import sys, runpy; from pathlib import Path; "
        f"m = runpy.run_path({str(ROOT / 'scripts' / 'run_tests.py')!r}, run_name='x'); "
        "g = m['main'].__globals__; "
        f"g['ROOT'] = Path({str(tmp_path)!r}); g['TIMES'] = Path({str(tmp_path)!r}) / 't'; "
        "g['GROUPS'] = [['slow', 'ok-a']]; sys.exit(m['main']([]))"
    )
    marker = f"slow-done-{uuid.uuid4().hex}"  # this test's own, for pgrep
    (tmp_path / "Makefile").write_text(MAKEFILE.replace("slow-done", marker))
    proc = subprocess.Popen([sys.executable, "-c", script])
    time.sleep(3)  # both stages started; ok-a has ended
    proc.send_signal(getattr(signal, how))
    assert proc.wait(timeout=15) != 0
    time.sleep(0.5)
    stragglers = subprocess.run(["pgrep", "-f", marker],
                                capture_output=True, text=True).stdout.split()
    assert stragglers == []


def test_the_sign_of_life_gives_each_running_stage_its_own_time(runner, capfd, monkeypatch):
    """Output held back: every 300 s a line names each running stage with the seconds since
    *it* began, so the second stage of a lane shows less than the stage beside it."""

    class Clock:  # 60 s pass on every poll; the stages themselves run in real time
        now = 0.0

        def monotonic(self):
            return self.now

        def sleep(self, seconds):
            time.sleep(0.02)
            self.now += 60

        def __getattr__(self, name):
            return getattr(time, name)

    monkeypatch.setattr(runner, "time", Clock())
    (Path(runner.ROOT) / "Makefile").write_text(MAKEFILE + "nap:\n\t@sleep 2\n")
    runner.GROUPS = [["nap", ("ok-a", "ok-b")]]
    assert runner.main([]) == 0
    beats = [line for line in capfd.readouterr().out.splitlines() if line.startswith("...")]
    assert beats, "no sign of life in a run of over 300 (fake) seconds"
    ages = [dict((s.rsplit(" ", 2)[0], float(s.rsplit(" ", 2)[1]))
                 for s in line.removeprefix("... running: ").split(", ")) for line in beats]
    assert any("ok-b" in a and a["ok-b"] < a["nap"] for a in ages), beats
    assert all(a["nap"] % 300 < 60 for a in ages)  # nap began with the group
