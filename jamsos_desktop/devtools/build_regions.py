"""Regenerate ``resources/regions/wilayah_kemendagri_2025.tsv.gz`` from the Kemendagri CSV.

    python -m jamsos_desktop.devtools.build_regions ../shared/data/wilayah_kemendagri_2025.csv

The output is deterministic (gzip mtime 0), so re-running it on the same CSV changes nothing in git.
The CSV's MIT notice travels as ``resources/regions/NOTICE-wilayah.md``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "resources" / "regions" / "wilayah_kemendagri_2025.tsv.gz"


def build(source: Path, output: Path = OUTPUT) -> int:
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if rows[0] != ["kode", "nama"]:
        raise SystemExit(f"{source}: expected the columns kode,nama")
    buffer = io.StringIO()
    for code, name in rows[1:]:
        if "\t" in name or "\n" in name:
            raise SystemExit(f"{source}: name of {code} contains a tab or newline")
        buffer.write(f"{code}\t{name}\n")
    # No file name and no time in the gzip header: the same CSV always gives the same bytes.
    with output.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    return len(rows) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    args = parser.parse_args()
    print(f"{build(args.source)} codes written to {OUTPUT}")


if __name__ == "__main__":
    main()
