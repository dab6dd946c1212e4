"""Update the translation sources and build the ``.qm`` files the application loads.

    python -m jamsos_desktop.devtools.build_translations          # lupdate + lrelease, then commit
    python -m jamsos_desktop.devtools.build_translations --check  # exit 1 if anything is stale/missing

Source strings are Bahasa Indonesia. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` of
``jamsos_desktop/ui`` (generated form code excluded) and of the Designer forms into
``resources/translations/jamsos_en.ts``, keeping the translations already written there (``--prune``
drops those of strings gone from the code); a new or changed string appears as *unfinished* until its
English is written. ``pyside6-lrelease`` then compiles
each ``.ts`` in that folder (``jamsos_en.ts``, and the hand-written ``qtbase_id.ts`` that gives Qt's own
buttons Indonesian words) into a ``.qm`` beside it. Both tools come from the same environment as this
Python, and ``-locations none`` keeps the ``.ts`` free of line numbers, so the output only changes when
the strings do.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
APP_TS = TRANSLATIONS / "jamsos_en.ts"
UI = ROOT / "jamsos_desktop" / "ui"
FORMS = ROOT / "forms"


def _tool(name: str) -> str:
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"{name} not found next to this Python; install PySide6 in this environment")


def sources() -> list[Path]:
    """Files whose strings are translated: the UI's Python (not generated code) and the forms."""
    python = [p for p in sorted(UI.rglob("*.py")) if "generated" not in p.relative_to(UI).parts]
    return [*python, *sorted(FORMS.glob("*.ui"))]


def lupdate(ts_file: Path, *, prune: bool = False) -> None:
    """Merge the current source strings into ``ts_file`` (created if missing).

    Strings no longer in the sources are kept as *vanished* (not compiled into the .qm) unless ``prune``:
    engineers share one working tree, and a string one of them is rewriting may still be in the
    committed code; when it comes back, lupdate revives its translation.
    """
    files = [str(p.relative_to(ROOT)) for p in sources()]
    command = [
        _tool("pyside6-lupdate"), *files, "-ts", str(ts_file), *(["-no-obsolete"] if prune else []),
        "-locations", "none", "-source-language", "id_ID", "-target-language", "en_GB", "-silent",
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


@dataclass(frozen=True)
class Untranslated:
    context: str
    source: str

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def untranslated(ts_file: Path) -> list[Untranslated]:
    """Messages of ``ts_file`` without a finished, non-empty translation."""
    missing: list[Untranslated] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            numerus = message.get("numerus") == "yes"
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                if translation is None or translation.get("type") == "unfinished":
                    missing.append(Untranslated(name, source))
                continue
            texts = (
                [f.text or "" for f in translation.iter("numerusform")]
                if numerus
                else [translation.text or ""]
            )
            if not any(t.strip() for t in texts) and source.strip():
                missing.append(Untranslated(name, source))
    return missing


PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def placeholder_mismatches(ts_file: Path) -> list[str]:
    """Finished translations whose ``{name}`` / ``%1`` placeholders differ from the source's.

    A missing or misspelt placeholder makes ``.format()`` raise or drops a value from the sentence.
    """
    problems: list[str] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text or "")):
                problems.append(f"placeholders differ: [{name}] {source!r} -> {translation.text!r}")
    return problems


def check() -> list[str]:
    """Everything stale or missing, as readable lines (empty: all good)."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / APP_TS.name
        shutil.copyfile(APP_TS, fresh)
        lupdate(fresh)
        problems += [f"no English translation: {item}" for item in untranslated(fresh)]
        problems += placeholder_mismatches(fresh)
        # Entries the sources no longer (or not yet: engineers share one working tree) contain are
        # harmless and are not reported; the next full run of this tool drops the vanished ones.
        for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
            qm_file = ts_file.with_suffix(".qm")
            built = Path(tmp) / qm_file.name
            lrelease(ts_file, built)
            if not qm_file.exists() or qm_file.read_bytes() != built.read_bytes():
                problems.append(f"{qm_file.relative_to(ROOT)} is stale or missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a translation is missing or stale")
    parser.add_argument(
        "--prune", action="store_true", help="drop translations of strings no longer in the code"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("run python -m jamsos_desktop.devtools.build_translations and translate", file=sys.stderr)
        return 1 if problems else 0
    lupdate(APP_TS, prune=args.prune)
    for ts_file in sorted(TRANSLATIONS.glob("*.ts")):
        lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"wrote {ts_file.with_suffix('.qm').relative_to(ROOT)}")
    missing = untranslated(APP_TS)
    if missing:
        print(
            f"{len(missing)} strings need an English translation in {APP_TS.relative_to(ROOT)}:",
            file=sys.stderr,
        )
        for item in missing:
            print(f"  {item}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
