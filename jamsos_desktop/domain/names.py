"""Personal names, places and streets as they appear in registers of *pekerja rentan* in Bangka.

Used by the demo data generator (and by tests that want realistic input). The lists mirror the people
of the islands: Bangka Malay and Muslim names (often a single word, like *Munip*), Javanese names of
transmigrant villages, Bugis names of fishing communities, Bangka Chinese (Hakka) names, with the
spellings clerks really write: apostrophes (*Ma'ruf*), pilgrimage titles (*H.*, *Hj.*) and academic
degrees (*S.E.*, *S.Pd.*). Pure data, no behaviour beyond simple look-ups.
"""

from __future__ import annotations

#: Bangka Malay and common Muslim given names, men. Many people carry just one of these.
MALAY_MALE: tuple[str, ...] = (
    "Munip", "Ahmadi", "Irman", "Rusdi", "Zulkifli", "Rosidi", "Hamdan", "Jamaludin", "Asmawi",
    "Bahrin", "Samsudin", "Amran", "Rahmat", "Sahril", "Junaidi", "Hasan", "Husin", "Syafii", "Rosman",
    "Abdullah", "Mahmud", "Ismail", "Yusuf", "Idris", "Arifin", "Sulaiman", "Zainal", "Saparudin",
    "Hendra", "Rizal", "Agus", "Herman", "Marzuki", "Mukhlis", "Nasrul", "Nurdin", "Romli", "Safrudin",
    "Syahrial", "Usman", "Yahya", "Zakaria", "Rudi", "Effendi", "Darmawan", "Firdaus", "Ridwan",
    "Sopian", "Jumadi", "Kamaludin", "Mansyur", "Rasyid", "Muhammad", "Ahmad", "Jafar", "Ali",
    "Umar", "Amir", "Hamzah", "Khairul", "Azhari", "Fadli", "Heru", "Iwan", "Joni", "Yanto", "Dedi",
    "Eko", "Rozali", "Sarifudin", "Badarudin", "Tamrin", "Syamsul", "Rohim", "Burhan", "Sukri",
    "Mat Ali", "Bujang", "Awang", "Kadir", "Salim", "Halim", "Rahman", "Rosyid", "Yunus", "Anwar",
    "Ma'ruf", "Mu'min", "Ja'far", "Mas'ud", "Sya'ban", "Ma'mun", "Rif'at", "Bob Fauzi", "Fauzi",
    "Irwan", "Saprin", "Dulhadi", "Ruslan", "Jasman", "Hasbi", "Sahidin", "Basri", "Nazarudin",
)

#: Bangka Malay and common Muslim given names, women.
MALAY_FEMALE: tuple[str, ...] = (
    "Rohani", "Maimunah", "Nurhayati", "Rosmawati", "Fatimah", "Halimah", "Zubaidah", "Aminah",
    "Salmah", "Rosnani", "Juliana", "Yuliana", "Nurlela", "Hasanah", "Rahmawati", "Asmah",
    "Siti Aisyah", "Siti Rohana", "Siti Zaleha", "Siti Aminah", "Nur Aini", "Rosita", "Yanti",
    "Herawati", "Masitah", "Jamilah", "Saodah", "Kartini", "Zuraidah", "Marlina", "Lili",
    "Rosdiana", "Fitri", "Rina", "Eka Putri", "Nuraini", "Hartini", "Erna", "Wati", "Maryam",
    "Ni'mah", "Sa'adah", "Mu'minah", "Qur'ani", "Khadijah", "Zainab", "Rukiah", "Saleha", "Mariani",
    "Dewi", "Susanti", "Nurbaiti", "Hafsah", "Robiah", "Jumiati", "Sumiati", "Misnah",
)

#: Javanese names (transmigrant villages such as Sidoharjo, Sukajaya, Panca Tunggal).
JAVANESE_MALE: tuple[str, ...] = (
    "Suriono", "Sutrisno", "Slamet", "Sugiyono", "Wahyudi", "Suparman", "Sukirman", "Parjo",
    "Bambang Sutejo", "Budi Santoso", "Joko Susilo", "Tri Wibowo", "Agus Salim", "Sumarno", "Kasiman",
    "Paimin", "Tukiman", "Warsito", "Giyanto", "Priyono", "Sarwono", "Mulyono", "Darsono", "Supriyadi",
    "Purwanto", "Hadi Sucipto", "Edi Santoso", "Sukarji", "Karyono", "Widodo", "Marsudi", "Tumijan",
)
JAVANESE_FEMALE: tuple[str, ...] = (
    "Sri Wahyuni", "Sumarni", "Tri Handayani", "Suparmi", "Sulastri", "Sri Rahayu", "Suwarti",
    "Tumini", "Painem", "Sumiyati", "Ngatini", "Endang Lestari", "Sri Mulyani", "Wartini",
    "Siti Khotijah", "Dwi Astuti", "Kasmini", "Rubiyem", "Sutarmi", "Wiji Lestari",
)

