"""Cards printed at a village laptop (issue 6), driven through the CONTRACT commands: the station numbers
its cards in its own serial namespace (``26-RA-000001``), its print reaches the office without being held,
the office verifies its QR with the station's key (which only the station's signed packages can bring) and
names the station; the office's cards verify at the station once the acknowledgement is in; tampered QR
texts, a third laptop's key and another station's serials are refused."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from cards_support import decode_qr, render_pages
from cli_support import RIAS, TJ_LABU, cli, ok, register, rows
from db_support import raw_db
from sqlalchemy import create_engine, text

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.cards import parse_serial
from jamsos_desktop.persistence import migrate

YEAR = datetime.now().year % 100  # the CLI prints with the real clock





def print_card(capsys: Any, site: Path, nik: str, out: Path, *extra: str) -> tuple[str, str]:
    """Print one worker's card (one card per page); the serial and the QR text a real reader finds."""
    printed = ok(
        capsys, site, "cards", "print", "--out", str(out), "--nik", nik, "--layout", "single", *extra
    )
    texts = decode_qr(render_pages(out))
    assert len(texts) == 1 and len(printed["serials"]) == 1
    assert texts[0].split("|")[1] == printed["serials"][0]
    return printed["serials"][0], texts[0]


def tamper(text: str) -> str:
    parts = text.split("|")
    parts[3] = "MUNIR" if parts[3] != "MUNIR" else "MUNIP"
    return "|".join(parts)



@pytest.fixture
def sites(tmp_path: Path, capsys: Any) -> tuple[Path, Path, Path, dict[str, str]]:
    office, s1, s2 = tmp_path / "office", tmp_path / "s1", tmp_path / "s2"
    codes: dict[str, str] = {}
    for site in (office, s1, s2):
        ok(capsys, site, "init")
    for site, name, village in ((s1, "Rias", RIAS), (s2, "Tanjung Labu", TJ_LABU)):
        prov = tmp_path / f"{name}.station"
        made = ok(capsys, office, "station", "register", name, "--out", str(prov), "--village", village)
        joined = ok(capsys, site, "station", "join", str(prov))
        assert joined["code"] == made["code"]
        codes[name] = made["code"]
    return office, s1, s2, codes


