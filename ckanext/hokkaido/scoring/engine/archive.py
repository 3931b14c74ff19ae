"""Guard for zip-based files (xlsx, ods, zip): refuse bombs before any parser sees them."""

from __future__ import annotations

import zipfile

from .limits import LimitExceeded, Limits


def check_zip(path: str, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise LimitExceeded("ZIP として壊れています", "broken zip container") from error
    if len(members) > limits.max_zip_members:
        raise LimitExceeded(
            f"ZIP のファイル数が多すぎます（{len(members)}）",
            f"too many zip members ({len(members)})",
        )
    uncompressed = sum(m.file_size for m in members)
    compressed = sum(m.compress_size for m in members) or 1
    if uncompressed > limits.max_uncompressed_bytes:
        raise LimitExceeded(
            f"展開後のサイズ（{uncompressed:,}バイト）が上限を超えます",
            f"uncompressed size {uncompressed:,} bytes exceeds the limit",
        )
    ratio = uncompressed / compressed
    if ratio > limits.max_compression_ratio:
        raise LimitExceeded(
            f"圧縮率（{ratio:.0f}倍）が異常に高く、ZIP 爆弾の疑いがあります",
            f"compression ratio {ratio:.0f}x suggests a zip bomb",
        )


def member_size(path: str, name: str) -> int:
    with zipfile.ZipFile(path) as archive:
        return archive.getinfo(name).file_size
