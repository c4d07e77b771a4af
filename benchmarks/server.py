"""One Voila server for a benchmark scenario: started in its own process group, its kernels tracked.

Voila runs the way ``make serve`` runs it (cwd = the repository, so ``voila.json`` is read; the
course template is the one `make` installed into the environment). A scenario can add command-line
flags and a config folder of its own (a ``voila.json`` and/or ``voila.py``) that is read before
the repository's.
Kernels are launched by jupyter_client in sessions of their own, so stopping the server's process
group is not enough: the kernel pids are remembered and any survivor is ended by pid.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

from tests.support.servers import free_port, is_kernel, server_env, stop, wait_for_http

#: Lines in Voila's log that mean a kernel died or could not start.
KERNEL_TROUBLE = re.compile(
    r"Address already in use|KernelRestarter: restarting kernel|restart failed|"
    r"Kernel died|kernel .* died|Dead kernel|Failed to start kernel",
    re.IGNORECASE,
)
#: What nbclient (Voila's executor) logs when a cell's output did not end within ``iopub_timeout``
#: seconds of its execute_reply: it moves on, and the output that comes later is not on the page.
IOPUB_TIMEOUT = "Timeout waiting for IOPub output"
#: What benchmarks.classroom.IOPUB_PROBE_PY logs per cell: seconds waited, "idle" or "timeout".
IOPUB_WAIT = re.compile(r"^bsc-iopub-wait (\d+(?:\.\d+)?) (idle|timeout)$", re.M)
#: A made-up XSRF token: sent as both cookie and header, it satisfies Tornado's double-submit check.
_XSRF = "62656e6368"


def kernel_trouble(log_text: str) -> list[str]:
    """The lines of a Voila log that report a dead or failed kernel."""
    return [line.strip() for line in log_text.splitlines() if KERNEL_TROUBLE.search(line)]


def iopub_timeouts(log_text: str) -> int:
    """How many times the executor gave up waiting for a cell's output, in a Voila log."""
    return log_text.count(IOPUB_TIMEOUT)


def iopub_waits(log_text: str) -> list[float]:
    """Seconds each cell's output stream took to go idle after its reply (capped by a timeout)."""
    return [float(m.group(1)) for m in IOPUB_WAIT.finditer(log_text)]


class VoilaServer:
    """A Voila serving ``folder`` on a free loopback port.

    Parameters
    ----------
    folder : Path
        The folder of notebooks to serve.
    repo : Path
        The repository (cwd of the server, so its ``voila.json`` applies).
    log : Path
        Where the server's output goes.
    flags : list of str
        Extra command-line flags (e.g. ``--KernelManager.transport=ipc``).
    config : dict, optional
        Extra configuration, written as ``voila.json`` in a folder read before the repository's.
    config_py : str, optional
        Extra Python configuration (``voila.py``) in that same folder.
    """

    def __init__(
        self,
        folder: Path,
        repo: Path,
        log: Path,
        flags: list[str] | None = None,
        config: dict | None = None,
        config_py: str | None = None,
    ) -> None:
        self.folder, self.repo, self.log = folder, repo, log
        self.flags = list(flags or [])
        self.config, self.config_py = config, config_py
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._ps: psutil.Process | None = None
        #: Every kernel process seen, so that survivors can be ended after the server stops.
        self.seen: dict[int, psutil.Process] = {}

    # --- life ----------------------------------------------------------------------------------

    def start(self, timeout: float = 90) -> VoilaServer:
        cmd = [
            sys.executable, "-m", "voila", str(self.folder), "--no-browser",
            f"--port={self.port}", "--Voila.ip=127.0.0.1", *self.flags,
        ]  # fmt: skip
        if self.config is not None or self.config_py is not None:
            extra = self.log.parent / f"{self.log.stem}-config"
            extra.mkdir(parents=True, exist_ok=True)
            if self.config is not None:
                (extra / "voila.json").write_text(json.dumps(self.config, indent=1))
            if self.config_py is not None:
                (extra / "voila.py").write_text(self.config_py)
            # The first folder wins where both set the same option; the repository's still applies.
            cmd += [f"--Voila.config_file_paths={extra}", f"--Voila.config_file_paths={self.repo}"]
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=self.repo, env=server_env(), stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        self._ps = psutil.Process(self.proc.pid)
        try:
            wait_for_http(self.base + "/", self.proc, timeout=timeout)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the server's process group, then end any kernel that outlived it."""
        self.kernels()  # remember the last kernels before they go
        if self.proc is not None:
            stop(self.proc)
        deadline = time.monotonic() + 10
        # is_running() also checks the start time, so a pid the system has reused is left alone.
        survivors = [p for p in self.seen.values() if _quietly(p.is_running)]
        for proc in survivors:
            _quietly(proc.terminate)
        for proc in survivors:
            _quietly(proc.wait, timeout=max(0.1, deadline - time.monotonic()))
            _quietly(proc.kill)

    def __enter__(self) -> VoilaServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- what runs -----------------------------------------------------------------------------

    def kernels(self) -> dict[int, psutil.Process]:
        """The server's live kernel processes by pid."""
        if self._ps is None:
            return {}
        try:
            children = self._ps.children()
        except psutil.NoSuchProcess:
            return {}
        found = {p.pid: p for p in children if is_kernel(p)}
        for pid, proc in found.items():
            self.seen.setdefault(pid, proc)
        return found

    def kernel_for(self, kernel_id: str) -> psutil.Process | None:
        """The process of the kernel whose connection file names ``kernel_id``."""
        for proc in self.kernels().values():
            try:
                if kernel_id in " ".join(proc.cmdline()):
                    return proc
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                continue
        return None

    def server_rss_mb(self) -> float | None:
        try:
            return self._ps.memory_info().rss / 2**20 if self._ps else None
        except psutil.NoSuchProcess:
            return None

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def shutdown_kernel(self, kernel_id: str) -> bool:
        """Ask Voila to shut a kernel down (what a page's ``beforeunload`` beacon does)."""
        request = urllib.request.Request(
            f"{self.base}/voila/api/shutdown/{kernel_id}",
            method="POST",
            data=b"",
            headers={"X-XSRFToken": _XSRF, "Cookie": f"_xsrf={_XSRF}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status < 300
        except OSError:
            return False

    def wait_for_log(self, pattern: str, count: int = 1, timeout: float = 180) -> bool:
        """Wait until ``pattern`` appears ``count`` times in the log (e.g. the pool is filled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log_text().count(pattern) >= count:
                return True
            if self.proc is not None and self.proc.poll() is not None:
                return False
            time.sleep(0.5)
        return False

    def wait_until_quiet(self, timeout: float = 30, threshold: float = 15.0) -> None:
        """Wait (bounded) until the server and its kernels use less than ``threshold`` % CPU."""
        deadline = time.monotonic() + timeout
        procs = [self._ps, *self.kernels().values()] if self._ps else []
        for p in procs:
            _quietly(p.cpu_percent)
        while time.monotonic() < deadline:
            time.sleep(1)
            busy = 0.0
            for p in procs:
                try:
                    busy += p.cpu_percent()
                except psutil.Error:
                    continue
            if busy < threshold:
                return


def _quietly(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except (psutil.Error, OSError):
        return None