def test_a_station_card_travels_without_being_held_and_verifies_at_the_office_naming_the_station(
    sites: tuple[Path, Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    office, s1, _s2, codes = sites
    # The office hands out codes that recall the names, never the same twice.
    assert codes == {"Rias": "RA", "Tanjung Labu": "TL"}
    # The office printed a card first: its serial 26-000001 ...
    register(office, "Ahmadi", "1903011208900001", RIAS)
    office_serial, office_text = print_card(capsys, office, "1903011208900001", tmp_path / "office.pdf")
    assert office_serial == f"{YEAR:02d}-000001"
    # ... and the station's first card is numbered in the station's own namespace, not 26-000001.
    register(s1, "Munip", "1903011208902835", RIAS)
    serial, text = print_card(capsys, s1, "1903011208902835", tmp_path / "s1.pdf")
    assert serial == f"{YEAR:02d}-RA-000001"
    assert parse_serial(serial) is not None and parse_serial(serial).station_code == "RA"  # type: ignore[union-attr]
    # The station checks its own card.
    here = ok(capsys, s1, "cards", "verify", text)
    assert (here["valid"], here["code"], here["station"], here["station_code"]) == (
        True,
        "card.verify_ok",
        "Rias",
        "RA",
    )

    # Before the station's package arrives the office knows the code but not the key: not checkable yet.
    code, early = cli(capsys, office, "cards", "verify", text)
    assert (code, early["valid"], early["code"], early["station"]) == (
        3,
        False,
        "card.verify_key_unknown",
        "Rias",
    )

    pkg = tmp_path / "s1-1.jamsync"
    sent = ok(capsys, s1, "sync", "export", "--out", str(pkg))
    assert sent["kinds"] == {"card_print": 1}
    got = ok(capsys, office, "sync", "import", str(pkg))
    assert (got["written"], got["pending"], got["held"]) == ({"card_print": 1}, 0, 0)
    assert sorted(r[0] for r in rows(office, "SELECT serial FROM card_print")) == sorted(
        [office_serial, serial]
    )
    # The office keeps numbering its own namespace.
    register(office, "Irman", "1903011208900002", RIAS)
    assert print_card(capsys, office, "1903011208900002", tmp_path / "office2.pdf")[0] == f"{YEAR:02d}-000002"

    check = ok(capsys, office, "cards", "verify", text)
    assert check["valid"] and check["code"] == "card.verify_ok"
    assert (check["serial"], check["name"], check["station"], check["signed_by"], check["station_code"]) == (
        serial, "MUNIP", "Rias", "Rias", "RA",
    )  # fmt: skip
    assert check["worker_id"] is not None and check["printed_at"]
    assert "Rias" in check["message"]
    # The office's own card still verifies there, signed by the office, no station named.
    own = ok(capsys, office, "cards", "verify", office_text)
    assert own["valid"] and own["station"] is None and own["signed_by"]

    # Tampered: refused (exit 3) at the office and at the station.
    for site in (office, s1):
        code, bad = cli(capsys, site, "cards", "verify", tamper(text))
        assert (code, bad["valid"], bad["code"]) == (3, False, "card.verify_tampered_station")
    # The office's signature presented under the station's serial (or the reverse) does not pass either.
    fields = text.split("|")
    swapped = "|".join([*fields[:-1], office_text.split("|")[-1]])
    assert cli(capsys, office, "cards", "verify", swapped)[0] == 3


def test_an_office_card_verifies_at_the_station_after_the_acknowledgement(
    sites: tuple[Path, Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    office, s1, _s2, _codes = sites
    register(office, "Irman", "1903011208900002", RIAS)
    serial, text = print_card(capsys, office, "1903011208900002", tmp_path / "office.pdf")
    # The station has never heard of the office's card key (the office printed after registering it).
    code, before = cli(capsys, s1, "cards", "verify", text)
    assert (code, before["valid"], before["code"]) == (3, False, "card.verify_office_key_unknown")
    # Not even once the station has a card key of its own (it prints a card of its own first).
    register(s1, "Munip", "1903011208902835", RIAS)
    print_card(capsys, s1, "1903011208902835", tmp_path / "s1.pdf")
    assert cli(capsys, s1, "cards", "verify", text)[1]["code"] == "card.verify_office_key_unknown"
    ack = tmp_path / "ack.jamsync"
    ok(capsys, office, "sync", "export", "--out", str(ack), "--station", "Rias")
    back = ok(capsys, s1, "sync", "import", str(ack))
    assert back["written"].get("card_print") == 1 and back["held"] == 0
    check = ok(capsys, s1, "cards", "verify", text)
    assert check["valid"] and check["code"] == "card.verify_ok" and check["serial"] == serial
    assert check["station"] is None and check["signed_by"]
    code, bad = cli(capsys, s1, "cards", "verify", tamper(text))
    assert (code, bad["valid"], bad["code"]) == (3, False, "card.verify_tampered")


def test_the_office_card_key_in_the_provisioning_file_and_codes_for_stations_joined_before(
    tmp_path: Path, capsys: Any
) -> None:
    """A station registered after the office's first card knows the office's key from the signed
    provisioning file; a clerk may choose a code, never a taken or malformed one."""
    office, s1 = tmp_path / "office", tmp_path / "s1"
    for site in (office, s1):
        ok(capsys, site, "init")
    register(office, "Suriono", "1903011208900003", RIAS)
    _serial, text = print_card(capsys, office, "1903011208900003", tmp_path / "o.pdf")
    prov = tmp_path / "rias.station"
    made = ok(
        capsys, office, "station", "register", "Rias", "--out", str(prov), "--village", RIAS, "--code", "bsr"
    )
    assert made["code"] == "BSR"
    code, taken = cli(
        capsys, office, "station", "register", "Rias 2", "--out", str(tmp_path / "x"), "--code", "BSR"
    )
    assert code == 2 and taken["error"]["code"] == "sync.station_code_taken"
    code, bad = cli(
        capsys, office, "station", "register", "Rias 3", "--out", str(tmp_path / "y"), "--code", "IO"
    )
    assert code == 2 and bad["error"]["code"] == "sync.station_code_invalid"
    ok(capsys, s1, "station", "join", str(prov))
    check = ok(capsys, s1, "cards", "verify", text)
    assert check["valid"] and check["code"] == "card.verify_ok_unrecorded" and check["station"] is None


def test_a_station_without_a_code_prints_only_after_the_acknowledgement_names_it(
    sites: tuple[Path, Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    """A station that joined before codes existed (its row has none) is refused, then learns its code
    from the office's acknowledgement."""
    office, s1, _s2, codes = sites
    with raw_db(s1) as db:
        db.execute("UPDATE sync_station SET code = NULL")
    register(s1, "Bob Fauzi", "1903011208900004", RIAS)
    code, refused = cli(
        capsys, s1, "cards", "print", "--out", str(tmp_path / "x.pdf"), "--nik", "1903011208900004"
    )
    assert code == 2 and refused["error"]["code"] == "card.station_code_missing"
    assert not (tmp_path / "x.pdf").exists() and rows(s1, "SELECT COUNT(*) FROM card_print") == [(0,)]
    ack = tmp_path / "ack.jamsync"
    ok(capsys, office, "sync", "export", "--out", str(ack), "--station", "Rias")
    ok(capsys, s1, "sync", "import", str(ack))
    serial, _text = print_card(capsys, s1, "1903011208900004", tmp_path / "s1.pdf")
    assert serial == f"{YEAR:02d}-{codes['Rias']}-000001"


def test_a_station_cannot_bring_another_key_or_another_stations_serials(
    sites: tuple[Path, Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    """Card keys travel only in what their station signs: a manifest edited to carry a third laptop's key
    fails its signature; a station's package carrying a serial of another station's namespace is refused
    whole (exit 3, nothing written)."""
    office, s1, s2, codes = sites
    register(s2, "Munir", "1903011208902836", TJ_LABU)
    print_card(capsys, s2, "1903011208902836", tmp_path / "s2.pdf")
    ctx = open_context(data_dir=s2)
    try:
        with ctx.unit_of_work() as uow:
            foreign = uow.settings.get("card_public_key")
    finally:
        ctx.close()
    assert foreign
    register(s1, "Munip", "1903011208902835", RIAS)
    _serial, text = print_card(capsys, s1, "1903011208902835", tmp_path / "s1.pdf")
    pkg = tmp_path / "s1.jamsync"
    ok(capsys, s1, "sync", "export", "--out", str(pkg))
    forged = tmp_path / "forged.jamsync"
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(forged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["card_keys"] = [foreign]
                data = json.dumps(manifest, sort_keys=True, indent=1).encode()
            dst.writestr(info, data)
    code, refused = cli(capsys, office, "sync", "import", str(forged))
    assert code == 3 and refused["error"]["code"] == "sync.bad_signature"
    assert rows(office, "SELECT COUNT(*) FROM card_print") == [(0,)]
    ok(capsys, office, "sync", "import", str(pkg))
    assert ok(capsys, office, "cards", "verify", text)["station"] == "Rias"

    # Station 1 misbehaves: a card print numbered in station 2's namespace.
    register(s1, "Suriono", "1903011208902837", RIAS)
    print_card(capsys, s1, "1903011208902837", tmp_path / "s1b.pdf")
    with raw_db(s1) as db:
        db.execute(f"UPDATE card_print SET serial = '{YEAR:02d}-{codes['Tanjung Labu']}-000009' "
                   f"WHERE serial = '{YEAR:02d}-RA-000002'")  # fmt: skip
    bad = tmp_path / "s1-2.jamsync"
    ok(capsys, s1, "sync", "export", "--out", str(bad))
    before = rows(office, "SELECT COUNT(*) FROM card_print") + rows(office, "SELECT COUNT(*) FROM worker")
    code, refused = cli(capsys, office, "sync", "import", str(bad))
    assert code == 3 and refused["error"]["code"] == "sync.foreign_changes"
    assert (
        rows(office, "SELECT COUNT(*) FROM card_print") + rows(office, "SELECT COUNT(*) FROM worker")
        == before
    )


@pytest.mark.sqlite_only
def test_the_migration_gives_an_offices_stations_registered_before_distinct_codes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"

    def upgrade(revision: str) -> None:
        engine = create_engine(url)
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), revision)
        engine.dispose()

    upgrade("0011_money_bigint")
    engine = create_engine(url)
    insert = text(
        "INSERT INTO sync_station (id, name, is_self, is_office, sign_public, box_public, villages, registered_at, "
        "last_seq_in, last_seq_out, acked_hlc, clock) VALUES (:id, :name, :s, :o, 'k', 'b', '[]', :at, 0, 0, '', '')"
    )
    with engine.begin() as db:
        for i, (sid, name, is_self, is_office) in enumerate(
            [("office-1", "Kantor", True, True), ("st-1", "Rias", False, False), ("st-2", "Rias Baru", False, False),
             ("st-3", "Tanjung Labu", False, False)]
        ):  # fmt: skip
            db.execute(
                insert,
                {"id": sid, "name": name, "s": is_self, "o": is_office, "at": f"2026-11-0{i + 1} 08:00:00"},
            )
    engine.dispose()
    upgrade("0013_station_cards")
    engine = create_engine(url)
    with engine.connect() as db:
        found = dict(db.execute(text("SELECT id, code FROM sync_station")).all())
    engine.dispose()
    assert found == {"office-1": None, "st-1": "RA", "st-2": "RB", "st-3": "TL"}


def test_a_station_checks_another_stations_card_once_the_office_relayed_its_key(
    sites: tuple[Path, Path, Path, dict[str, str]], tmp_path: Path, capsys: Any
) -> None:
    """The office relays the stations' codes and card keys in its (signed) acknowledgements."""
    office, s1, s2, _codes = sites
    register(s2, "Munir", "1903011208902836", TJ_LABU)
    serial, text = print_card(capsys, s2, "1903011208902836", tmp_path / "s2.pdf")
    code, unknown = cli(capsys, s1, "cards", "verify", text)
    assert (code, unknown["code"]) == (3, "card.verify_station_unknown")
    ok(capsys, s2, "sync", "export", "--out", str(tmp_path / "s2.jamsync"))
    ok(capsys, office, "sync", "import", str(tmp_path / "s2.jamsync"))
    ack = tmp_path / "ack-rias.jamsync"
    ok(capsys, office, "sync", "export", "--out", str(ack), "--station", "Rias")
    ok(capsys, s1, "sync", "import", str(ack))
    check = ok(capsys, s1, "cards", "verify", text)
    assert (check["valid"], check["station"], check["serial"]) == (True, "Tanjung Labu", serial)
    code, bad = cli(capsys, s1, "cards", "verify", tamper(text))
    assert (code, bad["code"], bad["station"]) == (3, "card.verify_tampered_station", "Tanjung Labu")
