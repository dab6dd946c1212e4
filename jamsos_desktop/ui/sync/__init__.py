"""The sync page (issue 6)."""
