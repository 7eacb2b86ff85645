"""The image formats an import accepts, recognised by content rather than by file name."""

from dataclasses import dataclass

import pillow_heif

pillow_heif.register_heif_opener()


@dataclass(frozen=True, slots=True)
class ImageFormat:
    name: str  # Pillow's format name
    label: str  # what a user calls it
    extension: str  # how the stored original is named


SUPPORTED: dict[str, ImageFormat] = {
    fmt.name: fmt
    for fmt in (
        ImageFormat("JPEG", "JPEG", "jpg"),
        ImageFormat("MPO", "MPO (multi-picture JPEG)", "mpo"),
        ImageFormat("PNG", "PNG", "png"),
        ImageFormat("TIFF", "TIFF", "tif"),
        ImageFormat("WEBP", "WebP", "webp"),
        ImageFormat("HEIF", "HEIC/HEIF", "heic"),
        ImageFormat("AVIF", "AVIF", "avif"),
    )
}

SUPPORTED_LABELS = "JPEG, PNG, TIFF, WebP, MPO, HEIC/HEIF and AVIF"

# Extensions under which people expect to find a picture; used only to word a message.
PICTURE_EXTENSIONS = frozenset(
    [
        "jpg",
        "jpeg",
        "jpe",
        "jfif",
        "png",
        "tif",
        "tiff",
        "webp",
        "mpo",
        "heic",
        "heif",
        "hif",
        "avif",
        "gif",
        "bmp",
    ]
)

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


def sniff(head: bytes) -> str | None:
    """The Pillow format name the first bytes announce, or None when they announce no image."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF"
        if brand in _HEIF_BRANDS:
            return "HEIF"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM":
        return "BMP"
    return None


def extension_for(format_name: str) -> str:
    return SUPPORTED[format_name].extension


def names_agree(file_extension: str, format_name: str) -> bool:
    """Whether a file's name fits its content (`.jpeg` for JPEG, `.hif` for HEIF…)."""
    aliases = {
        "JPEG": {"jpg", "jpeg", "jpe", "jfif"},
        "MPO": {"mpo", "jpg", "jpeg"},
        "PNG": {"png"},
        "TIFF": {"tif", "tiff"},
        "WEBP": {"webp"},
        "HEIF": {"heic", "heif", "hif"},
        "AVIF": {"avif"},
    }
    return file_extension.lower() in aliases.get(format_name, set())
