"""Data safety in the desktop application: login, idle lock, audit viewer, backups, privacy (issue 7)."""
