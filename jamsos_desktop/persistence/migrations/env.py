"""Alembic environment: always run programmatically by :mod:`jamsos_desktop.persistence.migrate`,
with the open connection handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from jamsos_desktop.persistence import search_index
from jamsos_desktop.persistence.models import Base


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    """Autogenerate ignores the FTS search index, which the models do not describe."""
    return not (type_ == "table" and search_index.is_search_index(name))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables safely
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
