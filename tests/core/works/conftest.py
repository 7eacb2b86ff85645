import pytest

from tests.core.works.workshop import Workshop


@pytest.fixture
def workshop(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Workshop(archive, folder)
