<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name>ActionListModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Dibiayai s.d.</source>
        <translation>Funded until</translation>
    </message>
    <message>
        <source>Bulan belum bayar</source>
        <translation>Unpaid months</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Siapa yang bertanggung jawab atas JamSos di kantor ini?</source>
        <translation>Who is responsible for JamSos in this office?</translation>
    </message>
    <message>
        <source>nama lengkap</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>Untuk saat ini hanya nama administrator yang dicatat. Akun pengguna dengan kata sandi dan hak akses datang bersama fitur keamanan data; sampai saat itu, lindungi laptop ini dengan kata sandi Windows.</source>
        <translation type="vanished">For now only the administrator&apos;s name is recorded. User accounts with passwords and permissions come with the data-safety feature; until then, protect this laptop with a Windows password.</translation>
    </message>
    <message>
        <source>Administrator masuk dengan nama pengguna dan kata sandi ini, lalu membuat akun untuk petugas lain (operator, verifikator). Kata sandi paling sedikit 8 karakter; simpan di tempat aman, karena tanpa kata sandi data tidak bisa dibuka.</source>
        <translation>The administrator logs in with this user name and password, then creates accounts for the other clerks (operators, verifiers). The password needs at least 8 characters; keep it somewhere safe, because without it the data cannot be opened.</translation>
    </message>
    <message>
        <source>Akun administrator sudah ada; kata sandi diganti lewat menu Keamanan data.</source>
        <translation>The administrator account already exists; its password is changed from the Data safety menu.</translation>
    </message>
    <message>
        <source>Nama &amp;pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>&amp;Nama administrator</source>
        <translation>Administrator&apos;s &amp;name</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Memeriksa rantai jejak audit…</source>
        <translation>Checking the audit trail chain…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Nilai dihapus (anonimisasi setelah masa simpan).</source>
        <translation>Values removed (anonymised after the retention period).</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>(tanpa nilai)</source>
        <translation>(no value)</translation>
    </message>
    <message>
        <source>PERINGATAN: jejak audit telah diubah atau rusak ({detail}).</source>
        <translation>WARNING: the audit trail has been altered or damaged ({detail}).</translation>
    </message>
    <message>
        <source>Rantai jejak audit utuh: {count} entri.</source>
        <translation>The audit trail chain is intact: {count} entries.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Kalender Iuran</source>
        <translation>Contribution Calendar</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Hari libur…</source>
        <translation>Holidays…</translation>
    </message>
    <message>
        <source>Hari libur nasional dan cuti bersama yang menggeser jatuh tempo</source>
        <translation>National holidays and collective leave days that move due dates</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>NIK atau nama pekerja</source>
        <translation>Worker&apos;s NIK or name</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Catat peristiwa…</source>
        <translation>Record an event…</translation>
    </message>
    <message>
        <source>Meninggal, kecelakaan kerja, pindah atau mengundurkan diri: untuk pekerja yang ditampilkan</source>
        <translation>Death, work accident, moving away or withdrawing: for the worker shown</translation>
    </message>
    <message>
        <source>Bulan-bulan seorang pekerja</source>
        <translation>One worker&apos;s months</translation>
    </message>
    <message>
        <source>Ekspor .xlsx…</source>
        <translation>Export .xlsx…</translation>
    </message>
    <message>
        <source>Cetak PDF…</source>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <source>Daftar kerja bulan ini</source>
        <translation>This month&apos;s work list</translation>
    </message>
    <message>
        <source>%1 peserta, %2</source>
        <translation>%1 members, %2</translation>
    </message>
    <message>
        <source>memuat…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>%1 pekerja</source>
        <translation>%1 workers</translation>
    </message>
    <message>
        <source>Pekerja tidak ditemukan di program ini.</source>
        <translation>Worker not found in this programme.</translation>
    </message>
    <message>
        <source>NONAKTIF</source>
        <translation>INACTIVE</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>%1 — kepesertaan %2, %3 bulan belum dibayar berturut-turut</source>
        <translation>%1 — membership %2, %3 consecutive months unpaid</translation>
    </message>
    <message>
        <source>meninggal</source>
        <translation>deceased</translation>
    </message>
    <message>
        <source>pindah</source>
        <translation>moved away</translation>
    </message>
    <message>
        <source>mengundurkan diri</source>
        <translation>withdrew</translation>
    </message>
    <message>
        <source>%1 — keluar dari program %2 (%3); bulan sesudahnya tidak ditagih</source>
        <translation>%1 — left the programme on %2 (%3); later months are not billed</translation>
    </message>
    <message>
        <source>Pemda</source>
        <translation>Local government</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <source>Akan datang</source>
        <extracomment>The domain&apos;s Indonesian labels (calendar.py) of statuses, payers and action lists, shown through ``self.tr(label)``: listed here so that lupdate puts them in the .ts under this page&apos;s context.</extracomment>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Lunas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Tidak dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Pemda/penyandang dana</source>
        <translation>Local government/funder</translation>
    </message>
    <message>
        <source>Pembiayaan berakhir bulan ini/depan</source>
        <translation>Funding ends this/next month</translation>
    </message>
    <message>
        <source>Terlambat bayar mandiri</source>
        <translation>Late self-payers</translation>
    </message>
    <message>
        <source>Kepesertaan nonaktif</source>
        <translation>Inactive membership</translation>
    </message>
    <message>
        <source>%1, %2, jatuh tempo %3</source>
        <translation>%1, %2, due %3</translation>
    </message>
    <message>
        <source>Ekspor daftar</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cetak daftar ke PDF</source>
        <translation>Print list to PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Menyiapkan PDF…</source>
        <translation>Preparing PDF…</translation>
    </message>
    <message>
        <source>%1 baris disimpan ke %2</source>
        <translation>%1 rows saved to %2</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Lembar A4 (10 kartu, garis potong)</source>
        <extracomment>The domain&apos;s Indonesian layout names (``CardLayout.label``), shown through ``self.tr(label)``: listed here so that lupdate puts them in the .ts under this page&apos;s context.</extracomment>
        <translation>A4 sheet (10 cards, cut marks)</translation>
    </message>
    <message>
        <source>Satu kartu per halaman (printer kartu PVC)</source>
        <translation>One card per page (PVC card printer)</translation>
    </message>
    <message>
        <source>Kartu besar seremonial (A4 mendatar)</source>
        <translation>Large ceremonial card (A4 landscape)</translation>
    </message>
    <message>
        <source>Kartu</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Cetak kartu</source>
        <translation>Print cards</translation>
    </message>
    <message>
        <source>Penyerahan simbolis</source>
        <translation>Symbolic handover</translation>
    </message>
    <message>
        <source>Belum ada dokumen. Pilih pekerja lalu tekan “Buat kartu”.</source>
        <translation>No document yet. Choose the workers, then press “Make cards”.</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Cetak ke printer…</source>
        <translation>Print to printer…</translation>
    </message>
    <message>
        <source>Verifikasi kartu…</source>
        <translation>Verify card…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Siapa yang dicetak</source>
        <translation>Who is printed</translation>
    </message>
    <message>
        <source>Semua yang belum dicetak</source>
        <translation>Everyone not printed yet</translation>
    </message>
    <message>
        <source>Satu desa</source>
        <translation>One village</translation>
    </message>
    <message>
        <source>NIK tertentu</source>
        <translation>Particular NIKs</translation>
    </message>
    <message>
        <source>Semua pekerja aktif</source>
        <translation>All active workers</translation>
    </message>
    <message>
        <source>NIK dipisah spasi atau koma</source>
        <translation>NIKs separated by spaces or commas</translation>
    </message>
    <message>
        <source>Program terakhir tiap pekerja</source>
        <translation>Each worker&apos;s latest programme</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Tata letak</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Alasan cetak</source>
        <translation>Reason for printing</translation>
    </message>
    <message>
        <source>Buat kartu</source>
        <translation>Make cards</translation>
    </message>
    <message>
        <source>Acara baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Satu per baris, “Jabatan: Nama”; yang pertama menyerahkan</source>
        <translation>One per line, “Position: Name”; the first one hands over</translation>
    </message>
    <message>
        <source>Buat acara</source>
        <translation>Create event</translation>
    </message>
    <message>
        <source>Nama acara</source>
        <translation>Event name</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Pejabat</source>
        <translation>Officials</translation>
    </message>
    <message>
        <source>Cari pekerja (nama atau NIK) lalu Enter</source>
        <translation>Search for a worker (name or NIK), then Enter</translation>
    </message>
    <message>
        <source>Tambah penerima</source>
        <translation>Add recipient</translation>
    </message>
    <message>
        <source>Kartu seremonial</source>
        <translation>Ceremonial cards</translation>
    </message>
    <message>
        <source>Berita Acara</source>
        <translation>Handover minutes</translation>
    </message>
    <message>
        <source>Acara penyerahan</source>
        <translation>Handover event</translation>
    </message>
    <message>
        <source>Perwakilan penerima</source>
        <translation>Representative recipients</translation>
    </message>
    <message>
        <source>Menghitung kartu yang belum dicetak…</source>
        <translation>Counting the cards not printed yet…</translation>
    </message>
    <message>
        <source>{count} kartu belum dicetak (urutan pembagian: kecamatan, desa, nama)</source>
        <translation>{count} cards not printed yet (handed out by district, village, name)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3 penerima)</source>
        <translation>%1 — %2 (%3 recipients)</translation>
    </message>
    <message>
        <source>{cards} kartu, {pages} halaman, dicatat dengan nomor {first}–{last}.</source>
        <translation>{cards} cards, {pages} pages, recorded as numbers {first}–{last}.</translation>
    </message>
    <message>
        <source>Membuat kartu…</source>
        <translation>Making cards…</translation>
    </message>
    <message>
        <source>Logo tidak ditemukan</source>
        <translation>Logo not found</translation>
    </message>
    <message>
        <source>Cetak tanpa logo?</source>
        <translation>Print without a logo?</translation>
    </message>
    <message>
        <source>Acara dibuat.</source>
        <translation>Event created.</translation>
    </message>
    <message>
        <source>tanpa NIK</source>
        <translation>no NIK</translation>
    </message>
    <message>
        <source>{cards} kartu seremonial.</source>
        <translation>{cards} ceremonial cards.</translation>
    </message>
    <message>
        <source>Membuat kartu seremonial…</source>
        <translation>Making ceremonial cards…</translation>
    </message>
    <message>
        <source>Berita Acara Serah Terima.</source>
        <translation>Handover minutes (Berita Acara Serah Terima).</translation>
    </message>
    <message>
        <source>Membuat Berita Acara…</source>
        <translation>Making the handover minutes…</translation>
    </message>
    <message>
        <source>Selesai: {path}</source>
        <translation>Done: {path}</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Berkas tidak bisa disimpan: {detail}</source>
        <translation>The file could not be saved: {detail}</translation>
    </message>
    <message>
        <source>Disimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Mengirim ke printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>{pages} halaman dikirim ke printer.</source>
        <translation>{pages} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Program &amp; Iuran</source>
        <translation>Programmes &amp; Contributions</translation>
    </message>
    <message>
        <source>Di sini nanti dibuat program bantuan iuran (penyandang dana, bulan mulai, lama bantuan, iuran JKK + JKM per bulan) dan pekerja didaftarkan ke program itu. Halaman ini belum tersedia.</source>
        <translation>Contribution programmes will be created here (funder, start month, funded months, monthly JKK + JKM contribution), and workers enrolled in them. This page is not available yet.</translation>
    </message>
    <message>
        <source>Kalender Iuran</source>
        <translation>Contribution Calendar</translation>
    </message>
    <message>
        <source>Di sini nanti terlihat iuran tiap bulan: yang dibayar penyandang dana, yang dibayar mandiri, jatuh tempo tanggal 15, dan siapa yang menunggak. Halaman ini belum tersedia.</source>
        <translation>Each month&apos;s contributions will be shown here: paid by the funder, self-paid, due on the 15th, and who is in arrears. This page is not available yet.</translation>
    </message>
    <message>
        <source>Kartu</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Di sini nanti dicetak kartu bukti kepesertaan (lembar A4 atau printer kartu) dan kartu besar untuk penyerahan simbolis, dengan catatan setiap cetak ulang. Halaman ini belum tersedia.</source>
        <translation>Proof-of-enrolment cards will be printed here (A4 sheets or a card printer), and oversized cards for symbolic handovers, with a record of every reprint. This page is not available yet.</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Di sini nanti laptop desa dan kantor bertukar data lewat berkas paket yang ditandatangani, tanpa internet. Halaman ini belum tersedia.</source>
        <translation>Village laptops and the office will exchange data here through signed package files, without internet. This page is not available yet.</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Di sini nanti tampil ringkasan: jumlah pekerja per desa, kepesertaan aktif, anggaran terpakai dan tunggakan. Halaman ini belum tersedia.</source>
        <translation>A summary will be shown here: workers per village, active memberships, budget spent and arrears. This page is not available yet.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dasbor</source>
        <extracomment>The workers of a kecamatan (code) should be listed. A calendar action list (programme id, ``ActionList`` value) should be shown.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Seluruh kabupaten</source>
        <translation>Whole regency</translation>
    </message>
    <message>
        <source>Kec. %1</source>
        <translation>District %1</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>Belum ada program. %1 pekerja aktif terdaftar.</source>
        <translation type="vanished">No programme yet. %1 active workers registered.</translation>
    </message>
    <message>
        <source>%1 peserta dari %2 pekerja aktif; iuran %3 per bulan; per %4: %5 aktif, %6 terlambat, %7 nonaktif.</source>
        <translation type="vanished">%1 members of %2 active workers; contributions %3 per month; as of %4: %5 active, %6 late, %7 inactive.</translation>
    </message>
    <message>
        <source>(dihitung dalam %1 ms)</source>
        <translation>(calculated in %1 ms)</translation>
    </message>
    <message>
        <source>Peserta per kecamatan</source>
        <translation>Members per district</translation>
    </message>
    <message>
        <source>(%1 dari kuota %2)</source>
        <translation>(%1 of a quota of %2)</translation>
    </message>
    <message>
        <source>Pekerja aktif</source>
        <translation type="vanished">Active workers</translation>
    </message>
    <message>
        <source>Rekapitulasi per kecamatan dan desa</source>
        <extracomment>Calm, colour-blind-safe tones (Tableau 10 muted), one meaning each across the page. The report service&apos;s Indonesian names and descriptions (services/reports.py ``REPORT_LABELS``), shown through ``self.tr(...)``: listed here so that lupdate puts them in the .ts under this page&apos;s context.</extracomment>
        <translation>Summary by district and village</translation>
    </message>
    <message>
        <source>Pekerja terdaftar, aktif, ber-KPJ, ikut program dan sudah berkartu per desa</source>
        <translation>Workers registered, active, with a KPJ, enrolled in a programme and with a card, by village</translation>
    </message>
    <message>
        <source>Laporan iuran bulanan</source>
        <translation>Monthly contributions report</translation>
    </message>
    <message>
        <source>Iuran satu bulan per kecamatan: dibiayai pemda, mandiri, terlambat, nonaktif</source>
        <translation>One month&apos;s contributions by district: funded by the local government, self-paid, late, inactive</translation>
    </message>
    <message>
        <source>Realisasi anggaran APBD</source>
        <translation>APBD budget realisation</translation>
    </message>
    <message>
        <source>Rencana, realisasi dan sisa anggaran per penyandang dana, kecamatan dan tagihan</source>
        <translation>Planned, spent and remaining budget by funder, district and invoice</translation>
    </message>
    <message>
        <source>Pekerja mulai bayar mandiri</source>
        <translation>Workers starting to pay themselves</translation>
    </message>
    <message>
        <source>Pekerja yang pembiayaannya berakhir: mulai membayar sendiri bulan itu (untuk dikunjungi)</source>
        <translation>Workers whose funding ends and who pay themselves from that month (to be visited)</translation>
    </message>
    <message>
        <source>Kepesertaan nonaktif</source>
        <translation>Inactive membership</translation>
    </message>
    <message>
        <source>Peserta yang tidak membayar iuran beberapa bulan berturut-turut</source>
        <translation>Members who have not paid their contributions for several months in a row</translation>
    </message>
    <message>
        <source>Rekap pekerjaan</source>
        <translation>Summary by occupation</translation>
    </message>
    <message>
        <source>Jumlah pekerja per jenis pekerjaan, laki-laki dan perempuan</source>
        <translation>Number of workers by occupation, men and women</translation>
    </message>
    <message>
        <source>Belum ada program. %1 pekerja terdaftar.</source>
        <translation>No programme yet. %1 workers registered.</translation>
    </message>
    <message>
        <source>%1 peserta dari %2 pekerja terdaftar; iuran %3 per bulan; per %4: %5 aktif, %6 terlambat, %7 nonaktif.</source>
        <translation>%1 members of %2 registered workers; contributions %3 per month; as of %4: %5 active, %6 late, %7 inactive.</translation>
    </message>
    <message>
        <source>Pekerja terdaftar</source>
        <translation>Registered workers</translation>
    </message>
    <message>
        <source>Ikut program</source>
        <translation>In a programme</translation>
    </message>
    <message>
        <source>Kartu dicetak: %1 dari %2 peserta</source>
        <translation>Cards printed: %1 of %2 members</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Sudah berkartu</source>
        <translation>Card printed</translation>
    </message>
    <message>
        <source>Pembiayaan berakhir %1–%2: %3 pekerja</source>
        <translation>Funding ends %1–%2: %3 workers</translation>
    </message>
    <message>
        <source>Akhir %1</source>
        <translation>Ends %1</translation>
    </message>
    <message>
        <source>Pembiayaan berakhir %1–%2: tidak ada</source>
        <translation>Funding ends %1–%2: none</translation>
    </message>
    <message>
        <source>Kepesertaan per %1</source>
        <translation>Membership as of %1</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>peserta</source>
        <translation>members</translation>
    </message>
    <message>
        <source>Iuran dibayar per bulan (juta Rp)</source>
        <translation>Contributions paid per month (million Rp)</translation>
    </message>
    <message>
        <source>Pemda %1, mandiri %2</source>
        <translation>Local government %1, self-paid %2</translation>
    </message>
    <message>
        <source>Pemda (APBD)</source>
        <translation>Local government (APBD)</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <source>Otomatis (bulan ini / bulan depan)</source>
        <translation>Automatic (this month / next month)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Menyusun %1…</source>
        <translation>Preparing %1…</translation>
    </message>
    <message>
        <source>, %1 halaman</source>
        <translation>, %1 pages</translation>
    </message>
    <message>
        <source>Tersimpan: %1 (%2 baris%3)</source>
        <translation>Saved: %1 (%2 rows%3)</translation>
    </message>
