"""Sentences for error and warning codes, in Bahasa Indonesia (first) and English.

Domain messages live here rather than in Qt's ``.ts`` files because the command line shows them too,
without Qt. Both languages are required for every code; a unit test keeps it so.
"""

from __future__ import annotations

from typing import Any

#: code -> (Bahasa Indonesia, English). Placeholders use ``str.format`` names.
CATALOGUE: dict[str, tuple[str, str]] = {
    # NIK
    "nik.required": (
        "NIK wajib diisi, atau tandai \u201cbelum punya NIK\u201d.",
        "NIK is required, or mark the worker as \u201cno NIK yet\u201d.",
    ),
    "nik.length": (
        "NIK harus 16 digit (sekarang {length} digit).",
        "A NIK has 16 digits (this one has {length}).",
    ),
    "nik.digits": ("NIK hanya boleh berisi angka.", "A NIK may contain digits only."),
    "nik.placeholder": (
        "NIK {nik} adalah angka pengganti, bukan NIK asli; tandai \u201cbelum punya NIK\u201d.",
        "NIK {nik} is a placeholder, not a real NIK; mark \u201cno NIK yet\u201d instead.",
    ),
    "nik.date": (
        "Digit 7\u201312 NIK ({part}) bukan tanggal lahir yang mungkin.",
        "Digits 7\u201312 of the NIK ({part}) are not a possible birth date.",
    ),
    "nik.province": (
        "Kode provinsi {code} pada NIK tidak dikenal.",
        "Province code {code} in the NIK does not exist.",
    ),
    "nik.regency": (
        "Kode kabupaten/kota {code} pada NIK tidak dikenal.",
        "Regency/city code {code} in the NIK does not exist.",
    ),
    "nik.district_unknown": (
        "Kode kecamatan {code} pada NIK tidak ada di daftar Kemendagri 2025 (mungkin kecamatan lama).",
        "District code {code} in the NIK is not in the 2025 Kemendagri list (perhaps an old district).",
    ),
    "nik.birth_date_mismatch": (
        "NIK menunjukkan tanggal lahir {nik_date}, bukan {entered}.",
        "The NIK encodes birth date {nik_date}, not {entered}.",
    ),
    "nik.sex_mismatch": (
        "NIK menunjukkan jenis kelamin {nik_sex}, bukan {entered}.",
        "The NIK encodes sex {nik_sex}, not {entered}.",
    ),
    "nik.outside_regency": (
        "NIK pertama kali terdaftar di {region}, di luar {regency}.",
        "The NIK was first registered in {region}, outside {regency}.",
    ),
    "nik.serial_zero": (
        "Nomor urut NIK 0000 tidak lazim (nomor urut mulai 0001).",
        "NIK serial 0000 is unusual (serials start at 0001).",
    ),
    "nik.duplicate": (
        "NIK {nik} sudah terdaftar atas nama {name}.",
        "NIK {nik} is already registered to {name}.",
    ),
    # Other identifiers
    "kk.format": ("Nomor KK harus 16 digit angka.", "A family card (KK) number has 16 digits."),
    "kpj.format": ("Nomor KPJ harus 11 digit angka.", "A KPJ number has 11 digits."),
    "kpj.duplicate": (
        "KPJ {kpj} sudah dipakai oleh {name}.",
        "KPJ {kpj} is already used by {name}.",
    ),
    # Person
    "name.required": ("Nama wajib diisi.", "The name is required."),
    "name.too_long": (
        "Nama terlalu panjang (maksimal {max} huruf).",
        "The name is too long (at most {max} characters).",
    ),
    "sex.required": ("Pilih jenis kelamin.", "Choose the sex."),
    "birth_date.required": ("Tanggal lahir wajib diisi.", "The birth date is required."),
    "birth_date.future": (
        "Tanggal lahir tidak boleh di masa depan.",
        "The birth date cannot be in the future.",
    ),
    "birth_date.too_old": (
        "Tanggal lahir {date} membuat umur lebih dari 120 tahun.",
        "Birth date {date} makes the worker older than 120.",
    ),
    "birth_date.young": (
        "Umur {age} tahun: periksa kembali tanggal lahir.",
        "Age {age}: check the birth date.",
    ),
    "village.required": ("Pilih desa/kelurahan.", "Choose the village."),
    "village.unknown": (
        "Kode desa/kelurahan {code} tidak dikenal.",
        "Village code {code} does not exist.",
    ),
    "village.outside_regency": (
        "Desa/kelurahan {code} berada di luar kabupaten kantor ini.",
        "Village {code} lies outside this office's regency.",
    ),
    "rt_rw.format": ("RT dan RW berisi angka (mis. 003).", "RT and RW are numbers (e.g. 003)."),
    "phone.format": (
        "Nomor HP {phone} tidak dikenali; tulis seperti 0812xxxxxxxx.",
        "Phone number {phone} is not recognised; write it like 0812xxxxxxxx.",
    ),
    "income.range": (
        "Penghasilan yang dilaporkan harus antara {min} dan {max}.",
        "The declared income must be between {min} and {max}.",
    ),
    "consent.required": (
        "Persetujuan pekerja atas tujuan pemrosesan data wajib dicatat.",
        "The worker's consent to the purpose of processing must be recorded.",
    ),
    # Heirs
    "heir.name_required": ("Nama ahli waris wajib diisi.", "The heir's name is required."),
    "heir.relationship_required": (
        "Pilih hubungan ahli waris.",
        "Choose the heir's relationship.",
    ),
    "heir.nik": ("NIK ahli waris {name}: {reason}", "NIK of heir {name}: {reason}"),
    # Records
    "worker.not_found": ("Pekerja #{worker_id} tidak ditemukan.", "Worker #{worker_id} not found."),
    "worker.changed": (
        "Data pekerja ini baru saja diubah oleh {by}; muat ulang lalu ulangi perubahan Anda.",
        "This worker was just changed by {by}; reload it and make your change again.",
    ),
    "worker.already_inactive": (
        "Pekerja ini sudah tidak aktif ({status}).",
        "This worker is already inactive ({status}).",
    ),
    "status.transition": (
        "Status tidak bisa diubah dari {old} ke {new}.",
        "The status cannot change from {old} to {new}.",
    ),
    "validation.failed": ("Data belum benar.", "The data is not valid."),
    # Database and usage
    "db.locked": (
        "Basis data {path} sedang dipakai program lain; tutup program itu lalu coba lagi.",
        "Database {path} is in use by another program; close it and try again.",
    ),
    "db.readonly": (
        "Basis data {path} hanya bisa dibaca; periksa izin berkas atau folder.",
        "Database {path} is read-only; check the file or folder permissions.",
    ),
    "db.newer": (
        "Basis data {path} dibuat oleh versi JamSos yang lebih baru ({revision}); perbarui aplikasi ini.",
        "Database {path} was made by a newer JamSos ({revision}); update this application.",
    ),
    "db.not_jamsos": (
        "Berkas {path} bukan basis data JamSos.",
        "File {path} is not a JamSos database.",
    ),
    "db.not_sqlite": (
        "Berkas {path} bukan basis data SQLite (mungkin rusak).",
        "File {path} is not an SQLite database (it may be damaged).",
    ),
    "db.scheme": (
        "Jenis basis data \u201c{scheme}\u201d tidak didukung; pakai path berkas SQLite atau URL sqlite:// / postgresql+psycopg://.",
        "Database kind \u201c{scheme}\u201d is not supported; use an SQLite file path or an sqlite:// or postgresql+psycopg:// URL.",
    ),
    "db.driver_missing": (
        "Driver basis data untuk \u201c{scheme}\u201d belum terpasang ({detail}).",
        "The database driver for \u201c{scheme}\u201d is not installed ({detail}).",
    ),
    "db.unreachable": (
        "Basis data {path} tidak bisa dibuka: {detail}.",
        "Database {path} cannot be opened: {detail}.",
    ),
    "db.missing_dir": (
        "Folder {path} tidak ada.",
        "Folder {path} does not exist.",
    ),
    "region.unknown_regency": (
        "Kode kabupaten/kota {code} tidak dikenal.",
        "Regency/city code {code} does not exist.",
    ),
    "region.regency_changed": (
        "Basis data ini milik {current}; kabupaten tidak bisa diganti ke {requested} setelah ada data pekerja.",
        "This database belongs to {current}; the regency cannot change to {requested} once workers exist.",
    ),
    "usage.value": ("Nilai \u201c{value}\u201d tidak sah untuk {option}.", "Value \u201c{value}\u201d is not valid for {option}."),
    "usage.no_display": (
        "Tidak ada layar untuk menampilkan aplikasi ({detail}).",
        "No display is available to show the application ({detail}).",
    ),
    "usage.argument": ("Perintah tidak dikenali: {detail}.", "Invalid command line: {detail}."),
    "usage.interrupted": ("Dibatalkan.", "Interrupted."),
    "usage.demo_not_empty": (
        "Basis data ini sudah berisi {workers} pekerja; data demo hanya diisi ke basis data kosong (pakai --data-dir atau --db lain).",
        "This database already holds {workers} workers; demo data only goes into an empty database (use another --data-dir or --db).",
    ),
    "usage.positive": ("{option} harus bilangan bulat positif.", "{option} must be a positive whole number."),
    "internal": (
        "Terjadi kesalahan tak terduga ({detail}); rincian ada di berkas log.",
        "An unexpected error occurred ({detail}); details are in the log file.",
    ),
    "io.write": ("Tidak bisa menulis {path}: {detail}.", "Cannot write {path}: {detail}."),
    # Excel: village lists in, template and exports out, KPJ numbers back (issue 5)
    "excel.file_missing": ("Berkas {path} tidak ditemukan.", "File {path} does not exist."),
    "excel.file_too_big": (
        "Berkas {path} terlalu besar ({size}); batasnya {max}. Pecah daftar menjadi beberapa berkas.",
        "File {path} is too large ({size}); the limit is {max}. Split the list into several files.",
    ),
    "excel.pdf": (
        "Berkas {path} adalah PDF yang diganti namanya, bukan lembar kerja Excel; minta berkas .xlsx aslinya.",
        "File {path} is a renamed PDF, not an Excel workbook; ask for the original .xlsx file.",
    ),
    "excel.xls": (
        "Berkas {path} berformat Excel lama (.xls); buka di Excel lalu simpan sebagai .xlsx (Excel Workbook).",
        "File {path} is in the old Excel format (.xls); open it in Excel and save it as .xlsx (Excel Workbook).",
    ),
    "excel.encrypted": (
        "Berkas {path} dilindungi kata sandi; buka di Excel, hapus kata sandinya, simpan, lalu coba lagi.",
        "File {path} is password-protected; open it in Excel, remove the password, save, and try again.",
    ),
    "excel.ods": (
        "Berkas {path} berformat OpenDocument (.ods); simpan sebagai .xlsx lalu coba lagi.",
        "File {path} is an OpenDocument spreadsheet (.ods); save it as .xlsx and try again.",
    ),
    "excel.corrupt": (
        "Berkas {path} rusak atau bukan lembar kerja .xlsx ({detail}).",
        "File {path} is damaged or not an .xlsx workbook ({detail}).",
    ),
    "excel.not_spreadsheet": (
        "Berkas {path} bukan lembar kerja .xlsx atau .csv.",
        "File {path} is not an .xlsx or .csv spreadsheet.",
    ),
    "excel.zip_bomb": (
        "Berkas {path} mencurigakan: isinya mengembang menjadi {size} saat dibuka; berkas tidak dibaca.",
        "File {path} looks malicious: it expands to {size} when opened; it was not read.",
    ),
    "excel.too_many_rows": (
        "Lembar \u201c{sheet}\u201d berisi (atau mengaku berisi) {rows} baris; batasnya {max} baris.",
        "Sheet \u201c{sheet}\u201d holds (or claims to hold) {rows} rows; the limit is {max} rows.",
    ),
    "excel.empty": (
        "Berkas {path} tidak berisi data (lembar kerjanya kosong).",
        "File {path} holds no data (its sheets are empty).",
    ),
    "excel.no_header": (
        "Baris judul kolom (mis. NIK, Nama Lengkap, Desa) tidak ditemukan di {rows} baris pertama lembar {sheets}.",
        "No header row (e.g. NIK, Nama Lengkap, Desa) was found in the first {rows} rows of sheet(s) {sheets}.",
    ),
    "excel.no_data_rows": (
        "Di bawah baris judul tidak ada data pekerja.",
        "There are no worker rows below the header.",
    ),
    "excel.csv_encoding": (
        "Berkas CSV {path} tidak bisa dibaca sebagai teks ({detail}).",
        "CSV file {path} cannot be read as text ({detail}).",
    ),
    "excel.mapping": (
        "Kolom {column} tidak ada di berkas atau dipetakan dua kali.",
        "Column {column} does not exist in the file or is mapped twice.",
    ),
    "excel.missing_columns": (
        "Kolom wajib tidak ditemukan: {columns}. Petakan kolom itu atau pakai templat.",
        "Required columns are missing: {columns}. Map them or use the template.",
    ),
    "excel.cancelled": ("Impor dibatalkan; tidak ada data yang disimpan.", "Import cancelled; nothing was saved."),
    "excel.nik_number": (
        "NIK tersimpan sebagai angka ({value}), bukan teks: Excel hanya menyimpan 15 digit, jadi digit terakhir "
        "mungkin hilang. Ketik ulang NIK sebagai teks (awali dengan tanda \u2019).",
        "The NIK is stored as a number ({value}), not text: Excel keeps only 15 digits, so the last digit may be "
        "lost. Retype the NIK as text (start it with an apostrophe).",
    ),
    "excel.kk_number": (
        "Nomor KK tersimpan sebagai angka ({value}); digit terakhir mungkin hilang. Ketik ulang sebagai teks.",
        "The KK number is stored as a number ({value}); its last digit may be lost. Retype it as text.",
    ),
    "excel.date_unreadable": (
        "Tanggal \u201c{value}\u201d tidak bisa dibaca; tulis seperti 17-08-1985 atau 17 Agustus 1985.",
        "Date \u201c{value}\u201d cannot be read; write it like 17-08-1985 or 17 Agustus 1985.",
    ),
    "excel.sex_unknown": (
        "Jenis kelamin \u201c{value}\u201d tidak dikenali; tulis L atau P.",
        "Sex \u201c{value}\u201d is not recognised; write L or P.",
    ),
    "excel.income_unreadable": (
        "Penghasilan \u201c{value}\u201d bukan angka rupiah.",
        "Income \u201c{value}\u201d is not an amount in rupiah.",
    ),
    "excel.heir_relationship_unknown": (
        "Hubungan ahli waris \u201c{value}\u201d tidak dikenali (mis. Istri, Suami, Anak, Ibu); ahli waris tidak disimpan.",
        "Heir relationship \u201c{value}\u201d is not recognised (e.g. Istri, Suami, Anak, Ibu); the heir was not saved.",
    ),
    "excel.district_unknown": (
        "Kecamatan \u201c{name}\u201d tidak dikenal; desa dicari di seluruh kabupaten.",
        "District \u201c{name}\u201d is not known; the village was looked up in the whole regency.",
    ),
    "excel.village_unknown": (
        "Desa/kelurahan \u201c{name}\u201d tidak ditemukan di {regency}.",
        "Village \u201c{name}\u201d was not found in {regency}.",
    ),
    "excel.village_ambiguous": (
        "Desa/kelurahan \u201c{name}\u201d bisa berarti: {candidates}. Isi kolom kecamatan atau perbaiki ejaannya.",
        "Village \u201c{name}\u201d could be: {candidates}. Fill in the district or correct the spelling.",
    ),
    "excel.village_guess": (
        "Desa/kelurahan \u201c{name}\u201d dibaca sebagai {found}; periksa ejaannya.",
        "Village \u201c{name}\u201d was read as {found}; check the spelling.",
    ),
    "excel.village_other_district": (
        "Desa/kelurahan \u201c{name}\u201d tidak ada di Kecamatan {district}; dipakai {found}.",
        "Village \u201c{name}\u201d is not in district {district}; {found} was used.",
    ),
    "excel.duplicate_in_file": (
        "NIK {nik} sudah ada di baris {first_row} berkas ini; baris ini tidak diimpor.",
        "NIK {nik} already appears in row {first_row} of this file; this row was not imported.",
    ),
    "excel.kpj_duplicate_in_file": (
        "KPJ {kpj} sudah ada di baris {first_row} berkas ini.",
        "KPJ {kpj} already appears in row {first_row} of this file.",
    ),
    "excel.update": (
        "NIK sudah terdaftar; data pekerja diperbarui ({fields}).",
        "The NIK is already registered; the worker's data was updated ({fields}).",
    ),
    "excel.unchanged": (
        "NIK sudah terdaftar dengan data yang sama; tidak ada perubahan.",
        "The NIK is already registered with the same data; nothing changed.",
    ),
    "excel.result.import": ("Diimpor", "Imported"),
    "excel.result.update": ("Diperbarui", "Updated"),
    "excel.result.unchanged": ("Tidak berubah", "Unchanged"),
    "excel.result.reject": ("Ditolak", "Rejected"),
    "excel.result.skip": ("Dilewati", "Skipped"),
    "excel.skip.total": ("Baris jumlah/total, dilewati.", "Totals row, skipped."),
    "excel.skip.signature": ("Baris tanda tangan/tanggal, dilewati.", "Signature or date line, skipped."),
    "excel.skip.header": ("Judul kolom yang berulang, dilewati.", "Repeated header, skipped."),
    "kpj.no_header": (
        "Kolom NIK dan KPJ tidak ditemukan di berkas {path}.",
        "No NIK and KPJ columns were found in file {path}.",
    ),
    "kpj.unmatched": (
        "Tidak ada pekerja dengan NIK {nik} di basis data.",
        "No worker with NIK {nik} is in the database.",
    ),
    "kpj.number_damaged": (
        "Nomor KPJ tersimpan sebagai angka ({value}) dan tidak 11 digit; mungkin angka nol di depannya hilang.",
        "The KPJ number is stored as a number ({value}) and is not 11 digits; a leading zero may have been lost.",
    ),
    "kpj.replaced": (
        "KPJ lama {old} diganti dengan {new} dari BPJS.",
        "Old KPJ {old} was replaced by {new} from BPJS.",
    ),
    "kpj.status_kept": (
        "KPJ disimpan, tetapi status pekerja tetap {status}.",
        "The KPJ was saved, but the worker's status stays {status}.",
    ),
    "usage.no_programs": (
        "Program belum tersedia di versi ini; ekspor tanpa --program.",
        "Programmes are not available yet in this version; export without --program.",
    ),
    "export.profile": (
        "Profil ekspor {path} tidak sah: {detail}.",
        "Export profile {path} is not valid: {detail}.",
    ),
}


def render(code: str, lang: str = "id", /, **params: Any) -> str:
    """The sentence for ``code`` in ``lang`` ('id' or 'en'), with parameters filled in."""
    pair = CATALOGUE.get(code)
    if pair is None:
        return code if not params else f"{code} ({', '.join(f'{k}={v}' for k, v in params.items())})"
    template = pair[1] if lang.startswith("en") else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
