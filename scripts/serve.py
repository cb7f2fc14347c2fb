"""Serve the built site and rebuild it when a source changes (`make serve`).

Serves `<build>/html` on 127.0.0.1:PORT; every second it looks at the modification times of
the chapters, the configuration, the book extension and the package; when one changed it
runs `make html` (cached execution: a prose edit rebuilds in seconds) and the next page
load shows the edit. Ctrl-C stops both.

Usage: python scripts/serve.py BUILD_DIR PORT
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WATCHED = ("book", "code/src", "_config.yml", "_toc.yml")
SUFFIXES = {".md", ".py", ".yml", ".bib", ".css", ".js", ".html", ".csv", ".tex"}


def snapshot() -> dict[Path, float]:
    """Modification time of every watched source file."""
    times = {}
    for name in WATCHED:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for f in files:
            if f.suffix in SUFFIXES and "_build" not in f.parts and f.is_file():
                times[f] = f.stat().st_mtime
    return times


def main(build: str, port: str) -> int:
    html = Path(build) / "html"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving the book on http://localhost:{port}; rebuilding on save (Ctrl-C stops)",
          flush=True)
    seen = snapshot()
    try:
        while True:
            time.sleep(1)
            now = snapshot()
            if now != seen:
                changed = sorted(str(f.relative_to(ROOT)) for f in set(now) ^ set(seen)
                                 | {f for f in now if seen.get(f) != now[f]})
                print(f"changed: {', '.join(changed[:5])}{' ...' if len(changed) > 5 else ''}"
                      "; rebuilding", flush=True)
                start = time.perf_counter()
                done = subprocess.run(["make", "--no-print-directory", "html",
                                       f"OUT={Path(build).parent}"], cwd=ROOT)
                status = "rebuilt" if done.returncode == 0 else "build FAILED (see above)"
                print(f"{status} in {time.perf_counter() - start:.1f} s; reload the page",
                      flush=True)
                seen = snapshot()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