</context>
<context>
    <name>DataFolderPage</name>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Basis data, cadangan dan log JamSos disimpan di folder ini.</source>
        <translation>The JamSos database, backups and logs are kept in this folder.</translation>
    </message>
    <message>
        <source>Saya mengerti risikonya dan tetap memakai folder ini</source>
        <translation>I understand the risk and will use this folder anyway</translation>
    </message>
    <message>
        <source>Folder ini aman untuk basis data: bukan folder awan dan bukan folder jaringan.</source>
        <translation>This folder is safe for the database: it is neither a cloud folder nor a network folder.</translation>
    </message>
    <message>
        <source>Folder ini disinkronkan oleh {service}. Aplikasi sinkronisasi menyalin berkas basis data di tengah penulisan dan bisa memulihkan salinan lama, sehingga data pendaftaran hilang atau rusak. Untuk berbagi data, pakai menu Sinkronisasi JamSos, bukan folder awan.</source>
        <translation>This folder is synchronised by {service}. Sync clients copy the database file in the middle of a write and may restore an old copy, so registrations are lost or the file is damaged. To share data, use JamSos&apos;s Synchronisation, not a cloud folder.</translation>
    </message>
    <message>
        <source>Folder ini ada di jaringan ({share}). Penguncian berkas di folder jaringan tidak andal, sehingga dua komputer bisa merusak basis data. Simpan data di disk laptop ini.</source>
        <translation>This folder is on the network ({share}). File locking on network folders is unreliable, so two computers can damage the database. Keep the data on this laptop&apos;s own disk.</translation>
    </message>
    <message>
        <source>Untuk memakai folder lain, tutup JamSos lalu jalankan dengan pilihan --data-dir FOLDER (atau variabel JAMSOS_DATA_DIR), misalnya folder bawaan %LOCALAPPDATA%\JamSos.</source>
        <translation>To use another folder, close JamSos and start it with the option --data-dir FOLDER (or the variable JAMSOS_DATA_DIR), for example the default folder %LOCALAPPDATA%\JamSos.</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Nonaktifkan pekerja</source>
        <translation>Deactivate worker</translation>
    </message>
    <message>
        <source>Kepesertaan {name} diakhiri. Datanya tidak dihapus dan tetap bisa dicari dengan filter status “Semua”.</source>
        <translation>{name}&apos;s membership ends. The data is not deleted and can still be found with the status filter “All”.</translation>
    </message>
    <message>
        <source>mis. pindah ke Pangkalpinang, surat kematian dari desa</source>
        <translation>e.g. moved to Pangkalpinang, death certificate from the village</translation>
    </message>
    <message>
        <source>Status baru</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Sejak tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Daftarkan peserta ke %1</source>
        <translation>Enrol members in %1</translation>
    </message>
    <message>
        <source>Semua pekerja aktif</source>
        <translation>All active workers</translation>
    </message>
    <message>
        <source>Pekerja dari desa/kelurahan terpilih</source>
        <translation>Workers from the selected villages</translation>
    </message>
    <message>
        <source>Pekerja terpilih (nomor pekerja, dipisah koma)</source>
        <translation>Selected workers (worker numbers, comma-separated)</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mulai bulan</source>
        <translation>Starting month</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Tidak ada peserta program yang cocok.</source>
        <translation>No programme member matches.</translation>
    </message>
    <message>
        <source>Kepesertaan berakhir pada bulan kematian; bulan sesudahnya tidak ditagih. &lt;b&gt;Santunan JKM %1&lt;/b&gt; untuk ahli waris; beasiswa untuk paling banyak 2 anak bila sudah 3 tahun menjadi peserta.</source>
        <translation>Membership ends with the month of death; later months are not billed. &lt;b&gt;JKM death benefit %1&lt;/b&gt; for the heirs; scholarships for up to 2 children after 3 years of membership.</translation>
    </message>
    <message>
        <source>Klaim JKK: perawatan sesuai kebutuhan medis dan santunan sementara tidak mampu bekerja. Kepesertaan tetap berjalan.</source>
        <translation>JKK claim: medical care as needed and benefit while temporarily unable to work. Membership continues.</translation>
    </message>
    <message>
        <source>Kepesertaan berakhir pada bulan tanggal keluar; bulan sesudahnya tidak dibiayai dan tidak ditagih.</source>
        <translation>Membership ends with the month of leaving; later months are neither funded nor billed.</translation>
    </message>
    <message>
        <source>Pilih dulu pekerjanya: cari dengan NIK, KPJ atau nama.</source>
        <translation>Choose the worker first: search by NIK, KPJ or name.</translation>
    </message>
    <message>
        <source>%1 dicatat untuk %2 (%3).</source>
        <translation>%1 recorded for %2 (%3).</translation>
    </message>
    <message>
        <source>Kepesertaan %1 berakhir %2 (%3).</source>
        <translation>Membership of %1 ends %2 (%3).</translation>
    </message>
    <message>
        <source>Kepesertaan %1 sudah berakhir sebelum tanggal itu; tidak ada yang diubah.</source>
        <translation>The membership of %1 had already ended before that date; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Catat peristiwa peserta</source>
        <translation>Record a member&apos;s event</translation>
    </message>
    <message>
        <source>&amp;Pekerja</source>
        <translation>&amp;Worker</translation>
    </message>
    <message>
        <source>NIK, KPJ atau nama peserta program</source>
        <translation>NIK, KPJ or name of a programme member</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>P&amp;eristiwa</source>
        <translation>&amp;Event</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>dd-MM-yyyy</source>
        <translation>dd-MM-yyyy</translation>
    </message>
    <message>
        <source>Ahli waris / keluarga yang dihubungi untuk klaim</source>
        <translation>Heir / family member to contact for the claim</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Hubungan</source>
        <translation>&amp;Relationship</translation>
    </message>
    <message>
        <source>No. &amp;HP</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>0812xxxxxxxx</source>
        <translation>0812xxxxxxxx</translation>
    </message>
    <message>
        <source>C&amp;atatan</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>mis. tempat kejadian, rumah sakit, nomor berkas klaim</source>
        <translation>e.g. place of the event, hospital, claim file number</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Catat peristiwa…</source>
        <translation>Record an event…</translation>
    </message>
    <message>
        <source>Ubah status klaim</source>
        <translation>Change claim status</translation>
    </message>
    <message>
        <source>Status klaim terpilih:</source>
        <translation>Claim status of the selected event:</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peristiwa</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Santunan JKM</source>
        <translation>JKM benefit</translation>
    </message>
    <message>
        <source>Beasiswa anak</source>
        <translation>Children&apos;s scholarship</translation>
    </message>
    <message>
        <source>Status klaim</source>
        <translation>Claim status</translation>
    </message>
    <message>
        <source>Tanggal keluar</source>
        <translation>Exit date</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Bulan terakhir</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>berhak (%1 bln)</source>
        <translation>eligible (%1 mo.)</translation>
    </message>
    <message>
        <source>belum (%1 bln)</source>
        <translation>not yet (%1 mo.)</translation>
    </message>
    <message>
        <source>%1 meninggal, %2 kecelakaan kerja</source>
        <translation>%1 deaths, %2 work accidents</translation>
    </message>
    <message>
        <source>Keluar dari program (pindah, mengundurkan diri, tidak aktif): %1 orang</source>
        <translation>Left the programme (moved, withdrew, lapsed): %1 people</translation>
    </message>
    <message>
        <source>Status klaim %1: %2</source>
        <translation>Claim status of %1: %2</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Pengaturan awal JamSos</source>
        <translation>JamSos first-run setup</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Logo tidak bisa disalin: {detail}</source>
        <translation>The logo could not be copied: {detail}</translation>
    </message>
    <message>
        <source>Pengaturan belum disimpan</source>
        <translation>Setup not saved</translation>
    </message>
