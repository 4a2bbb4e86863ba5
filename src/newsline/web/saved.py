"""Saved timelines: a name, its query and options, and the edits made to it.

One JSON file per timeline, ``STORE/timelines/<name>.json``, written to a
temporary file in the same folder and renamed over the old one, so a killed
server leaves either the old or the new file, never half of one.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

TIMELINES = "timelines"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}$")


def valid_name(name: str) -> bool:
    """Letters, digits, space, ``_ . -``; at most 80 characters; no path tricks."""
    return bool(_NAME.match(name)) and ".." not in name and not name.endswith((".", " "))


class SavedTimelines:
    """The folder of saved timelines (thread-safe; every write is atomic)."""

    def __init__(self, store: Path) -> None:
        self.folder = store / TIMELINES
        self._lock = threading.Lock()

    def _file(self, name: str) -> Path:
        if not valid_name(name):
            raise ValueError(f"not a timeline name: {name!r}")
        return self.folder / f"{name}.json"

    def names(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json") if valid_name(p.stem))

    def get(self, name: str) -> dict[str, Any] | None:
        path = self._file(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        if not isinstance(data, dict):
            return None
        data.setdefault("spec", {})
        data.setdefault("edits", [])
        data["name"] = name
        return data

    def put(self, name: str, spec: dict[str, Any]) -> dict[str, Any]:
        """Create or change a timeline's query and options; its edits are kept."""
        with self._lock:
            data = self.get(name) or {"name": name, "edits": []}
            data["spec"] = spec
            self._write(name, data)
            return data

    def add_edit(self, name: str, edit: dict[str, Any]) -> dict[str, Any] | None:
        """Append one edit (``None`` when there is no such timeline)."""
        with self._lock:
            data = self.get(name)
            if data is None:
                return None
            data["edits"].append(edit)
            self._write(name, data)
            return data

    def delete(self, name: str) -> bool:
        with self._lock:
            try:
                self._file(name).unlink()
            except FileNotFoundError:
                return False
            return True

    def _write(self, name: str, data: dict[str, Any]) -> None:
        target = self._file(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(text.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
