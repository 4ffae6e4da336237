"""A JSON Schema subset for template variables: check schemas and values, fill `{{var}}`."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from ugc.errors import FieldError

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
MAX_VARIABLES = 50
SCALARS = ("string", "number", "integer", "boolean")
_COMMON = {"type", "title", "description", "default", "examples", "enum"}
_KEYWORDS: dict[str, set[str]] = {
    "string": _COMMON | {"minLength", "maxLength"},
    "number": _COMMON | {"minimum", "maximum"},
    "integer": _COMMON | {"minimum", "maximum"},
    "boolean": _COMMON - {"enum"},
    "array": _COMMON - {"enum"} | {"items", "minItems", "maxItems"},
}
_TOP = {"type", "properties", "required", "additionalProperties", "title", "description", "$schema"}
_COUNTS = ("minLength", "maxLength", "minItems", "maxItems")
_MISSING = object()


def check_schema(schema: Any, at: str = "variables") -> list[FieldError]:
    """Return every way schema leaves the supported subset (empty if it is fine)."""
    if not isinstance(schema, Mapping):
        return [FieldError(at, "must be a JSON Schema object")]
    errors = [FieldError(f"{at}.{k}", "is not supported here") for k in schema if k not in _TOP]
    if schema.get("type") != "object":
        errors.append(FieldError(f"{at}.type", "must be 'object'"))
    if schema.get("additionalProperties", False) is not False:
        errors.append(FieldError(f"{at}.additionalProperties", "must be false (or left out)"))
    props = schema.get("properties", {})
    if not isinstance(props, Mapping):
        return [*errors, FieldError(f"{at}.properties", "must be an object")]
    if len(props) > MAX_VARIABLES:
        errors.append(FieldError(f"{at}.properties", f"at most {MAX_VARIABLES} variables"))
    for name, spec in props.items():
        if not NAME.match(str(name)):
            errors.append(FieldError(f"{at}.properties.{name}", "names are letters, digits and _"))
        errors += _check_property(spec, f"{at}.properties.{name}", nested=False)
    required = schema.get("required", [])
    if not isinstance(required, list) or any(r not in props for r in required):
        errors.append(FieldError(f"{at}.required", "must list names from properties"))
    return errors


def _check_property(spec: Any, at: str, nested: bool) -> list[FieldError]:
    """Check one variable's schema (or an array's items)."""
    if not isinstance(spec, Mapping):
        return [FieldError(at, "must be an object")]
    kind = spec.get("type")
    allowed = SCALARS if nested else (*SCALARS, "array")
    if not isinstance(kind, str) or kind not in allowed:
        return [FieldError(f"{at}.type", f"must be one of: {', '.join(allowed)}")]
    errors = [
        FieldError(f"{at}.{k}", "is not supported here") for k in spec if k not in _KEYWORDS[kind]
    ]
    errors += _check_bounds(spec, at)
    if kind == "array":
        errors += _check_property(spec.get("items"), f"{at}.items", nested=True)
    if errors:
        return errors
    if "enum" in spec:
        enum = spec["enum"]
        if not isinstance(enum, list) or not enum:
            return [FieldError(f"{at}.enum", "must be a non-empty list")]
        if any(check_value({**spec, "enum": None}, v, at) for v in enum):
            return [FieldError(f"{at}.enum", f"every choice must be a valid {kind}")]
    if "default" in spec:
        found = check_value(spec, spec["default"], at)
        return [FieldError(f"{at}.default", e.message) for e in found]
    return []


def _check_bounds(spec: Mapping[str, Any], at: str) -> list[FieldError]:
    """Check that lengths are counts and bounds are numbers, low before high."""
    errors: list[FieldError] = []
    for key in _COUNTS:
        value = spec.get(key, 0)
        if not _is_int(value) or value < 0:
            errors.append(FieldError(f"{at}.{key}", "must be a whole number >= 0"))
    for key in ("minimum", "maximum"):
        if key in spec and not _is_number(spec[key]):
            errors.append(FieldError(f"{at}.{key}", "must be a number"))
    for low, high in (("minLength", "maxLength"), ("minItems", "maxItems"), ("minimum", "maximum")):
        lo: Any = spec.get(low)
        hi: Any = spec.get(high)
        if _is_number(lo) and _is_number(hi) and lo > hi:
            errors.append(FieldError(f"{at}.{low}", f"must not be above {high}"))
    return errors


def _is_int(value: Any) -> bool:
    """Return True for a JSON integer (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    """Return True for a finite JSON number (not a boolean)."""
    if isinstance(value, float):
        return math.isfinite(value)
    return _is_int(value)


def check_value(spec: Mapping[str, Any], value: Any, at: str) -> list[FieldError]:
    """Return why value does not fit one variable's schema (empty if it fits)."""
    kind = spec["type"]
    if kind == "array":
        return _check_array(spec, value, at)
    if not _TYPES[kind](value):
        return [FieldError(at, f"must be {_ARTICLE[kind]}")]
    enum = spec.get("enum")
    if enum is not None and value not in enum:
        return [FieldError(at, f"must be one of: {', '.join(map(str, enum))}")]
    errors: list[FieldError] = []
    if kind == "string":
        if len(value) < spec.get("minLength", 0):
            errors.append(FieldError(at, f"must be at least {spec['minLength']} characters"))
        if "maxLength" in spec and len(value) > spec["maxLength"]:
            errors.append(FieldError(at, f"must be at most {spec['maxLength']} characters"))
    elif kind in ("number", "integer"):
        if "minimum" in spec and value < spec["minimum"]:
            errors.append(FieldError(at, f"must be at least {spec['minimum']}"))
        if "maximum" in spec and value > spec["maximum"]:
            errors.append(FieldError(at, f"must be at most {spec['maximum']}"))
    return errors


def _check_array(spec: Mapping[str, Any], value: Any, at: str) -> list[FieldError]:
    """Check a list's length and each of its items."""
    if not isinstance(value, list):
        return [FieldError(at, "must be a list")]
    if len(value) < spec.get("minItems", 0):
        return [FieldError(at, f"must have at least {spec['minItems']} items")]
    if "maxItems" in spec and len(value) > spec["maxItems"]:
        return [FieldError(at, f"must have at most {spec['maxItems']} items")]
    items = spec.get("items", {"type": "string"})
    return [e for i, v in enumerate(value) for e in check_value(items, v, f"{at}[{i}]")]


def _is_whole(value: Any) -> bool:
    """Return True for a JSON integer, including 3.0."""
    return _is_int(value) or (isinstance(value, float) and value.is_integer())


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": _is_whole,
    "boolean": lambda v: isinstance(v, bool),
}
_ARTICLE = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
}


