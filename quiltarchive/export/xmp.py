"""XMP sidecars: rights and release metadata in the IPTC, PLUS and MWG vocabularies.

Written for interchange (digiKam, darktable, Lightroom and exiftool read them). People appear
only as pseudonymous ids, never by name. Face regions use the MWG convention: `stArea:x/y` is
the centre of the box, `w/h` its size, all relative to the image (`unit` normalized).
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from quiltarchive.model.appearance import Box

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "stArea": "http://ns.adobe.com/xmp/sType/Area#",
    "stDim": "http://ns.adobe.com/xap/1.0/sType/Dimensions#",
}
PLUS_VOCABULARY = "http://ns.useplus.org/ldf/vocab/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # a pseudonymous person id
    box: Box  # relative, top-left based, as recorded


@dataclass(frozen=True, slots=True)
class Artwork:
    title: str
    creator: str
    inventory_number: str  # a quilt patch's code


@dataclass(frozen=True, slots=True)
class SidecarFacts:
    title: str
    caption: str
    alt_text: str
    credit: str
    rights_notice: str
    usage_terms: str
    model_release: str  # MR-NON, MR-NAP, MR-UMR or MR-LMR
    release_ids: tuple[str, ...] = ()
    minor_age: str | None = None  # AG-UNK, AG-A25 … AG-A15, AG-U14; None when nobody is shown
    persons: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    width: int = 0  # the image the regions apply to
    height: int = 0
    web_statement: str = ""
    property_release: str | None = None  # PR-NON, PR-NAP, PR-UPR, PR-LPR
    artworks: tuple[Artwork, ...] = field(default=())


def age_code(age: int | None) -> str:
    """PLUS Minor Model Age Disclosure for the youngest person shown."""
    if age is None:
        return "AG-UNK"
    if age >= 25:
        return "AG-A25"
    if age <= 14:
        return "AG-U14"
    return f"AG-A{age}"


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _element(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, _q(name))
    if text is not None:
        child.text = text
    return child


def _resource(parent: ET.Element, name: str) -> ET.Element:
    child = _element(parent, name)
    child.set(_q("rdf:parseType"), "Resource")
    return child


def _lang_alt(parent: ET.Element, name: str, text: str) -> None:
    alt = _element(_element(parent, name), "rdf:Alt")
    _element(alt, "rdf:li", text).set(XML_LANG, "x-default")


def _bag(parent: ET.Element, name: str, values: tuple[str, ...]) -> None:
    bag = _element(_element(parent, name), "rdf:Bag")
    for value in values:
        _element(bag, "rdf:li", value)


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def sidecar_xml(facts: SidecarFacts) -> bytes:
    root = ET.Element(_q("x:xmpmeta"))
    rdf = _element(root, "rdf:RDF")
    about = _element(rdf, "rdf:Description")
    about.set(_q("rdf:about"), "")
    if facts.title:
        _lang_alt(about, "dc:title", facts.title)
    if facts.caption:
        _lang_alt(about, "dc:description", facts.caption)
    if facts.rights_notice:
        _lang_alt(about, "dc:rights", facts.rights_notice)
    if facts.credit:
        _element(about, "photoshop:Credit", facts.credit)
    _element(about, "xmpRights:Marked", "True")
    _lang_alt(about, "xmpRights:UsageTerms", facts.usage_terms)
    if facts.web_statement:
        _element(about, "xmpRights:WebStatement", facts.web_statement)
    if facts.alt_text:
        _lang_alt(about, "Iptc4xmpCore:AltTextAccessibility", facts.alt_text)
    _element(about, "plus:ModelReleaseStatus", PLUS_VOCABULARY + facts.model_release)
    if facts.release_ids:
        _bag(about, "plus:ModelReleaseID", facts.release_ids)
    if facts.minor_age:
        _element(about, "plus:MinorModelAgeDisclosure", PLUS_VOCABULARY + facts.minor_age)
    if facts.property_release:
        _element(about, "plus:PropertyReleaseStatus", PLUS_VOCABULARY + facts.property_release)
    if facts.persons:
        _bag(about, "Iptc4xmpExt:PersonInImage", facts.persons)
    if facts.artworks:
        bag = _element(_element(about, "Iptc4xmpExt:ArtworkOrObject"), "rdf:Bag")
        for artwork in facts.artworks:
            item = _element(bag, "rdf:li")
            item.set(_q("rdf:parseType"), "Resource")
            _lang_alt(item, "Iptc4xmpExt:AOTitle", artwork.title)
            if artwork.creator:
                _bag(item, "Iptc4xmpExt:AOCreator", (artwork.creator,))
            if artwork.inventory_number:
                _element(item, "Iptc4xmpExt:AOSourceInvNo", artwork.inventory_number)
    if facts.regions:
        _regions(about, facts)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def _regions(about: ET.Element, facts: SidecarFacts) -> None:
    regions = _resource(about, "mwg-rs:Regions")
    applied = _resource(regions, "mwg-rs:AppliedToDimensions")
    _element(applied, "stDim:w", str(facts.width))
    _element(applied, "stDim:h", str(facts.height))
    _element(applied, "stDim:unit", "pixel")
    bag = _element(_element(regions, "mwg-rs:RegionList"), "rdf:Bag")
    for region in facts.regions:
        entry = _element(bag, "rdf:li")
        entry.set(_q("rdf:parseType"), "Resource")
        area = _resource(entry, "mwg-rs:Area")
        box = region.box
        _element(area, "stArea:x", _number(box.x + box.w / 2))
        _element(area, "stArea:y", _number(box.y + box.h / 2))
        _element(area, "stArea:w", _number(box.w))
        _element(area, "stArea:h", _number(box.h))
        _element(area, "stArea:unit", "normalized")
        _element(entry, "mwg-rs:Name", region.name)
        _element(entry, "mwg-rs:Type", "Face")
