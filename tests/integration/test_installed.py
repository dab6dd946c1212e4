"""``pip install .`` (not only editable) yields a working app: forms, resources, data and migrations.

The wheel is built and installed into a scratch folder, then run from elsewhere, so nothing can come
from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

REQUIRED = [
    "jamsos_desktop/resources/regions/wilayah_kemendagri_2025.tsv.gz",
    "jamsos_desktop/resources/regions/NOTICE-wilayah.md",
    "jamsos_desktop/persistence/migrations/env.py",
    "jamsos_desktop/persistence/migrations/script.py.mako",
    "jamsos_desktop/persistence/migrations/versions/0001_initial.py",
    "jamsos_desktop/ui/generated/ui_worker_form.py",
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next(work.glob("jamsos_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    assert not missing, missing
    assert not any(name.startswith(("tests/", "jamsos_desktop/tests")) for name in names)
    site = work / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "jamsos_desktop", "--data-dir", str(cwd / "data"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


def test_the_installed_package_runs_the_contract_commands(installed: Path, tmp_path: Path) -> None:
    probe = run_installed(installed, tmp_path, "--version")
    assert probe.returncode == 0
    where = subprocess.run(
        [sys.executable, "-c", "import jamsos_desktop; print(jamsos_desktop.__file__)"],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(installed)),
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(installed)), "the test must not run the source tree"

    init = run_installed(installed, tmp_path, "init", "--json")
    assert init.returncode == 0, init.stderr
    assert json.loads(init.stdout)["regency"] == "19.03"
    listing = run_installed(installed, tmp_path, "workers", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)["workers"] == []
    shots = tmp_path / "shots"
    selftest = run_installed(installed, tmp_path, "selftest", "--screenshots", str(shots), "--json")
    assert selftest.returncode == 0, selftest.stderr
    result = json.loads(selftest.stdout)
    assert len(result["pages"]) == 6
    assert len(list(shots.glob("*.png"))) >= 6
