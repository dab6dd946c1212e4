"""Cards printed at a station (issue 6): serial codes handed out by the office, card keys that travel only
in what the sender signs.

* **Serial namespaces.** The office prints ``25-000123``; a station prints ``25-TL-000123`` with the code
  the office handed it when it registered the station (unique among the office's stations, so no two
  places ever number the same serial). The code travels in the provisioning file, and in every
  acknowledgement for stations registered before codes existed (migration ``0013_station_cards``).
* **Card keys.** Each place signs its cards' QR codes with its own Ed25519 card key
  (:mod:`jamsos_desktop.services.card_keys`). Its public half travels in the manifest of every package
  it sends (``card_keys``), which is signed with the sender's station key the recipient already knows;
  the office's is also in the provisioning file, which the office signs. A third laptop cannot add a
  key to another station's name: it cannot sign that station's manifests.
* A station's packages may carry card prints of its own namespace only (or of the office's format, for
  cards it printed before it had a code); a serial of another station's namespace is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jamsos_desktop.domain.cards import assign_station_code, is_station_code, parse_serial
from jamsos_desktop.domain.errors import IntegrityError, UsageError
from jamsos_desktop.domain.sync import Station
from jamsos_desktop.domain.sync_records import CARD_PRINT, Fact
from jamsos_desktop.services.ports import UnitOfWork

#: Station setting: the other stations' card keys, as the office's latest acknowledgement relayed them.
RELAYED_SETTING = "station_card_keys"
#: Keys kept per station (a reinstalled laptop signs with a new key; older cards keep verifying).
MAX_CARD_KEYS = 8
#: An Ed25519 public key: 32 bytes, base64url without padding.
KEY_LENGTH = 43
_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def new_code(uow: UnitOfWork, name: str, requested: str | None = None) -> str:
    """Office: the serial code of a station about to be registered (the clerk's choice, or one that
    recalls its name), never one another station holds."""
    taken = {s.code: s.name for s in uow.sync.stations() if s.code}
    if requested:
        code = requested.strip().upper()
        if not is_station_code(code):
            raise UsageError("sync.station_code_invalid", code=requested)
        if code in taken:
            raise UsageError("sync.station_code_taken", code=code, name=taken[code])
        return code
    return assign_station_code(name, taken)


def own_keys(uow: UnitOfWork) -> list[str]:
    """The public card key of this database, for the manifest it signs (none before its first card)."""
    from jamsos_desktop.services.card_keys import own_public_key

    mine = own_public_key(uow)
    return [mine] if mine else []


def read_keys(value: Any) -> tuple[str, ...]:
    """Card keys as a manifest or provisioning file lists them (ValueError when malformed)."""
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_CARD_KEYS:
        raise ValueError("card keys")
    for key in value:
        if type(key) is not str or len(key) != KEY_LENGTH or not set(key) <= _B64URL:
            raise ValueError("card keys")
    return tuple(value)


def read_code(value: Any) -> str:
    """A station code as a provisioning file or acknowledgement gives it ("" when none)."""
    if value in (None, ""):
        return ""
    if type(value) is not str or not is_station_code(value):
        raise ValueError("station code")
    return value


def remember_keys(uow: UnitOfWork, sender: Station, keys: Sequence[str]) -> None:
    """Add the card keys a signed package of ``sender`` lists to what is known of it."""
    new = [k for k in keys if k not in sender.card_keys]
    if new:
        kept = (list(sender.card_keys) + new)[-MAX_CARD_KEYS:]
        uow.sync.set_station_cards(sender.id, card_keys=kept)


def signers_for(uow: UnitOfWork, recipient: Station) -> list[dict[str, Any]]:
    """Office: the other stations' codes, names and card keys, for an acknowledgement (which the office
    signs), so that a station can check the cards of the others too (a worker who moved villages)."""
    return [
        {"code": s.code, "name": s.name, "keys": list(s.card_keys)}
        for s in uow.sync.stations()
        if s.code and s.card_keys and not s.is_office and s.id != recipient.id
    ]


def relayed_signers(uow: UnitOfWork) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Station: the other stations' card keys the office relayed (code -> (name, keys))."""
    try:
        stored = json.loads(uow.settings.get(RELAYED_SETTING) or "{}")
        return {
            code: (str(v["name"]), read_keys(v["keys"]))
            for code, v in stored.items()
            if is_station_code(code)
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def apply_acknowledgement(uow: UnitOfWork, own: Station, ack: Mapping[str, Any]) -> None:
    """Station: take the serial code the office's acknowledgement names, if this station has none yet
    (a code, once used on cards, never changes), and the other stations' card keys it relays."""
    try:
        code = read_code(ack.get("station_code"))
    except ValueError:
        code = ""
    if code and not own.code:
        uow.sync.set_station_cards(own.id, code=code)
    signers: dict[str, dict[str, Any]] = {}
    for item in ack.get("card_signers") or ():
        try:
            other, name, keys = read_code(item["code"]), item["name"], read_keys(item["keys"])
        except (ValueError, KeyError, TypeError):
            continue
        if other and other != (own.code or code) and type(name) is str and keys:
            signers[other] = {"name": name[:100], "keys": list(keys)}
    text = json.dumps(signers, sort_keys=True)
    if text != (uow.settings.get(RELAYED_SETTING) or "{}"):
        uow.settings.set(RELAYED_SETTING, text)


def check_card_serials(facts: Iterable[Fact], sender: Station) -> None:
    """Refuse (before anything is written) card prints whose serial is not a serial, or, from a station,
    one of another station's namespace."""
    for fact in facts:
        if fact.kind != CARD_PRINT:
            continue
        serial = parse_serial(str(fact.data.get("serial", "")))
        if serial is None:
            raise ValueError("card serial")
        if not sender.is_office and serial.station_code and serial.station_code != sender.code:
            raise IntegrityError("sync.foreign_changes", sender=sender.name)