</context>
<context>
    <name>FunderPaymentDialog</name>
    <message>
        <source>Pembayaran tagihan BPJS oleh penyandang dana</source>
        <translation>Payment of a BPJS bill by the funder</translation>
    </message>
    <message>
        <source>Penyandang dana</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Nomor tagihan</source>
        <translation>Bill number</translation>
    </message>
    <message>
        <source>Dari bulan</source>
        <translation>From month</translation>
    </message>
    <message>
        <source>Sampai bulan</source>
        <translation>To month</translation>
    </message>
    <message>
        <source>Seharusnya</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Catat walau jumlah berbeda (selisih dicatat)</source>
        <translation>Record even though the amount differs (the difference is recorded)</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Panduan JamSos</source>
        <translation>JamSos guide</translation>
    </message>
    <message>
        <source>Tentang JamSos</source>
        <translation>About JamSos</translation>
    </message>
    <message>
        <source>&lt;b&gt;JamSos Desktop&lt;/b&gt; versi {version}</source>
        <translation>&lt;b&gt;JamSos Desktop&lt;/b&gt; version {version}</translation>
    </message>
    <message>
        <source>Pendaftaran pekerja rentan peserta BPJS Ketenagakerjaan (JKK dan JKM) untuk Dinas Sosial.

Dibuat dengan Python (lisensi PSF), Qt 6 dan PySide6 (LGPL v3), SQLAlchemy dan Alembic (MIT), reportlab (BSD), openpyxl (MIT), Pillow (MIT-CMU) dan SQLite (domain publik). Ikon: set ikon JamSos, CC0.

