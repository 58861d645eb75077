"""A per-process memo for values that cannot go stale under their key (an immutable row's
rendering, a history known by its newest id): bounded, emptied when full."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    def __init__(self, limit: int) -> None:
        self._items: dict[K, V] = {}
        self._limit = limit

    def get(self, key: K) -> V | None:
        return self._items.get(key)

    def put(self, key: K, value: V) -> None:
        if len(self._items) >= self._limit:
            self._items.clear()
        self._items[key] = value
