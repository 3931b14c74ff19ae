"""Longitude/latitude to the map's SVG plane.

An equirectangular projection with longitudes shrunk by cos(43.5°), the middle latitude of
Hokkaido, so shapes keep their proportions there. The x axis runs east, the y axis south (SVG).
Positions are returned in tenths of an SVG unit as integers: the paths carry one decimal, and
integers keep relative moves free of rounding drift.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

STANDARD_PARALLEL = 43.5
TENTHS = 10

Point = tuple[float, float]
GridPoint = tuple[int, int]


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    units_per_degree: float
    margin: float
    width: float
    height: float

    @classmethod
    def fit(cls, lonlats: Iterable[Point], width: float = 1000, margin: float = 10) -> Projection:
        """The projection that spans ``width`` units across these positions, plus a margin;
        the height follows, rounded up to a whole unit."""
        lons, lats = zip(*lonlats, strict=True)
        x_scale = math.cos(math.radians(STANDARD_PARALLEL))
        units_per_degree = (width - 2 * margin) / ((max(lons) - min(lons)) * x_scale)
        height = math.ceil((max(lats) - min(lats)) * units_per_degree + 2 * margin)
        return cls(min(lons), max(lats), units_per_degree, margin, width, height)

    def grid(self, lonlat: Point) -> GridPoint:
        """SVG position of a longitude/latitude, in tenths of a unit."""
        lon, lat = lonlat
        x_scale = math.cos(math.radians(STANDARD_PARALLEL))
        x = self.margin + (lon - self.west) * x_scale * self.units_per_degree
        y = self.margin + (self.north - lat) * self.units_per_degree
        return round(x * TENTHS), round(y * TENTHS)

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"
