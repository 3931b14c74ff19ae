"""Rules about GeoJSON positions (RFC 7946: [longitude, latitude] in WGS84 degrees)."""

from __future__ import annotations

from ..registry import FileCheck, register
from ..result import Location


class _PositionCheck(FileCheck):
    """Reports the positions structured.py kept for one problem, one per feature; the
    location's row is the 1-based feature number."""

    problem: str

    def run(self) -> None:
        structure = self.context.structure
        if self.context.format != "geojson" or structure is None:
            return
        kept = getattr(structure, self.problem)
        for feature, (lon, lat) in kept:
            self.report(Location(row=feature), feature=feature, lon=lon, lat=lat)
        self.reporter.add_unlisted(self, getattr(structure, f"{self.problem}_count") - len(kept))


@register
class GeojsonCoordinatesSwapped(_PositionCheck):
    rule = "geojson-coordinates-swapped"
    severity = "error"
    problem = "swapped"
    message = {
        "ja": "{feature}番目の地物の座標 [{lon}, {lat}] が [緯度, 経度] の順になっています",
        "en": "feature {feature}: position [{lon}, {lat}] is in [latitude, longitude] order",
    }
    hint = {
        "ja": "GeoJSON の座標は [経度, 緯度] の順に記載してください（例: 札幌 [141.35, 43.06]）",
        "en": "GeoJSON positions are [longitude, latitude], e.g. Sapporo [141.35, 43.06]",
    }


@register
class GeojsonCoordinatesOutOfRange(_PositionCheck):
    rule = "geojson-coordinates-out-of-range"
    severity = "error"
    problem = "out_of_range"
    message = {
        "ja": "{feature}番目の地物の座標 [{lon}, {lat}] が経度±180°・緯度±90°の範囲外です",
        "en": "feature {feature}: position [{lon}, {lat}] is outside ±180° longitude / ±90° "
        "latitude",
    }
    hint = {
        "ja": "座標は世界測地系（WGS84）の10進数の度で [経度, 緯度] の順に記載してください"
        "（平面直角座標やミリ秒は変換が必要です）",
        "en": "Write WGS84 decimal degrees as [longitude, latitude]; convert plane "
        "rectangular coordinates or milliseconds first",
    }
