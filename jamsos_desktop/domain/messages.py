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
    "db.server_permission": (
        "Akun basis data ini tidak berhak melakukannya di server \u201c{path}\u201d ({detail}). Bila aplikasi "
        "baru diperbarui, admin server perlu menjalankan pembaruan dengan akun pemilik (lihat README).",
        "This database account may not do that on the server \u201c{path}\u201d ({detail}). If the application "
        "was just updated, the server administrator has to run the upgrade with the owner account (see README).",
    ),
    "db.pg_trgm_missing": (
        "Basis data server \u201c{path}\u201d belum punya ekstensi pg_trgm untuk pencarian nama, dan akun ini "
        "tidak boleh membuatnya. Minta admin server menjalankan: CREATE EXTENSION pg_trgm; ({detail})",
        "The server database \u201c{path}\u201d lacks the pg_trgm extension used by name search, and this "
        "account may not create it. Ask the server administrator to run: CREATE EXTENSION pg_trgm; ({detail})",
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
        "Date \u201c{value}\u201d cannot be read; write it like 17-08-1985 or 17 August 1985.",
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
    "excel.from_nik": (
        "Kolom kosong; diisi {value} menurut NIK.",
        "The cell is empty; {value} was taken from the NIK.",
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
    "export.profile": (
        "Profil ekspor {path} tidak sah: {detail}.",
        "Export profile {path} is not valid: {detail}.",
    ),
}


# -- Programmes, calendar, payments, budget, events (issue 3) ----------------------------------------
CATALOGUE.update(
    {
        "programme.name_required": ("Nama program wajib diisi.", "The programme name is required."),
        "programme.name_too_long": (
            "Nama program terlalu panjang (maksimal {max} huruf).",
            "The programme name is too long (at most {max} characters).",
        ),
        "programme.office_managed": (
            "Program dan kalender hari libur dikelola kantor dinas: di laptop desa keduanya hanya dibaca. "
            "Minta kantor mengubahnya; perubahannya tiba bersama paket balasan sinkronisasi.",
            "Programmes and the holiday calendar are managed by the district office: on a village laptop they "
            "are read-only. Ask the office to change them; the change arrives with its sync acknowledgement.",
        ),
        "programme.name_taken": (
            "Sudah ada program bernama \u201c{name}\u201d.",
            "A programme named \u201c{name}\u201d already exists.",
        ),
        "programme.funder_required": (
            "Isi paling sedikit satu penyandang dana (mis. APBD Kabupaten).",
            "Enter at least one funder (e.g. the regency budget).",
        ),
        "programme.funder_name_required": ("Nama penyandang dana wajib diisi.", "Each funder needs a name."),
        "programme.funder_duplicate": (
            "Nama penyandang dana tidak boleh sama.",
            "Two funders cannot have the same name.",
        ),
        "programme.funder_shares": (
            "Bagian penyandang dana harus berjumlah 100% (sekarang {total}%).",
            "Funder shares must add up to 100% (now {total}%).",
        ),
        "programme.funder_quota": (
            "Kuota penyandang dana harus bilangan bulat positif.",
            "A funder's quota must be a positive whole number.",
        ),
        "programme.funded_months": (
            "Jumlah bulan dibiayai harus antara 1 dan {max}.",
            "The number of funded months must be between 1 and {max}.",
        ),
        "programme.quota": ("Kuota harus bilangan bulat positif.", "The quota must be a positive whole number."),
        "programme.lapse_threshold": (
            "Batas bulan tunggakan sebelum nonaktif harus antara 1 dan 24.",
            "The number of unpaid months before lapsing must be between 1 and 24.",
        ),
        "programme.horizon": (
            "Rentang kalender harus antara 1 dan 240 bulan.",
            "The calendar horizon must be between 1 and 240 months.",
        ),
        "programme.start": ("Bulan mulai program tidak masuk akal.", "The programme start month is not plausible."),
        "programme.not_found": ("Program #{programme_id} tidak ditemukan.", "Programme #{programme_id} not found."),
        "programme.changed": (
            "Program ini baru saja diubah oleh {by}; muat ulang lalu ulangi perubahan Anda.",
            "This programme was just changed by {by}; reload it and make your change again.",
        ),
        "programme.funder_in_use": (
            "Penyandang dana {name} sudah punya peserta atau pembayaran dan tidak bisa dihapus.",
            "Funder {name} already has members or payments and cannot be removed.",
        ),
        "funder.not_found": ("Penyandang dana #{funder_id} tidak ditemukan.", "Funder #{funder_id} not found."),
        "enrolment.overlap": (
            "{name} sudah terdaftar di program \u201c{programme}\u201d pada bulan yang sama; satu pekerja tidak boleh ikut dua program sekaligus.",
            "{name} is already enrolled in programme \u201c{programme}\u201d for the same months; a worker cannot be in two programmes at once.",
        ),
        "enrolment.not_found": (
            "Pekerja #{worker_id} tidak terdaftar di program ini.",
            "Worker #{worker_id} is not enrolled in this programme.",
        ),
        "enrolment.worker_inactive": (
            "{name} berstatus {status} dan tidak bisa didaftarkan.",
            "{name} is {status} and cannot be enrolled.",
        ),
        "enrolment.already": (
            "{name} sudah terdaftar di program ini.",
            "{name} is already enrolled in this programme.",
        ),
        "enrolment.quota_exceeded": (
            "Kuota program {quota} terlampaui: peserta menjadi {total}.",
            "The programme quota of {quota} is exceeded: {total} members.",
        ),
        "enrolment.start_before_programme": (
            "Bulan mulai {start} lebih awal dari mulainya program ({programme_start}).",
            "Start month {start} is before the programme starts ({programme_start}).",
        ),
        "enrolment.nothing_selected": ("Tidak ada pekerja yang dipilih.", "No worker was selected."),
        "enrolment.already_ended": (
            "Kepesertaan ini sudah berakhir pada {month}.",
            "This enrolment already ended in {month}.",
        ),
        "payment.amount_invalid": (
            "Jumlah pembayaran harus bilangan bulat rupiah lebih dari nol (bukan \u201c{value}\u201d).",
            "A payment amount must be a whole number of rupiah above zero (not \u201c{value}\u201d).",
        ),
        "payment.amount_mismatch": (
            "Jumlah {amount} tidak sama dengan {months} bulan \u00d7 {monthly} = {expected}.",
            "Amount {amount} does not equal {months} months \u00d7 {monthly} = {expected}.",
        ),
        "payment.month_range": (
            "Bulan akhir {last} lebih awal dari bulan awal {first}.",
            "The last month {last} is before the first month {first}.",
        ),
        "payment.outside_enrolment": (
            "Bulan {month} di luar masa kepesertaan {name} ({start}\u2013{end}).",
            "Month {month} lies outside the enrolment of {name} ({start}\u2013{end}).",
        ),
        "payment.funded_month": (
            "Bulan {month} dibayar oleh penyandang dana, bukan oleh pekerja.",
            "Month {month} is paid by the funder, not by the worker.",
        ),
        "payment.month_paid": (
            "Bulan {month} untuk {name} sudah dibayar (kuitansi {receipt}).",
            "Month {month} of {name} is already paid (receipt {receipt}).",
        ),
        "payment.receipt_required": ("Nomor kuitansi wajib diisi.", "The receipt number is required."),
        "payment.receipt_conflict": (
            "Kuitansi {receipt} sudah tercatat dengan isi yang berbeda.",
            "Receipt {receipt} is already recorded with different details.",
        ),
        "payment.receipt_duplicate": (
            "Kuitansi {receipt} sudah tercatat; tidak dicatat dua kali.",
            "Receipt {receipt} is already recorded; it is not recorded twice.",
        ),
        "payment.invoice_required": ("Nomor tagihan (invoice) BPJS wajib diisi.", "The BPJS invoice number is required."),
        "payment.invoice_mismatch": (
            "Tagihan {invoice} sebesar {amount} tidak cocok dengan yang diharapkan {expected} (selisih {difference}).",
            "Invoice {invoice} for {amount} does not match the expected {expected} (difference {difference}).",
        ),
        "payment.invoice_duplicate": (
            "Tagihan {invoice} sudah dicatat untuk {funder}.",
            "Invoice {invoice} is already recorded for {funder}.",
        ),
        "payment.invoice_months": (
            "Bulan {month} tidak termasuk bulan yang dibiayai {funder}.",
            "Month {month} is not a month funded by {funder}.",
        ),
        "payment.month_funded_paid": (
            "Bulan {month} untuk {funder} sudah dibayar (tagihan {invoice}).",
            "Month {month} for {funder} is already paid (invoice {invoice}).",
        ),
        "payment.not_found": ("Pembayaran #{payment_id} tidak ditemukan.", "Payment #{payment_id} not found."),
        "payment.already_reversed": (
            "Pembayaran #{payment_id} sudah dibatalkan.",
            "Payment #{payment_id} has already been reversed.",
        ),
        "payment.reverse_reversal": (
            "Pembatalan tidak bisa dibatalkan lagi; catat pembayaran baru.",
            "A reversal cannot be reversed; record a new payment instead.",
        ),
        "payment.reason_required": ("Alasan pembatalan wajib diisi.", "A reason for the reversal is required."),
        "payment.worker_unknown": (
            "Pekerja dengan NIK/KPJ {key} tidak ditemukan.",
            "No worker with NIK/KPJ {key}.",
        ),
        "payment.not_enrolled": (
            "{name} tidak terdaftar di program ini.",
            "{name} is not enrolled in this programme.",
        ),
        "payment.month_invalid": (
            "\u201c{value}\u201d bukan bulan (tulis seperti 2026-02).",
            "\u201c{value}\u201d is not a month (write it like 2026-02).",
        ),
        "payment.date_invalid": (
            "\u201c{value}\u201d bukan tanggal yang sah.",
            "\u201c{value}\u201d is not a valid date.",
        ),
        "payment.date_future": (
            "Tanggal bayar {date} belum terjadi.",
            "Payment date {date} is in the future.",
        ),
        "payment.file_unreadable": (
            "Berkas {path} tidak bisa dibaca sebagai lembar kerja ({detail}).",
            "File {path} cannot be read as a spreadsheet ({detail}).",
        ),
        "payment.columns_missing": (
            "Kolom {columns} tidak ada di baris judul berkas pembayaran.",
            "Columns {columns} are missing from the header row of the payment file.",
        ),
        "event.not_found": ("Peristiwa #{event_id} tidak ditemukan.", "Event #{event_id} not found."),
        "event.date_future": ("Tanggal peristiwa {date} belum terjadi.", "Event date {date} is in the future."),
        "event.already_deceased": (
            "Kematian {name} sudah dicatat sebelumnya.",
            "The death of {name} has already been recorded.",
        ),
        "event.heir_too_long": (
            "Isian {field} paling banyak {limit} huruf.",
            "The field {field} has at most {limit} characters.",
        ),
        "holiday.not_found": (
            "Hari libur {date} tidak ada di daftar.",
            "Holiday {date} is not in the list.",
        ),
        "holiday.exists": (
            "Tanggal {date} sudah ada di daftar ({name}).",
            "{date} is already in the list ({name}).",
        ),
        "holiday.name_required": (
            "Nama hari libur wajib diisi.",
            "The holiday's name is required.",
        ),
        "holiday.name_too_long": (
            "Nama hari libur paling banyak {limit} huruf.",
            "The holiday's name has at most {limit} characters.",
        ),
        "holiday.columns_missing": (
            "Berkas daftar libur harus punya kolom tanggal dan keterangan di baris judul.",
            "The holiday file needs a date column and a name (keterangan) column in its header row.",
        ),
        "holiday.invalid": ("\u201c{value}\u201d bukan tanggal libur yang sah.", "\u201c{value}\u201d is not a valid holiday date."),
        "usage.month": (
            "\u201c{value}\u201d bukan bulan (tulis seperti 2025-08).",
            "\u201c{value}\u201d is not a month (write it like 2025-08).",
        ),
    }
)


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

# -- cards and handover events (issue 4) ---------------------------------------------------------------
CATALOGUE.update(
    {
        "card.nobody": (
            "Tidak ada pekerja yang cocok dengan pilihan ini; tidak ada kartu yang dicetak.",
            "No worker matches this selection; no card was printed.",
        ),
        "card.nik_unknown": ("NIK {nik} tidak terdaftar.", "NIK {nik} is not registered."),
        "card.reprint_reason": (
            "{count} pekerja sudah pernah dicetak kartunya; cetak ulang perlu alasan (hilang, rusak, "
            "atau perbaikan data).",
            "{count} of these workers already have a card; a reprint needs a reason (lost, damaged or "
            "corrected).",
        ),
        "card.reason_unknown": (
            "Alasan cetak \u201c{value}\u201d tidak dikenal (first_issue, lost, damaged, corrected).",
            "Unknown print reason \u201c{value}\u201d (first_issue, lost, damaged, corrected).",
        ),
        "card.logo_missing": (
            "Logo kantor {path} tidak bisa dipakai ({detail}); kartu dicetak tanpa logo hanya jika "
            "petugas menyetujuinya.",
            "The office logo {path} cannot be used ({detail}); cards print without it only if the clerk "
            "agrees.",
        ),
        "card.disk_full": (
            "Disk penuh saat menulis {path}; tidak ada berkas setengah jadi yang tertinggal dan tidak ada "
            "cetakan yang dicatat. Kosongkan ruang disk lalu ulangi.",
            "The disk is full while writing {path}; no half-written file was left and no print was "
            "recorded. Free some space and try again.",
        ),
        "card.write_failed": (
            "Berkas {path} tidak bisa ditulis ({detail}); tidak ada cetakan yang dicatat.",
            "File {path} cannot be written ({detail}); no print was recorded.",
        ),
        "card.folder_missing": ("Folder {path} tidak ada.", "Folder {path} does not exist."),
        "card.cancelled": (
            "Pencetakan dibatalkan; tidak ada berkas dan tidak ada cetakan yang dicatat.",
            "Printing was cancelled; no file was written and no print was recorded.",
        ),
        "card.concurrent_print": (
            "Ada pencetakan kartu lain pada saat yang sama; ulangi pencetakan ini.",
            "Another card print ran at the same time; run this print again.",
        ),
        "card.no_key": (
            "Belum ada kunci tanda tangan kantor; cetak kartu pertama kali di kantor untuk membuatnya.",
            "There is no office signing key yet; print the first card at the office to create it.",
        ),
        "card.key_missing": (
            "Berkas kunci tanda tangan kantor {path} tidak ada, padahal basis data sudah memakai kunci. "
            "Pulihkan berkas kunci dari cadangan; kartu baru tidak bisa ditandatangani tanpanya.",
            "The office signing key file {path} is missing although the database already uses a key. "
            "Restore the key file from a backup; new cards cannot be signed without it.",
        ),
        "card.key_mismatch": (
            "Berkas kunci {path} bukan kunci yang tercatat di basis data ini; kartu yang ditandatangani "
            "dengan kunci itu tidak akan lolos verifikasi.",
            "Key file {path} is not the key recorded in this database; cards signed with it would not "
            "verify.",
        ),
        "card.key_unreadable": (
            "Berkas kunci {path} tidak bisa dibaca ({detail}).",
            "Key file {path} cannot be read ({detail}).",
        ),
        "card.key_unwritable": (
            "Berkas kunci {path} tidak bisa dibuat ({detail}).",
            "Key file {path} cannot be created ({detail}).",
        ),
        "card.public_key_invalid": (
            "Kunci publik kartu di pengaturan rusak.",
            "The card public key in the settings is damaged.",
        ),
        "card.payload_empty": ("Teks QR kosong.", "The QR text is empty."),
        "card.payload_foreign": (
            "Kode QR ini bukan kartu JamSos.",
            "This QR code is not a JamSos card.",
        ),
        "card.payload_version": (
            "Kode QR kartu versi {version} tidak dikenal aplikasi ini.",
            "Card QR version {version} is not known to this application.",
        ),
        "card.payload_malformed": (
            "Teks QR kartu tidak lengkap atau rusak (mungkin salah pindai).",
            "The card's QR text is incomplete or damaged (perhaps a bad scan).",
        ),
        "card.signature_invalid": (
            "Tanda tangan pada kode QR rusak atau tidak lengkap.",
            "The signature in the QR code is damaged or incomplete.",
        ),
        "card.verify_ok": (
            "Kartu ASLI: nomor {serial} atas nama {name}.",
            "GENUINE card: number {serial}, issued to {name}.",
        ),
        "card.verify_ok_unrecorded": (
            "Tanda tangan kantor SAH untuk kartu {serial} ({name}), tetapi cetakannya tidak tercatat di "
            "basis data ini (mungkin salinan lain).",
            "The office signature is VALID for card {serial} ({name}), but this database has no record "
            "of the print (perhaps another copy).",
        ),
        "card.verify_superseded": (
            "Kartu {serial} ({name}) asli tetapi SUDAH DIGANTI oleh kartu {newer}.",
            "Card {serial} ({name}) is genuine but has been REPLACED by card {newer}.",
        ),
        "card.verify_tampered": (
            "Kartu PALSU atau isinya diubah: tanda tangan tidak cocok dengan kunci kantor.",
            "FORGED or altered card: the signature does not match the office key.",
        ),
        "card.verify_tampered_station": (
            "Kartu PALSU atau isinya diubah: tanda tangan tidak cocok dengan kunci stasiun {station} "
            "(kode {code}).",
            "FORGED or altered card: the signature does not match the key of station {station} "
            "(code {code}).",
        ),
        "card.verify_by_station": (
            "Dicetak di stasiun {station} (kode {code}).",
            "Printed at station {station} (code {code}).",
        ),
        "card.verify_key_unknown": (
            "Kartu {serial} dicetak di stasiun {station}, tetapi kunci kartu stasiun itu belum sampai di "
            "sini; impor paket terbaru dari stasiun itu, lalu periksa lagi.",
            "Card {serial} was printed at station {station}, but that station's card key has not reached "
            "this computer yet; import the station's latest package, then check again.",
        ),
        "card.verify_office_key_unknown": (
            "Kunci kartu kantor belum sampai di stasiun ini, jadi kartu {serial} belum bisa diperiksa; "
            "impor paket balasan kantor, lalu periksa lagi.",
            "The office's card key has not reached this station yet, so card {serial} cannot be checked; "
            "import the office's acknowledgement package, then check again.",
        ),
        "card.verify_station_unknown": (
            "Kartu {serial} dicetak di stasiun berkode {code} yang tidak dikenal di komputer ini; "
            "periksa kartu ini di kantor dinas.",
            "Card {serial} was printed at a station with code {code} that this computer does not know; "
            "check the card at the district office.",
        ),
        "card.station_code_missing": (
            "Stasiun {station} belum punya kode nomor kartu dari kantor; impor paket balasan kantor "
            "terlebih dahulu, lalu cetak lagi.",
            "Station {station} has no card serial code from the office yet; import the office's "
            "acknowledgement package first, then print again.",
        ),
        "card.station_codes_exhausted": (
            "Semua kode stasiun untuk nomor kartu sudah terpakai.",
            "Every station code for card serials is in use.",
        ),
        "handover.name_required": ("Nama acara wajib diisi.", "The event name is required."),
        "handover.place_required": ("Tempat acara wajib diisi.", "The place is required."),
        "handover.too_long": (
            "Nama dan tempat acara paling panjang 200 huruf.",
            "Event name and place have at most 200 characters.",
        ),
        "handover.not_found": (
            "Acara penyerahan #{event_id} tidak ditemukan.",
            "Handover event #{event_id} not found.",
        ),
        "handover.no_recipients": (
            "Acara ini belum punya penerima; pilih perwakilan penerima dulu.",
            "This event has no recipients yet; pick the representatives first.",
        ),
        "handover.worker_ambiguous": (
            "\u201c{text}\u201d cocok dengan {count} pekerja; pakai NIK.",
            "\u201c{text}\u201d matches {count} workers; use the NIK.",
        ),
        "handover.worker_unknown": (
            "Tidak ada pekerja \u201c{text}\u201d.",
            "No worker \u201c{text}\u201d.",
        ),
        "handover.date_invalid": (
            "\u201c{value}\u201d bukan tanggal (tulis seperti 2025-09-03).",
            "\u201c{value}\u201d is not a date (write it like 2025-09-03).",
        ),
    }
)

# -- data safety: users, audit, backups, integrity, privacy (issue 7) -----------------------------------
CATALOGUE.update(
    {
        "permission.denied": (
            "Pengguna {user} ({role}) tidak berhak melakukan ini ({permission}).",
            "User {user} ({role}) may not do this ({permission}).",
        ),
        "auth.failed": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
        "auth.locked": (
            "Akun dikunci karena kata sandi salah berulang kali; coba lagi setelah pukul {until}.",
            "The account is locked after repeated wrong passwords; try again after {until}.",
        ),
        "auth.required": (
            "Kantor mewajibkan login untuk baris perintah: beri --user NAMA dan kata sandi di variabel "
            "JAMSOS_PASSWORD.",
            "The office requires a login for the command line: give --user NAME and the password in "
            "JAMSOS_PASSWORD.",
        ),
        "user.name_invalid": (
            "Nama pengguna \u201c{username}\u201d tidak sah (huruf, angka, titik, minus; paling panjang 32).",
            "User name \u201c{username}\u201d is not valid (letters, digits, dot, dash; at most 32).",
        ),
        "user.password_short": (
            "Kata sandi paling sedikit 8 karakter.",
            "A password has at least 8 characters.",
        ),
        "user.password_is_name": (
            "Kata sandi tidak boleh sama dengan nama pengguna.",
            "The password may not be the user name.",
        ),
        "user.password_mismatch": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
        "user.full_name_required": ("Nama lengkap wajib diisi.", "The full name is required."),
        "user.first_exists": (
            "Administrator pertama sudah ada; pengguna baru dibuat oleh administrator.",
            "The first administrator exists already; an administrator creates new users.",
        ),
        "user.exists": ("Nama pengguna {username} sudah dipakai.", "User name {username} is taken."),
        "user.not_found": ("Pengguna {username} tidak ada.", "No user {username}."),
        "user.last_administrator": (
            "Ini administrator aktif terakhir; buat administrator lain dulu.",
            "This is the last active administrator; create another one first.",
        ),
        "user.no_account": (
            "Administrator lokal tidak punya akun dan kata sandi.",
            "The local administrator has no account or password.",
        ),
        "instance.running": (
            "JamSos sudah berjalan untuk folder data {path} (proses {pid}); pakai jendela yang sudah terbuka.",
            "JamSos is already running for the data folder {path} (process {pid}); use the open window.",
        ),
        "backup.check_failed": (
            "Pemeriksaan keutuhan gagal untuk {path}: {detail}. Tidak ada yang ditulis; pulihkan dari "
            "cadangan yang baik.",
            "The integrity check failed for {path}: {detail}. Nothing was written; restore a good backup.",
        ),
        "backup.not_sqlite": (
            "Cadangan berkas hanya untuk basis data SQLite, bukan {path}.",
            "File backups are for SQLite databases only, not {path}.",
        ),
        "backup.not_jamsos": (
            "{path} bukan cadangan basis data JamSos.",
            "{path} is not a backup of a JamSos database.",
        ),
        "backup.passphrase_short": (
            "Frasa sandi cadangan paling sedikit 8 karakter.",
            "A backup passphrase has at least 8 characters.",
        ),
        "backup.passphrase_needed": (
            "{path} terenkripsi; beri frasa sandinya (--passphrase-env VAR).",
            "{path} is encrypted; give its passphrase (--passphrase-env VAR).",
        ),
        "backup.passphrase_env": (
            "Variabel lingkungan {variable} kosong atau tidak ada.",
            "Environment variable {variable} is empty or missing.",
        ),
        "backup.decrypt_failed": (
            "Cadangan {path} tidak bisa dibuka: frasa sandi salah atau berkas telah diubah/rusak. Tidak "
            "ada yang ditulis.",
            "Backup {path} cannot be opened: wrong passphrase, or the file was changed or damaged. Nothing "
            "was written.",
        ),
        "backup.file_missing": ("Berkas {path} tidak ada.", "File {path} does not exist."),
        "check.failed": (
            "Pemeriksaan basis data gagal: {detail}.",
            "The database check failed: {detail}.",
        ),
        "audit.broken": (
            "Jejak audit telah diubah atau rusak ({detail}).",
            "The audit trail was altered or damaged ({detail}).",
        ),
        "location.cloud": (
            "Basis data ada di folder yang disinkronkan {service}: aplikasi sinkronisasi menyalin berkas di "
            "tengah penulisan dan bisa memulihkan salinan lama, sehingga data hilang atau rusak.",
            "The database is in a folder synced by {service}: sync clients copy the file mid-write and may "
            "restore an old copy, so data is lost or damaged.",
        ),
        "location.network": (
            "Basis data ada di folder jaringan ({service}): penguncian berkas di sana tidak andal, dua "
            "komputer bisa merusak basis data.",
            "The database is on a network share ({service}): file locking there is unreliable, so two "
            "computers can damage it.",
        ),
        "privacy.nik_unknown": ("NIK {nik} tidak terdaftar.", "NIK {nik} is not registered."),
    }
)

# -- dashboard and reports (issue 9) ------------------------------------------------------------------
CATALOGUE.update(
    {
        "report.unknown": (
            "Laporan \u201c{name}\u201d tidak ada; pilih salah satu: {names}.",
            "There is no report \u201c{name}\u201d; choose one of: {names}.",
        ),
        "report.format": (
            "Berkas laporan {path} harus berakhiran .pdf atau .xlsx.",
            "The report file {path} must end in .pdf or .xlsx.",
        ),
        "report.no_programme": (
            "Belum ada program bantuan iuran; buat program dulu untuk laporan ini.",
            "There is no contribution programme yet; create one first for this report.",
        ),
        "report.region_unknown": (
            "Wilayah {code} bukan kecamatan atau desa di kabupaten ini.",
            "Region {code} is not a kecamatan or village of this regency.",
        ),
    }
)

# -- sync between stations and the office (issue 6) ---------------------------------------------------
CATALOGUE.update(
    {
        "sync.no_keys": (
            "Kunci sinkronisasi tidak ada di {path}; daftarkan atau gabungkan stasiun ini dulu.",
            "The sync keys are missing from {path}; register or join this station first.",
        ),
        "sync.not_office": (
            "Komputer ini adalah stasiun desa, bukan kantor; hanya kantor yang mendaftarkan stasiun.",
            "This computer is a village station, not the office; only the office registers stations.",
        ),
        "sync.station_name": ("Nama stasiun tidak boleh kosong.", "The station name must not be empty."),
        "sync.station_exists": (
            "Stasiun \u201c{name}\u201d sudah terdaftar.",
            "Station \u201c{name}\u201d is already registered.",
        ),
        "sync.station_code_invalid": (
            "Kode stasiun \u201c{code}\u201d tidak bisa dipakai: dua atau tiga huruf kapital tanpa I dan O.",
            "Station code \u201c{code}\u201d cannot be used: two or three capital letters without I and O.",
        ),
        "sync.station_code_taken": (
            "Kode stasiun \u201c{code}\u201d sudah dipakai stasiun {name}.",
            "Station code \u201c{code}\u201d is already used by station {name}.",
        ),
        "sync.provisioning_unreadable": (
            "Berkas pendaftaran stasiun {path} tidak dapat dibaca.",
            "The station provisioning file {path} cannot be read.",
        ),
        "sync.provisioning_invalid": (
            "Berkas pendaftaran stasiun {path} tidak sah (tanda tangan kantor salah).",
            "The station provisioning file {path} is not valid (wrong office signature).",
        ),
        "sync.already_joined": (
            "Komputer ini sudah menjadi stasiun \u201c{name}\u201d.",
            "This computer is already station \u201c{name}\u201d.",
        ),
        "sync.no_station": (
            "Komputer ini belum menjadi stasiun atau kantor sinkronisasi.",
            "This computer is not a sync station or office yet.",
        ),
        "sync.office_needs_station": (
            "Di kantor, sebutkan stasiun tujuan paket (--station NAMA).",
            "At the office, name the station the package is for (--station NAME).",
        ),
        "sync.station_cannot_ack": (
            "Stasiun desa hanya mengirim paket ke kantor.",
            "A village station only sends packages to the office.",
        ),
        "sync.unknown_station": (
            "Stasiun \u201c{name}\u201d tidak dikenal.",
            "Station \u201c{name}\u201d is not known.",
        ),
        "sync.package_unreadable": (
            "Paket {path} tidak dapat dibaca ({detail}).",
            "Package {path} cannot be read ({detail}).",
        ),
        "sync.package_too_big": (
            "Paket {path} terlalu besar untuk sebuah paket sinkronisasi; ditolak.",
            "Package {path} is too big for a sync package; refused.",
        ),
        "sync.package_damaged": (
            "Paket {path} rusak atau telah diubah; tidak ada yang disimpan.",
            "Package {path} is damaged or was altered; nothing was saved.",
        ),
        "sync.package_members": (
            "Paket {path} berisi berkas yang tidak semestinya; ditolak.",
            "Package {path} contains unexpected files; refused.",
        ),
        "sync.not_for_us": (
            "Paket {path} ditujukan untuk stasiun lain.",
            "Package {path} is addressed to another station.",
        ),
        "sync.unknown_sender": (
            "Paket dari pengirim yang tidak dikenal ({sender}); ditolak.",
            "Package from an unknown sender ({sender}); refused.",
        ),
        "sync.bad_signature": (
            "Tanda tangan paket {path} tidak sah; ditolak.",
            "The signature of package {path} is not valid; refused.",
        ),
        "sync.package_replaced": (
            "Paket {package_id} sudah diimpor dengan isi lain; ditolak.",
            "Package {package_id} was already imported with other content; refused.",
        ),
        "sync.sequence_reused": (
            "Nomor urut {seq} dari {sender} sudah dipakai paket lain; ditolak.",
            "Sequence number {seq} from {sender} was already used by another package; refused.",
        ),
        "sync.foreign_changes": (
            "Paket dari {sender} memuat perubahan atas nama stasiun lain; ditolak.",
            "The package from {sender} carries changes in another station's name; refused.",
        ),
        "sync.conflict_unknown": (
            "Konflik {id} tidak ada (lagi).",
            "Conflict {id} does not exist (any more).",
        ),
        "sync.record_refused": (
            "{name}: {field} ditolak — {reason} Data ini tidak disimpan; perbaiki di stasiun lalu kirim lagi.",
            "{name}: {field} refused — {reason} This record was not saved; correct it at the station and send it again.",
        ),
        "sync.value_invalid": (
            "Isian {field} tidak berbentuk yang benar.",
            "The field {field} does not have the right form.",
        ),
        "sync.value_too_long": (
            "Isian {field} lebih dari {limit} huruf.",
            "The field {field} is longer than {limit} characters.",
        ),
        "sync.value_choice": (
            "Isian {field} berisi “{value}”, yang bukan pilihan yang ada.",
            "The field {field} holds “{value}”, which is not one of the choices.",
        ),
        "sync.value_date": (
            "Isian {field} bukan tanggal yang sah.",
            "The field {field} is not a valid date.",
        ),
        "sync.value_money": (
            "Isian {field} harus jumlah rupiah bulat.",
            "The field {field} must be a whole number of rupiah.",
        ),
        "sync.merge_same": (
            "Sebuah data tidak dapat digabung dengan dirinya sendiri.",
            "A record cannot be merged with itself.",
        ),
        "sync.merge_unknown": (
            "Data {uid} tidak ada di sini.",
            "Record {uid} does not exist here.",
        ),
        "sync.merge_tombstone": (
            "Data {uid} sudah digabung ke data lain.",
            "Record {uid} has already been merged into another.",
        ),
        "sync.schema_version": (
            "Paket {path} dibuat oleh versi aplikasi lain (format {found}, di sini {expected}); perbarui "
            "aplikasi di kedua komputer lalu ekspor ulang. Tidak ada yang disimpan.",
            "Package {path} was made by another version of the application (format {found}, here "
            "{expected}); update the application on both computers and export again. Nothing was saved.",
        ),
    }
)
