"""Character encoding of delimited text files."""

from __future__ import annotations

from ..registry import FileCheck, register

UTF8 = frozenset({"utf-8", "utf-8-sig"})


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
