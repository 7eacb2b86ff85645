"""The strip-by-strip PNG writer: lossless whatever the strips, only the chunks it should
write, and refusing strips that do not fit."""

import io
import random

import pytest
from PIL import Image, ImageChops

from quiltarchive.imaging.color import srgb_icc_bytes
from quiltarchive.imaging.png_stream import PngStripWriter
from tests.core.works.workshop import png_chunks


def noisy_image(width, height, seed):
    generator = random.Random(seed)
    return Image.frombytes("RGB", (width, height), generator.randbytes(width * height * 3))


@pytest.mark.parametrize("heights", [[1] * 7, [3, 1, 2, 1], [7], [5, 2], [100, 37]])
def test_any_strips_make_the_same_pixels(heights, tmp_path):
    image = noisy_image(33, sum(heights), seed=len(heights))
    path = tmp_path / "strips.png"
    with (
        open(path, "wb") as handle,
        PngStripWriter(handle, image.width, image.height, icc_profile=srgb_icc_bytes()) as writer,
    ):
        top = 0
        for height in heights:
            writer.write(image.crop((0, top, image.width, top + height)))
            top += height
    back = Image.open(path)
    back.load()
    assert back.mode == "RGB" and back.size == image.size
    assert ImageChops.difference(back, image).getbbox() is None
    assert back.info["icc_profile"] == srgb_icc_bytes()
    assert set(png_chunks(path)) == {"IHDR", "iCCP", "IDAT", "IEND"}


def test_an_image_larger_than_one_idat_chunk(tmp_path):
    image = noisy_image(700, 600, seed=1)  # 1.2 MB of incompressible pixels
    path = tmp_path / "big.png"
    with open(path, "wb") as handle, PngStripWriter(handle, 700, 600) as writer:
        for top in range(0, 600, 128):
            writer.write(image.crop((0, top, 700, min(600, top + 128))))
    assert png_chunks(path).count("IDAT") >= 2
    assert ImageChops.difference(Image.open(path).convert("RGB"), image).getbbox() is None


def test_strips_that_do_not_fit_are_refused():
    writer = PngStripWriter(io.BytesIO(), 10, 4)
    with pytest.raises(ValueError, match="as wide as the image"):
        writer.write(Image.new("RGB", (9, 1)))
    with pytest.raises(ValueError, match="must be RGB"):
        writer.write(Image.new("L", (10, 1)))
    writer.write(Image.new("RGB", (10, 3)))
    with pytest.raises(ValueError, match="more rows than the image has"):
        writer.write(Image.new("RGB", (10, 2)))
    with pytest.raises(ValueError, match="3 of 4 rows were written"):
        writer.close()
