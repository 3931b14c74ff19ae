"""Every message the inventory package can report, in Japanese and English.

Each entry is (japanese, english) with str.format placeholders; codes are stable ids so
callers and tests can match on them instead of on text.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- file level -------------------------------------------------------------------------
    "file_too_large": (
        "ファイルが大きすぎます（上限 {limit_mb} MB）。",
        "The file is too large (limit {limit_mb} MB).",
    ),
    "empty_file": ("ファイルが空です。", "The file is empty."),
    "not_spreadsheet": (
        "スプレッドシート（.xlsx または CSV）として読み込めません。{hint}",
        "This is not a spreadsheet (.xlsx or CSV). {hint}",
    ),
    "legacy_xls": (
        "Excel 97-2003 形式（.xls）は読み込めません。.xlsx または CSV で保存し直してください。",
        "Excel 97-2003 (.xls) files are not supported; save as .xlsx or CSV.",
    ),
    "ods_unsupported": (
        "OpenDocument 形式（.ods）は読み込めません。.xlsx または CSV で保存し直してください。",
        "OpenDocument (.ods) files are not supported; save as .xlsx or CSV.",
    ),
    "zip_bomb": (
        "展開後のサイズが大きすぎるため開けません（{size_mb} MB、上限 {limit_mb} MB）。",
        "The file expands to {size_mb} MB, over the {limit_mb} MB limit, so it was not opened.",
    ),
    "xlsx_broken": (
        "Excelファイルが壊れているため開けません（{detail}）。",
        "The Excel file is damaged and cannot be opened ({detail}).",
    ),
    "encoding_unknown": (
        "文字コードを判定できません。UTF-8 または Shift_JIS（CP932）で保存してください。",
        "The character encoding could not be determined; save as UTF-8 or Shift_JIS (CP932).",
    ),
    "encoding_utf16": (
        "UTF-16（Unicodeテキスト）形式は読み込めません。「CSV UTF-8」で保存してください。",
        "UTF-16 text is not supported; save as 'CSV UTF-8'.",
    ),
    "csv_malformed": (
        "CSVの形式が正しくありません（{row}行目付近：{detail}）。",
        "The CSV is malformed near row {row}: {detail}.",
    ),
    "header_not_found": (
        "見出し行が見つかりません。先頭{rows}行以内に「{example}」などの列見出しを置いてください。",
        "No header row found; put column headers such as '{example}' in the first {rows} rows.",
    ),
    "missing_required_column": (
        "必須の列「{column}」がありません。",
        "The required column '{column}' is missing.",
    ),
    "missing_optional_column": (
        "列「{column}」がありません。この項目は変更されません。",
        "Column '{column}' is missing; that field will be left unchanged.",
    ),
    "unknown_column": (
        "列「{column}」は棚卸しの項目ではないため無視しました。{hint}",
        "Column '{column}' is not an inventory field and was ignored. {hint}",
    ),
    "duplicate_column": (
        "列「{column}」が複数あります（{cells}）。1列にまとめてください。",
        "Column '{column}' appears more than once ({cells}); keep one.",
    ),
    "blank_header_with_data": (
        "見出しのない列（{cells}）に値があります。見出しを付けるか削除してください。",
        "A column without a header ({cells}) has values; add a header or delete it.",
    ),
    "merged_header": (
        "見出し行のセル {ref} が結合されています。結合を解除し、1列に1つの見出しを入れてください。",
        "Header cells {ref} are merged; unmerge them so each column has one header.",
    ),
    "too_many_rows": (
        "行数が上限（{limit}行）を超えています。ファイルを分割してください。",
        "The file has more than {limit} rows; split it.",
    ),
    # --- row level --------------------------------------------------------------------------
    "required_value": ("「{column}」は必須です。", "'{column}' is required."),
    "formula": (
        "数式は使えません（計算はしません）。値を直接入力してください：{formula}",
        "Formulas are not allowed (not evaluated); enter the value itself: {formula}",
    ),
    "unknown_choice": (
        "「{value}」は「{column}」の選択肢にありません。{hint}",
        "'{value}' is not an allowed value of '{column}'. {hint}",
    ),
    "suggest_choice": ("「{suggestion}」ではありませんか？", "Did you mean '{suggestion}'?"),
    "allowed_choices": ("選択肢：{choices}", "Allowed: {choices}"),
    "duplicate_inventory_id": (
        "管理番号「{value}」は{first_row}行目と重複しています。",
        "Inventory number '{value}' duplicates row {first_row}.",
    ),
    "suggest_header": ("「{suggestion}」の誤りではありませんか？", "Did you mean '{suggestion}'?"),
}


def message(code: str, hint: tuple[str, str] = ("", ""), **params) -> tuple[str, str]:
    """Return the (japanese, english) text of a message with its placeholders filled.

    `hint` is itself a (japanese, english) pair, so each language gets its own hint.
    """
    ja, en = MESSAGES[code]
    return ja.format(hint=hint[0], **params).strip(), en.format(hint=hint[1], **params).strip()