Data kode wilayah Kemendagri 2025 dari proyek cahyadsn/wilayah, © 2017–2025 Cahya DSN, lisensi MIT (teks lengkap di Detail).</source>
        <translation>Registry of vulnerable workers enrolled in BPJS Ketenagakerjaan (JKK and JKM) for social offices.

Built with Python (PSF licence), Qt 6 and PySide6 (LGPL v3), SQLAlchemy and Alembic (MIT), reportlab (BSD), openpyxl (MIT), Pillow (MIT-CMU) and SQLite (public domain). Icons: the JamSos icon set, CC0.

Kemendagri 2025 region codes from the cahyadsn/wilayah project, © 2017–2025 Cahya DSN, MIT licence (full text under Details).</translation>
    </message>
    <message>
        <source>&amp;Panduan JamSos</source>
        <translation>JamSos &amp;guide</translation>
    </message>
    <message>
        <source>&amp;Tentang JamSos</source>
        <translation>&amp;About JamSos</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Hanya verifikator atau administrator yang boleh mengubah daftar hari libur.</source>
        <extracomment>The list moves every due date: a verifier&apos;s or administrator&apos;s change (the service refuses it to an operator too); an operator still reads the list and the year&apos;s due dates.</extracomment>
        <translation>Only a verifier or an administrator may change the holiday list.</translation>
    </message>
    <message>
        <source>%1 hari libur</source>
        <translation>%1 holidays</translation>
    </message>
    <message>
        <source>%1: %2 (libur %3)</source>
        <translation>%1: %2 (holiday %3)</translation>
    </message>
    <message>
        <source>Bergeser karena hari libur: %1</source>
        <translation>Moved by a holiday: %1</translation>
    </message>
    <message>
        <source>Tidak ada jatuh tempo tahun ini yang bergeser karena hari libur.</source>
        <translation>No due date of this year is moved by a holiday.</translation>
    </message>
    <message>
        <source>Tanggal %1 sudah ada di daftar; pilih barisnya lalu Simpan perubahan.</source>
        <translation>%1 is already in the list; select its row, then Save changes.</translation>
    </message>
    <message>
        <source>%1 ditambahkan: %2</source>
        <translation>%1 added: %2</translation>
    </message>
    <message>
        <source>Hari libur disimpan: %1 %2</source>
        <translation>Holiday saved: %1 %2</translation>
    </message>
    <message>
        <source>%1 dihapus dari daftar libur.</source>
        <translation>%1 removed from the holiday list.</translation>
    </message>
    <message>
        <source>%1 libur tetap tahun %2 ditambahkan.</source>
        <translation>%1 fixed holidays of %2 added.</translation>
    </message>
    <message>
        <source>Impor daftar hari libur</source>
        <translation>Import a holiday list</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Dibaca %1 baris: %2 ditambahkan, %3 diubah, %4 ditolak.</source>
        <translation>Read %1 rows: %2 added, %3 changed, %4 rejected.</translation>
    </message>
    <message>
        <source>Baris %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Hari libur nasional dan cuti bersama</source>
        <translation>National holidays and collective leave</translation>
    </message>
    <message>
        <source>Jatuh tempo iuran tanggal 15; bila tanggal 15 jatuh pada Sabtu, Minggu atau hari libur di daftar ini, jatuh tempo pindah ke hari kerja berikutnya.</source>
        <translation>Contributions are due on the 15th; when the 15th is a Saturday, a Sunday or a holiday in this list, the due date moves to the next working day.</translation>
    </message>
    <message>
        <source>&amp;Tahun</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>Tambah libur &amp;tetap</source>
        <translation>Add &amp;fixed holidays</translation>
    </message>
    <message>
        <source>1 Januari, 1 Mei, 1 Juni, 17 Agustus dan 25 Desember tahun ini</source>
        <translation>1 January, 1 May, 1 June, 17 August and 25 December of this year</translation>
    </message>
    <message>
        <source>&amp;Impor daftar…</source>
        <translation>&amp;Import a list…</translation>
    </message>
    <message>
        <source>Lembar kerja (.xlsx atau .csv) dengan kolom tanggal dan keterangan, mis. daftar SKB 3 Menteri</source>
        <translation>A spreadsheet (.xlsx or .csv) with a date column and a name column, e.g. the joint ministerial decree&apos;s list</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tambah atau ubah</source>
        <translation>Add or change</translation>
    </message>
    <message>
        <source>Tangga&amp;l</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>dd-MM-yyyy</source>
        <translation>dd-MM-yyyy</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>mis. Idulfitri 1448 H</source>
        <translation>e.g. Eid al-Fitr 1448 H</translation>
    </message>
    <message>
        <source>T&amp;ambah</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Simpan perubahan</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Jatuh tempo tahun ini</source>
        <translation>Due dates of this year</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Diimpor</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Impor daftar pekerja dari Excel</source>
        <translation>Import a worker list from Excel</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih daftar pekerja dari desa (.xlsx atau .csv). Baris judul kolom dicari otomatis; data diperiksa dulu dan belum disimpan sebelum Anda menyetujuinya.</source>
        <translation>Choose a village worker list (.xlsx or .csv). The header row is found automatically; the data is checked first and nothing is saved until you agree.</translation>
    </message>
    <message>
        <source>Berkas daftar pekerja</source>
        <translation>Worker list file</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Periksa berkas</source>
        <translation>Check file</translation>
    </message>
    <message>
        <source>Periksa dengan pemetaan ini</source>
        <translation>Check with this mapping</translation>
    </message>
    <message>
        <source>Ubah pemetaan kolom</source>
        <translation>Change column mapping</translation>
    </message>
    <message>
        <source>Simpan laporan per baris…</source>
        <translation>Save row-by-row report…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih daftar pekerja</source>
        <translation>Choose a worker list</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Lembar kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Pilih berkas daftar pekerja dulu.</source>
        <translation>Choose a worker list file first.</translation>
    </message>
    <message>
        <source>Membaca dan memeriksa berkas…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <source>Beberapa kolom tidak dikenali. Pilih isi setiap kolom, atau “abaikan”.</source>
        <translation>Some columns were not recognised. Choose what each holds, or “ignore”.</translation>
    </message>
    <message>
        <source>Kolom wajib belum ditemukan: %1.</source>
        <translation>Required columns not found yet: %1.</translation>
    </message>
    <message>
        <source>(abaikan)</source>
        <translation>(ignore)</translation>
    </message>
    <message>
        <source>Memeriksa ulang…</source>
        <translation>Checking again…</translation>
    </message>
    <message>
        <source>Baris %1 lembar “%2”: %3 baris dibaca — %4 baru, %5 diperbarui, %6 tidak berubah, %7 ditolak (%8 NIK ganda). Arahkan tetikus ke sel berwarna untuk melihat alasannya.</source>
        <translation>Header in row %1 of sheet “%2”: %3 rows read — %4 new, %5 updated, %6 unchanged, %7 rejected (%8 duplicate NIKs). Hover over a coloured cell to see why.</translation>
    </message>
    <message>
        <source>Simpan %1 pekerja</source>
        <translation>Save %1 workers</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tersimpan: %1 pekerja baru, %2 diperbarui, %3 tidak berubah. %4 baris ditolak; simpan laporan per baris untuk dikirim kembali ke desa agar diperbaiki.</source>
        <translation>Saved: %1 new workers, %2 updated, %3 unchanged. %4 rows were rejected; save the row-by-row report and send it back to the village to be corrected.</translation>
    </message>
    <message>
        <source>Menulis laporan…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Laporan disimpan: %1</source>
        <translation>Report saved: %1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Bahasa / Language</source>
        <extracomment>Language code -&gt; its own name (shown in its own language, so a clerk can always find his). Translation files per language, under resources/translations.</extracomment>
        <translation>&amp;Language / Bahasa</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk ke JamSos</source>
        <translation>Log in to JamSos</translation>
    </message>
    <message>
        <source>JamSos terkunci</source>
        <translation>JamSos is locked</translation>
    </message>
    <message>
        <source>Masukkan nama pengguna dan kata sandi Anda.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>JamSos dikunci karena lama tidak dipakai. Masukkan kata sandi untuk melanjutkan.</source>
        <translation>JamSos was locked because it was not used for a while. Enter your password to continue.</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>&amp;Keluar dari JamSos</source>
        <translation>&amp;Quit JamSos</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter the user name and the password.</translation>
    </message>
