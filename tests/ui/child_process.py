"""A second copy of the program in a real process, for the tests of two copies at once: started
with ``sys.executable`` from the repository root, talked to line by line, every wait bounded."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WAIT = 120.0  # seconds: a bound for a slow machine, never a measure of anything


def child_env(**extra: str) -> dict[str, str]:
    """This process's environment, with the repository on the path (for ``tests``)."""
    path = os.pathsep.join(p for p in (os.environ.get("PYTHONPATH", ""), str(ROOT)) if p)
    return {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen", **extra}


class Child:
    """``python SCRIPT ARGS…`` with its standard output read on a thread, so that waiting for
    a line never blocks longer than asked."""

    def __init__(self, script: Path, args: Sequence[object], *, env: dict[str, str] | None = None,
                 cwd: Path = ROOT) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(script), *map(str, args)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=cwd, env=env or child_env(),
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._errors: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        self._errors.extend(self.process.stderr)

    @property
    def errors(self) -> str:
        return "".join(self._errors)

    def line(self, timeout: float = WAIT) -> str:
        """The next line it prints (failing with its standard error when it ends first)."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise AssertionError(f"no line within {timeout} s; stderr: {self.errors}") from None
        if line is None:
            self.process.wait(WAIT)
            raise AssertionError(
                f"ended ({self.process.returncode}) without a line; stderr: {self.errors}"
            )
        return line

    def rest(self, timeout: float = WAIT) -> list[str]:
        """Every line until it ends, and its exit code checked to be 0."""
        lines: list[str] = []
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                self.kill()
                raise AssertionError(f"did not end within {timeout} s: {lines}") from None
            if line is None:
                break
            lines.append(line)
        code = self.process.wait(WAIT)
        assert code == 0, f"exit {code}: {self.errors}"
        return lines

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def close_input(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()

    def kill(self) -> None:
        """SIGKILL on POSIX (TerminateProcess on Windows): no cleanup at all, as in a crash."""
        self.process.kill()
        self.process.wait(WAIT)
