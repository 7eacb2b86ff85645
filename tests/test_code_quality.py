"""The code stays lint-clean, formatted, and typed throughout the core."""

import subprocess
import sys

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout


def test_the_code_is_formatted():
    result = run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout


def test_the_core_is_fully_typed():
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout
