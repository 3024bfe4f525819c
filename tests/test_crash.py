"""A publish killed with SIGKILL at a random moment leaves the old or the new project, never a mix.

Each round has tests/crash_publisher.py start a publisher process, which publishes new versions
of aktiviteter.csv, beslut.csv and a 2 MB utfall.csv into a copy of data/stracket and prints a
line after every write, rename, removal and directory fsync. The round kills it either right after
a randomly chosen step line or after a random delay, then loads the project with
lagesbild.project.load (which runs publishing.recover) and checks the three files, the history and
the leftovers. The rounds run in two worker processes, each on its own copy.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import types
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from lagesbild import access, publishing, store
from lagesbild import project as projects

REPO = Path(__file__).resolve().parent.parent
STRACKET = REPO / "data" / "stracket"
PUBLISHER = Path(__file__).resolve().parent / "crash_publisher.py"
NAMES = ("aktiviteter.csv", "beslut.csv", "utfall.csv")
ROUNDS = 100
WORKERS = 2


class Publisher:
    """tests/crash_publisher.py on one project folder: one publish at a time, to kill or to let end."""

    def __init__(self, folder: Path, new: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PUBLISHER), str(folder), str(new)],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        assert self.line() == "ready"

    def line(self) -> str:
        """The next line it printed (it has not ended: it ends only when its stdin closes)."""
        line = self.process.stdout.readline()
        assert line, f"crash_publisher.py exited with {self.process.wait(timeout=30)}"
        return line.decode().rstrip("\n")

    def start(self) -> int:
        """Start a publish; the pid of its process, which has taken no step yet."""
        self.process.stdin.write(b"publish\n")
        line = self.line()
        assert line.startswith("child "), line
        return int(line.split()[1])

    def end(self) -> tuple[list[str], int]:
        """Once the publish has ended (killed or not): the lines it printed that were not read, its exit code."""
        self.process.stdin.write(b"wait\n")
        rest = []
        while not (line := self.line()).startswith("exited "):
            rest.append(line)
        return rest, int(line.split()[1])

    def close(self) -> None:
        self.process.stdin.close()
        assert self.process.wait(timeout=30) == 0
        self.process.stdout.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in NAMES}


def _leftovers(folder: Path) -> list[str]:
    state = folder / publishing.STATE
    found = [*folder.glob(".*.ny"), *state.glob("publicering.json*"), *state.glob(f"{publishing.HISTORY}/*.tmp")]
    return sorted(p.name for p in found)


def _reset(folder: Path, old: dict[str, bytes]) -> None:
    for name, data in old.items():
        (folder / name).write_bytes(data)
    shutil.rmtree(folder / publishing.STATE / publishing.HISTORY, ignore_errors=True)


def _rounds(folder: Path, new: Path, seeds: list[int], steps: int, seconds: float) -> list[dict]:
    """Run, kill, load and check one round per seed on folder; each round's outcome as a dict."""
    old = _files(folder)
    wanted = {p.name: p.read_bytes() for p in new.iterdir()}
    results = []
    publisher = Publisher(folder, new)
    for seed in seeds:
        rng = random.Random(seed)
        child = publisher.start()
        if seed % 2 == 0:  # kill right after a random step has been reported
            mode, target = "step", rng.randint(1, steps)
            for _ in range(target):
                if not publisher.line().startswith("step "):
                    break
        else:  # kill after a random delay within the time a whole publish takes
            mode, target = "timer", round(rng.uniform(0, seconds * 1.2), 4)
            time.sleep(target)
        os.kill(child, signal.SIGKILL)
        rest, _ = publisher.end()
        state = folder / publishing.STATE
        journal = (state / publishing.JOURNAL).exists()
        pending = bool(list(folder.glob(".*.ny")))
        problems = []
        try:
            loaded = projects.load(folder)
            if not loaded.usable:
                problems.append("project.load gave an unusable project")
            else:
                loaded.con.close()
        except Exception as exc:
            problems.append(f"project.load raised {exc!r}")
        now = _files(folder)
        outcome = "old" if now == old else "new" if now == wanted else "mixed"
        if outcome == "mixed":
            kinds = {n: "old" if now[n] == old[n] else "new" if now[n] == wanted[n] else "other" for n in NAMES}
            problems.append(f"mixed: {kinds}")
        if left := _leftovers(folder):
            problems.append(f"leftovers {left}")
        versions = publishing.history(folder, access.LOCAL)
        if outcome == "old" and versions:
            problems.append(f"old project but {len(versions)} history entries")
        if outcome == "new":
            if len(versions) != 1:
                problems.append(f"new project but {len(versions)} history entries")
            elif {n: (versions[0].path / n).read_bytes() for n in NAMES} != old:
                problems.append("the history entry does not hold the old files")
            elif [f["sha256_efter"] for f in versions[0].manifest["filer"]] != [
                hashlib.sha256(wanted[n]).hexdigest() for n in NAMES
            ]:
                problems.append("the manifest does not hold the new files' hashes")
        results.append(
            {
                "seed": seed,
                "mode": mode,
                "target": target,
                "outcome": outcome,
                "journal": journal,
                "pending": pending,
                "last": rest[-1] if rest else "",
                "problems": problems,
            }
        )
        _reset(folder, old)
    publisher.close()
    return results


