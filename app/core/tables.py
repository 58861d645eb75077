"""What every table shares: the metadata's naming convention, so migrations name constraints
stably. Imported by each module that defines tables (app/models/*, and the two core tables)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def owned_by(target: str, *, index: bool = True, nullable: bool = False) -> Any:
    """A foreign key to the row that owns this one: deleting the owner deletes it too."""
    return Field(foreign_key=target, ondelete="CASCADE", index=index, nullable=nullable)
