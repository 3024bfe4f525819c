"""Starting and probing a dashboard server for the browser tests."""

from __future__ import annotations

import socket
import sys
import urllib.error
import urllib.request


def command(port: int, *options: str) -> list[str]:
    """`streamlit run dashboard.py` on port, headless, with the given further options.

    A test server serves a tree that does not change under it, and its log lies inside the repository
    a watcher would watch: no file watcher, so that no log line becomes a file event (at debug level,
    a further line).
    """
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *options,
    ]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False
