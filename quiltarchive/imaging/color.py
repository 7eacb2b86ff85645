"""Bringing any decoded image to 8-bit sRGB RGB, the only form renditions and exports use."""

import io
from functools import cache

from PIL import Image, ImageCms

WHITE = (255, 255, 255)


@cache
def srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@cache
def srgb_icc_bytes() -> bytes:
    return srgb_profile().tobytes()


def to_srgb(image: Image.Image) -> Image.Image:
    """8-bit RGB in sRGB: high bit depths scaled, transparency flattened on white, ICC applied."""
    icc = image.info.get("icc_profile")
    image = _eight_bit(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, WHITE)
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    if icc:
        converted = _apply_profile(image, icc)
        if converted is not None:
            return converted
    return image if image.mode == "RGB" else image.convert("RGB")


def _eight_bit(image: Image.Image) -> Image.Image:
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "F":
        return image.convert("L")
    return image


def _apply_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode not in ("RGB", "CMYK", "L"):
            image = image.convert("RGB")
        return ImageCms.profileToProfile(image, source, srgb_profile(), outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None
