"""Reads one hostile upload in a process of its own and prints its peak memory and time as JSON.

Usage: python tests/measure_upload.py CASE FILE, where FILE holds the upload's bytes and CASE says
how it is read: "zip" (uploads.unpack), "xlsx" (xlsx.sheet_as_csv, as validation reads it).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(case: str, path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from lagesbild import uploads, xlsx

    data = path.read_bytes()
    start = time.perf_counter()
    outcome = "ok"
    if case == "zip":
        files, problems = uploads.unpack(path.name, data)
        outcome = "; ".join(p.forvantat for p in problems) or f"{len(files)} filer"
    else:
        del data
        try:
            outcome = f"{len(xlsx.sheet_as_csv(path))} tecken"
        except ValueError as exc:
            outcome = str(exc)
    seconds = time.perf_counter() - start
    # ru_maxrss survives exec on Linux: started from a large process (pytest) it reports that one's peak.
    # VmHWM is the peak of this program's own memory, which exec starts afresh.
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = Path("/proc/self/status")
    hwm = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")]
    peak_mb = int(hwm[0]) / 1024 if hwm else maxrss_mb
    print(
        json.dumps(
            {
                "peak_mb": round(peak_mb, 1),
                "ru_maxrss_mb": round(maxrss_mb, 1),
                "seconds": round(seconds, 2),
                "outcome": outcome[:300],
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
