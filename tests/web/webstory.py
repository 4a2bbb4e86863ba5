"""Test data of our own for the web app: a short fictional story, upload helpers."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

#: A fictional story: the Harlow bridge closes, is inspected, repaired and reopens.
STORY = {
    "herald-bridge-closed.txt": """Title: Harlow bridge closed after crack found in main span
Date: 2025-03-03
Source: Harlow Herald
URL: https://herald.example/bridge-closed

The Harlow river bridge was closed to all traffic on Monday after engineers found a crack in its main span.
County engineer Rosa Lindqvist said the crack was spotted during a routine inspection on Sunday morning.
About 18,000 vehicles cross the bridge every day, and detours will add twenty minutes to many trips.
""",
    "herald-inspection.txt": """Title: Divers inspect Harlow bridge piers
Date: 2025-03-10
Source: Harlow Herald

Divers inspected the piers of the closed Harlow bridge on Monday, March 10, 2025, looking for more damage.
The county said the bridge closure, which began on March 3, will last at least two months.
Lindqvist said the divers found no damage below the water line.
""",
    "courier-repair-contract.txt": """Title: County awards bridge repair contract
Date: 2025-04-02
Source: Valley Courier

The county board awarded a $4.1 million contract to repair the Harlow bridge on Wednesday.
Work on the cracked span is to start on April 14, 2025, and crews will work through the night.
Board chair Tomas Reyes said the bridge closure had hurt shops on both banks.
""",
    "courier-reopens.txt": """Title: Harlow bridge reopens to traffic
Date: 2025-06-20
Source: Valley Courier

The Harlow bridge reopened to traffic on Friday, June 20, 2025, after three months of repairs.
Drivers honked as the first cars crossed the repaired span shortly after 6 a.m.
The county said the bridge repair came in under budget.
""",
}

#: Two more articles in a JSON-lines file.
JSONL = [
    {"id": "wire-1", "title": "Shops on Harlow's east bank report losses", "time": "2025-03-20",
     "source": "State Wire", "text": "Shop owners on the east bank said on Thursday, March 20, 2025, that sales had fallen by a third since the bridge closure.\nA bakery owner said the detour keeps customers away."},
    {"id": "wire-2", "title": "Bridge repair ahead of schedule", "time": "2025-05-28",
     "source": "State Wire", "text": "Crews repairing the Harlow bridge are two weeks ahead of schedule, the county said on Wednesday, May 28, 2025.\nThe bridge could reopen in June."},
]  # fmt: skip

HOSTILE_TITLE = 'Bridge <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE = f"""Title: {HOSTILE_TITLE}
Date: 2025-03-04
Source: <b onmouseover=alert(1)>Evil Gazette</b>

The bridge closure on Tuesday, March 4, 2025, made <script>window.__pwned=3</script> traffic worse, officials said <img src=x onerror="window.__pwned=4">.
A second sentence about the bridge detour says the detour was long and slow on Tuesday.
"""


def story_files() -> list[tuple[str, bytes]]:
    files = [(name, text.encode()) for name, text in STORY.items()]
    files.append(("wire.jsonl", "\n".join(json.dumps(r) for r in JSONL).encode()))
    return files


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def upload(client: Any, files: list[tuple[str, bytes]], **kw: Any) -> Any:
    return client.post("/api/articles", files=[("files", (n, d)) for n, d in files], **kw)
