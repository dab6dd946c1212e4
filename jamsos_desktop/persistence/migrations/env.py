"""Alembic environment: always run programmatically by :mod:`jamsos_desktop.persistence.migrate`,
with the open connection handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from jamsos_desktop.persistence.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables safely
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
