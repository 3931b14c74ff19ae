"""Character-encoding detection for CSV uploads: UTF-8 (with or without BOM) or CP932.

Decoding is strict; when neither encoding fits, or CP932 only "fits" by producing
characters no real sheet contains, the file is refused instead of read as garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

UTF8_SIG = "utf-8-sig"
UTF8 = "utf-8"
CP932 = "cp932"
# Bytes that are not CP932 (EUC-JP, Latin-1, ...) still mostly decode as CP932, but into
# user-defined characters (Private Use Area) or a flood of half-width katakana; an inventory
# sheet, whose headers are kanji, has neither.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MAX_HALF_WIDTH_KANA_SHARE = 0.3


class EncodingError(ValueError):
    """The bytes are not text in an encoding we accept. `code` is a messages.py code."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode(data: bytes) -> DecodedText:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise EncodingError("encoding_utf16")
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(_strict(data, UTF8_SIG), UTF8_SIG)
    for encoding in (UTF8, CP932):
        text = _try(data, encoding)
        if text is not None and _plausible(text, encoding):
            return DecodedText(text, encoding)
    raise EncodingError("encoding_unknown")


def _strict(data: bytes, encoding: str) -> str:
    text = _try(data, encoding)
    if text is None:
        raise EncodingError("encoding_unknown")
    return text


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible(text: str, encoding: str) -> bool:
    if encoding != CP932:
        return True
    if _PRIVATE_USE.search(text):
        return False
    non_ascii = len(_NON_ASCII.findall(text))
    kana = len(_HALF_WIDTH_KANA.findall(text))
    return not non_ascii or kana / non_ascii <= MAX_HALF_WIDTH_KANA_SHARE