</context>
<context>
    <name>LogoPage</name>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Logo kantor untuk kartu dan kop surat (PNG atau JPG). Boleh dilewati dan dipasang nanti.</source>
        <translation>The office logo for cards and letterheads (PNG or JPG). You may skip this and add it later.</translation>
    </message>
    <message>
        <source>Belum ada logo</source>
        <translation>No logo yet</translation>
    </message>
    <message>
        <source>&amp;Pilih berkas logo…</source>
        <translation>&amp;Choose logo file…</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Berkas ini bukan gambar PNG, JPG atau BMP yang bisa dibaca.</source>
        <translation>This file is not a readable PNG, JPG or BMP image.</translation>
    </message>
    <message>
        <source>Berkas logo terlalu besar (lebih dari 5 MB).</source>
        <translation>The logo file is too large (more than 5 MB).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JamSos — Pendaftaran Pekerja Rentan</source>
        <translation>JamSos — Vulnerable Workers Registry</translation>
    </message>
    <message>
        <source>Pekerja</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Pe&amp;ngaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Basis data: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>{total} pekerja terdaftar, {active} aktif</source>
        <translation>{total} workers registered, {active} active</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Kantor</source>
        <extracomment>The administrator&apos;s account (data safety): created when a password is given and none exists.</extracomment>
        <translation>Office</translation>
    </message>
    <message>
        <source>Selamat datang di JamSos. Isi nama kantor dan kabupaten/kota tempat pekerja terdaftar. Semua ini bisa diubah nanti.</source>
        <translation>Welcome to JamSos. Enter the office&apos;s name and the regency or city where its workers are registered. All of this can be changed later.</translation>
    </message>
    <message>
        <source>mis. Dinas Sosial PPPA Kabupaten Bangka Selatan</source>
        <translation>e.g. Dinas Sosial PPPA Kabupaten Bangka Selatan</translation>
    </message>
    <message>
        <source>&amp;Nama kantor</source>
        <translation>Office &amp;name</translation>
    </message>
    <message>
        <source>&amp;Provinsi</source>
        <translation>&amp;Province</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota</source>
        <translation>&amp;Regency/city</translation>
    </message>
    <message>
        <source>Kabupaten/kota menentukan daftar kecamatan dan desa. Setelah ada pekerja terdaftar, kabupaten/kota tidak bisa diganti lagi.</source>
        <translation>The regency or city sets the list of districts and villages. Once workers are registered, it can no longer be changed.</translation>
    </message>
</context>
<context>
    <name>PackageOpener</name>
    <message>
        <source>Berkas paket {name} tidak ditemukan.</source>
        <translation>The package file {name} was not found.</translation>
    </message>
    <message>
        <source>Berkas paket {name} diterima, tetapi versi JamSos ini belum bisa mengimpor paket sinkronisasi. Simpan berkas itu dan impor setelah JamSos diperbarui.</source>
        <translation>The package file {name} was received, but this version of JamSos cannot import sync packages yet. Keep the file and import it after JamSos is updated.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Ubah program</source>
        <translation>Edit programme</translation>
    </message>
    <message>
        <source>Program baru</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>Nama program</source>
        <translation>Programme name</translation>
    </message>
    <message>
        <source>Bulan mulai</source>
        <translation>Start month</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Lama dibiayai</source>
        <translation>Funded months</translation>
    </message>
    <message>
        <source>Penghasilan yang dilaporkan</source>
        <translation>Declared income</translation>
    </message>
    <message>
        <source>Termasuk JHT (2%)</source>
        <translation>Include JHT (2%)</translation>
    </message>
    <message>
        <source>Iuran per bulan</source>
        <translation>Monthly contribution</translation>
    </message>
    <message>
        <source>tanpa kuota</source>
        <translation>no quota</translation>
    </message>
    <message>
        <source>Kuota peserta</source>
        <translation>Member quota</translation>
    </message>
    <message>
        <source>Nonaktif setelah tunggakan</source>
        <translation>Inactive after arrears of</translation>
    </message>
    <message>
        <source>Bulan kalender yang sama untuk semua</source>
        <translation>The same calendar months for everyone</translation>
    </message>
    <message>
        <source>N bulan sejak mulai tiap pekerja</source>
        <translation>N months from each worker&apos;s start</translation>
    </message>
    <message>
        <source>Masa dibiayai</source>
        <translation>Funded period</translation>
    </message>
    <message>
        <source>Rentang kalender</source>
        <translation>Calendar range</translation>
    </message>
    <message>
        <source>Penyandang dana</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Bagian %</source>
        <translation>Share %</translation>
    </message>
    <message>
        <source>Kuota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Tambah penyandang dana</source>
        <translation>Add funder</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Penyandang dana (bagi pekerja dengan bagian % atau kuota)</source>
        <translation>Funders (split workers by share % or quota)</translation>
    </message>
    <message>
        <source>%1 (JKK 1% + JKM Rp6.800)</source>
        <translation>%1 (JKK 1% + JKM Rp6,800)</translation>
    </message>
</context>
<context>
    <name>ProgrammeEvents</name>
    <message>
        <source>Meninggal dunia</source>
        <extracomment>What the clerk picks: an event to follow (death, accident) or an exit from the programme.</extracomment>
        <translation>Death</translation>
    </message>
    <message>
        <source>Kecelakaan kerja</source>
        <translation>Work accident</translation>
    </message>
    <message>
        <source>Pindah domisili (keluar dari program)</source>
        <translation>Moved away (leaves the programme)</translation>
    </message>
    <message>
        <source>Mengundurkan diri (keluar dari program)</source>
        <translation>Withdrew (leaves the programme)</translation>
    </message>
    <message>
        <source>Tidak aktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Dilaporkan</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Diajukan ke BPJS</source>
        <translation>Submitted to BPJS</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Suami/Istri</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Cucu</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>Kakek/Nenek</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Saudara kandung</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>Mertua</source>
        <translation>Parent-in-law</translation>
    </message>
    <message>
        <source>Penerima wasiat</source>
        <translation>Named in a will</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Program pertama</source>
        <translation>First programme</translation>
    </message>
    <message>
        <source>Program bantuan iuran: siapa yang membayar, mulai bulan apa, berapa bulan. Boleh dilewati dan dibuat nanti di halaman Program &amp; Iuran.</source>
        <translation>A contribution programme: who pays, from which month, for how many months. You may skip this and create it later on the Programmes &amp; Contributions page.</translation>
    </message>
    <message>
        <source>Buat program pertama sekarang</source>
        <translation>Create the first programme now</translation>
    </message>
    <message>
        <source>mis. Perlindungan Pekerja Rentan {year}</source>
        <translation>e.g. Vulnerable Workers Protection {year}</translation>
    </message>
    <message>
        <source>mis. APBD Kabupaten Bangka Selatan</source>
        <translation>e.g. APBD Kabupaten Bangka Selatan</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Iuran per pekerja per bulan: {amount} (JKK {jkk} + JKM {jkm}), dibayar penyandang dana.</source>
        <translation>Contribution per worker per month: {amount} (JKK {jkk} + JKM {jkm}), paid by the funder.</translation>
    </message>
    <message>
        <source>&amp;Nama program</source>
        <translation>Programme &amp;name</translation>
    </message>
    <message>
        <source>&amp;Penyandang dana</source>
        <translation>&amp;Funder</translation>
    </message>
    <message>
        <source>Bulan &amp;mulai</source>
        <translation>&amp;Start month</translation>
    </message>
    <message>
        <source>&amp;Lama bantuan</source>
        <translation>Funded &amp;months</translation>
    </message>
