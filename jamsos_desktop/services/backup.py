"""Backups (*cadangan*): automatic, consistent, checked, rotated; encrypted copies for a USB stick; restore.

* Automatic copies go to ``<data dir>/backups`` as ``jamsos-YYYYMMDD-HHMMSS-REASON.sqlite3``: at the
  start of the desktop application once a day, and before every import, migration, restore and package
  import (:meth:`BackupService.backup_before`). They are rotated: the newest of each of the last 7 days,
  4 weeks and 12 months are kept (:func:`~jamsos_desktop.domain.safety.backups_to_keep`).
* Every copy is made with SQLite's backup API and fully checked before it gets its final name
  (``persistence.sqlite_files``); a failed check means the database itself is damaged (exit 3) and the
  older backups are kept untouched.
* "Backup to USB" writes one file encrypted with a passphrase: scrypt derives the key, AES-256-GCM
  encrypts and authenticates the whole database (``cryptography``; nothing hand-made). A wrong
  passphrase and a changed byte are the same failure: the tag does not verify (exit 3).
* Restore checks the file first (decrypts, integrity, a JamSos database of a known version), backs up
  the current state, then writes the backup into the live database in one transaction.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jamsos_desktop.domain.errors import IntegrityError, UsageError
from jamsos_desktop.domain.safety import Permission, RotationPolicy, backups_to_keep
from jamsos_desktop.services.audit import AuditService
from jamsos_desktop.services.ports import DatabaseFiles

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sqlite3"
ENCRYPTED_SUFFIX = ".jamsosbak"
MAGIC = b"JAMSOS-BACKUP\x00v1\n"
SQLITE_HEADER = b"SQLite format 3\x00"
_NAME = re.compile(
    r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9_.-]+)\.sqlite3$"
)
#: scrypt cost: 2**17 × 8 × 128 B = 128 MiB and ~0.4 s on a laptop, once per backup or restore.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: SQLite's integrity check, the audit chain, and where the file lives."""

    ok: bool
    full: bool
    problems: tuple[str, ...]
    audit_entries: int
    audit_problems: tuple[str, ...]
    #: (message code, parameters) for a database in a cloud-synced folder or on a network share.
    location: tuple[tuple[str, dict[str, str]], ...]
    latest_chain_hash: str


def location_problems(path: Path | None) -> list[tuple[str, dict[str, str]]]:
    """Why the database's folder is unsafe (cloud-synced, network share), as message codes."""
    if path is None:
        return []
    from jamsos_desktop.services.data_folder import check_data_folder

    return [(f"location.{p.kind}", {"service": p.service}) for p in check_data_folder(path.parent)]


def check_database(files: DatabaseFiles, audit: AuditService, *, full: bool = True) -> CheckReport:
    """Integrity of the file (quick or full) and of the audit chain; ``ok`` only when both pass."""
    problems = files.check(full=full) if files.path is not None else []
    entries, audit_problems = audit.verify()
    return CheckReport(
        ok=not problems and not audit_problems,
        full=full,
        problems=tuple(problems),
        audit_entries=entries,
        audit_problems=tuple(audit_problems),
        location=tuple(location_problems(files.path)),
        latest_chain_hash=audit.latest_chain_hash(),
    )


def _reason_slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9_.-]+", "-", reason.lower()).strip("-")
    return slug[:40] or "manual"


