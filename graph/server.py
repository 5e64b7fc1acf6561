"""The Oxigraph SPARQL server (`oxigraph` CLI from PyPI) over a built store."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from tarikh.errors import TarikhError


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The `oxigraph` program installed beside this Python (a virtual environment need not be on PATH), else
    the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def server_command(store_dir: Path, bind: str, port: int, writable: bool) -> list[str]:
    """`oxigraph serve-read-only` (or `serve` when writable) on the store, the default graph read as the
    union of the store's graphs (core + one per document), as the embedded engine reads it."""
    binary = oxigraph_binary()
    if not binary:
        raise TarikhError("oxigraph: the server program is not installed (pip install oxigraph)")
    mode = "serve" if writable else "serve-read-only"
    return [binary, mode, "--location", str(store_dir), "--bind", f"{bind}:{port}", "--union-default-graph"]


def start(store_dir: Path, bind: str = "127.0.0.1", port: int | None = None, writable: bool = False,
          wait: float = 20.0) -> tuple[subprocess.Popen, str]:
    """Start the server and wait until it accepts connections; return the process and its base URL."""
    store_dir = Path(store_dir)
    if not writable and not store_dir.is_dir():
        raise TarikhError(f"{store_dir}: no store here (run `tarikh build` first, or pass --store DIR)")
    port = port or free_port(bind)
    process = subprocess.Popen(server_command(store_dir, bind, port, writable), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TarikhError(f"oxigraph server on {store_dir} stopped: {' '.join(process.stderr.read().split())[:300]}")
        try:
            with socket.create_connection((bind, port), timeout=0.2):
                return process, f"http://{bind}:{port}"
        except OSError:
            time.sleep(0.05)
    process.terminate()
    raise TarikhError(f"oxigraph server on {bind}:{port} did not start within {wait:g} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
