"""JamSos Desktop: the Dinas Sosial's registry of *pekerja rentan* enrolled in BPJS Ketenagakerjaan."""

__version__ = "0.1.0"
APP_NAME = "JamSos"
ORGANIZATION = "JamSos"
