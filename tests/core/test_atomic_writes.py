"""Files are written under a temporary name in the same folder and renamed into place, so a
write cut short never leaves a torn file under the real name."""

import errno
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

from quiltarchive import files
from tests.conftest import REPO

LIMIT = 1 << 20  # the file size the interrupted writer may reach: 1 MiB of 4


def write_with_size_limit(path: Path, *, die: bool) -> subprocess.CompletedProcess[str]:
    """Write 4 MiB through `write_atomic` in a process allowed files of 1 MiB only.

    The kernel stops the write at the limit: with SIGXFSZ's default action the process is
    killed there, mid-write, as by a crash; ignored (as Python starts), the write fails with
    EFBIG.
    """
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from quiltarchive import files\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, {LIMIT}))\n"
        f"if {die}:\n"
        "    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)\n"
        "try:\n"
        f"    files.write_atomic(Path({str(path)!r}), b'x' * (4 << 20))\n"
        "except OSError as error:\n"
        "    print(error.strerror)\n"
        "    sys.exit(3)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)


def test_a_writer_killed_mid_write_leaves_nothing_under_the_real_name(tmp_path):
    target = tmp_path / "preview.jpg"
    result = write_with_size_limit(target, die=True)

    assert result.returncode == -signal.SIGXFSZ  # killed by the kernel inside the write
    assert not target.exists()
    [torn] = list(tmp_path.iterdir())  # what was written went to a temporary sibling
    assert torn.name.startswith(".preview.jpg.") and torn.name.endswith(".tmp")
    assert torn.stat().st_size == LIMIT


def test_a_killed_writer_leaves_the_previous_version_whole(tmp_path):
    target = tmp_path / "thumbnail.jpg"
    files.write_atomic(target, b"the previous thumbnail")

    assert write_with_size_limit(target, die=True).returncode == -signal.SIGXFSZ

    assert target.read_bytes() == b"the previous thumbnail"


def test_a_write_that_fails_removes_its_temporary_file_and_raises(tmp_path):
    target = tmp_path / "original.jpg"
    result = write_with_size_limit(target, die=False)

    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == os.strerror(errno.EFBIG)
    assert list(tmp_path.iterdir()) == []


def test_a_write_makes_its_folders_and_can_leave_the_file_read_only(tmp_path):
    target = tmp_path / "originals" / "ab" / "cd" / "abcd.jpg"
    files.write_atomic(target, b"an original", read_only=True)
    assert target.read_bytes() == b"an original"
    assert not target.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert [p.name for p in target.parent.iterdir()] == ["abcd.jpg"]
    files.remove_file(target)  # a read-only original can still be removed on purpose
    assert not target.exists()


def test_temporary_names_are_hidden_siblings_and_never_repeat(tmp_path):
    target = tmp_path / "preview.jpg"
    names = {files.temporary_sibling(target) for _ in range(200)}
    assert len(names) == 200
    assert all(n.parent == tmp_path and n.name.startswith(".preview.jpg.") for n in names)
