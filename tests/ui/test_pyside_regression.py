"""PySide6 6.12.0 crashes CPython 3.11 with "none_dealloc" after ~5,300 calls of a None-returning binding.

pyproject.toml pins PySide6 below 6.12; this test fails loudly (the process aborts) on a broken build.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def test_many_none_returning_calls_complete(qapp) -> None:  # type: ignore[no-untyped-def]
    obj = QObject()
    result = object()
    for i in range(20_000):
        result = obj.setObjectName(f"n{i % 7}")
    assert result is None
    assert obj.objectName() == f"n{19_999 % 7}"
