"""The office's card signing key: Ed25519 from ``cryptography`` (a kept library, no hand-made crypto).

The private key is a PEM file in the data directory (``keys/office_ed25519.pem``, mode 0600 where the
system supports it), created on first use. Its public half is also stored in the database setting
``card_public_key`` so that any copy of the database verifies cards offline, even without the key file.
A database that already has a public key never gets a new key silently: a missing or different key file
is an error that names both, because cards printed with another key would no longer verify.

A village laptop (a station) has its own key in the same place and signs the cards it prints with it
(serials in its own namespace, ``25-TL-000123``). The public keys travel in the manifests of signed sync
packages (:mod:`jamsos_desktop.services.station_cards`): the office learns a station's key from that
station's packages, a station the office's from the provisioning file and the office's packages, so no
third laptop can slip its key in. :func:`signatories` lists every key known here and whose it is.
"""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from jamsos_desktop.domain.cards import CardError
from jamsos_desktop.services.ports import UnitOfWork, UnitOfWorkFactory

KEY_RELATIVE_PATH = Path("keys") / "office_ed25519.pem"
PUBLIC_KEY_SETTING = "card_public_key"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return b64url(raw)


class Verifier:
    """Checks signatures with a public key alone (what a copy of the database has)."""

    def __init__(self, public_key: Ed25519PublicKey) -> None:
        self.public_key = public_key

    @classmethod
    def from_text(cls, text: str) -> Verifier:
        try:
            return cls(Ed25519PublicKey.from_public_bytes(unb64url(text.strip())))
        except ValueError:
            raise CardError("card.public_key_invalid") from None

    def verify(self, message: bytes, signature_b64: str) -> bool:
        try:
            self.public_key.verify(unb64url(signature_b64), message)
        except (InvalidSignature, ValueError):
            return False
        return True


class Signer(Verifier):
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        super().__init__(private_key.public_key())
        self._private = private_key

    def sign(self, message: bytes) -> str:
        return b64url(self._private.sign(message))


def load_verifier(uow_factory: UnitOfWorkFactory, data_dir: Path) -> Verifier:
    """The public key from the database, else from the key file; :class:`CardError` when neither."""
    with uow_factory() as uow:
        text = uow.settings.get(PUBLIC_KEY_SETTING)
    if text:
        return Verifier.from_text(text)
    path = data_dir / KEY_RELATIVE_PATH
    if path.exists():
        return Verifier(_read_private(path).public_key())
    raise CardError("card.no_key")


@dataclass(frozen=True)
class Signatory:
    """Someone whose card signatures this database can check: the office or a station, with one key."""

    name: str
    is_office: bool
    station_code: str  # "" for the office
    verifier: Verifier


def own_public_key(uow: UnitOfWork) -> str:
    """The public half of this database's own card key ("" before its first card is printed)."""
    return uow.settings.get(PUBLIC_KEY_SETTING) or ""


def signatories(uow: UnitOfWork, data_dir: Path) -> list[Signatory]:
    """Every card key known here: this database's own (the office's, or at a station the station's),
    then those the other stations' signed packages or the office's provisioning file brought.

    The office's keys come first, so a serial of the office's namespace is checked against them first.
    """
    own = uow.sync.own()
    mine = own_public_key(uow)
    out: list[Signatory] = []
    self_is_office = own is None or own.is_office
    self_name = own.name if own is not None else (uow.settings.get("office_name") or "")
    self_code = own.code if own is not None and not own.is_office else ""
    if mine:
        out.append(Signatory(self_name, self_is_office, self_code, Verifier.from_text(mine)))
    elif (data_dir / KEY_RELATIVE_PATH).exists():
        verifier = Verifier(_read_private(data_dir / KEY_RELATIVE_PATH).public_key())
        out.append(Signatory(self_name, self_is_office, self_code, verifier))
    others: list[tuple[str, bool, str, tuple[str, ...]]] = []
    if own is not None:
        others = [(s.name, s.is_office, "" if s.is_office else s.code, s.card_keys)
                  for s in uow.sync.stations() if not s.is_self]  # fmt: skip
    if own is not None and not own.is_office:
        from jamsos_desktop.services.station_cards import relayed_signers

        # The other stations, as the office's acknowledgements relay them.
        others += [(name, False, code, keys) for code, (name, keys) in relayed_signers(uow).items() if code != own.code]
    for name, is_office, code, keys in others:
        for text in keys:
            try:
                out.append(Signatory(name, is_office, code, Verifier.from_text(text)))
            except CardError:
                continue
    out.sort(key=lambda s: not s.is_office)  # stable: the office first
    return out


def load_signer(uow_factory: UnitOfWorkFactory, data_dir: Path) -> Signer:
    """The office key, created (and its public half stored) on first use."""
    path = data_dir / KEY_RELATIVE_PATH
    with uow_factory() as uow:
        stored = uow.settings.get(PUBLIC_KEY_SETTING)
    if path.exists():
        signer = Signer(_read_private(path))
        mine = public_text(signer.public_key)
        if stored and stored != mine:
            raise CardError("card.key_mismatch", path=str(path))
    else:
        if stored:
            raise CardError("card.key_missing", path=str(path))
        signer = Signer(_create(path))
        mine = public_text(signer.public_key)
    if not stored:
        with uow_factory(write=True) as uow:
            uow.settings.set(PUBLIC_KEY_SETTING, mine)
            uow.commit()
    return signer


def _read_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise CardError("card.key_unreadable", path=str(path), detail=str(exc)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CardError("card.key_unreadable", path=str(path), detail="not an Ed25519 key")
    return key


def _create(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(path.parent, 0o700)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise CardError("card.key_unwritable", path=str(path), detail=exc.strerror or str(exc)) from None
    return key
