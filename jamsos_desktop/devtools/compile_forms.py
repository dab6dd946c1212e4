"""Compile the Designer forms (``forms/*.ui``) into ``jamsos_desktop/ui/generated/ui_<name>.py``.

Run ``python -m jamsos_desktop.devtools.compile_forms`` after editing a form, and commit the result;
``--check`` exits 1 when a generated file is stale or missing (the test suite runs it). ``pyside6-uic`` is
taken from the same environment as this Python, so the output only changes when PySide6 does.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "forms"
GENERATED = ROOT / "jamsos_desktop" / "ui" / "generated"
HEADER = "# generated from forms/{name} by compile_forms, do not edit\n"


def _uic() -> list[str]:
    scripts = Path(sys.executable).parent
    for candidate in (scripts / "pyside6-uic", scripts / "pyside6-uic.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found next to this Python; install PySide6 in this environment")


def target_for(form: Path) -> Path:
    return GENERATED / f"ui_{form.stem}.py"


def compile_form(form: Path) -> str:
    """The generated module for ``form`` as text (deterministic: same form, same PySide6, same text)."""
    result = subprocess.run(
        [*_uic(), "--generator", "python", str(form)],
        check=True,
        capture_output=True,
        text=True,
    )
    body = result.stdout.replace("\r\n", "\n")
    return HEADER.format(name=form.name) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    args = parser.parse_args(argv)

    stale: list[str] = []
    forms = sorted(FORMS.glob("*.ui"))
    for form in forms:
        text = compile_form(form)
        target = target_for(form)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(f"{target.relative_to(ROOT)} (from forms/{form.name})")
        else:
            target.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {target.relative_to(ROOT)}")
    expected = {target_for(f).name for f in forms}
    for orphan in sorted(GENERATED.glob("ui_*.py")):
        if orphan.name not in expected:
            if args.check:
                stale.append(f"{orphan.relative_to(ROOT)} (no form)")
            else:
                print(f"warning: {orphan.relative_to(ROOT)} has no form; delete it", file=sys.stderr)
    if stale:
        print("stale generated forms; run python -m jamsos_desktop.devtools.compile_forms:", file=sys.stderr)
        for item in stale:
            print(f"  {item}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