#: Bugis names (fishing communities of Lepar, Pongok, the coast of Toboali).
BUGIS_MALE: tuple[str, ...] = (
    "Andi Baso", "Andi Syamsul", "Baharuddin", "Syamsuddin", "Daeng Matasa", "La Tenri",
    "Muh. Arsyad", "Hasanuddin", "Sudirman", "Jumardi", "Lukman", "Sainal", "Muh. Yusuf", "Arsyad",
    "Kamaruddin", "Haeruddin", "Nurdin Daeng", "Puang Lolo", "Andi Amir", "Saharuddin",
)
BUGIS_FEMALE: tuple[str, ...] = (
    "Andi Nurhaeda", "Hasnah", "Nurhaeda", "Sitti Hawa", "Rahmatia", "Hasmawati", "Sitti Nurbaya",
    "Andi Tenri", "Marhuma", "Jusmiati", "Sahariah", "Nurmiati",
)

#: Bangka Chinese (Hakka) names, as written on KTPs.
CHINESE_MALE: tuple[str, ...] = (
    "Ahon", "Akiong", "Liu Fat", "Lim Ahok", "Bong Khiun Fo", "Tjhin Kim Fui", "Lie Sun Tjhong",
    "Apin", "Acun", "Hendri Wijaya", "Sutikno", "Lukas",
)
CHINESE_FEMALE: tuple[str, ...] = (
    "Bong Sui Fa", "Lie Mei Lan", "Amoy", "Liu Siu Lan", "Tjhang Fui Tjin", "Meliana", "Susi",
)

#: Second elements some people carry (a father's name, a family name, a nickname turned surname).
SECOND_NAMES: tuple[str, ...] = (
    "Saputra", "Hidayat", "Pratama", "Kurniawan", "Setiawan", "Ramadhan", "Nugraha", "Syahputra",
    "Hasibuan", "Harahap", "Effendi", "Fauzi", "Rahman", "Hakim", "Aziz", "Hamid", "Sofyan",
    "Susanto", "Gunawan", "Wijaya",
)
SECOND_NAMES_FEMALE: tuple[str, ...] = (
    "Sari", "Wati", "Rahayu", "Lestari", "Ningsih", "Handayani", "Puspita", "Anggraini", "Oktaviani",
    "Safitri", "Wulandari", "Purnamasari",
)

#: Degrees written after a name on the register.
DEGREES: tuple[str, ...] = ("S.E.", "S.Pd.", "S.Pd.I.", "A.Md.", "S.H.", "S.Sos.")

#: Where a Javanese or Bugis worker born outside the islands says he was born.
BIRTH_PLACES_JAVA: tuple[str, ...] = (
    "Wonogiri", "Kebumen", "Cilacap", "Purworejo", "Blitar", "Kediri", "Ngawi", "Banyumas", "Klaten",
)
BIRTH_PLACES_SULAWESI: tuple[str, ...] = ("Bone", "Sinjai", "Wajo", "Bulukumba", "Makassar", "Sidrap")

#: Street and hamlet words for addresses (*Jl.*, *Gg.*, *Dusun*).
STREETS: tuple[str, ...] = (
    "Jl. Raya {village}", "Jl. Jenderal Sudirman", "Jl. Merdeka", "Jl. Pelabuhan", "Jl. Bhakti",
    "Jl. Masjid", "Jl. Pasar", "Jl. Pantai", "Jl. Kampung Nelayan", "Jl. Diponegoro", "Jl. Ahmad Yani",
    "Jl. Raya Toboali", "Jl. Sadai", "Jl. Lintas Timur", "Gg. Mawar", "Gg. Melati", "Gg. Kenanga",
    "Gg. Anggrek", "Jl. Air Bara", "Jl. Batu Betumpang",
)
HAMLETS: tuple[str, ...] = (
    "Dusun I", "Dusun II", "Dusun III", "Dusun IV", "Dusun Air Gegas", "Dusun Air Mesu", "Dusun Nangka",
    "Dusun Sungai Buluh", "Dusun Tanjung", "Dusun Pantai", "Dusun Kampung Baru", "Dusun Bukit",
    "Dusun Tepi Laut", "Dusun Sungai Gusung", "Dusun Air Batu",
)

#: Mobile operator prefixes (Telkomsel, Indosat, XL, Axis, Tri, Smartfren).
PHONE_PREFIXES: tuple[str, ...] = (
    "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0857", "0856", "0815", "0877",
    "0878", "0819", "0831", "0838", "0895", "0896", "0881",
)

#: The five representatives who received cards symbolically at the launch (DOMAIN.md).
LAUNCH_REPRESENTATIVES: tuple[str, ...] = ("Ahmadi", "Irman", "Suriono", "Bob Fauzi", "Munip")


def given_names(ethnicity: str, female: bool) -> tuple[str, ...]:
    """The given-name list of one group (``malay``, ``javanese``, ``bugis``, ``chinese``)."""
    table = {
        ("malay", False): MALAY_MALE,
        ("malay", True): MALAY_FEMALE,
        ("javanese", False): JAVANESE_MALE,
        ("javanese", True): JAVANESE_FEMALE,
        ("bugis", False): BUGIS_MALE,
        ("bugis", True): BUGIS_FEMALE,
        ("chinese", False): CHINESE_MALE,
        ("chinese", True): CHINESE_FEMALE,
    }
    return table[(ethnicity, female)]


__all__ = [
    "BIRTH_PLACES_JAVA",
    "BIRTH_PLACES_SULAWESI",
    "DEGREES",
    "HAMLETS",
    "LAUNCH_REPRESENTATIVES",
    "PHONE_PREFIXES",
    "SECOND_NAMES",
    "SECOND_NAMES_FEMALE",
    "STREETS",
    "given_names",
]
