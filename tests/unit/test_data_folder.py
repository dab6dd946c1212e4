"""The data-folder check: cloud-synced folders and network shares are recognised, local folders pass."""

from __future__ import annotations

import pytest

from jamsos_desktop.services.data_folder import check_data_folder


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        (r"C:\Users\ani\OneDrive\JamSos", "OneDrive"),
        (r"C:\Users\ani\OneDrive - Pemkab Bangka Selatan\Dokumen\JamSos", "OneDrive"),
        (r"D:\Dropbox\JamSos", "Dropbox"),
        (r"G:\My Drive\JamSos", "Google Drive"),
        (r"C:\Users\ani\Google Drive\JamSos", "Google Drive"),
        (r"C:\Users\ani\iCloudDrive\JamSos", "iCloud Drive"),
    ],
)
def test_cloud_folders_on_windows(folder: str, service: str) -> None:
    problems = check_data_folder(folder, environ={}, platform="win32")
    assert [(p.kind, p.service) for p in problems] == [("cloud", service)]


def test_onedrive_folder_named_by_its_environment_variable() -> None:
    environ = {"OneDriveCommercial": r"C:\Users\ani\Pemkab"}
    assert (
        check_data_folder(r"C:\Users\ani\Pemkab\JamSos", environ=environ, platform="win32")[0].kind == "cloud"
    )


def test_network_share() -> None:
    [problem] = check_data_folder(r"\\server-dinsos\data\JamSos", environ={}, platform="win32")
    assert problem.kind == "network" and problem.service == r"\\server-dinsos\data"


def test_network_mount_on_linux() -> None:
    mounts = "/dev/sda1 / ext4 rw 0 0\nnas:/export /mnt/kantor nfs4 rw 0 0\n"
    assert (
        check_data_folder("/mnt/kantor/jamsos", environ={}, mounts=mounts, platform="linux")[0].kind
        == "network"
    )
    assert check_data_folder("/home/ani/jamsos", environ={}, mounts=mounts, platform="linux") == []


@pytest.mark.parametrize(
    "folder", [r"C:\Users\ani\AppData\Local\JamSos", r"D:\Data JamSos", r"C:\Users\ani\Documents\JamSos"]
)
def test_local_folders_are_fine(folder: str) -> None:
    assert check_data_folder(folder, environ={"OneDrive": r"C:\Users\ani\OneDrive"}, platform="win32") == []