def check_values(
    schema: Mapping[str, Any], values: Mapping[str, Any], at: str = "variables"
) -> tuple[dict[str, Any], list[FieldError]]:
    """Check values against a variable schema; return them with defaults filled in."""
    props: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    errors = [
        FieldError(f"{at}.{k}", "is not a variable of this template")
        for k in values
        if k not in props
    ]
    out: dict[str, Any] = {}
    for name, spec in props.items():
        value = values.get(name, spec.get("default", _MISSING))
        if value is _MISSING or value is None:
            if name in required:
                errors.append(FieldError(f"{at}.{name}", "is required"))
            continue
        found = check_value(spec, value, f"{at}.{name}")
        errors += found
        if not found:
            out[name] = int(value) if spec["type"] == "integer" else value
    return out, errors


def placeholders(node: Any) -> set[str]:
    """Return every variable name a structure's strings mention."""
    if isinstance(node, str):
        return set(PLACEHOLDER.findall(node))
    if isinstance(node, Mapping):
        return set().union(*(placeholders(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(placeholders(v) for v in node))
    return set()


def substitute(node: Any, values: Mapping[str, Any]) -> Any:
    """Fill placeholders in one pass (values are never re-scanned); drop unset lone ones."""
    if isinstance(node, str):
        whole = PLACEHOLDER.fullmatch(node.strip())
        if whole is not None:
            return values.get(whole.group(1), _MISSING)
        return PLACEHOLDER.sub(lambda m: _as_text(values.get(m.group(1), "")), node)
    if isinstance(node, Mapping):
        pairs = ((k, substitute(v, values)) for k, v in node.items())
        return {k: v for k, v in pairs if v is not _MISSING}
    if isinstance(node, list):
        return [v for v in (substitute(i, values) for i in node) if v is not _MISSING]
    return node


def _as_text(value: Any) -> str:
    """Write a value into the middle of a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value)
    return str(value)
