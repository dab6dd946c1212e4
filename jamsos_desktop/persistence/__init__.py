"""Storage: SQLAlchemy 2 models, engine set-up, Alembic migrations, repositories and the unit of work.

ORM objects never leave this package; repositories return domain dataclasses.
"""
