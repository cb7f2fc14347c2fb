"""`make test`: every check, in stages; stages that do not depend on each other run together.

Two cores: the single-core parts of the run (Sphinx writing the HTML, XeLaTeX) leave one
core idle, so each is paired with checks that need neither its output nor its files:

    lint -> unit -> (test-book | test-floor) -> test-pages
         -> (test-pdf | test-colab then test-site-html) -> test-site-pdf

test-floor tests the package in its own environment; test-colab runs the notebooks the
HTML build wrote and test-site-html opens its pages in a browser, while the PDF build
writes only _build/latex and, at its end, the site's PDF and PDF link (test-site-pdf checks
them). A group is a list of lanes that run side by side; a lane is one stage or a tuple of
stages run one after another. A stage's output is printed whole when it ends (stages
running together would interleave it); the first failure stops the run, stopping the
stages beside it. At the end: seconds per stage and for the whole run, also written to
_build/test-times.txt for `make bench`.

    python scripts/run_tests.py [--serial]    (--serial: one stage at a time, as before)
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMES = Path(os.environ.get("MFML_BUILD", ROOT / "_build")) / "test-times.txt"

GROUPS = [
    ["lint"],
    ["unit"],
    ["test-book", "test-floor"],
    ["test-pages"],
    ["test-pdf", ("test-colab", "test-site-html")],
    ["test-site-pdf"],
]


def lanes(group: list) -> list[tuple[str, ...]]:
    return [(lane,) if isinstance(lane, str) else tuple(lane) for lane in group]


def stages(group: list) -> list[str]:
    return [stage for lane in lanes(group) for stage in lane]


def start(stage: str, log: Path | None) -> tuple[subprocess.Popen, Path | None, float]:
    """Start ``make stage``, its output into ``log`` (or straight through when None)."""
    out = log.open("w") if log else None
    proc = subprocess.Popen(
        ["make", "--no-print-directory", stage], cwd=ROOT,
        stdout=out, stderr=subprocess.STDOUT if out else None,
        start_new_session=True,  # its own process group, so a failure can stop it whole
    )
    if out:
        out.close()  # the stage has its own copy
    return proc, log, time.monotonic()


def stop(proc: subprocess.Popen) -> None:
    """Stop a stage and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError):  # it may have just ended
        os.killpg(proc.pid, signal.SIGTERM)
    proc.wait()


def show(stage: str, log: Path) -> None:
    print(f"===== {stage} =====", flush=True)
    sys.stdout.write(log.read_text("utf-8", errors="replace"))
    sys.stdout.flush()


def run_group(group: list, logs: Path, seconds: dict[str, float]) -> str | None:
    """Run the lanes of one group side by side; return the first stage that failed, or
    None."""
    alone = len(stages(group)) == 1
    if alone:  # its output streams as it comes
        print(f"===== {stages(group)[0]} =====", flush=True)
    running = {}

    def begin(lane: tuple[str, ...]) -> None:
        stage, rest = lane[0], lane[1:]
        running[stage] = (*start(stage, None if alone else logs / f"{stage}.log"), rest)

    for lane in lanes(group):
        begin(lane)
    try:
        failed = _wait(running, seconds, not alone, begin)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the stages are in their own groups
        for proc, *_ in running.values():
            stop(proc)
        raise
    for stage, (proc, *_) in running.items():  # only after a failure
        stop(proc)
        print(f"===== {stage}: stopped because {failed} failed =====", flush=True)
    return failed


def _wait(running: dict, seconds: dict[str, float], quiet: bool, begin) -> str | None:
    """Wait until every stage in ``running`` ended (each leaves the dict as it ends, and
    the next stage of its lane starts) or one failed; return the failed stage, or None."""
    failed, t0, beat = None, time.monotonic(), 300
    while running and failed is None:
        time.sleep(1)
        waited = time.monotonic() - t0
        if quiet and waited >= beat:  # output held back: a sign of life every five minutes
            now = time.monotonic()  # each stage's own time (a lane's second starts later)
            alive = (f"{s} {now - r[2]:.0f} s" for s, r in running.items())
            print(f"... running: {', '.join(alive)}", flush=True)
            beat += 300
        for stage, (proc, log, began, rest) in list(running.items()):
            if proc.poll() is None:
                continue
            seconds[stage] = time.monotonic() - began
            del running[stage]
            if log:
                show(stage, log)
            if proc.returncode != 0:
                failed = stage
                break
            if rest:
                begin(rest)
    return failed


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    groups = [[s] for g in GROUPS for s in stages(g)] if "--serial" in argv else GROUPS
    previous = signal.signal(signal.SIGTERM, _interrupt)  # a killed run stops its stages
    try:
        return _run(groups)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(groups: list[list[str]]) -> int:
    seconds: dict[str, float] = {}
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mfml-test-") as tmp:
        for group in groups:
            t0 = time.monotonic()
            failed = run_group(group, Path(tmp), seconds)
            if failed:
                print(f"make test: {failed} FAILED")
                return 1
            if len(group) > 1:
                name = " + ".join(" then ".join(lane) for lane in lanes(group))
                seconds[name] = time.monotonic() - t0
    seconds["total"] = time.monotonic() - began
    width = max(24, *map(len, seconds))
    lines = [f"  {name:<{width}} {value:6.0f} s" for name, value in seconds.items()]
    print("make test: all checks passed. Seconds per stage (stages joined by + ran together):")
    print("\n".join(lines))
    TIMES.parent.mkdir(parents=True, exist_ok=True)  # for `make bench` to print
    TIMES.write_text(f"{time.strftime('%Y-%m-%d %H:%M')}\n" + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
