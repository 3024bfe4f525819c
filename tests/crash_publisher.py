"""Publish the files of one folder into a project, reporting every step; for tests/test_crash.py.

    python tests/crash_publisher.py <project folder> <folder with the new files>

Prints "ready" before the publish, then one line "step <n> <what>" after each write, rename,
removal and directory fsync that lagesbild.publishing makes, and "done <n>" at the end. The
parent kills this process with SIGKILL at a moment of its choosing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from lagesbild import publishing

_steps = 0


def _report(what: str) -> None:
    global _steps
    _steps += 1
    os.write(1, f"step {_steps} {what}\n".encode())


def _traced(name: str, function):
    def traced(*args, **kwargs):
        result = function(*args, **kwargs)
        _report(f"{name} {Path(str(args[0])).name}")
        return result

    return traced


def main() -> None:
    folder, new = Path(sys.argv[1]), Path(sys.argv[2])
    files = {p.name: p.read_bytes() for p in sorted(new.iterdir())}
    publishing._write_durably = _traced("write", publishing._write_durably)
    publishing._fsync_dir = _traced("fsync", publishing._fsync_dir)
    os.replace = _traced("rename", os.replace)
    Path.unlink = _traced("unlink", Path.unlink)
    os.write(1, b"ready\n")
    publishing.publish(folder, files, "kraschtest", {"fel": 0})
    os.write(1, f"done {_steps}\n".encode())


if __name__ == "__main__":
    main()
