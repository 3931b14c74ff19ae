"""The RDF vocabularies the profile writes, beyond those ckanext-dcat binds."""

from __future__ import annotations

from rdflib import Namespace

DQV = Namespace("http://www.w3.org/ns/dqv#")
ORG = Namespace("http://www.w3.org/ns/org#")
# e-Stat statistical LOD: 統計に用いる標準地域コード, prefixed with "C"
ESTAT_SAC = Namespace("http://data.e-stat.go.jp/lod/sac/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FREQUENCY = Namespace("http://publications.europa.eu/resource/authority/frequency/")
EU_ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS_PUBLISHER_TYPE = Namespace("http://purl.org/adms/publishertype/")

PREFIXES = {
    "dqv": DQV,
    "org": ORG,
    "sac": ESTAT_SAC,
    "eulang": EU_LANGUAGE,
    "eufreq": EU_FREQUENCY,
    "euaccess": EU_ACCESS_RIGHT,
    "vcard": VCARD,
}
