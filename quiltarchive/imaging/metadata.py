"""Reading what a camera or phone recorded: capture time, camera, orientation, GPS, IPTC text.

exifread reads EXIF from every format we import without decoding pixels; Pillow fills the gaps
it is better at (orientation held in XMP or PNG text chunks, IPTC captions and keywords).
"""

import io
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import exifread
from PIL import Image, IptcImagePlugin

from quiltarchive.model.photo import Location, TakenAtSource

ORIENTATION_TAG = 0x0112
_EXIF_DATETIME = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")

logging.getLogger("exifread").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class CameraMetadata:
    orientation: int
    taken_at: str | None
    taken_at_source: TakenAtSource
    camera_make: str
    camera_model: str
    location: Location | None
    iptc_caption: str
    iptc_keywords: tuple[str, ...]


def read_metadata(data: bytes, image: Image.Image, file_mtime: float) -> CameraMetadata:
    tags = _exif_tags(data)
    taken = _taken_at(tags)
    if taken is None:
        stamp = datetime.fromtimestamp(file_mtime).astimezone()
        taken = (stamp.replace(microsecond=0).isoformat(), TakenAtSource.FILE_TIME)
    caption, keywords = _iptc_text(image)
    return CameraMetadata(
        orientation=_orientation(image),
        taken_at=taken[0],
        taken_at_source=taken[1],
        camera_make=_text(tags.get("Image Make")),
        camera_model=_text(tags.get("Image Model")),
        location=_location(tags),
        iptc_caption=caption,
        iptc_keywords=keywords,
    )


def _exif_tags(data: bytes) -> dict[str, Any]:
    try:
        return dict(exifread.process_file(io.BytesIO(data), details=False, debug=False))
    except Exception:  # exifread raises many kinds on broken blocks; a photo without EXIF is fine
        return {}


def _text(tag: Any) -> str:
    if tag is None:
        return ""
    value = tag.values if hasattr(tag, "values") else tag
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).replace("\x00", "").strip()


def _orientation(image: Image.Image) -> int:
    try:
        value = int(image.getexif().get(ORIENTATION_TAG, 1))
    except (ValueError, TypeError, SyntaxError, OSError):
        return 1
    return value if 1 <= value <= 8 else 1


def _taken_at(tags: dict[str, Any]) -> tuple[str, TakenAtSource] | None:
    for stamp_tag, offset_tag in (
        ("EXIF DateTimeOriginal", "EXIF OffsetTimeOriginal"),
        ("EXIF DateTimeDigitized", "EXIF OffsetTimeDigitized"),
        ("Image DateTime", "EXIF OffsetTime"),
    ):
        moment = _parse_exif_datetime(_text(tags.get(stamp_tag)))
        if moment is None:
            continue
        offset = _parse_offset(_text(tags.get(offset_tag)) or _text(tags.get("EXIF OffsetTime")))
        if offset is not None:
            return moment.replace(tzinfo=offset).isoformat(), TakenAtSource.EXIF
        return moment.isoformat(), TakenAtSource.EXIF_LOCAL
    return None


def _parse_exif_datetime(text: str) -> datetime | None:
    match = _EXIF_DATETIME.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return moment if moment.year >= 1900 else None


def _parse_offset(text: str) -> timezone | None:
    match = _OFFSET.match(text)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)


def _location(tags: dict[str, Any]) -> Location | None:
    latitude = _coordinate(tags.get("GPS GPSLatitude"), _text(tags.get("GPS GPSLatitudeRef")))
    longitude = _coordinate(tags.get("GPS GPSLongitude"), _text(tags.get("GPS GPSLongitudeRef")))
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Location(latitude, longitude, _altitude(tags))


def _coordinate(tag: Any, reference: str) -> float | None:
    if tag is None or not hasattr(tag, "values"):
        return None
    try:
        parts = [float(v.num) / float(v.den) for v in tag.values[:3]]
    except (AttributeError, ZeroDivisionError, TypeError, ValueError):
        return None
    if len(parts) != 3:
        return None
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    return -degrees if reference.upper() in ("S", "W") else degrees


def _altitude(tags: dict[str, Any]) -> float | None:
    tag = tags.get("GPS GPSAltitude")
    try:
        value = float(tag.values[0].num) / float(tag.values[0].den)  # type: ignore[union-attr]
    except (AttributeError, ZeroDivisionError, TypeError, ValueError, IndexError):
        return None
    below_sea = getattr(tags.get("GPS GPSAltitudeRef"), "values", [0])
    return -value if below_sea and below_sea[0] == 1 else value


def _iptc_text(image: Image.Image) -> tuple[str, tuple[str, ...]]:
    """Caption and keywords from IPTC-IIM, else from XMP's Dublin Core."""
    caption, keywords = "", tuple[str, ...]()
    try:
        iptc = IptcImagePlugin.getiptcinfo(image) or {}  # type: ignore[arg-type]
    except (SyntaxError, OSError, ValueError, IndexError, TypeError):
        iptc = {}
    if iptc:
        caption = _decode(iptc.get((2, 120), b""))
        raw = iptc.get((2, 25), [])
        keywords = tuple(
            k for k in (_decode(v) for v in (raw if isinstance(raw, list) else [raw])) if k
        )
    if not caption or not keywords:
        xmp_caption, xmp_keywords = _xmp_text(image)
        caption = caption or xmp_caption
        keywords = keywords or xmp_keywords
    return caption, keywords


def _xmp_text(image: Image.Image) -> tuple[str, tuple[str, ...]]:
    try:
        xmp = image.getxmp()
    except Exception:  # malformed XMP must not stop an import
        return "", ()
    description = _find(xmp, "description")
    subject = _find(xmp, "subject")
    return _lang_alt_text(description), tuple(_bag_items(subject))


def _find(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        if key in node:
            return node[key]
        for value in node.values():
            found = _find(value, key)
            if found is not None:
                return found
    elif isinstance(node, list):
        for value in node:
            found = _find(value, key)
            if found is not None:
                return found
    return None


def _lang_alt_text(node: Any) -> str:
    if isinstance(node, str):
        return node.strip()
    if isinstance(node, dict):
        for key in ("Alt", "li", "text"):
            if key in node:
                return _lang_alt_text(node[key])
    if isinstance(node, list) and node:
        return _lang_alt_text(node[0])
    return ""


def _bag_items(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node.strip()] if node.strip() else []
    if isinstance(node, dict):
        for key in ("Bag", "Seq", "li", "text"):
            if key in node:
                return _bag_items(node[key])
        return []
    if isinstance(node, list):
        return [item for value in node for item in _bag_items(value)]
    return []


def _decode(value: Any) -> str:
    if isinstance(value, list):
        value = b" ".join(value)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8").strip()
        except UnicodeDecodeError:
            return value.decode("latin-1").strip()
    return str(value).strip()
