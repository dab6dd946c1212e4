"""Every error code has a sentence in Bahasa Indonesia and in English, and every code used exists."""

from __future__ import annotations

import re
from pathlib import Path

from jamsos_desktop.domain.messages import CATALOGUE, render

PACKAGE = Path(__file__).resolve().parents[2] / "jamsos_desktop"
CODE = re.compile(r"""(?:Error|Finding|_err|_warn|out)\(\s*(?:[a-z_]+,\s*)?["']([a-z_]+\.[a-z_]+)["']""")


def test_both_languages_for_every_code() -> None:
    for code, (indonesian, english) in CATALOGUE.items():
        assert indonesian.strip() and english.strip(), code
        assert indonesian != english, code
        # Same placeholders in both languages.
        assert set(re.findall(r"{(\w+)}", indonesian)) == set(re.findall(r"{(\w+)}", english)), code


def test_codes_raised_in_the_code_are_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "generated" in path.parts:
            continue
        used.update(CODE.findall(path.read_text(encoding="utf-8")))
    assert used, "the pattern found no codes at all"
    missing = sorted(code for code in used if code not in CATALOGUE)
    assert not missing


def test_render_fills_parameters() -> None:
    assert render("nik.length", "id", length=15) == "NIK harus 16 digit (sekarang 15 digit)."
    assert render("nik.length", "en", length=15) == "A NIK has 16 digits (this one has 15)."
