"""A real, small file system that fills up: a tmpfs mounted for one test.

Mounting needs root (or CAP_SYS_ADMIN); where that is not allowed the test is skipped with the
reason, never faked.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, mount_point: Path, megabytes: int) -> None:
        self.path = mount_point
        self.megabytes = megabytes

    def mount(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("a full disk is made with a small tmpfs, which needs root to mount")
        result = self._run("mount", "-t", "tmpfs", "-o", self._size(), "tmpfs", str(self.path))
        if result.returncode != 0:
            pytest.skip(f"mounting a small tmpfs is not permitted here: {result.stderr.strip()}")

    def resize(self, megabytes: int) -> None:
        """Make room (or take it away) without touching what is on the disk."""
        self.megabytes = megabytes
        result = self._run("mount", "-o", f"remount,{self._size()}", str(self.path))
        assert result.returncode == 0, result.stderr

    def fill(self) -> Path:
        """Take every free byte with one file; deleting it frees the space again."""
        filler = self.path / "filler"
        with open(filler, "wb", buffering=0) as handle:
            for chunk in (1 << 20, 1 << 12, 1):
                try:
                    while handle.write(b"\0" * chunk):
                        pass
                except OSError:
                    pass
        return filler

    def unmount(self) -> None:
        self._run("umount", "--lazy", str(self.path))

    def _size(self) -> str:
        return f"size={self.megabytes}m"

    @staticmethod
    def _run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True)
