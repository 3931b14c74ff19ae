"""Search-index documents built inside an import's transaction and sent to Solr only after
the database has committed.

Solr has no per-client rollback: a document sent before the database commit, by a process
that is then killed, is published by the next commit anyone makes, and points at a dataset
that was never saved. So CKAN's indexing code runs as usual (the same documents, plugins'
before_dataset_index hooks included) but its connection is swapped for one that keeps the
documents in an unlinked temporary file (20,000 documents do not fit comfortably in
memory, and the file disappears with the process); send() streams them to Solr in batches
once the transaction is committed."""

from __future__ import annotations

import contextlib
import pickle
import tempfile
from collections.abc import Callable, Iterator

from ckan.lib import search
from ckan.lib.search import common as search_common
from ckan.lib.search import index as search_index

BATCH = 500


class DeferredIndex:
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self.count = 0

    @contextlib.contextmanager
    def capturing(self) -> Iterator[None]:
        """Within the block, documents CKAN would send to Solr are kept instead."""
        original = search_index.make_connection
        search_index.make_connection = lambda *args, **kwargs: _Capture(self)
        try:
            yield
        finally:
            search_index.make_connection = original

    def keep(self, docs: list[dict]) -> None:
        for doc in docs:
            pickle.dump(doc, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += 1

    def send(self, on_each: Callable[[], None] | None = None) -> None:
        """Send the kept documents to Solr and commit the index."""
        connection = search_common.make_connection()
        batch: list[dict] = []
        for doc in self._kept():
            batch.append(doc)
            if len(batch) == BATCH:
                _add(connection, batch, on_each)
                batch = []
        if batch:
            _add(connection, batch, on_each)
        search.commit()

    def close(self) -> None:
        self._file.close()

    def _kept(self) -> Iterator[dict]:
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)  # noqa: S301 - our own file, written above
            except EOFError:
                return


class _Capture:
    """Stands in for pysolr.Solr in CKAN's index_package."""

    def __init__(self, deferred: DeferredIndex):
        self.deferred = deferred

    def add(self, docs: list[dict], **_options) -> None:
        self.deferred.keep(docs)


def _add(connection, batch: list[dict], on_each: Callable[[], None] | None) -> None:
    try:
        connection.add(docs=batch, commit=False)
    except Exception as error:  # pysolr's and the socket's errors, as CKAN reports them
        raise search.SearchIndexError(str(error)[:1000]) from error
    if on_each:
        for _ in batch:
            on_each()
