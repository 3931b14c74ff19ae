"""Cross-field rules of an inventory item, as pure functions over a flat dict.

A rule takes a package-like dict (schema field names; `private`, `resources`/`num_resources`,
`tags`/`tag_string` where the dataset has them) and returns a list of
(field, japanese_message, english_message). A rule whose inputs are absent from the dict
says nothing, so the same rules check a partial spreadsheet row and a whole package.

Scope ROW rules need only the item's own fields and run on every imported row; PACKAGE
rules need the dataset's CKAN state (visibility, resources, tags). New rules are added by
registering a function, not by editing check_package.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ckanext.hokkaido.hierarchy.reference import municipalities

from . import licenses
from .values import as_list

Error = tuple[str, str, str]
ROW = "row"
PACKAGE = "package"

BODIK_STANDARD_TAG = "自治体標準ODS"
PUBLISHED, PLANNED, UNPUBLISHED = "published", "planned", "unpublished"
CLOSED = "closed"
OTHER_REASON = "other"
_PLANNED_FORMATS = re.compile(
    r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|\d{4}年度(中|上期|下期)?"
)


@dataclass(frozen=True)
class Rule:
    name: str
    scope: str
    check: Callable[[dict], list[Error]]


RULES: list[Rule] = []


def rule(scope: str):
    def register(fn: Callable[[dict], list[Error]]):
        RULES.append(Rule(fn.__name__, scope, fn))
        return fn

    return register


def check_row(values: dict) -> list[Error]:
    """Rules an inventory spreadsheet row can be held to on its own."""
    return [e for r in RULES if r.scope == ROW for e in r.check(values)]


def check_package(pkg: dict) -> list[Error]:
    """Every registered rule: what the CKAN dataset-level validator will run."""
    return [e for r in RULES for e in r.check(pkg)]


# --- disclosure ----------------------------------------------------------------------------


@rule(ROW)
def nondisclosure_reason_required(d: dict) -> list[Error]:
    if d.get("disclosure") != CLOSED or "nondisclosure_reason" not in d:
        return []
    if as_list(d["nondisclosure_reason"]):
        return []
    return [
        (
            "nondisclosure_reason",
            "公開不可の場合は非公開理由を選んでください。",
            "Choose a reason when the data cannot be published.",
        )
    ]


@rule(ROW)
def nondisclosure_note_required_for_other(d: dict) -> list[Error]:
    if OTHER_REASON not in as_list(d.get("nondisclosure_reason")):
        return []
    if "nondisclosure_note" not in d or _filled(d["nondisclosure_note"]):
        return []
    return [
        (
            "nondisclosure_note",
            "非公開理由が「その他」の場合は詳細を記入してください。",
            "Describe the reason when 'Other' is chosen.",
        )
    ]


@rule(ROW)
def closed_not_published(d: dict) -> list[Error]:
    if d.get("disclosure") != CLOSED or d.get("publication_status") != PUBLISHED:
        return []
    return [
        (
            "publication_status",
            "公開可否が「公開不可」のデータを「公開済」にはできません。",
            "Data that cannot be published cannot have the status Published.",
        )
    ]


# --- publication ---------------------------------------------------------------------------


@rule(ROW)
def planned_publication_required(d: dict) -> list[Error]:
    if d.get("publication_status") != PLANNED or "planned_publication" not in d:
        return []
    if _filled(d["planned_publication"]):
        return []
    return [
        (
            "planned_publication",
            "公開予定の場合は公開予定時期を記入してください。",
            "Give the planned publication date when the status is Planned.",
        )
    ]


@rule(ROW)
def planned_publication_format(d: dict) -> list[Error]:
    value = str(d.get("planned_publication") or "").strip()
    if not value or _PLANNED_FORMATS.fullmatch(value):
        return []
    return [
        (
            "planned_publication",
            f"公開予定時期「{value}」は YYYY-MM-DD、YYYY-MM、YYYY "
            "または「2025年度」の形で記入してください。",
            f"Planned publication '{value}' must be YYYY-MM-DD, YYYY-MM, YYYY or a fiscal year.",
        )
    ]


@rule(ROW)
def published_needs_open_license(d: dict) -> list[Error]:
    if d.get("publication_status") != PUBLISHED or "license_id" not in d:
        return []
    if licenses.is_open(d["license_id"]):
        return []
    return [
        (
            "license_id",
            "公開済のデータにはオープンなライセンス（CC BY 4.0 等）を指定してください。",
            "Published data needs an open licence (CC BY 4.0 etc.).",
        )
    ]


@rule(PACKAGE)
def published_is_public(d: dict) -> list[Error]:
    if d.get("publication_status") != PUBLISHED or "private" not in d:
        return []
    if not _true(d["private"]):
        return []
    return [
        (
            "private",
            "公開済のデータセットは公開（非公開ではない）設定にしてください。",
            "A published dataset must be public.",
        )
    ]


@rule(PACKAGE)
def unpublished_is_private(d: dict) -> list[Error]:
    if d.get("publication_status") not in (PLANNED, UNPUBLISHED) or "private" not in d:
        return []
    if _true(d["private"]):
        return []
    return [
        (
            "private",
            "公開予定・未公開のデータセットは非公開にしてください（公開する場合は公開状況を「公開済」に）。",
            "Planned or unpublished datasets must be private (or set the status to Published).",
        )
    ]


@rule(PACKAGE)
def published_has_resource(d: dict) -> list[Error]:
    if d.get("publication_status") != PUBLISHED or _resource_count(d) is None:
        return []
    if _resource_count(d) > 0:
        return []
    return [
        (
            "publication_status",
            "公開済のデータセットにはリソース（データファイルまたはURL）が1件以上必要です。",
            "A published dataset needs at least one resource.",
        )
    ]


# --- classification ------------------------------------------------------------------------


@rule(ROW)
def target_area_codes_valid(d: dict) -> list[Error]:
    bad = [c for c in as_list(d.get("target_areas")) if not is_local_government_code(c)]
    if not bad:
        return []
    shown = ";".join(bad)
    return [
        (
            "target_areas",
            f"対象地域「{shown}」は6桁の全国地方公共団体コード（検査数字付き）ではありません。",
            f"Target areas '{shown}' are not 6-digit local government codes with a check digit.",
        )
    ]


@rule(PACKAGE)
def standard_dataset_tags_present(d: dict) -> list[Error]:
    missing = [t for t in bodik_tags(d.get("standard_dataset")) if t not in _tag_names(d)]
    if not missing or not ("tags" in d or "tag_string" in d):
        return []
    shown = "、".join(missing)
    return [
        (
            "tag_string",
            f"自治体標準オープンデータセットにはタグ「{shown}」が必要です（BODIK連携）。",
            f"Standard datasets need the tags {', '.join(missing)} (for BODIK).",
        )
    ]


def bodik_tags(standard_dataset: str | None) -> list[str]:
    """Tags BODIK ODM/API looks for on a declared 自治体標準オープンデータセット."""
    if not standard_dataset:
        return []
    return [BODIK_STANDARD_TAG, standard_dataset]


def is_local_government_code(code: str) -> bool:
    """6-digit 全国地方公共団体コード whose last digit is the check digit."""
    return municipalities.is_valid_lg_code(code)


# --- uniqueness (needs a lookup, so not in the registry) -----------------------------------


def inventory_id_unique(pkg: dict, holders: Iterable[str]) -> list[Error]:
    """`holders`: ids of datasets in pkg's organization that already use its 管理番号."""
    others = [h for h in holders if h != pkg.get("id")]
    if not others or not _filled(pkg.get("inventory_id")):
        return []
    value = pkg["inventory_id"]
    return [
        (
            "inventory_id",
            f"管理番号「{value}」はこの組織の別のデータセットで使われています。",
            f"Inventory number '{value}' is already used by another dataset of this organization.",
        )
    ]


# --- helpers -------------------------------------------------------------------------------


def _filled(value: object) -> bool:
    return bool(str(value or "").strip())


def _true(value: object) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes", "on")


def _resource_count(d: dict) -> int | None:
    if "num_resources" in d:
        return int(d["num_resources"] or 0)
    if "resources" in d:
        return len(d["resources"] or [])
    return None


def _tag_names(d: dict) -> set[str]:
    names = {t["name"] for t in d.get("tags") or [] if isinstance(t, dict) and "name" in t}
    names |= {t.strip() for t in str(d.get("tag_string") or "").split(",") if t.strip()}
    return names