def parse_backup_name(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"]
    except ValueError:
        return None


class BackupService:
    def __init__(
        self,
        files: DatabaseFiles,
        backup_dir: Path,
        *,
        clock: Callable[[], datetime] = datetime.now,
        require: Callable[[Permission], None] = lambda _p: None,
        policy: RotationPolicy | None = None,
        restored: Callable[[Path], None] | None = None,
    ) -> None:
        self._files = files
        self.backup_dir = backup_dir
        self._clock = clock
        self._require = require
        self._policy = policy or RotationPolicy()
        self._restored = restored  # writes the restore into the restored database's audit trail

    @property
    def files(self) -> DatabaseFiles:
        return self._files

    # -- automatic copies --------------------------------------------------------------------------------
    def backup_now(self, reason: str = "manual", *, rotate: bool = True) -> BackupFile:
        """A checked copy in the backup folder; older copies rotated. Safe to call off the UI thread."""
        now = self._clock()
        stem = self._stem()
        slug = _reason_slug(reason)
        target = self.backup_dir / f"{stem}-{now:%Y%m%d-%H%M%S}-{slug}{BACKUP_SUFFIX}"
        n = 1
        while target.exists():
            n += 1
            target = self.backup_dir / f"{stem}-{now:%Y%m%d-%H%M%S}-{n}-{slug}{BACKUP_SUFFIX}"
        self._files.copy_to(target, full_check=True)
        made = BackupFile(target, now.replace(microsecond=0), slug, target.stat().st_size)
        if rotate:
            self.rotate()
        return made

    def backup_before(self, reason: str) -> BackupFile | None:
        """The copy every risky operation takes first (import, migration, restore, package import).

        Returns None for a server database (PostgreSQL has its own backups).
        """
        if self._files.path is None:
            return None
        return self.backup_now(f"before-{reason}")

    def daily_backup_due(self) -> bool:
        if self._files.path is None:
            return False
        today = self._clock().date()
        return not any(b.taken_at.date() == today for b in self.list())

    def backup_if_due(self) -> BackupFile | None:
        """The once-a-day copy at start (None when today's exists)."""
        return self.backup_now("daily") if self.daily_backup_due() else None

    def list(self) -> list[BackupFile]:
        """The backups in the folder, newest first."""
        found: list[BackupFile] = []
        if not self.backup_dir.is_dir():
            return found
        for path in self.backup_dir.glob(f"*{BACKUP_SUFFIX}"):
            parsed = parse_backup_name(path)
            if parsed is None:
                continue
            try:
                size = path.stat().st_size
            except OSError:
                continue
            found.append(BackupFile(path, parsed[0], parsed[1], size))
        found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
        return found

    def rotate(self) -> list[Path]:
        """Delete the copies the rotation does not keep; returns what was deleted."""
        backups = self.list()
        keep = backups_to_keep([b.taken_at for b in backups], self._policy)
        removed: list[Path] = []
        for backup in backups:
            if backup.taken_at in keep:
                continue
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", backup.path, exc)
        for stale in self.backup_dir.glob("*.partial") if self.backup_dir.is_dir() else ():
            stale.unlink(missing_ok=True)  # left by a copy that was interrupted
        return removed

    def _stem(self) -> str:
        path = self._files.path
        return path.stem if path is not None else "jamsos"

    # -- copies that leave the machine --------------------------------------------------------------------
    def export(self, out: Path, passphrase: str | None = None) -> Path:
        """A consistent copy at ``out``; encrypted with ``passphrase`` when given (Backup to USB)."""
        out = Path(out)
        if passphrase is None:
            self._files.copy_to(out, full_check=True)
            return out
        if len(passphrase) < 8:
            raise UsageError("backup.passphrase_short")
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="jamsos-backup-", dir=self._scratch_dir()) as tmp:
            plain = Path(tmp) / "copy.sqlite3"
            self._files.copy_to(plain, full_check=True)
            encrypt_file(plain, out, passphrase, created=self._clock())
        return out

    # -- restore --------------------------------------------------------------------------------------------
    def restore(self, source: Path, passphrase: str | None = None) -> BackupFile | None:
        """Check ``source``, back up the current state, then replace the database with it.

        Raises IntegrityError (exit 3) for a wrong passphrase, a tampered or damaged file, or a file that
        is not a JamSos database; nothing is written then. Returns the safety copy of the old state.
        """
        self._require(Permission.RESTORE)
        source = Path(source)
        if not source.is_file():
            raise UsageError("backup.file_missing", path=str(source))
        with tempfile.TemporaryDirectory(prefix="jamsos-restore-", dir=self._scratch_dir()) as tmp:
            plain = Path(tmp) / "restore.sqlite3"
            if is_encrypted(source):
                if passphrase is None:
                    raise UsageError("backup.passphrase_needed", path=str(source))
                decrypt_file(source, plain, passphrase)
            else:
                _copy_plain(source, plain)
            _, problems = self._files.inspect_copy(plain)
            if problems:
                raise IntegrityError("backup.check_failed", path=str(source), detail="; ".join(problems[:3]))
            safety = self.backup_before("restore")
            self._files.restore_from(plain)
        log.info("restored the database from %s", source)
        if self._restored is not None:
            self._restored(source)
        return safety

    def _scratch_dir(self) -> str | None:
        """Decrypted copies are written next to the backups (the user's own folder), never to a USB stick."""
        try:
            self.backup_dir.mkdir(parents=True, exist_ok=True)
            return str(self.backup_dir)
        except OSError:
            return None


def _copy_plain(source: Path, dest: Path) -> None:
    with source.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise IntegrityError("backup.not_jamsos", path=str(source))
    import shutil

    shutil.copyfile(source, dest)


# -- the encrypted file format -------------------------------------------------------------------------------
def is_encrypted(path: Path) -> bool:
    with Path(path).open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def encrypt_file(plain: Path, out: Path, passphrase: str, *, created: datetime | None = None) -> None:
    """``MAGIC``, one line of JSON header (KDF parameters, salt, nonce), then AES-256-GCM ciphertext.

    The header is authenticated too (associated data), so its parameters cannot be swapped.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    header = {
        "format": 1,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode("ascii"),
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "created": (created or datetime.now()).replace(microsecond=0).isoformat(),
    }
    header_line = json.dumps(header, sort_keys=True).encode("utf-8") + b"\n"
    key = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(key).encrypt(nonce, plain.read_bytes(), MAGIC + header_line)
    partial = out.with_name(out.name + ".partial")
    with partial.open("wb") as handle:
        handle.write(MAGIC)
        handle.write(header_line)
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, out)


def decrypt_file(source: Path, out: Path, passphrase: str) -> None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = Path(source).read_bytes()
    if not data.startswith(MAGIC):
        raise IntegrityError("backup.not_jamsos", path=str(source))
    end = data.find(b"\n", len(MAGIC))
    try:
        header_line = data[len(MAGIC) : end + 1]
        header = json.loads(header_line)
        salt = base64.b64decode(header["salt"])
        nonce = base64.b64decode(header["nonce"])
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
        if header.get("kdf") != "scrypt" or n > 2**20 or r > 16 or p > 4:
            raise ValueError("unsupported parameters")
    except (ValueError, KeyError, TypeError):
        raise IntegrityError("backup.decrypt_failed", path=str(source)) from None
    try:
        plain = AESGCM(_key(passphrase, salt, n, r, p)).decrypt(nonce, data[end + 1 :], MAGIC + header_line)
    except InvalidTag:
        raise IntegrityError("backup.decrypt_failed", path=str(source)) from None
    out.write_bytes(plain)
