"""The shipped JSON Schema describes what ``jsonfmt`` writes (checked by a tiny validator)."""

from __future__ import annotations

import json
import re
from typing import Any

from newsline.model import Timeline
from newsline.render import jsonfmt

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,), "array": (list,), "string": (str,), "integer": (int,),
    "number": (int, float), "boolean": (bool,), "null": (type(None),),
}  # fmt: skip


def errors(value: Any, schema: dict[str, Any], at: str = "$") -> list[str]:
    """Violations of the subset of JSON Schema that timeline.schema.json uses."""
    out: list[str] = []
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not errors(value, s, at)]
        return [] if len(matches) == 1 else [f"{at}: matches {len(matches)} of oneOf"]
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, TYPES[n]) and not (isinstance(value, bool) and n != "boolean")
            for n in names
        )
        if not ok:
            return [f"{at}: {type(value).__name__} is not {names}"]
    if "const" in schema and value != schema["const"]:
        out.append(f"{at}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{at}: {value!r} not in {schema['enum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, (int, float)) and value < schema.get("minimum", float("-inf")):
        out.append(f"{at}: {value} < {schema['minimum']}")
    if isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            out.append(f"{at}: {len(value)} items")
        for i, item in enumerate(value):
            out += errors(item, schema.get("items", {}), f"{at}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{at}: missing {k}" for k in schema.get("required", []) if k not in value]
        for key, item in value.items():
            if key in props:
                out += errors(item, props[key], f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{at}: unexpected {key}")
    return out


def test_schema_is_valid_json_with_the_version_id():
    schema = jsonfmt.json_schema()
    assert schema["$id"] == jsonfmt.SCHEMA
    assert schema["properties"]["schema"]["const"] == jsonfmt.SCHEMA


def test_output_matches_schema(timeline):
    data = json.loads(jsonfmt.render(timeline))
    assert errors(data, jsonfmt.json_schema()) == []
    empty = json.loads(jsonfmt.render(Timeline(())))
    assert errors(empty, jsonfmt.json_schema()) == []


def test_validator_catches_violations(timeline):
    data = json.loads(jsonfmt.render(timeline))
    data["entries"][0]["granularity"] = "week"
    data["entries"][0]["sentences"][0]["source"]["start"] = "0"
    del data["entries"][1]["score"]
    data["extra"] = 1
    found = errors(data, jsonfmt.json_schema())
    assert len(found) == 4, found


def test_every_schema_field_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "json-schema.md").read_text()
    schema = jsonfmt.json_schema()
    entry = schema["properties"]["entries"]["items"]
    sentence = entry["properties"]["sentences"]["items"]
    source = sentence["properties"]["source"]["oneOf"][1]
    names = [*schema["properties"], *schema["properties"]["meta"]["properties"],
             *entry["properties"], *sentence["properties"], *source["properties"]]  # fmt: skip
    missing = [n for n in names if f"`{n}`" not in doc]
    assert missing == []
