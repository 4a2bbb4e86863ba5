"""Edits to a timeline, kept apart from it and applied again to every rebuild.

An edit names what it changes by a key that survives a rebuild: an entry by
its date (``{"date": "2026-09-03"}``), a sentence by its article and start
offset (``{"article_id": ..., "start": ...}``). ``pin`` keeps an entry or
sentence even when a rebuild no longer selects it (the edit carries a copy),
``exclude`` drops it, ``add`` puts a line of one's own on a date, ``undo``
cancels earlier pins and excludes of the same key. Later edits win.
"""

from __future__ import annotations

import copy
from typing import Any

Key = tuple[str, ...]


def key_of(edit: dict[str, Any]) -> Key | None:
    """``("date", d)`` or ``("sentence", article_id, start)``; ``None`` when neither is given."""
    if edit.get("article_id") is not None and edit.get("start") is not None:
        return ("sentence", str(edit["article_id"]), str(int(edit["start"])))
    if edit.get("date"):
        return ("date", str(edit["date"]))
    return None


def _sentence_key(sentence: dict[str, Any]) -> Key | None:
    src = sentence.get("source")
    if not src:
        return None
    return ("sentence", str(src["article_id"]), str(int(src["start"])))


def states(edits: list[dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    """The last pin or exclude of every key (an ``undo`` removes it)."""
    out: dict[Key, dict[str, Any]] = {}
    for e in edits:
        op, key = e.get("op"), key_of(e)
        if key is None:
            continue
        if op in ("pin", "exclude"):
            out[key] = e
        elif op == "undo":
            out.pop(key, None)
    return out


def find(timeline: dict[str, Any], key: Key) -> tuple[dict | None, dict | None]:
    """The entry (and sentence) a key names in a timeline document."""
    for entry in timeline.get("entries", []):
        if key[0] == "date" and entry["date"] == key[1]:
            return entry, None
        if key[0] == "sentence":
            for s in entry["sentences"]:
                if _sentence_key(s) == key:
                    return entry, s
    return None, None


def apply(timeline: dict[str, Any], edits: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of a ``newsline.timeline`` document with the edits applied.

    ``meta.edits`` lists what is pinned, excluded and added (for the page).
    """
    doc = copy.deepcopy(timeline)
    state = states(edits)
    excluded = {k for k, e in state.items() if e["op"] == "exclude"}
    entries: dict[str, dict[str, Any]] = {}
    for entry in doc.get("entries", []):
        if ("date", entry["date"]) in excluded:
            continue
        entry["sentences"] = [s for s in entry["sentences"] if _sentence_key(s) not in excluded]
        entries[entry["date"]] = entry
    for key, e in state.items():
        if e["op"] != "pin":
            continue
        if key[0] == "date" and key[1] not in entries and isinstance(e.get("entry"), dict):
            snap = copy.deepcopy(e["entry"])
            snap["sentences"] = [s for s in snap["sentences"] if _sentence_key(s) not in excluded]
            entries[key[1]] = snap
        elif key[0] == "sentence" and isinstance(e.get("sentence"), dict):
            day = str(e.get("date") or "")
            if not day or ("date", day) in excluded:
                continue
            entry = entries.get(day) or _new_entry(day, e.get("granularity"))
            entries[day] = entry
            if all(_sentence_key(s) != key for s in entry["sentences"]):
                entry["sentences"].append(copy.deepcopy(e["sentence"]))
    added = []
    for i, e in enumerate(edits):
        if e.get("op") != "add" or not e.get("date") or ("date", e["date"]) in excluded:
            continue
        if any(u.get("op") == "undo" and u.get("add") == i for u in edits):
            continue
        entry = entries.get(e["date"]) or _new_entry(e["date"], e.get("granularity"))
        entries[e["date"]] = entry
        entry["sentences"].append({"text": str(e.get("text", "")), "source": None})
        added.append({"index": i, "date": e["date"], "text": e.get("text", "")})
    doc["entries"] = [entries[d] for d in sorted(entries) if entries[d]["sentences"]]
    meta = doc.setdefault("meta", {})
    meta["edits"] = {
        "pinned": [_public(k) for k, e in state.items() if e["op"] == "pin"],
        "excluded": [_public(k) for k in excluded],
        "added": added,
    }
    return doc


def _new_entry(day: str, granularity: object) -> dict[str, Any]:
    g = granularity if granularity in ("day", "month", "year") else "day"
    time = day if g == "day" else day[:7] if g == "month" else day[:4]
    return {"date": day, "time": time, "granularity": g, "score": 0.0, "sentences": []}


def _public(key: Key) -> dict[str, Any]:
    if key[0] == "date":
        return {"date": key[1]}
    return {"article_id": key[1], "start": int(key[2])}
