"""The compact set of ids seen in one read, and the renaming rule it serves."""

from __future__ import annotations

import random

from newsline.ingest.ids import SeenIds, renamed, unique_ids
from newsline.model import Article


def _reference(ids: list[str]) -> list[str]:
    """The rule as a dict of every id (what the compact set replaces)."""
    seen: dict[str, int] = {}
    out = []
    for aid in ids:
        if aid not in seen:
            seen[aid] = 1
            out.append(aid)
            continue
        n = seen[aid]
        while True:
            n += 1
            new = f"{aid}#{n}"
            if new not in seen:
                break
        seen[aid] = n
        seen[new] = 1
        out.append(new)
    return out


def test_renames_as_a_dict_of_every_id_across_merges() -> None:
    rng = random.Random(3)
    pool = [f"a{i}" for i in range(300)] + ["a1#2", "a2#3", "b#2"]
    ids = [rng.choice(pool) for _ in range(3000)] + ["b", "b", "b#2#2"]
    seen = SeenIds()
    seen.MIN_BUFFER = 16  # many merges into the sorted array
    got = [renamed(Article(id=i, text="x"), seen)[0].id for i in ids]
    assert got == _reference(ids)
    assert len(seen) == len(set(got))
    assert len(seen._sorted) > len(seen._recent)  # most hashes are in the array


def test_keeps_strings_only_of_ids_seen_twice() -> None:
    seen = SeenIds()
    seen.MIN_BUFFER = 8
    for i in range(1000):
        seen.mark(f"id-{i}")
    assert all(f"id-{i}" in seen for i in range(1000))
    assert not any(f"id-{i}" in seen for i in range(1000, 1100))
    assert seen._last == {}
    arts = [Article(id="x", text="t"), Article(id="x", text="u"), Article(id="y", text="v")]
    notes = unique_ids(arts)
    assert [a.id for a in arts] == ["x", "x#2", "y"] and len(notes) == 1
