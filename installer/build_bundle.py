"""Build the JamSos bundle with PyInstaller, check it, and (optionally) compile the NSIS installer.

    python installer/build_bundle.py                 # dist/jamsos/ (one folder)
    python installer/build_bundle.py --selftest      # ... then run its selftest (offscreen on Linux)
    python installer/build_bundle.py --nsis          # ... then compile installer/jamsos.nsi with makensis
    python installer/build_bundle.py --nsis-only --placeholder   # compile against a stub tree (CI check)

Reproducible: the same sources and the same environment give the same bundle (PYTHONHASHSEED=0,
SOURCE_DATE_EPOCH from the last commit, a clean work folder). Prints one JSON summary on stdout:
build seconds, bundle size, selftest result and installer path. Exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "jamsos.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "jamsos"
WINDOWS = sys.platform == "win32"
#: Files the bundle must contain (a missing one is a broken installer, whatever the selftest says).
REQUIRED = [
    "resources/regions/wilayah_kemendagri_2025.tsv.gz",
    "resources/regions/NOTICE-wilayah.md",
    "resources/styles/app.qss",
    "resources/translations/jamsos_en.qm",
    "resources/translations/qtbase_id.qm",
    "resources/help/bantuan.html",
    "resources/help/bantuan_en.html",
    "resources/icons/jamsos.png",
    "jamsos_desktop/persistence/migrations/env.py",
    "jamsos_desktop/persistence/migrations/script.py.mako",
    "jamsos_desktop/persistence/migrations/versions/0001_initial.py",
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def version() -> str:
    text = (ROOT / "jamsos_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__ in jamsos_desktop/__init__.py"
    return match.group(1)


def _source_date_epoch() -> str:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return out or "1756857600"
    except (OSError, subprocess.CalledProcessError):
        return "1756857600"  # 3 September 2025, the programme's launch


def internal_dir() -> Path:
    # PyInstaller 6 keeps everything but the executables in _internal/.
    inner = BUNDLE / "_internal"
    return inner if inner.is_dir() else BUNDLE


def executable(console: bool = True) -> Path:
    if WINDOWS:
        return BUNDLE / ("jamsos-cli.exe" if console else "jamsos.exe")
    return BUNDLE / "jamsos"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build() -> dict[str, object]:
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=_source_date_epoch())
    shutil.rmtree(WORK, ignore_errors=True)
    started = time.perf_counter()
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK),
    ]  # fmt: skip
    log("$ " + " ".join(command))
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    seconds = round(time.perf_counter() - started, 1)
    missing = [name for name in REQUIRED if not (internal_dir() / name).exists()]
    if missing:
        raise SystemExit(f"bundle is missing files: {missing}")
    size = folder_size(BUNDLE)
    log(f"bundle built in {seconds} s: {BUNDLE} ({size / 1e6:.1f} MB)")
    return {"build_seconds": seconds, "bundle_bytes": size, "bundle": str(BUNDLE)}


def selftest(lang: str = "id") -> dict[str, object]:
    """Run ``jamsos --data-dir TMP --json selftest --screenshots TMP`` inside the bundle, from elsewhere."""
    scratch = Path(tempfile.mkdtemp(prefix=f"jamsos-bundle-{lang}-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "JAMSOS_"))}
    env["JAMSOS_NO_FIRST_RUN"] = "1"
    env["JAMSOS_LANG"] = lang
    if not WINDOWS:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    command = [
        str(executable()), "--data-dir", str(scratch / "data"), "selftest", "--screenshots",
        str(scratch / "shots"), "--json",
    ]  # fmt: skip
    log("$ " + " ".join(command))
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=scratch, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )
    seconds = round(time.perf_counter() - started, 1)
    if result.returncode != 0:
        log(result.stderr[-4000:])
        raise SystemExit(
            f"bundle selftest failed with exit code {result.returncode}: {result.stdout[-2000:]}"
        )
    outcome = json.loads(result.stdout)
    shots = sorted(p.name for p in (scratch / "shots").glob("*.png"))
    if len(shots) < len(outcome.get("pages", [])):
        raise SystemExit(f"selftest saved too few screenshots: {shots}")
    log(f"bundle selftest ({lang}) passed in {seconds} s: {outcome}")
    suffix = "" if lang == "id" else f"_{lang}"
    return {
        f"selftest_seconds{suffix}": seconds,
        f"selftest{suffix}": outcome,
        f"screenshots{suffix}": str(scratch / "shots"),
    }


def placeholder_tree() -> Path:
    """A stub bundle folder for compiling the NSIS script where no Windows bundle exists.

    Only for the compile check: the installer it yields installs placeholder files, never ship it.
    """
    stub = ROOT / "build" / "nsis-placeholder-bundle"
    shutil.rmtree(stub, ignore_errors=True)
    (stub / "_internal" / "resources").mkdir(parents=True)
    for name in ("jamsos.exe", "jamsos-cli.exe"):
        (stub / name).write_bytes(b"MZ placeholder for the NSIS compile check; not a program\n")
    (stub / "_internal" / "resources" / "PLACEHOLDER.txt").write_text(
        "Placeholder tree for compiling installer/jamsos.nsi in CI. Not an installable bundle.\n",
        encoding="utf-8",
    )
    return stub


def makensis_path() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    for candidate in (r"C:\Program Files (x86)\NSIS\makensis.exe", r"C:\Program Files\NSIS\makensis.exe"):
        if Path(candidate).exists():
            return candidate
    raise SystemExit(
        "makensis not found: install NSIS (Debian: apt-get install nsis; Windows: choco install nsis)"
    )


def compile_installer(source: Path, out_dir: Path) -> dict[str, object]:
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / f"JamSos-{version()}-setup.exe"
    flag = "/" if WINDOWS else "-"
    command = [
        makensis_path(), f"{flag}V2", f"{flag}WX", f"{flag}DVERSION={version()}", f"{flag}DBUNDLE_DIR={source}",
        f"{flag}DOUTFILE={output}", f"{flag}DICON={ROOT / 'resources' / 'icons' / 'jamsos.ico'}",
        str(INSTALLER / "jamsos.nsi"),
    ]  # fmt: skip
    log("$ " + " ".join(command))
    started = time.perf_counter()
    subprocess.run(command, cwd=INSTALLER, check=True, stdout=sys.stderr)
    seconds = round(time.perf_counter() - started, 1)
    log(f"installer compiled in {seconds} s: {output} ({output.stat().st_size / 1e6:.1f} MB)")
    return {"installer": str(output), "installer_bytes": output.stat().st_size, "nsis_seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--selftest", action="store_true", help="run the bundle's selftest after building")
    parser.add_argument("--nsis", action="store_true", help="compile the NSIS installer after building")
    parser.add_argument("--nsis-only", action="store_true", help="only compile the installer (no build)")
    parser.add_argument(
        "--placeholder", action="store_true", help="compile the installer against a stub tree (CI check only)"
    )
    parser.add_argument("--skip-build", action="store_true", help="use the existing dist/jamsos")
    args = parser.parse_args(argv)

    summary: dict[str, object] = {"version": version(), "platform": sys.platform}
    try:
        if not (args.nsis_only or args.skip_build):
            summary.update(build())
        if args.selftest:
            summary.update(selftest("id"))
            summary.update(selftest("en"))  # the English translation loads inside the bundle too
        if args.nsis or args.nsis_only:
            source = placeholder_tree() if args.placeholder else BUNDLE
            out_dir = (ROOT / "build" / "nsis-check") if args.placeholder else DIST
            summary.update(compile_installer(source, out_dir))
            summary["installer_from_placeholder"] = args.placeholder
    except subprocess.CalledProcessError as exc:
        log(f"failed: {exc}")
        return 1
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