</context>
<context>
    <name>ProgramsPage</name>
    <message>
        <source>Program &amp; Iuran</source>
        <translation>Programmes &amp; Contributions</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Penyandang dana</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Dibiayai</source>
        <translation>Funded</translation>
    </message>
    <message>
        <source>Iuran/bulan</source>
        <translation>Per month</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Program baru</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Daftarkan peserta</source>
        <translation>Enrol members</translation>
    </message>
    <message>
        <source>Bayar tagihan (pemda)</source>
        <translation>Pay bill (local government)</translation>
    </message>
    <message>
        <source>Iuran mandiri</source>
        <translation>Self-paid contribution</translation>
    </message>
    <message>
        <source>Impor kuitansi…</source>
        <translation>Import receipts…</translation>
    </message>
    <message>
        <source>Batalkan pembayaran</source>
        <translation>Reverse payment</translation>
    </message>
    <message>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Penyandang dana / kecamatan</source>
        <translation>Funder / district</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <source>Rencana bila kuota terisi</source>
        <translation>Planned if the quota fills</translation>
    </message>
    <message>
        <source>Tagihan</source>
        <translation>Bill</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Seharusnya</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pembayaran pemda</source>
        <translation>Local government payments</translation>
    </message>
    <message>
        <source>Iuran mandiri (200 terakhir)</source>
        <translation>Self-paid contributions (last 200)</translation>
    </message>
    <message>
        <source>Peristiwa dan klaim</source>
        <translation>Events and claims</translation>
    </message>
    <message>
        <source>%1 bulan</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <source>Hanya verifikator atau administrator yang boleh melakukan ini.</source>
        <translation>Only a verifier or an administrator may do this.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peserta&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Rencana&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Dibayar&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Sisa&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Iuran mandiri masuk&lt;/b&gt; %5</source>
        <translation>&lt;b&gt;Members&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Planned&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Paid&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Outstanding&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Self-paid received&lt;/b&gt; %5</translation>
    </message>
    <message>
        <source>Jika kuota %1 terisi: rencana %2</source>
        <translation type="vanished">If the quota of %1 is filled: planned %2</translation>
    </message>
    <message>
        <source>Kec. %1</source>
        <translation>District %1</translation>
    </message>
    <message>
        <source>pembatalan</source>
        <translation>reversal</translation>
    </message>
    <message>
        <source>dibatalkan</source>
        <translation>reversed</translation>
    </message>
    <message>
        <source>&lt;i&gt;Program tanpa kuota: tidak ada perkiraan bila kuota terisi.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Programme without a quota: no forecast for a full quota.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kuota %1 sudah terisi&lt;/b&gt; (%2 peserta): rencana tetap %3.</source>
        <translation>&lt;b&gt;The quota of %1 is full&lt;/b&gt; (%2 members): the plan stays at %3.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bila kuota %1 terisi&lt;/b&gt;: %2 pekerja lagi yang mulai %3 tidak mendapat bulan dibiayai (masa pembiayaan sudah lewat); rencana tetap &lt;b&gt;%4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;If the quota of %1 fills&lt;/b&gt;: the %2 more workers joining from %3 get no funded month (the funding period is over); the plan stays at &lt;b&gt;%4&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bila kuota %1 terisi&lt;/b&gt;: %2 pekerja lagi mulai %3, masing-masing %4 bulan dibiayai × %5 = tambahan &lt;b&gt;%6&lt;/b&gt;; rencana menjadi &lt;b&gt;%7&lt;/b&gt;.</source>
        <translation>&lt;b&gt;If the quota of %1 fills&lt;/b&gt;: %2 more workers from %3, %4 funded months each × %5 = &lt;b&gt;%6&lt;/b&gt; more; the plan becomes &lt;b&gt;%7&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Program disimpan: %1</source>
        <translation>Programme saved: %1</translation>
    </message>
    <message>
        <source>Mendaftarkan peserta…</source>
        <translation>Enrolling members…</translation>
    </message>
    <message>
        <source>%1 pekerja didaftarkan (total %2).</source>
        <translation>%1 workers enrolled (total %2).</translation>
    </message>
    <message>
        <source>%1 ditolak karena ikut program lain.</source>
        <translation>%1 refused because they are in another programme.</translation>
    </message>
    <message>
        <source>Tagihan %1 dicatat: %2</source>
        <translation>Bill %1 recorded: %2</translation>
    </message>
    <message>
        <source>sudah tercatat sebelumnya</source>
        <translation>already recorded earlier</translation>
    </message>
    <message>
        <source>dicatat</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>Kuitansi %1 %2.</source>
        <translation>Receipt %1 %2.</translation>
    </message>
    <message>
        <source>Impor kuitansi iuran mandiri</source>
        <translation>Import self-paid contribution receipts</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Dibaca %1, dicatat %2, duplikat %3, ditolak %4.</source>
        <translation>Read %1, recorded %2, duplicates %3, refused %4.</translation>
    </message>
    <message>
        <source>Baris %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>Pilih pembayaran yang akan dibatalkan pada tab pembayaran.</source>
        <translation>Select the payment to reverse on the payments tab.</translation>
    </message>
    <message>
        <source>Alasan pembatalan:</source>
        <translation>Reason for the reversal:</translation>
    </message>
    <message>
        <source>Pembayaran dibatalkan dengan catatan pembatalan.</source>
        <translation>Payment reversed with a reversal record.</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>&amp;Keamanan data</source>
        <translation>&amp;Data safety</translation>
    </message>
    <message>
        <source>Pen&amp;gguna…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>&amp;Jejak audit…</source>
        <translation>&amp;Audit trail…</translation>
    </message>
    <message>
        <source>&amp;Cadangkan sekarang</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Cadangkan ke &amp;USB (terenkripsi)…</source>
        <translation>Back up to &amp;USB (encrypted)…</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>Periksa &amp;keutuhan basis data</source>
        <translation>Check the database&apos;s &amp;integrity</translation>
    </message>
    <message>
        <source>&amp;Ekspor data pribadi satu orang…</source>
        <translation>&amp;Export one person&apos;s personal data…</translation>
    </message>
    <message>
        <source>&amp;Kunci sekarang</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Mencadangkan…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Cadangan disimpan: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Cadangan harian: {path}</source>
        <translation>Daily backup: {path}</translation>
    </message>
    <message>
        <source>Pemeriksaan basis data</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>Cadangkan ke USB</source>
        <translation>Back up to USB</translation>
    </message>
    <message>
        <source>Cadangan JamSos (*.jamsosbak)</source>
        <translation>JamSos backups (*.jamsosbak)</translation>
    </message>
    <message>
        <source>Mencadangkan ke {path}…</source>
        <translation>Backing up to {path}…</translation>
    </message>
    <message>
        <source>Cadangan terenkripsi disimpan: {path}</source>
        <translation>Encrypted backup saved: {path}</translation>
    </message>
    <message>
        <source>Frasa sandi</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Frasa sandi cadangan (paling sedikit 8 karakter):</source>
        <translation>Backup passphrase (at least 8 characters):</translation>
    </message>
    <message>
        <source>Ulangi frasa sandi:</source>
        <translation>Repeat the passphrase:</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Cadangan JamSos (*.sqlite3 *.jamsosbak)</source>
        <translation>JamSos backups (*.sqlite3 *.jamsosbak)</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Semua data sekarang diganti dengan isi cadangan ini. Keadaan sekarang dicadangkan dulu. Lanjutkan?</source>
        <translation>All current data will be replaced by this backup&apos;s contents. The current state is backed up first. Continue?</translation>
    </message>
    <message>
        <source>Pemulihan ditolak</source>
        <translation>Restore refused</translation>
    </message>
    <message>
        <source>Data sudah dipulihkan. JamSos ditutup sekarang; buka lagi untuk melanjutkan.</source>
        <translation>The data has been restored. JamSos closes now; open it again to continue.</translation>
    </message>
    <message>
        <source>Basis data utuh.</source>
        <translation>The database is intact.</translation>
    </message>
    <message>
        <source>Jejak audit utuh: {count} entri.</source>
        <translation>The audit trail is intact: {count} entries.</translation>
    </message>
    <message>
        <source>Ekspor data pribadi</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <source>NIK:</source>
        <translation>NIK:</translation>
    </message>
    <message>
        <source>Simpan data pribadi</source>
        <translation>Save personal data</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Data pribadi disimpan: {path}</source>
        <translation>Personal data saved: {path}</translation>
    </message>
