import pytest

from tests.core.consent.scene import Scene


@pytest.fixture
def scene(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Scene(archive, folder)