def _new_versions(old: dict[str, bytes]) -> dict[str, bytes]:
    header, rows = old["utfall.csv"].split(b"\n", 1)
    return {
        "aktiviteter.csv": old["aktiviteter.csv"].replace(b";Pausad;", ";Pågår;".encode(), 1),
        "beslut.csv": old["beslut.csv"] + "B9;2026-10-30;Ett nytt beslut;Styrgruppen;2026-12-10;Öppen\n".encode(),
        # About 2.2 MB, so that writing and fsyncing it takes a few ms: the ledger 105 times over,
        # each copy with its own voucher numbers so that no row repeats another.
        "utfall.csv": header + b"\n" + b"".join(re.sub(rb";V(\d{4})-", b";V\\1-%d-" % i, rows) for i in range(105)),
    }


def test_a_killed_publish_leaves_all_old_or_all_new_files(tmp_path, monkeypatch):
    folders = []
    for i in range(WORKERS):
        folder = tmp_path / f"data-{i}" / "stracket"
        shutil.copytree(STRACKET, folder, ignore=shutil.ignore_patterns(".lagesbild"))
        folders.append(folder)
    old = _files(folders[0])
    new = tmp_path / "new"
    new.mkdir()
    for name, data in _new_versions(old).items():
        (new / name).write_bytes(data)
    assert len((new / "utfall.csv").read_bytes()) > 2_000_000

    # One whole publish, to learn how many steps it reports and how long it takes.
    publisher = Publisher(folders[0], new)
    publisher.start()
    started = time.monotonic()
    lines = []
    while not (line := publisher.line()).startswith("done "):
        lines.append(line)
    seconds = time.monotonic() - started
    assert publisher.end() == ([], 0)
    publisher.close()
    steps = int(line.split()[1])
    assert line == f"done {steps}" and steps == len(lines) >= 15
    wanted = {p.name: p.read_bytes() for p in new.iterdir()}
    assert _files(folders[0]) == wanted
    _reset(folders[0], old)

    # Each round's load opens a store: the old and the new version's are put side by side in every folder.
    # Saving one version's store removes the others', and reading the 2 MB ledger anew takes a second;
    # what recover leaves, and so what a round checks, does not depend on where the tables come from.
    stored = {}
    for files in (wanted, old):
        for name, data in files.items():
            (folders[0] / name).write_bytes(data)
        projects.load(folders[0]).con.close()
        version = store.digest(folders[0])
        stored[version] = [path.read_bytes() for path in store._paths(folders[0], version)]
    for folder in folders:
        for version, contents in stored.items():
            for path, data in zip(store._paths(folder, version), contents, strict=True):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)

    base = random.SystemRandom().randrange(2**31)
    seeds = [base + i for i in range(ROUNDS)]
    context = multiprocessing.get_context("spawn")
    # A spawned worker runs the parent's __main__ again; after an AppTest in this process that is the
    # last app script Streamlit ran as __main__, not pytest. The workers need no main module at all.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        parts = [
            pool.submit(_rounds, folder, new, seeds[i::WORKERS], steps, seconds) for i, folder in enumerate(folders)
        ]
        results = [r for part in parts for r in part.result(timeout=600)]

    assert len(results) == ROUNDS
    failed = [r for r in results if r["problems"]]
    assert failed == [], f"base seed {base}: {failed[:5]}"
    outcomes = Counter(r["outcome"] for r in results)
    assert outcomes["old"] >= 1 and outcomes["new"] >= 1, f"base seed {base}: {outcomes}"
    # The kills landed inside the publish, in both halves: recover had to roll back (pending files,
    # no journal) and to roll forward (a journal) at least once each.
    rolled_back = sum(r["pending"] and not r["journal"] for r in results)
    rolled_forward = sum(r["journal"] for r in results)
    print(
        f"base seed {base}: {dict(outcomes)}, rolled back {rolled_back}, rolled forward {rolled_forward}, "
        f"{steps} steps in {seconds * 1000:.0f} ms"
    )
    assert rolled_back >= 1 and rolled_forward >= 1, f"base seed {base}: {rolled_back=} {rolled_forward=}"
