"""The compiled forms in jamsos_desktop/ui/generated match forms/*.ui (regenerate with compile_forms)."""

from __future__ import annotations

from jamsos_desktop.devtools import compile_forms


def test_generated_forms_are_up_to_date() -> None:
    assert compile_forms.main(["--check"]) == 0


def test_generated_files_say_where_they_come_from() -> None:
    for generated in compile_forms.GENERATED.glob("ui_*.py"):
        assert generated.read_text(encoding="utf-8").startswith("# generated from forms/")
