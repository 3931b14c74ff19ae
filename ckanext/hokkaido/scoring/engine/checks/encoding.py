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


_NUL_CHUNK = 1024 * 1024


@register
class NulBytes(FileCheck):
    rule = "nul-bytes"
    severity = "error"
    soumu_csv = "4-2"
    message = {
        "ja": "NUL 文字（0x00）が含まれています（{line}行目）",
        "en": "NUL byte (0x00) in line {line}",
    }
    hint = {
        "ja": "NUL 文字を削除してください（壊れたファイルの連結や UTF-16 との取り違えで生じます）",
        "en": "Remove the NUL bytes (they come from broken concatenation or a UTF-16 mix-up)",
    }

    def run(self) -> None:
        context = self.context
        if not context.is_delimited or (context.encoding or "").startswith("utf-16"):
            return
        if not self._has_nul():
            return
        for line in self._nul_lines():
            self.report(Location(row=line), line=line)

    def _has_nul(self) -> bool:
        """The usual answer, no, costs one memchr per chunk: no line is counted."""
        with open(self.context.path, "rb") as stream:
            while chunk := stream.read(_NUL_CHUNK):
                self.context.deadline.check()
                if b"\x00" in chunk:
                    return True
        return False

    def _nul_lines(self):
        """Physical lines (1-based) holding a NUL byte, up to the reported number; the whole
        file is read in chunks, and a chunk without NUL costs one memchr and one count."""
        wanted = self.reporter.max_per_rule
        lines_before = last = 0
        with open(self.context.path, "rb") as stream:
            while wanted and (chunk := stream.read(_NUL_CHUNK)):
                self.context.deadline.check()
                start = 0
                position = chunk.find(b"\x00")
                while position >= 0 and wanted:
                    lines_before += chunk.count(b"\n", start, position)
                    if lines_before + 1 != last:  # a line cut by the chunk boundary
                        last = lines_before + 1
                        wanted -= 1
                        yield last
                    start = chunk.find(b"\n", position)  # the rest of this line is done
                    if start < 0:
                        start = len(chunk)
                        break
                    position = chunk.find(b"\x00", start)
                lines_before += chunk.count(b"\n", start)
