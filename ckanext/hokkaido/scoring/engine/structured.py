"""JSON, GeoJSON, XML and RDF: parsed safely (size cap, no XML entities, no network) to tell
whether they are well formed and, for RDF, whether they name things and link out."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import geo
from .limits import LimitExceeded

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
# no class may hold the character that starts the next try ("<", a line end): each try then
# stops where the next one starts, and the search stays linear on hostile text
_IRI = re.compile(r"<(https?://[^<>\s]+)>")
_SUBJECT_IRI = re.compile(r"^[^\S\n]*<(https?://[^<>\s]+)>", re.M)
_HTTP = re.compile(r"https?://\S+")


@dataclasses.dataclass
class StructureInfo:
    well_formed: bool = True
    problem: str | None = None
    subjects: set[str] = dataclasses.field(default_factory=set)
    objects: set[str] = dataclasses.field(default_factory=set)
    # GeoJSON positions, bounded: (1-based feature number, [lon, lat]) of the first few
    out_of_range: list[tuple[int, list]] = dataclasses.field(default_factory=list)
    out_of_range_count: int = 0
    swapped: list[tuple[int, list]] = dataclasses.field(default_factory=list)
    swapped_count: int = 0

    @property
    def names_things(self) -> bool:
        return bool(self.subjects)

    @property
    def links_out(self) -> bool:
        own_hosts = {urlsplit(u).hostname for u in self.subjects}
        vocabulary = vocabulary_hosts()
        return any(
            (host := urlsplit(u).hostname) and host not in own_hosts and host not in vocabulary
            for u in self.objects
        )


@functools.lru_cache(maxsize=1)
def vocabulary_hosts() -> frozenset[str]:
    text = Path(__file__).with_name("data").joinpath("vocabulary_hosts.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def inspect(path: str, context: Any) -> StructureInfo:
    size = os.path.getsize(path)
    if size > context.limits.max_in_memory_bytes:
        raise LimitExceeded(
            f"ファイルが大きすぎて解析できません（{size:,}バイト）",
            f"file too large to parse as a whole ({size:,} bytes)",
        )
    if context.format == "geojson":
        return _inspect_geojson(path, context)
    if context.format == "json":
        return _inspect_json(path, context.encoding)
    if context.format == "xml":
        return _inspect_xml(path)
    return _inspect_rdf(path, context.encoding)


def _inspect_json(path: str, encoding: str | None) -> StructureInfo:
    return _read_json(path, encoding)[1]


def _inspect_geojson(path: str, context: Any) -> StructureInfo:
    document, info = _read_json(path, context.encoding)
    if isinstance(document, dict):
        geo.inspect_positions(document, info, context.deadline)
    return info


def _read_json(path: str, encoding: str | None) -> tuple[Any, StructureInfo]:
    try:
        with open(path, encoding=encoding or "utf-8") as stream:
            document = json.load(stream)
    except (ValueError, RecursionError) as error:
        return None, StructureInfo(False, f"JSON: {error}")
    info = StructureInfo()
    if isinstance(document, (dict, list)):
        _collect_jsonld(document, info, depth=0)
    return document, info


def _collect_jsonld(node, info: StructureInfo, depth: int) -> None:
    if depth > 50:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@id" and isinstance(value, str) and _HTTP.match(value):
                (info.subjects if "@type" in node or depth == 0 else info.objects).add(value)
            elif key != "@context":
                _collect_jsonld(value, info, depth + 1)
    elif isinstance(node, list):
        for item in node[:10_000]:
            _collect_jsonld(item, info, depth + 1)


class XmlSyntaxError(Exception):
    """The parser's ParseError, raised under a name that needs no XML import to catch."""


def _parse_xml(path: str):
    # imported here: only XML and RDF need it, and a CSV run should not pay for it
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, parse

    try:
        return parse(path, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except ParseError as error:
        raise XmlSyntaxError(str(error)) from error
    except DefusedXmlException as error:
        raise LimitExceeded(
            "XML のエンティティ宣言・外部参照は受け付けません（XML 爆弾／XXE の疑い）",
            "XML entity declarations or external references refused",
        ) from error


def _inspect_xml(path: str) -> StructureInfo:
    try:
        _parse_xml(path)
    except XmlSyntaxError as error:
        return StructureInfo(False, f"XML: {error}")
    return StructureInfo()


def _inspect_rdf(path: str, encoding: str | None) -> StructureInfo:
    with open(path, "rb") as stream:
        start = stream.read(512).lstrip()
    if start.startswith(b"<") or start.startswith(b"\xef\xbb\xbf<"):
        return _inspect_rdf_xml(path)
    if start.startswith((b"{", b"[")):
        return _inspect_json(path, encoding)
    return _inspect_turtle(path, encoding)


def _inspect_rdf_xml(path: str) -> StructureInfo:
    try:
        tree = _parse_xml(path)
    except XmlSyntaxError as error:
        return StructureInfo(False, f"RDF/XML: {error}")
    info = StructureInfo()
    for element in tree.iter():
        about = element.get(_RDF + "about")
        resource = element.get(_RDF + "resource")
        if about and _HTTP.match(about):
            info.subjects.add(about)
        if resource and _HTTP.match(resource):
            info.objects.add(resource)
    return info


def _inspect_turtle(path: str, encoding: str | None) -> StructureInfo:
    with open(path, encoding=encoding or "utf-8", errors="replace") as stream:
        text = stream.read()
    info = StructureInfo()
    info.subjects.update(_SUBJECT_IRI.findall(text))
    info.objects.update(set(_IRI.findall(text)) - info.subjects)
    return info
