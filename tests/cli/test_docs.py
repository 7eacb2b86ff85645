"""Every command has help and is in the README, so the two never drift apart."""

import re

import click
from click.testing import CliRunner

from quiltarchive.cli import main
from tests.conftest import REPO


def all_commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names += all_commands(command, f"{prefix}{name} ")
    return names


def test_every_command_has_help():
    runner = CliRunner()
    for name in all_commands(main):
        result = runner.invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert len(result.stdout.splitlines()) > 3, name


def leaf_commands() -> list[tuple[str, click.Command]]:
    leaves = []
    for name in all_commands(main):
        command: click.Command = main
        for part in name.split():
            command = command.commands[part]  # type: ignore[attr-defined]
        if not isinstance(command, click.Group):
            leaves.append((name, command))
    return leaves


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`quiltarchive ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", readme))
    documented |= {entry.split()[0] for entry in documented}
    for name, _ in leaf_commands():
        assert name in documented, f"`quiltarchive {name}` is not in the README"


def test_every_leaf_command_takes_json():
    for name, command in leaf_commands():
        assert any(p.name == "as_json" for p in command.params), name
