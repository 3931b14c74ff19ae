"""Draw the portal's stand-ins for CKAN's placeholder images (organization, group, user
without a picture), served at CKAN's own paths from ckanext/hokkaido/public/base/images/.

    .venv/bin/python tools/draw_placeholders.py

Pillow comes with CKAN's requirements. The output is committed; run this only to change it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "ckanext/hokkaido/public/base/images"
BACKGROUND = (232, 240, 248)
INK = (26, 79, 139)  # the logo's blue
SCALE = 4  # drawn large, then reduced: smooth edges


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (width * SCALE, height * SCALE), BACKGROUND)
    return image, ImageDraw.Draw(image)


def _save(image: Image.Image, width: int, height: int, name: str) -> None:
    image.resize((width, height), Image.LANCZOS).save(OUT / name, optimize=True)


def featured() -> None:
    """CKAN's grey 420x220 picture: snowy peaks, as in the logo."""
    image, draw = _canvas(420, 220)
    s = SCALE
    draw.polygon(
        [
            (60 * s, 180 * s),
            (170 * s, 60 * s),
            (225 * s, 120 * s),
            (270 * s, 85 * s),
            (360 * s, 180 * s),
        ],
        fill=INK,
    )
    draw.rectangle([60 * s, 190 * s, 360 * s, 198 * s], fill=INK)
    _save(image, 420, 220, "placeholder-420x220.png")


def organization() -> None:
    """A town hall: a pediment over columns, on a base."""
    image, draw = _canvas(210, 125)
    s = SCALE
    draw.polygon([(70 * s, 42 * s), (105 * s, 22 * s), (140 * s, 42 * s)], fill=INK)
    for x in range(76, 140, 16):
        draw.rectangle([x * s, 48 * s, (x + 8) * s, 88 * s], fill=INK)
    draw.rectangle([66 * s, 92 * s, 144 * s, 100 * s], fill=INK)
    _save(image, 210, 125, "placeholder-organization.png")


def group() -> None:
    """Three overlapping circles."""
    image, draw = _canvas(210, 125)
    s = SCALE
    for cx in (80, 105, 130):
        draw.ellipse([(cx - 20) * s, 42 * s, (cx + 20) * s, 82 * s], outline=INK, width=5 * s)
    _save(image, 210, 125, "placeholder-group.png")


def user() -> None:
    """A head and shoulders."""
    image, draw = _canvas(125, 125)
    s = SCALE
    draw.ellipse([45 * s, 25 * s, 80 * s, 60 * s], fill=INK)
    draw.pieslice([27 * s, 66 * s, 98 * s, 137 * s], 180, 360, fill=INK)
    _save(image, 125, 125, "placeholder-user.png")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    featured()
    organization()
    group()
    user()
