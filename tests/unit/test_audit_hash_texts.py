"""The audit chain's hashes are taken over canonical JSON texts; ``values_digest`` and ``entry_hash`` write
those texts out directly for speed. Whatever the values, they must be exactly the texts ``canonical_json``
gives, or chains written before would no longer verify."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.safety import canonical_json, entry_hash, values_digest

texts = st.text(st.characters(codec="utf-8"), max_size=60)


@given(st.none() | texts, st.none() | texts)
def test_values_digest_hashes_the_canonical_json(old: str | None, new: str | None) -> None:
    expected = hashlib.sha256(canonical_json({"old": old, "new": new}).encode("utf-8")).hexdigest()
    assert values_digest(old, new) == expected


@given(st.integers(min_value=1, max_value=10**12), texts, texts, texts, texts, texts)
def test_entry_hash_hashes_the_canonical_json(
    seq: int, at: str, actor: str, action: str, entity: str, entity_id: str
) -> None:
    digest = hashlib.sha256(actor.encode("utf-8")).hexdigest()
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "digest": digest,
    }
    prev = "7" * 64
    expected = hashlib.sha256((prev + canonical_json(fields)).encode("utf-8")).hexdigest()
    assert entry_hash(prev, **fields) == expected
