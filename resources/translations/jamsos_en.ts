<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name>AdministratorPage</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siapa yang bertanggung jawab atas JamSos di kantor ini?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untuk saat ini hanya nama administrator yang dicatat. Akun pengguna dengan kata sandi dan hak akses datang bersama fitur keamanan data; sampai saat itu, lindungi laptop ini dengan kata sandi Windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nama administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <source>Program &amp; Iuran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti dibuat program bantuan iuran (penyandang dana, bulan mulai, lama bantuan, iuran JKK + JKM per bulan) dan pekerja didaftarkan ke program itu. Halaman ini belum tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender Iuran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti terlihat iuran tiap bulan: yang dibayar penyandang dana, yang dibayar mandiri, jatuh tempo tanggal 15, dan siapa yang menunggak. Halaman ini belum tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kartu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti dicetak kartu bukti kepesertaan (lembar A4 atau printer kartu) dan kartu besar untuk penyerahan simbolis, dengan catatan setiap cetak ulang. Halaman ini belum tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti laptop desa dan kantor bertukar data lewat berkas paket yang ditandatangani, tanpa internet. Halaman ini belum tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di sini nanti tampil ringkasan: jumlah pekerja per desa, kepesertaan aktif, anggaran terpakai dan tunggakan. Halaman ini belum tersedia.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFolderPage</name>
    <message>
        <source>Folder data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis data, cadangan dan log JamSos disimpan di folder ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saya mengerti risikonya dan tetap memakai folder ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder ini aman untuk basis data: bukan folder awan dan bukan folder jaringan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder ini disinkronkan oleh {service}. Aplikasi sinkronisasi menyalin berkas basis data di tengah penulisan dan bisa memulihkan salinan lama, sehingga data pendaftaran hilang atau rusak. Untuk berbagi data, pakai menu Sinkronisasi JamSos, bukan folder awan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder ini ada di jaringan ({share}). Penguncian berkas di folder jaringan tidak andal, sehingga dua komputer bisa merusak basis data. Simpan data di disk laptop ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untuk memakai folder lain, tutup JamSos lalu jalankan dengan pilihan --data-dir FOLDER (atau variabel JAMSOS_DATA_DIR), misalnya folder bawaan %LOCALAPPDATA%\JamSos.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Nonaktifkan pekerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kepesertaan {name} diakhiri. Datanya tidak dihapus dan tetap bisa dicari dengan filter status “Semua”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. pindah ke Pangkalpinang, surat kematian dari desa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status baru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sejak tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Pengaturan awal JamSos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nanti saja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo tidak bisa disalin: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan belum disimpan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Panduan JamSos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentang JamSos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;JamSos Desktop&lt;/b&gt; versi {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendaftaran pekerja rentan peserta BPJS Ketenagakerjaan (JKK dan JKM) untuk Dinas Sosial.

Dibuat dengan Python (lisensi PSF), Qt 6 dan PySide6 (LGPL v3), SQLAlchemy dan Alembic (MIT), reportlab (BSD), openpyxl (MIT), Pillow (MIT-CMU) dan SQLite (domain publik). Ikon: set ikon JamSos, CC0.

Data kode wilayah Kemendagri 2025 dari proyek cahyadsn/wilayah, © 2017–2025 Cahya DSN, lisensi MIT (teks lengkap di Detail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panduan JamSos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tentang JamSos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Bahasa / Language</source>
        <extracomment>Language code -&gt; its own name (shown in its own language, so a clerk can always find his). Translation files per language, under resources/translations.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogoPage</name>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo kantor untuk kartu dan kop surat (PNG atau JPG). Boleh dilewati dan dipasang nanti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pilih berkas logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas ini bukan gambar PNG, JPG atau BMP yang bisa dibaca.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas logo terlalu besar (lebih dari 5 MB).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JamSos — Pendaftaran Pekerja Rentan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;ngaturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;antuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basis data: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} pekerja terdaftar, {active} aktif</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selamat datang di JamSos. Isi nama kantor dan kabupaten/kota tempat pekerja terdaftar. Semua ini bisa diubah nanti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Dinas Sosial PPPA Kabupaten Bangka Selatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nama kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provinsi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kabupaten/kota menentukan daftar kecamatan dan desa. Setelah ada pekerja terdaftar, kabupaten/kota tidak bisa diganti lagi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Program pertama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program bantuan iuran: siapa yang membayar, mulai bulan apa, berapa bulan. Boleh dilewati dan dibuat nanti di halaman Program &amp; Iuran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat program pertama sekarang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. Perlindungan Pekerja Rentan {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. APBD Kabupaten Bangka Selatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bulan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iuran per pekerja per bulan: {amount} (JKK {jkk} + JKM {jkm}), dibayar penyandang dana.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nama program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Penyandang dana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulan &amp;mulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lama bantuan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <source>Data pekerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16 digit, seperti di KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum punya NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandai bila pekerja memang belum memiliki NIK. Jangan isi NIK pengganti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16 digit, boleh dikosongkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;ma lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seperti di KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tanggal lahir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hh-bb-tttt, mis. 17-08-1985</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jenis kelamin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ke&amp;camatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jalan, dusun, nomor rumah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RT / RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekerjaan dan kepesertaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. &amp;HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. 0812 3456 7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penghasilan per bulan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penghasilan yang dilaporkan; iuran JKK = 1 % dari jumlah ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. KP&amp;J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>11 digit, dari BPJS (bila sudah ada)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ahli waris (urutan PP 44/2015 pasal 37)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama ahli waris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK (bila ada)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah ahli waris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus baris terpilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persetujuan pemrosesan data (UU 27/2022)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tujuan ini sudah dijelaskan kepada pekerja dan ia setuju datanya diproses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerFormDialog</name>
    <message>
        <source>Tambah pekerja</source>
        <extracomment>the clerk asked to open another worker&apos;s record (a duplicate NIK/KPJ) instead of this one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— semua kecamatan —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tujuan: {purpose}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah data pekerja — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekerja ini belum punya NIK; data lain tetap bisa disimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik 16 digit NIK: tanggal lahir, jenis kelamin dan wilayahnya terbaca otomatis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} dari 16 digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK menunjukkan: lahir {date} · {sex} · {region}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar atas nama {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka data {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data belum bisa disimpan: {n} hal perlu diperbaiki (lihat tulisan merah).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periksa peringatan berwarna kuning; klik Simpan sekali lagi untuk tetap menyimpan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data belum bisa disimpan; lihat tulisan merah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baris {row}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanggal lahir tidak terbaca; tulis seperti 17-08-1985.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerTableModel</name>
    <message>
        <source>Nama</source>
        <extracomment>a query&apos;s ids arrived and the rows were reset (always on the GUI thread) a query failed with an expected error (e.g. the database is locked); the sentence to show column key and the SortKey SQL sorts it by (None: the registry cannot sort by it yet)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L/P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tgl Lahir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolom ini belum bisa diurutkan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <source>Pekerja</source>
        <extracomment>the registry changed (saved, deactivated): the window refreshes its counts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari nama, NIK, KPJ, HP, atau desa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampilkan pekerja satu kecamatan saja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah pekerja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat daftar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pekerja</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>JamSos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terjadi kesalahan tak terduga. Pekerjaan yang sudah disimpan tetap aman; bila masalah berulang, kirim berkas log ke petugas TI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berkas log: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