</context>
<context>
    <name>SelfPaymentDialog</name>
    <message>
        <source>Iuran mandiri</source>
        <translation>Self-paid contribution</translation>
    </message>
    <message>
        <source>NIK atau KPJ</source>
        <translation>NIK or KPJ</translation>
    </message>
    <message>
        <source>NIK/KPJ pekerja</source>
        <translation>Worker&apos;s NIK/KPJ</translation>
    </message>
    <message>
        <source>Nomor kuitansi</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Dari bulan</source>
        <translation>From month</translation>
    </message>
    <message>
        <source>Sampai bulan</source>
        <translation>To month</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Stasiun</source>
        <extracomment>Emitted on the UI thread after the inbox and conflicts were read (tests wait on it). Emitted with the service&apos;s result (ImportResult / ExportResult) or the error.</extracomment>
        <translation>Station</translation>
    </message>
    <message>
        <source>Paket terakhir</source>
        <translation>Last package</translation>
    </message>
    <message>
        <source>No. urut</source>
        <translation>Sequence no.</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Pekerja</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nilai yang tampil</source>
        <translation>Value shown</translation>
    </message>
    <message>
        <source>Nilai lain</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Pakai nilai yang tampil</source>
        <translation>Keep the value shown</translation>
    </message>
    <message>
        <source>Pakai nilai lain</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <source>Gabungkan: pertahankan data ini</source>
        <translation>Merge: keep this record</translation>
    </message>
    <message>
        <source>Gabungkan: pertahankan data lain</source>
        <translation>Merge: keep the other record</translation>
    </message>
    <message>
        <source>Satu orang terdaftar dua kali: data yang lain menjadi arsip yang menunjuk ke data yang dipertahankan; ahli waris, kepesertaan dan iurannya dipindahkan.</source>
        <translation>One person registered twice: the other record becomes an archive entry pointing to the one kept; its heirs, enrolments and payments move over.</translation>
    </message>
    <message>
        <source>Impor paket…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <source>Ekspor paket…</source>
        <translation>Export package…</translation>
    </message>
    <message>
        <source>Konflik terbuka</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programme</translation>
    </message>
    <message>
        <source>kalender libur</source>
        <translation>holiday calendar</translation>
    </message>
    <message>
        <source>kepesertaan</source>
        <translation>enrolments</translation>
    </message>
    <message>
        <source>iuran mandiri</source>
        <translation>self-payments</translation>
    </message>
    <message>
        <source>pembayaran penyandang dana</source>
        <translation>funder payments</translation>
    </message>
    <message>
        <source>cetak kartu</source>
        <translation>card prints</translation>
    </message>
    <message>
        <source>peristiwa (meninggal/kecelakaan)</source>
        <translation>events (deaths/accidents)</translation>
    </message>
    <message>
        <source>acara penyerahan kartu</source>
        <translation>card handover events</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Belum dikirim: %1 perubahan data pekerja; %2</source>
        <translation>Not sent yet: %1 worker changes; %2</translation>
    </message>
    <message>
        <source>Data diterima yang menunggu: %1; ditahan (nomor kuitansi/seri kartu sudah dipakai): %2</source>
        <translation>Received records waiting: %1; held (receipt number/card serial already used): %2</translation>
    </message>
    <message>
        <source>Komputer ini belum menjadi kantor atau stasiun sinkronisasi.</source>
        <translation>This computer is not yet the office or a sync station.</translation>
    </message>
    <message>
        <source>Komputer ini: %1</source>
        <translation>This computer: %1</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>%1 — juga dipakai %2</source>
        <translation>%1 — also used by %2</translation>
    </message>
    <message>
        <source>data lain</source>
        <translation>another record</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Tanpa NIK</source>
        <translation>No NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>No. KPJ</source>
        <translation>KPJ no.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tanggal berakhir</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Alasan berakhir</source>
        <translation>End reason</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>Data digabung.</source>
        <translation>Records merged.</translation>
    </message>
    <message>
        <source>Impor paket</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>Ekspor paket</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>Paket untuk %1 ditulis: %2 pekerja (%3 perubahan), nomor urut %4.
Berkas: %5</source>
        <translation>Package for %1 written: %2 workers (%3 changes), sequence number %4.
