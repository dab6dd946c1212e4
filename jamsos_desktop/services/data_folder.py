"""Is a folder a safe home for the JamSos database? Cloud-synced folders and network shares are not.

The database is one SQLite file in WAL mode with a ``-wal`` and ``-shm`` file beside it. A sync client
(OneDrive, Dropbox, Google Drive, iCloud) uploads those files separately and mid-write, keeps
"conflicted copies", and may restore an old one: registrations are lost or the file is damaged. On a
network share, SQLite's file locking is unreliable, so two laptops can corrupt it. Both are refused by
the first-run check unless the clerk explicitly accepts the risk.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

#: Folder names sync clients create (compared case-insensitively, per path component).
CLOUD_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "drive saya": "Google Drive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mega": "MEGA",
    "pcloud drive": "pCloud",
}
#: Environment variables the OneDrive client sets to its folders.
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "davfs"}


@dataclass(frozen=True)
class FolderProblem:
    """``kind`` is ``"cloud"`` or ``"network"``; ``service`` names the sync service or the share."""

    kind: str
    service: str


def _cloud_service(path: PureWindowsPath | Path) -> str | None:
    for part in path.parts:
        lowered = part.lower()
        if lowered.startswith("onedrive"):  # "OneDrive", "OneDrive - Pemkab Bangka Selatan"
            return "OneDrive"
        if lowered in CLOUD_FOLDERS:
            return CLOUD_FOLDERS[lowered]
    return None


def _under(path: str, root: str, *, windows: bool = False) -> bool:
    if windows:  # case-insensitive, either slash
        parts = [s.lower() for s in PureWindowsPath(path).parts]
        base = [s.lower() for s in PureWindowsPath(root).parts]
        return parts[: len(base)] == base
    norm, top = os.path.normpath(path), os.path.normpath(root)
    return norm == top or norm.startswith(top.rstrip("/") + "/")


def _windows_drive_is_remote(path: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == DRIVE_REMOTE  # type: ignore[attr-defined]


def _linux_filesystem(path: str, mounts: str | None = None) -> str | None:
    """The file-system type of the mount holding ``path`` (from /proc/mounts), or None."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, fstype = "", None
    target = os.path.abspath(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        if _under(target, mount_point) and len(mount_point) >= len(best):
            best, fstype = mount_point, fields[2]
    return fstype


def check_data_folder(
    folder: str | os.PathLike[str],
    *,
    environ: dict[str, str] | None = None,
    mounts: str | None = None,
    platform: str | None = None,
) -> list[FolderProblem]:
    """What makes ``folder`` unsafe for the database (empty list: fine)."""
    environ = dict(os.environ) if environ is None else environ
    platform = platform or sys.platform
    text = os.fspath(folder)
    problems: list[FolderProblem] = []

    windows_style = platform == "win32" or text.startswith("\\\\") or (len(text) > 1 and text[1] == ":")
    parsed = PureWindowsPath(text) if windows_style else Path(text)
    service = _cloud_service(parsed)
    if service is None:
        for variable in ONEDRIVE_VARIABLES:
            root = environ.get(variable)
            if root and _under(text, root, windows=windows_style):
                service = "OneDrive"
                break
    if service:
        problems.append(FolderProblem("cloud", service))

    if text.startswith(("\\\\", "//")):
        share = "\\\\" + "\\".join(PureWindowsPath(text).parts[0].strip("\\").split("\\")[:2])
        problems.append(FolderProblem("network", share))
    elif platform == "win32" and _windows_drive_is_remote(text):
        problems.append(FolderProblem("network", os.path.splitdrive(text)[0]))
    elif platform.startswith("linux"):
        fstype = _linux_filesystem(text, mounts)
        if fstype in NETWORK_FILESYSTEMS:
            problems.append(FolderProblem("network", fstype))
    return problems
