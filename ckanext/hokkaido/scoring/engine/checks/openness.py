"""File-level rules: licence openness and the real format of the content."""

from __future__ import annotations

from ..registry import FileCheck, register

NOT_MACHINE_READABLE = frozenset({"pdf", "image", "html", "unknown", "zip"})
PROPRIETARY = frozenset({"xls", "xlsx"})
# declared formats (CKAN resource format, file extension) that a detected format satisfies
_ALIASES = {
    "csv": {"csv", "txt", "text/csv"},
    "tsv": {"tsv", "tab", "txt", "text/tab-separated-values"},
    "xlsx": {"xlsx", "excel", "xls"},
    "xls": {"xls", "excel"},
    "ods": {"ods"},
    "json": {"json"},
    "geojson": {"geojson", "json"},
    "xml": {"xml"},
    "rdf": {
        "rdf",
        "rdf/xml",
        "ttl",
        "turtle",
        "n3",
        "nt",
        "n-triples",
        "jsonld",
        "json-ld",
        "owl",
        "xml",
        "json",
    },
    "pdf": {"pdf"},
    "html": {"html", "htm", "xhtml"},
    "zip": {"zip"},
    "image": {"png", "jpg", "jpeg", "gif", "tif", "tiff", "bmp", "webp", "image"},
}


@register
class NotOpenLicense(FileCheck):
    rule = "not-open-license"
    severity = "error"
    message = {
        "ja": "ライセンス「{license}」はオープンライセンスではありません",
        "en": "licence '{license}' is not an open licence",
    }
    hint = {
        "ja": "CC BY 4.0 や公共データ利用規約（PDL1.0）など、二次利用可能なライセンスを指定してください",  # noqa: E501
        "en": "Publish under an open licence such as CC BY 4.0 or PDL 1.0",
    }

    def run(self) -> None:
        if not self.context.license_open:
            self.report(license=self.context.license_id)


@register
class FormatMismatch(FileCheck):
    rule = "format-mismatch"
    severity = "error"
    message = {
        "ja": "宣言された形式「{declared}」と実際の内容（{actual}）が一致しません",
        "en": "declared format '{declared}' does not match the content ({actual})",
    }
    hint = {
        "ja": "リソースの形式の記載を実際のファイルに合わせるか、正しいファイルを登録してください",
        "en": "Correct the declared format, or upload the file the format promises",
    }

    def run(self) -> None:
        declared = self.context.declared_format
        actual = self.context.format
        if not declared or actual == "unknown" and self.context.detail == "empty":
            return
        if declared.lower() not in _ALIASES.get(actual, {actual}):
            self.report(declared=declared, actual=self.context.detail or actual)


@register
class NotMachineReadableFormat(FileCheck):
    rule = "not-machine-readable-format"
    severity = "warning"
    soumu = "1-1"
    message = {
        "ja": "{actual} 形式は機械判読に適しません",
        "en": "{actual} is not a machine-readable format",
    }
    hint = {
        "ja": "表のデータは CSV や Excel で、その元データを登録してください",
        "en": "Publish the underlying data as CSV (or Excel) as well",
    }

    def run(self) -> None:
        if self.context.format in NOT_MACHINE_READABLE and self.context.detail != "empty":
            self.report(actual=self.context.detail or self.context.format)


@register
class ProprietaryFormat(FileCheck):
    rule = "proprietary-format"
    severity = "info"
    message = {
        "ja": "{actual} 形式は特定のソフトウェアに依存します（★★）",
        "en": "{actual} depends on proprietary software (2 stars)",
    }
    hint = {
        "ja": "CSV か ODS でも公開すると★★★になります",
        "en": "Also publish CSV or ODS to reach 3 stars",
    }

    def run(self) -> None:
        if self.context.format in PROPRIETARY:
            self.report(actual=self.context.format)


@register
class MalformedFile(FileCheck):
    rule = "malformed-file"
    severity = "error"
    message = {
        "ja": "ファイルの構文が壊れています（{problem}）",
        "en": "the file is not well formed ({problem})",
    }
    hint = {
        "ja": "出力元のソフトウェアで保存し直し、構文検査ツールで確認してください",
        "en": "Re-export the file and check it with a validator",
    }

    def run(self) -> None:
        structure = self.context.structure
        if structure is not None and not structure.well_formed:
            self.report(problem=structure.problem)
