"""Publish the files of one folder into a project, reporting every step; for tests/test_crash.py.

    python tests/crash_publisher.py <project folder> <folder with the new files>

Imports lagesbild once and prints "ready". Then, for each line "publish" read from stdin, it forks
a publisher and prints "child <pid>" before that child starts. The child prints one line
"step <n> <what>" after each write, rename, removal and directory fsync that lagesbild.publishing
makes, and "done <n>" at the end. The parent kills the child with SIGKILL at a moment of its
choosing and then sends "wait"; once the child has ended, this process prints "exited <exit code>"
(-9 when killed).
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
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


def _publish(folder: Path, new: Path) -> int:
    """The child's work: one publish, reported step by step; its exit code."""
    try:
        files = {p.name: p.read_bytes() for p in sorted(new.iterdir())}
        publishing.publish(folder, files, "kraschtest", {"fel": 0})
    except Exception:
        traceback.print_exc()
        return 1
    os.write(1, f"done {_steps}\n".encode())
    return 0


def main() -> None:
    folder, new = Path(sys.argv[1]), Path(sys.argv[2])
    publishing._write_durably = _traced("write", publishing._write_durably)
    publishing._fsync_dir = _traced("fsync", publishing._fsync_dir)
    os.replace = _traced("rename", os.replace)
    Path.unlink = _traced("unlink", Path.unlink)
    os.write(1, b"ready\n")
    # A fork starts a publisher in a millisecond, where a new interpreter takes a second to import lagesbild.
    while line := sys.stdin.readline():
        assert line == "publish\n", line
        start, go = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(go)
            os.read(start, 1)  # the parent has printed this child's pid
            os._exit(_publish(folder, new))
        os.close(start)
        os.write(1, f"child {pid}\n".encode())
        with contextlib.suppress(BrokenPipeError):  # a kill can come before the start: nothing to start then
            os.write(go, b"x")
        os.close(go)
        # Until "wait", an ended child stays unreaped, so its pid cannot pass to another process before the kill.
        line = sys.stdin.readline()
        assert line == "wait\n", line
        _, status = os.waitpid(pid, 0)
        os.write(1, f"exited {os.waitstatus_to_exitcode(status)}\n".encode())


if __name__ == "__main__":
    main()