File: %5</translation>
    </message>
    <message>
        <source>Paket ini sudah pernah diimpor: tidak ada yang berubah.</source>
        <translation>This package was imported before: nothing changed.</translation>
    </message>
    <message>
        <source>Paket dari %1 diterapkan: pekerja baru %2, diubah %3, konflik %4.</source>
        <translation>Package from %1 applied: new workers %2, changed %3, conflicts %4.</translation>
    </message>
    <message>
        <source>Data ganda digabung: %1.</source>
        <translation>Duplicate records merged: %1.</translation>
    </message>
    <message>
        <source>Program, kepesertaan, iuran dan kartu diterima: %1; ditulis: %2; menunggu %3, ditahan %4</source>
        <translation>Programmes, enrolments, payments and cards received: %1; written: %2; waiting %3, held %4</translation>
    </message>
    <message>
        <source>Program, kepesertaan, iuran dan kartu dalam paket: %1</source>
        <translation>Programmes, enrolments, payments and cards in the package: %1</translation>
    </message>
    <message>
        <source>Belum lengkap (menunggu data lainnya): %1 pekerja</source>
        <translation>Incomplete (waiting for their other data): %1 workers</translation>
    </message>
    <message>
        <source>Data yang ditolak (tidak disimpan):</source>
        <translation>Refused records (not saved):</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <source>Pengguna baru</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Ubah peran {user}</source>
        <translation>Change the role of {user}</translation>
    </message>
    <message>
        <source>Kata sandi baru untuk {user}</source>
        <translation>New password for {user}</translation>
    </message>
    <message>
        <source>Kata sandi paling sedikit 8 karakter dan tidak sama dengan nama pengguna.</source>
        <translation>A password has at least 8 characters and is not the user name.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Administrator mengatur pengguna, pengaturan dan stasiun; verifikator menyetujui pendaftaran, menyelesaikan konflik dan mencatat pembayaran pemda; operator mengisi data dan mencetak.</source>
        <translation>Administrators manage users, settings and stations; verifiers approve registrations, resolve conflicts and record funder payments; operators enter data and print.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Login terakhir</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>&amp;Tambah pengguna…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>Ubah &amp;peran…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>Atur ulang &amp;kata sandi…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Buka kunci</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Terkunci sampai {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Aktifkan lagi</source>
        <translation>&amp;Reactivate</translation>
    </message>
    <message>
        <source>Pengguna {user} dibuat sebagai {role}.</source>
        <translation>User {user} created as {role}.</translation>
    </message>
    <message>
        <source>Peran {user} sekarang {role}.</source>
        <translation>{user} is now {role}.</translation>
    </message>
    <message>
        <source>Kata sandi {user} sudah diganti; akunnya juga tidak terkunci lagi.</source>
        <translation>The password of {user} is replaced; the account is no longer locked either.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>{user} tidak bisa masuk lagi sampai diaktifkan kembali. Lanjutkan?</source>
        <translation>{user} cannot log in until reactivated. Continue?</translation>
    </message>
    <message>
        <source>{user} dinonaktifkan.</source>
        <translation>{user} is deactivated.</translation>
    </message>
    <message>
        <source>{user} aktif lagi.</source>
        <translation>{user} is active again.</translation>
    </message>
    <message>
        <source>Kunci akun {user} dibuka.</source>
        <translation>The account of {user} is unlocked.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verifikasi kartu</source>
        <translation>Verify card</translation>
    </message>
    <message>
        <source>Pindai kode QR kartu, atau tempel teksnya lalu tekan Enter</source>
        <translation>Scan the card&apos;s QR code, or paste its text and press Enter</translation>
    </message>
    <message>
        <source>Teks kode QR:</source>
        <translation>QR code text:</translation>
    </message>
    <message>
        <source>NIK: {nik}</source>
        <translation>NIK: {nik}</translation>
    </message>
    <message>
        <source>KPJ: {kpj}</source>
        <translation>KPJ: {kpj}</translation>
    </message>
    <message>
        <source>Dicetak {when}</source>
        <translation>Printed {when}</translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>Data pekerja</source>
        <translation>Worker details</translation>
    </message>
    <message>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>16 digit, seperti di KTP</source>
        <translation>16 digits, as on the ID card</translation>
    </message>
    <message>
        <source>Belum punya NIK</source>
        <translation>No NIK yet</translation>
    </message>
    <message>
        <source>Tandai bila pekerja memang belum memiliki NIK. Jangan isi NIK pengganti.</source>
        <translation>Tick when the worker really has no NIK yet. Never enter a substitute NIK.</translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation>Family card (&amp;KK) no.</translation>
    </message>
    <message>
        <source>16 digit, boleh dikosongkan</source>
        <translation>16 digits, may be left empty</translation>
    </message>
    <message>
        <source>Na&amp;ma lengkap</source>
        <translation>Full na&amp;me</translation>
    </message>
    <message>
        <source>seperti di KTP</source>
        <translation>as on the ID card</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>&amp;Tanggal lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>hh-bb-tttt, mis. 17-08-1985</source>
        <translation>dd-mm-yyyy, e.g. 17-08-1985</translation>
    </message>
    <message>
        <source>&amp;Jenis kelamin</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Ke&amp;camatan</source>
        <translation>Dis&amp;trict</translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>jalan, dusun, nomor rumah</source>
        <translation>street, hamlet, house number</translation>
    </message>
    <message>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Pekerjaan dan kepesertaan</source>
        <translation>Occupation and membership</translation>
    </message>
    <message>
        <source>&amp;Pekerjaan</source>
        <translation>&amp;Occupation</translation>
    </message>
    <message>
        <source>No. &amp;HP</source>
        <translation>&amp;Mobile no.</translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation>e.g. 0812 3456 7890</translation>
    </message>
    <message>
        <source>Penghasilan per bulan</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <source>Penghasilan yang dilaporkan; iuran JKK = 1 % dari jumlah ini.</source>
        <translation>The declared income; the JKK contribution is 1 % of it.</translation>
    </message>
    <message>
        <source>No. KP&amp;J</source>
        <translation>KP&amp;J no.</translation>
    </message>
    <message>
        <source>11 digit, dari BPJS (bila sudah ada)</source>
        <translation>11 digits, from BPJS (once issued)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Ahli waris (urutan PP 44/2015 pasal 37)</source>
        <translation>Heirs (in the order of PP 44/2015 art. 37)</translation>
    </message>
    <message>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>NIK (bila ada)</source>
        <translation>NIK (if known)</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>Tambah ahli waris</source>
        <translation>Add heir</translation>
    </message>
    <message>
        <source>Hapus baris terpilih</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>Persetujuan pemrosesan data (UU 27/2022)</source>
        <translation>Consent to data processing (Law 27/2022)</translation>
    </message>
    <message>
        <source>Tujuan ini sudah dijelaskan kepada pekerja dan ia setuju datanya diproses</source>
        <translation>This purpose has been explained to the worker, who agrees to the processing of his data</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>WorkerFormDialog</name>
    <message>
        <source>Nelayan</source>
        <extracomment>Domain texts shown through ``self.tr(text)``: the occupations (worker_types.OCCUPATIONS, whose English is the items&apos; tooltip) and the consent purpose (worker.DEFAULT_PURPOSE). Listed so lupdate finds them.</extracomment>
        <translation>Fisher</translation>
    </message>
    <message>
        <source>Petani/Pekebun</source>
        <translation>Farmer/smallholder</translation>
    </message>
    <message>
        <source>Buruh Tani</source>
        <translation>Farm labourer</translation>
    </message>
    <message>
        <source>Buruh Harian Lepas</source>
        <translation>Casual day labourer</translation>
    </message>
    <message>
        <source>Pekerja Kebun Sawit</source>
        <translation>Oil-palm plantation worker</translation>
    </message>
    <message>
        <source>Buruh Pelabuhan</source>
        <translation>Port labourer</translation>
    </message>
    <message>
        <source>Ojek</source>
        <translation>Motorcycle-taxi driver (ojek)</translation>
    </message>
    <message>
        <source>Tukang Parkir</source>
        <translation>Parking attendant</translation>
    </message>
    <message>
        <source>Pedagang Kecil</source>
        <translation>Small trader</translation>
    </message>
    <message>
        <source>Marbot</source>
        <translation>Mosque caretaker (marbot)</translation>
    </message>
    <message>
        <source>Guru Ngaji</source>
        <translation>Qur&apos;an teacher (guru ngaji)</translation>
    </message>
    <message>
        <source>Penambang Timah</source>
        <translation>Tin miner</translation>
    </message>
    <message>
        <source>Pendaftaran dan pengelolaan kepesertaan Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) BPJS Ketenagakerjaan bagi pekerja rentan yang iurannya dibantu pemerintah daerah</source>
        <translation>Registration and management of the membership of vulnerable workers, whose contributions the local government helps to pay, in BPJS Ketenagakerjaan&apos;s Work Accident (JKK) and Death (JKM) insurance</translation>
    </message>
    <message>
        <source>Tambah pekerja</source>
        <extracomment>the clerk asked to open another worker&apos;s record (a duplicate NIK/KPJ) instead of this one</extracomment>
        <translation>Add worker</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>— semua kecamatan —</source>
        <translation>— all districts —</translation>
    </message>
    <message>
        <source>Tujuan: {purpose}.</source>
        <translation>Purpose: {purpose}.</translation>
    </message>
    <message>
        <source>Ubah data pekerja — {name}</source>
        <translation>Edit worker — {name}</translation>
    </message>
    <message>
        <source>Pekerja ini belum punya NIK; data lain tetap bisa disimpan.</source>
        <translation>This worker has no NIK yet; the other details can still be saved.</translation>
    </message>
    <message>
        <source>Ketik 16 digit NIK: tanggal lahir, jenis kelamin dan wilayahnya terbaca otomatis.</source>
        <translation>Type the 16-digit NIK: its birth date, sex and region are read automatically.</translation>
    </message>
    <message>
        <source>{n} dari 16 digit</source>
        <translation>{n} of 16 digits</translation>
    </message>
    <message>
        <source>NIK menunjukkan: lahir {date} · {sex} · {region}</source>
        <translation>The NIK says: born {date} · {sex} · {region}</translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar atas nama {name}.</source>
        <translation>This NIK is already registered to {name}.</translation>
    </message>
    <message>
        <source>Buka data {name}</source>
        <translation>Open {name}</translation>
    </message>
    <message>
        <source>Data belum bisa disimpan: {n} hal perlu diperbaiki (lihat tulisan merah).</source>
        <translation>Not saved yet: {n} things need fixing (see the red text).</translation>
    </message>
    <message>
        <source>Periksa peringatan berwarna kuning; klik Simpan sekali lagi untuk tetap menyimpan.</source>
        <translation>Check the yellow warnings; click Save once more to save anyway.</translation>
    </message>
    <message>
        <source>Data belum bisa disimpan; lihat tulisan merah.</source>
        <translation>Not saved yet; see the red text.</translation>
    </message>
    <message>
        <source>Baris {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak terbaca; tulis seperti 17-08-1985.</source>
        <translation>The date of birth cannot be read; write it like 17-08-1985.</translation>
    </message>
</context>
<context>
    <name>WorkerTableModel</name>
    <message>
        <source>Nama</source>
        <extracomment>ids asked for per keystroke: two blocks, more than any screen shows a query&apos;s first page arrived and the rows were reset (always on the GUI thread) the number of matching workers is known a query failed with an expected error (e.g. the database is locked); the sentence to show column key and the SortKey SQL sorts it by (None: the registry cannot sort by it yet)</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Tgl Lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>No HP</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kolom ini belum bisa diurutkan</source>
        <translation>This column cannot be sorted yet</translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <source>Pekerja</source>
        <extracomment>the registry changed (saved, deactivated): the window refreshes its counts</extracomment>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Cari nama, NIK, KPJ, HP, atau desa…</source>
        <translation>Search name, NIK, KPJ, mobile or village…</translation>
    </message>
    <message>
        <source>Tampilkan pekerja satu kecamatan saja</source>
        <translation>Show the workers of one district only</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tambah pekerja</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Impor dari Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>Baca daftar pekerja dari desa (.xlsx atau .csv), periksa dulu, lalu simpan</source>
        <translation>Read a worker list from a village (.xlsx or .csv), check it first, then save</translation>
    </message>
    <message>
        <source>Memuat daftar…</source>
        <translation>Loading the list…</translation>
    </message>
    <message>
        <source>{n}+ pekerja, menghitung…</source>
        <translation>{n}+ workers, counting…</translation>
    </message>
    <message>
        <source>{n} pekerja</source>
        <translation>{n} workers</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>JamSos</source>
        <translation>JamSos</translation>
    </message>
    <message>
        <source>Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman; bila masalah berulang, kirim berkas log ke petugas TI.</source>
        <translation>An unexpected error occurred. Work already saved is safe; if the problem happens again, send the log file to the IT officer.</translation>
    </message>
    <message>
        <source>Berkas log: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Lokasi basis data berisiko</source>
        <extracomment>A NIK from Toboali (Bangka Selatan), woman born 17-08-1985, for the form screenshot.</extracomment>
        <translation>Risky database location</translation>
    </message>
</context>
</TS>
