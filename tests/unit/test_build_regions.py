"""The shipped region file is exactly what build_regions makes from the Kemendagri CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from jamsos_desktop.devtools.build_regions import OUTPUT, build

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "wilayah_kemendagri_2025.csv"


@pytest.mark.skipif(not SOURCE.exists(), reason="shared/data is not beside this checkout")
def test_shipped_file_is_reproducible(tmp_path: Path) -> None:
    rebuilt = tmp_path / "regions.tsv.gz"
    assert build(SOURCE, rebuilt) == 91_599
    assert rebuilt.read_bytes() == OUTPUT.read_bytes()
