"""How quilts, patches and stories appear in the audit trail's before/after."""

from typing import Any

from quiltarchive.model.patch import Patch
from quiltarchive.model.quilt import Position, Quilt
from quiltarchive.model.story import Story


def quilt_snapshot(quilt: Quilt) -> dict[str, Any]:
    return {"name": quilt.name, "rows": quilt.rows, "columns": quilt.columns, "notes": quilt.notes}


def position_snapshot(position: Position | None) -> dict[str, int] | None:
    if position is None:
        return None
    return {"quilt_id": position.quilt_id, "row": position.row, "column": position.column}


def patch_snapshot(patch: Patch) -> dict[str, Any]:
    return {
        "code": patch.code,
        "title": patch.title,
        "maker_id": patch.maker_id,
        "maker_age_band": patch.maker_age_band.value if patch.maker_age_band else None,
        "event_id": patch.event_id,
        "received_on": patch.received_on.isoformat() if patch.received_on else None,
        "materials": patch.materials,
        "size": patch.size,
        "story": patch.story,
        "notes": patch.notes,
        "position": position_snapshot(patch.position),
        "photos": [[p.photo_id, p.role.value] for p in patch.photos],
    }


def story_snapshot(story: Story) -> dict[str, Any]:
    return {
        "title": story.title,
        "teller_id": story.teller_id,
        "text": story.text,
        "language": story.language,
        "translation": story.translation,
        "translation_language": story.translation_language,
        "notes": story.notes,
        "photo_ids": list(story.photo_ids),
        "patch_ids": list(story.patch_ids),
    }
