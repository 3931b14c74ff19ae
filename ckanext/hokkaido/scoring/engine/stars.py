"""Tim Berners-Lee's five stars, judged from the real content of the file."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .structured import StructureInfo


STARS_BY_FORMAT = {
    "xls": 2,
    "xlsx": 2,
    "csv": 3,
    "tsv": 3,
    "json": 3,
    "geojson": 3,
    "xml": 3,
    "ods": 3,
    "rdf": 3,
}


def count_stars(
    file_format: str, license_open: bool, empty: bool, structure: StructureInfo | None
) -> int:
    if not license_open or empty:
        return 0
    stars = STARS_BY_FORMAT.get(file_format, 1)
    if structure is not None and not structure.well_formed:
        return 1  # published openly, but nothing a program can parse
    if file_format == "rdf" and structure is not None and structure.names_things:
        stars = 5 if structure.links_out else 4
    return stars
