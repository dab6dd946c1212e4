"""The checks of a large incoming sync package on two processors (issue 6).

Every edit a package brings goes through the rules of manual entry
(:func:`jamsos_desktop.domain.sync_check.check_in_order`): ~100 µs a record, a second for a package of
10,000 new workers, while the rest of the import waits for the answer. The records are independent of
each other, so a package of at least :data:`PARALLEL_MIN_EDITS` edits is split by record: a helper
process checks every other record while this one checks the rest, and the answers are put back in order
— the same answers as checking them all here (a test compares both).

The helper is started (``spawn``: the same on every OS, safe beside Qt's threads; a PyInstaller build
calls ``freeze_support``) as soon as the manifest says the package is large, so it has loaded its
modules and the region table while this process decrypts and reads the package. It only ever sees the
values to check (no database, no keys) and only answers; if it cannot start or dies, its part is checked
here. On a one-processor computer nothing is started.

While this process reads the package and captures its own changes, the helper would wait for the
check; it uses that time to encode the texts the import stores (:meth:`PackageChecker.encode_ahead`):
each edit's values and each record's data as :data:`~jamsos_desktop.domain.sync.stored_text` gives
them, from its own reading of the same payload — a quarter of a second this process does not spend.
Those it could not encode (or a helper that died) are encoded here, as before.

What goes to and comes from the helper (its part of the records, the texts) passes through a pipe, fed
and read by threads of this process, which need Python's lock for every piece while this process
checks its own part. With the default switch interval (5 ms) they waited that long for each piece and
the helper sat idle for 0.3-0.6 s of a 10,000-worker package; while a helper works, the interval is
:data:`SWITCH_INTERVAL_S`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any

from jamsos_desktop.domain.errors import Finding
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.sync import Edit, TextsAhead, stored_text
from jamsos_desktop.domain.sync_check import Rules, check_in_order
from jamsos_desktop.domain.sync_records import Fact
from jamsos_desktop.services.batch import collector_paused

#: Fewer edits are checked here alone (the helper's start and the copies would cost more than they save).
PARALLEL_MIN_EDITS = 2_000
#: Python's thread switch interval while a helper works (its default is 5 ms).
SWITCH_INTERVAL_S = 0.001

Edits = Sequence[tuple[str, Mapping[str, Any]]]


def _warm() -> bool:
    """Run first in the helper: the rules' modules are imported with this one, then the region table."""
    return len(default_table()) > 0


#: In the helper: the records of the payload it read for :func:`_encode_edits`, until
#: :func:`_encode_records` encodes them (after the check; one helper serves one package).
_records: list[Any] = []


@collector_paused  # like this process: nothing in a payload forms cycles
def _encode_edits(raw: bytes) -> list[str] | None:
    """The stored texts of the values of a payload's edits, in its order (its records are kept for
    :func:`_encode_records`); None for a payload not shaped like one (the import refuses it itself)."""
    _records.clear()
    try:
        payload = json.loads(raw)
        texts = [stored_text(e["values"]) for e in payload["edits"]]
        _records.extend(payload.get("records") or ())
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return texts


@collector_paused
def _encode_records() -> list[str] | None:
    """The stored texts of the data of the payload's records, in its order."""
    try:
        return [stored_text(r["data"]) for r in _records]
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    finally:
        _records.clear()


@collector_paused
def _check_part(edits: Edits, held: Mapping[str, Mapping[str, Any]], regency: str, today: date) -> list[list[Finding]]:
    return check_in_order(edits, held, Rules(default_table(), regency, today))


