"""Keys and sealed envelopes of sync packages, all from ``cryptography`` (no hand-made primitives).

Each station (the office included) has two key pairs: Ed25519 to sign what it sends, X25519 to receive.
A payload is encrypted to the recipient with an ephemeral X25519 key, HKDF-SHA256 and AES-256-GCM;
the package manifest carries the ephemeral public key and nonce and is signed by the sender. Private
keys are PEM files in ``data_dir/keys`` with mode 0600 where the system supports it.
"""

from __future__ import annotations

import base64
import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALGORITHM = "X25519-HKDF-SHA256-AES256GCM"
KEY_DIR = Path("keys")
SIGN_FILE = "sync_ed25519.pem"
BOX_FILE = "sync_x25519.pem"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class StationKeys:
    """A station's two private keys."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> StationKeys:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def sign_public(self) -> str:
        return b64(_raw_public(self.sign.public_key()))

    @property
    def box_public(self) -> str:
        return b64(_raw_public(self.box.public_key()))

    def export_private(self) -> dict[str, str]:
        """For the provisioning file only (it is handed over on a USB stick and must be kept secret)."""
        return {"sign": b64(_raw_private(self.sign)), "box": b64(_raw_private(self.box))}

    @classmethod
    def from_private(cls, data: dict[str, str]) -> StationKeys:
        return cls(
            Ed25519PrivateKey.from_private_bytes(unb64(data["sign"])),
            X25519PrivateKey.from_private_bytes(unb64(data["box"])),
        )

    def save(self, data_dir: Path) -> None:
        directory = data_dir / KEY_DIR
        directory.mkdir(parents=True, exist_ok=True)
        for name, key in ((SIGN_FILE, self.sign), (BOX_FILE, self.box)):
            pem = key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            write_secret(directory / name, pem)

    @classmethod
    def load(cls, data_dir: Path) -> StationKeys | None:
        directory = data_dir / KEY_DIR
        try:
            sign = serialization.load_pem_private_key((directory / SIGN_FILE).read_bytes(), None)
            box = serialization.load_pem_private_key((directory / BOX_FILE).read_bytes(), None)
        except FileNotFoundError:
            return None
        if not isinstance(sign, Ed25519PrivateKey) or not isinstance(box, X25519PrivateKey):
            return None
        return cls(sign, box)

    def signature(self, message: bytes) -> str:
        return b64(self.sign.sign(message))

    def open(self, ciphertext: bytes, *, epk: str, nonce: str, context: bytes) -> bytes | None:
        """Decrypt a payload sealed to this station; None when it does not open (tampered, other key)."""
        try:
            shared = self.box.exchange(X25519PublicKey.from_public_bytes(unb64(epk)))
            key = _derive(shared, unb64(epk), context)
            return AESGCM(key).decrypt(unb64(nonce), ciphertext, context)
        except (InvalidTag, ValueError):
            return None


def write_secret(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (created with mode 0600, never world-readable meanwhile)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def _derive(shared: bytes, epk: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk, info=b"jamsync/1|" + context).derive(shared)


def seal(plaintext: bytes, recipient_box_public: str, context: bytes) -> tuple[bytes, str, str]:
    """Encrypt to a recipient: (ciphertext, ephemeral public key, nonce). ``context`` is authenticated."""
    ephemeral = X25519PrivateKey.generate()
    epk = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(unb64(recipient_box_public)))
    nonce = os.urandom(12)
    ciphertext = AESGCM(_derive(shared, epk, context)).encrypt(nonce, plaintext, context)
    return ciphertext, b64(epk), b64(nonce)


def verify(sign_public: str, message: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sign_public)).verify(unb64(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
