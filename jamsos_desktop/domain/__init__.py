"""Pure domain rules: no Qt, no SQLAlchemy, no disk writes.

Everything here can be tested without a screen or a database.
"""
