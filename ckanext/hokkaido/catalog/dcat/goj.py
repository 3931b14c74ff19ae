"""The DCAT-GoJ items (デジタル庁 GIF DS-469) that map onto our schema and are not written
by ckanext-dcat: 言語, 更新頻度, 公開範囲 and 連絡先情報 (組織名・部署名・電話番号・
メールアドレス・フォームURL)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from .namespaces import EU_ACCESS_RIGHT, EU_FREQUENCY, EU_LANGUAGE, VCARD

JAPANESE = EU_LANGUAGE.JPN
PUBLIC = EU_ACCESS_RIGHT.PUBLIC
# update_frequency → the EU frequency authority table
FREQUENCIES = {
    "continuous": "CONT",
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "semiannual": "ANNUAL_2",
    "annual": "ANNUAL",
    "irregular": "IRREG",
    "never": "NEVER",
    "unknown": "UNKNOWN",
}
_SEPARATORS = re.compile(r"[\s、，,;；]+")
_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+@")
_PHONE_CHARS = frozenset("0123456789-()")


def add_language(g: Graph, subjects: Iterable[URIRef]) -> None:
    """Japanese as the EU language authority's IRI, in place of a bare "ja" literal."""
    g.add((JAPANESE, RDF.type, DCTERMS.LinguisticSystem))
    for subject in subjects:
        for old in [o for o in g.objects(subject, DCTERMS.language) if isinstance(o, Literal)]:
            g.remove((subject, DCTERMS.language, old))
        g.add((subject, DCTERMS.language, JAPANESE))


def add_frequency(g: Graph, dataset_ref: URIRef, dataset: dict) -> None:
    code = FREQUENCIES.get(dataset.get("update_frequency") or "")
    if code:
        g.add((dataset_ref, DCTERMS.accrualPeriodicity, EU_FREQUENCY[code]))
        g.add((EU_FREQUENCY[code], RDF.type, DCTERMS.Frequency))


def add_public_access(g: Graph, dataset_ref: URIRef) -> None:
    """Only public datasets reach the catalogue, so every one is 公開."""
    g.add((dataset_ref, DCTERMS.accessRights, PUBLIC))
    g.add((PUBLIC, RDF.type, DCTERMS.RightsStatement))


def add_contact_point(g: Graph, dataset_ref: URIRef, dataset: dict) -> None:
    """A vcard:Organization from the organization, 所管部署 and 担当者連絡先, unless the
    dataset already has a contact point."""
    if (dataset_ref, DCAT.contactPoint, None) in g:
        return
    organization = (dataset.get("organization") or {}).get("title") or ""
    department = dataset.get("department") or ""
    details = dataset.get("contact_info") or ""
    name = " ".join(part for part in (organization, department) if part)
    if not (name or details):
        return
    contact = BNode()
    g.add((dataset_ref, DCAT.contactPoint, contact))
    g.add((contact, RDF.type, VCARD.Kind))  # the class DCAT-AP checks; no inference
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(name or details, lang="ja")))
    if department:
        g.add((contact, VCARD["organization-unit"], Literal(department, lang="ja")))
    if details:
        g.add((contact, VCARD.note, Literal(details, lang="ja")))
    for predicate, uri in contact_uris(details):
        g.add((contact, VCARD[predicate], uri))


def contact_uris(text: str) -> list[tuple[str, URIRef]]:
    """E-mail addresses, telephone numbers and form URLs found in 担当者連絡先."""
    found = []
    for token in _SEPARATORS.split(unicodedata.normalize("NFKC", text)):
        if token.startswith(("https://", "http://")):
            if _is_plain_url(token):
                found.append(("hasURL", URIRef(token)))
            continue
        for part in token.split("/"):  # 「電話/メール」 written without spaces
            if _is_email(part):
                found.append(("hasEmail", URIRef(f"mailto:{part}")))
            elif _is_phone(part):
                found.append(("hasTelephone", URIRef(f"tel:{part}")))
    return found


def _is_email(token: str) -> bool:
    local, _, domain = token.partition("@")
    return bool(local) and "." in domain and set(token) <= _EMAIL_CHARS and token.count("@") == 1


def _is_phone(token: str) -> bool:
    digits = sum(c.isdigit() for c in token)
    return set(token) <= _PHONE_CHARS and 10 <= digits <= 11 and token[0] in "0("


def _is_plain_url(token: str) -> bool:
    return all(c.isascii() and c.isprintable() and c not in '<>"{}|\\^`' for c in token)
