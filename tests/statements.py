"""The SQL statements a piece of code sends to PostgreSQL, for tests that bound them."""

from __future__ import annotations

from collections.abc import Callable

import ckan.model as model
import sqlalchemy as sa


def statements_during(call: Callable[[], object]) -> list[str]:
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        seen.append(statement)

    sa.event.listen(model.meta.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        sa.event.remove(model.meta.engine, "before_cursor_execute", record)
    return seen
