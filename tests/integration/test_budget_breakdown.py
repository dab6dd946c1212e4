"""The budget per funder and per kecamatan (one pass over the enrolments) against a count by hand."""

from __future__ import annotations

from datetime import date, datetime

from jamsos_desktop.domain.programme import ExitReason, Funder, Month, ProgrammeData
from jamsos_desktop.services.demo import generate_demo

NOW = datetime(2026, 3, 20, 9, 0)


def test_budget_by_funder_and_kecamatan_matches_each_enrolment(context) -> None:  # type: ignore[no-untyped-def]
    ctx = context
    ctx.clock = lambda: NOW
    generate_demo(ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=80, seed=11, now=NOW, user="t")
    p = ctx.programmes.create(
        ProgrammeData(
            "Dua penyandang dana",
            (Funder("APBD Kabupaten", share_percent=70), Funder("APBD Provinsi", share_percent=30)),
            Month.of(2025, 8),
            6,
        )
    )
    ctx.programmes.enrol(p.id, everyone=True)
    ids = [w for w, *_ in ctx.programmes.search_enrolled(p.id, "", limit=1000)]
    # Exits give other funded ranges (one before the programme even started).
    ctx.programmes.exit_worker(ids[0], exit_date=date(2025, 9, 10), reason=ExitReason.MOVED)
    ctx.programmes.exit_worker(ids[1], exit_date=date(2025, 7, 1), reason=ExitReason.WITHDRAWN)
    ctx.programmes.exit_worker(ids[2], exit_date=date(2025, 12, 31), reason=ExitReason.OTHER)
    funders = ctx.programmes.get(p.id).funders
    kab = funders[0].id
    lines = ctx.payments.expected_for_funder(p.id, kab, Month.of(2025, 8), Month.of(2025, 9))
    ctx.payments.record_funder_payment(
        p.id,
        funder_id=kab,
        invoice="INV-1",
        first="2025-08",
        last="2025-09",
        amount=sum(x.expected for x in lines),
        paid_on=date(2025, 10, 1),
    )

    budget = ctx.payments.budget(p.id)
    paid_months = {(kab, Month.of(2025, 8)), (kab, Month.of(2025, 9))}
    by_funder: dict[int, list[int]] = {}
    by_district: dict[str, list[int]] = {}
    for wid in ids:
        e = ctx.programmes.enrolment(p.id, wid)
        last = e.funded_to if e.end is None else min(e.funded_to, e.end)
        months = [Month(i) for i in range(e.funded_from.index, last.index + 1)]
        paid = sum(1 for m in months if (e.funder_id, m) in paid_months)
        f = by_funder.setdefault(e.funder_id, [0, 0])
        f[0] += 1
        f[1] += len(months)
        d = by_district.setdefault(ctx.registry.get(wid).village_code[:8], [0, 0, 0])
        d[0] += 1
        d[1] += len(months)
        d[2] += paid
    amount = 16_800
    assert {int(x.key): (x.enrolled, x.planned) for x in budget.by_funder} == {
        fid: (n, m * amount) for fid, (n, m) in by_funder.items()
    }
    assert {x.key: (x.enrolled, x.planned, x.paid) for x in budget.by_district} == {
        code: (n, m * amount, paid * amount) for code, (n, m, paid) in by_district.items()
    }
    assert budget.planned == sum(m for _, m in by_funder.values()) * amount
    assert budget.paid == sum(x.expected for x in lines)
    assert [x.key for x in budget.by_district] == sorted(by_district)
    assert all(x.name and x.name != x.key for x in budget.by_district)  # kecamatan names, not codes
    assert len(by_funder) == 2 and len(by_district) > 1
