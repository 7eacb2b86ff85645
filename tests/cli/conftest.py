import json

import pytest
from click.testing import CliRunner

from quiltarchive.cli import main


class Cli:
    """Runs `quiltarchive` commands against one archive, as a script would."""

    def __init__(self, archive_path):
        self.archive_path = archive_path
        self.runner = CliRunner()

    def __call__(self, *arguments, expect=0):
        result = self.runner.invoke(
            main,
            ["--archive", str(self.archive_path), "--user", "Test Clerk", *map(str, arguments)],
            catch_exceptions=False,
        )
        assert result.exit_code == expect, (result.stdout, result.stderr)
        return result

    def raw(self, *arguments, input=None):
        """Run without the Test Clerk user or any expectation, as typed at a terminal."""
        return self.runner.invoke(
            main, ["--archive", str(self.archive_path), *map(str, arguments)], input=input
        )

    def json(self, *arguments, expect=0):
        return json.loads(self(*arguments, "--json", expect=expect).stdout)


@pytest.fixture
def cli(tmp_path):
    tool = Cli(tmp_path / "archive")
    tool("init")
    return tool
