"""Format and encoding sniffing from the bytes of a file, never from its name."""

from __future__ import annotations

import dataclasses
import re

HEAD_BYTES = 1024 * 1024
_MAX_DAMAGE = 0.02  # share of undecodable characters a text file may have

_IMAGE_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE2_WORKBOOK_NAMES = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_RDF_NAMESPACE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|div|script)\b", re.I)
_TURTLE_START = re.compile(r"(@prefix|@base|prefix\s|base\s|<[^>\s]+>\s+<[^>\s]+>)", re.I)
_JSON_ARRAY_START = re.compile(r"\[\s*([\[{\"\]\d-]|true|false|null)")
_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]")


@dataclasses.dataclass
class Detected:
    format: str
    encoding: str | None = None
    detail: str | None = None  # e.g. "docx", "empty", "binary"


def detect(path: str) -> Detected:
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    if not head:
        return Detected("unknown", detail="empty")
    binary = _detect_binary(path, head)
    if binary is not None:
        return binary
    encoding, text = _encoding_and_text(head)
    if encoding is None or text is None:
        return Detected("unknown", detail="binary")
    return Detected(_detect_text_format(text.lstrip("\ufeff \t\r\n")), encoding)


def _detect_binary(path: str, head: bytes) -> Detected | None:
    if head.startswith(b"%PDF-"):
        return Detected("pdf")
    if head.startswith(_IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return Detected("image")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return Detected(*_zip_kind(path))
    if head.startswith(_OLE2_SIGNATURE):
        return Detected("xls") if _ole2_has_workbook(path) else Detected("unknown", detail="ole2")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text, decided by the encoding sniffer
    if b"\x00" in head[:8192]:
        return Detected("unknown", detail="binary")
    return None


def _zip_kind(path: str) -> tuple[str, None, str | None]:
    import zipfile  # imported here: most files scored are not zip containers

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:5000])
            if "mimetype" in names and archive.read("mimetype")[:100].startswith(_ODS_MIMETYPE):
                return "ods", None, None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return "unknown", None, "broken-zip"
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx", None, None
    if any(n.startswith("word/") for n in names):
        return "unknown", None, "docx"
    return "zip", None, None


def _ole2_has_workbook(path: str) -> bool:
    # directory sectors of a compound file can be anywhere, so scan the file in chunks
    with open(path, "rb") as stream:
        previous = b""
        while chunk := stream.read(HEAD_BYTES):
            window = previous + chunk
            if any(name in window for name in _OLE2_WORKBOOK_NAMES):
                return True
            previous = chunk[-32:]
    return False


def detect_encoding(head: bytes) -> str | None:
    """Strict UTF-8 first (BOM means utf-8-sig), then CP932, then EUC-JP. No chardet: it
    mistakes short CP932 files for EBCDIC."""
    return _encoding_and_text(head)[0]


def _encoding_and_text(head: bytes) -> tuple[str | None, str | None]:
    """The encoding, and the head decoded with it (errors replaced): the text of the
    successful strict decode is reused, so a CP932 head is not decoded twice."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", head.decode("utf-8-sig", errors="replace")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", head.decode("utf-16", errors="replace")
    utf8 = _decoded(head, "utf-8")
    if utf8 is not None:
        return "utf-8", utf8
    cp932 = _decoded(head, "cp932")
    euc = _decoded(head, "euc-jp")
    if cp932 is not None and euc is not None and _looks_like_euc(head):
        return "euc-jp", euc
    if cp932 is not None:
        return "cp932", cp932
    if euc is not None:
        return "euc-jp", euc
    return _least_damaged(head)


def _least_damaged(head: bytes) -> tuple[str | None, str | None]:
    """A text file with a few bad bytes (mixed encodings) is still text; the bad bytes are
    reported later as undecodable-bytes."""
    texts = {enc: head.decode(enc, "replace") for enc in ("utf-8", "cp932")}
    best = min(texts, key=lambda enc: texts[enc].count("\ufffd"))
    text = texts[best]
    return (best, text) if text.count("\ufffd") <= len(text) * _MAX_DAMAGE else (None, None)


def _decoded(head: bytes, encoding: str) -> str | None:
    """The head as text when it decodes (errors replaced), else None."""
    try:
        return head.decode(encoding)
    except UnicodeDecodeError as error:
        # a multibyte character cut by the sample boundary is not an error
        if error.reason.startswith("unexpected end") or (
            len(head) >= HEAD_BYTES and error.start >= len(head) - 3
        ):
            return head.decode(encoding, errors="replace")
        return None


def _looks_like_euc(head: bytes) -> bool:
    """EUC-JP kanji usually decode as CP932 half-width katakana; real CP932 text rarely is
    mostly half-width katakana."""
    as_cp932 = head.decode("cp932", errors="ignore")
    kana = len(_HALFWIDTH_KANA.findall(as_cp932))
    return kana > 0 and kana * 3 > sum(1 for ch in as_cp932 if ord(ch) > 0x7F)


def _detect_text_format(text: str) -> str:
    if not text:
        return "csv"
    if text[0] in "{[":
        return _json_kind(text)
    if text[0] == "<":
        return _markup_kind(text[:4096])
    if _TURTLE_START.match(text):
        return "rdf"
    return _delimited_kind(text)


def _json_kind(text: str) -> str:
    start = text[:4096]
    if text[0] == "[" and not _JSON_ARRAY_START.match(text):
        return _delimited_kind(text)  # e.g. a CSV whose title cell is "[表1]"
    if '"@context"' in start:
        return "rdf"
    if re.search(r'"type"\s*:\s*"(FeatureCollection|Feature)"', start):
        return "geojson"
    return "json"


def _markup_kind(start: str) -> str:
    lowered = start.lower()
    if _RDF_NAMESPACE in start or "<rdf:rdf" in lowered:
        return "rdf"
    if _HTML_START.search(start):
        return "html"
    return "xml"


def _delimited_kind(text: str) -> str:
    lines = _first_lines(text, 30)
    tabs = sum(line.count("\t") for line in lines)
    commas = sum(line.count(",") for line in lines)
    return "tsv" if tabs > commas else "csv"


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count] without splitting a whole megabyte: when the start already
    holds more than `count` lines, the first `count` are complete and the same."""
    lines = text[:65536].splitlines()
    return lines[:count] if len(lines) > count else text.splitlines()[:count]
