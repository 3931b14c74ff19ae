"""Today's figures computed once per change of the data, shared by every web process
through Redis: the key holds a fingerprint of everything the figures read (datasets,
scores, organizations and their tree, the day), so a stale answer is never served and
an unchanged portal answers without aggregating again."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable

import ckan.model as model
import sqlalchemy as sa
from ckan.lib.redis import connect_to_redis

PREFIX = "hokkaido:progress:"
LIFETIME = 24 * 3600


def cached(today: datetime.date, extra: str, compute: Callable[[], dict]) -> dict:
    key = PREFIX + hashlib.sha256(f"{today}|{extra}|{fingerprint()}".encode()).hexdigest()
    redis = connect_to_redis()
    found = redis.get(key)
    if found is not None:
        return json.loads(found)
    result = compute()
    redis.setex(key, LIFETIME, json.dumps(result, ensure_ascii=False))
    return result


def fingerprint() -> str:
    """One cheap statement over what the figures depend on."""
    return "|".join(str(value) for value in model.Session.execute(FINGERPRINT_SQL).one())


# Creating, editing, deleting or publishing a dataset or one of its resources moves its
# metadata_modified (creation dates are summed: adoption days come from them); a score
# changes scored_at; organizations (their extras: codes, open
# data sites) and the tree (parent memberships) are hashed whole: 200-odd rows each.
FINGERPRINT_SQL = sa.text(
    """
    SELECT
        (SELECT count(*) || '/' || coalesce(max(metadata_modified)::text, '') || '/'
                || coalesce(sum(extract(epoch FROM metadata_created)), 0) FROM package),
        (SELECT count(*) || '/' || coalesce(max(scored_at)::text, '')
         FROM hokkaido_resource_score),
        (SELECT md5(coalesce(string_agg(id || state || coalesce(extras::text, ''), ','
                                        ORDER BY id), ''))
         FROM "group" WHERE is_organization),
        (SELECT md5(coalesce(string_agg(group_id || table_id || state, ',' ORDER BY id), ''))
         FROM member WHERE table_name = 'group')
    """
)