class PackageChecker:
    """Checks one package's edits, with a helper process when the package is large enough to gain."""

    def __init__(self, expected_edits: int, *, cpus: int | None = None, min_edits: int | None = None) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._warm: Future[bool] | None = None
        self._switch: float | None = None  # the switch interval before the helper started
        self._edits_texts: Future[list[str] | None] | None = None
        self._records_texts: Future[list[str] | None] | None = None
        self._min_edits = min_edits = PARALLEL_MIN_EDITS if min_edits is None else min_edits
        cpus = os.cpu_count() if cpus is None else cpus
        if expected_edits < min_edits or (cpus or 1) < 2:
            return
        try:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self._warm = self._pool.submit(_warm)
        except (OSError, RuntimeError):  # no process can be started here: everything is checked here
            self._pool = None
            return
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL_S))

    @property
    def helped(self) -> bool:
        """Whether a helper process was started for this package."""
        return self._pool is not None

    def encode_ahead(self, raw: bytes) -> None:
        """Let the helper encode the texts to store of the payload ``raw`` (its decompressed JSON) while
        this process reads it: first the edits' (:meth:`edit_texts`), the records' after the check
        (:meth:`add_record_texts`)."""
        if self._pool is None:
            return
        try:
            self._edits_texts = self._pool.submit(_encode_edits, raw)
        except (BrokenProcessPool, RuntimeError, OSError):
            self._edits_texts = None

    def edit_texts(self, edits: Sequence[Edit]) -> TextsAhead:
        """The texts of the values of ``edits`` (as read from the payload, in its order) the helper
        encoded; it goes on with the records' texts meanwhile. Empty when there are none to have."""
        ahead = TextsAhead()
        texts = _result(self._edits_texts)
        self._edits_texts = None
        if texts is None or len(texts) != len(edits) or self._pool is None:
            return ahead
        for edit, text in zip(edits, texts, strict=True):
            ahead.add(edit.values, text)
        try:
            self._records_texts = self._pool.submit(_encode_records)
        except (BrokenProcessPool, RuntimeError, OSError):
            self._records_texts = None
        return ahead

    def add_record_texts(self, ahead: TextsAhead, facts: Sequence[Fact]) -> None:
        """Add the texts of the data of ``facts`` (as read from the payload, in its order) to ``ahead``."""
        texts = _result(self._records_texts)
        self._records_texts = None
        if texts is None or len(texts) != len(facts):
            return
        for fact, text in zip(facts, texts, strict=True):
            ahead.add(fact.data, text)

    def check(self, edits: Edits, held: Mapping[str, Mapping[str, Any]], rules: Rules) -> list[list[Finding]]:
        """The findings of each edit, as :func:`check_in_order` gives them."""
        if self._pool is None or len(edits) < self._min_edits or rules.regions is not default_table():
            return check_in_order(edits, held, rules)
        side: dict[str, int] = {}  # records alternate between the helper (1) and here (0)
        for uid, _values in edits:
            if uid not in side:
                side[uid] = len(side) % 2
        theirs = [i for i, (uid, _v) in enumerate(edits) if side[uid]]
        mine = [i for i, (uid, _v) in enumerate(edits) if not side[uid]]
        their_edits = [edits[i] for i in theirs]
        their_held = {uid: held[uid] for uid, _v in their_edits if uid in held}
        try:
            future = self._pool.submit(_check_part, their_edits, their_held, rules.regency_code, rules.today)
        except (BrokenProcessPool, RuntimeError, OSError):
            return check_in_order(edits, held, rules)
        out: list[list[Finding]] = [[] for _ in edits]
        for i, found in zip(mine, check_in_order([edits[i] for i in mine], held, rules), strict=True):
            out[i] = found
        try:
            answers = future.result()
        except (BrokenProcessPool, OSError, EOFError):  # the helper died: its part is checked here
            answers = check_in_order(their_edits, their_held, rules)
        for i, found in zip(theirs, answers, strict=True):
            out[i] = found
        return out

    def close(self) -> None:
        """Stop the helper (it holds nothing worth waiting for)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self._switch is not None:
            sys.setswitchinterval(self._switch)
            self._switch = None


def _result(future: Future[list[str] | None] | None) -> list[str] | None:
    """A helper's texts, or None when it has none (not asked, or it died: they are encoded here)."""
    if future is None:
        return None
    try:
        return future.result()
    except (BrokenProcessPool, OSError, EOFError):
        return None
