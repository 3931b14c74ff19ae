"""Character encoding and line endings of delimited text files."""

from __future__ import annotations

import re

from ..registry import FileCheck, register
from ..result import Location

UTF8 = frozenset({"utf-8", "utf-8-sig"})
# line endings are judged on the start of the file: a mix shows at once (usually the header)
LINE_ENDING_HEAD_BYTES = 256 * 1024
_QUOTED = re.compile(rb'"[^"]*"')  # line breaks inside quoted fields are cell content
_LINE_END = re.compile(rb"\r\n|\n|\r")
_NAMES = {b"\r\n": "CRLF", b"\n": "LF", b"\r": "CR"}


@register
class EncodingNotUtf8(FileCheck):
    rule = "encoding-not-utf8"
    severity = "warning"
    message = {
        "ja": "文字コードが {encoding} です（UTF-8 ではありません）",
        "en": "the file is encoded in {encoding}, not UTF-8",
    }
    hint = {
        "ja": "UTF-8 で保存してください（Excel なら「CSV UTF-8（コンマ区切り）」）",
        "en": "Save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')",
    }

    def run(self) -> None:
        encoding = self.context.encoding
        if self.context.is_delimited and encoding and encoding not in UTF8:
            self.report(encoding=encoding)


@register
class MixedLineEndings(FileCheck):
    rule = "mixed-line-endings"
    severity = "warning"
    message = {
        "ja": "行末の改行コードが混在しています（{first} と、{row}行目から {other}）",
        "en": "mixed line endings: {first}, and {other} from row {row}",
    }
    hint = {
        "ja": "すべての行末を同じ改行コード（CRLF が標準）にそろえて保存してください",
        "en": "Save the file with one kind of line ending throughout (CRLF is the standard)",
    }

    def run(self) -> None:
        context = self.context
        if not context.is_delimited or (context.encoding or "").startswith("utf-16"):
            return
        with open(context.path, "rb") as stream:
            head = stream.read(LINE_ENDING_HEAD_BYTES)
        if len(head) == LINE_ENDING_HEAD_BYTES:
            head = head[: head.rfind(b"\n") + 1]  # a CRLF cut in two is not a mix
        text = _QUOTED.sub(b"", head)
        crlf = text.count(b"\r\n")
        kinds = (crlf > 0) + (text.count(b"\n") > crlf) + (text.count(b"\r") > crlf)
        if kinds <= 1:
            return  # the usual case costs three counts
        first = None
        for row, match in enumerate(_LINE_END.finditer(text), 1):
            ending = match.group(0)
            if first is None:
                first = ending
            elif ending != first:
                self.report(Location(row=row), first=_NAMES[first], other=_NAMES[ending], row=row)
                return
