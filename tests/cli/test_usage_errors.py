"""A mistyped command line, anywhere in the command tree, gets one plain line and exit 2."""

import click
import pytest
from click.testing import CliRunner

from quiltarchive.cli import main
from tests.cli.test_docs import all_commands


def command(path: str) -> click.Command:
    found: click.Command = main
    for part in path.split():
        found = found.commands[part]  # type: ignore[attr-defined]
    return found


GROUPS = [""] + [n for n in all_commands(main) if isinstance(command(n), click.Group)]


def leaves() -> list[str]:
    return [n for n in all_commands(main) if not isinstance(command(n), click.Group)]


def one_line_usage_error(tmp_path, *arguments: str) -> str:
    result = CliRunner().invoke(main, ["--archive", str(tmp_path / "none"), *arguments])
    assert result.exit_code == 2, (arguments, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == "", arguments
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: "), arguments
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr
    return line


@pytest.mark.parametrize("path", [*GROUPS, *leaves()])
def test_an_unknown_option_is_one_line(tmp_path, path):
    line = one_line_usage_error(tmp_path, *path.split(), "--no-such-option")
    assert "No such option '--no-such-option'" in line


@pytest.mark.parametrize("path", GROUPS)
def test_an_unknown_command_is_one_line(tmp_path, path):
    line = one_line_usage_error(tmp_path, *path.split(), "no-such-command")
    assert "No such command 'no-such-command'" in line


def needs_arguments(path: str) -> bool:
    return any(p.required for p in command(path).params)


@pytest.mark.parametrize("path", [p for p in leaves() if needs_arguments(p)])
def test_a_missing_argument_is_one_line(tmp_path, path):
    line = one_line_usage_error(tmp_path, *path.split())
    assert "Missing" in line


def first_argument_is_a_number(path: str) -> bool:
    arguments = [p for p in command(path).params if isinstance(p, click.Argument)]
    return bool(arguments) and isinstance(arguments[0].type, click.types.IntParamType)


@pytest.mark.parametrize("path", [p for p in leaves() if first_argument_is_a_number(p)])
def test_a_bad_value_is_one_line(tmp_path, path):
    line = one_line_usage_error(tmp_path, *path.split(), "twelve")
    assert "Invalid value" in line and "'twelve' is not a valid integer" in line


def test_an_option_without_its_value_is_one_line(tmp_path):
    assert "requires an argument" in one_line_usage_error(tmp_path, "photos", "--limit")
    assert "requires an argument" in one_line_usage_error(tmp_path, "--archive")


def test_the_tree_is_covered():
    """Every group and a good share of the commands are exercised above."""
    assert {"consent", "person", "quilt", "patch", "story"} <= set(GROUPS)
    assert len([p for p in leaves() if needs_arguments(p)]) >= 20
    assert len([p for p in leaves() if first_argument_is_a_number(p)]) >= 15
