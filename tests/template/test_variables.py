"""The variable-schema subset: schema checks, value checks and placeholder filling."""

from __future__ import annotations

from typing import Any

from ugc.errors import FieldError
from ugc.template.variables import check_schema, check_values, placeholders, substitute

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 2, "maxLength": 10},
        "count": {"type": "integer", "minimum": 1, "maximum": 5, "default": 3},
        "price": {"type": "number"},
        "vip": {"type": "boolean"},
        "size": {"type": "string", "enum": ["s", "m", "l"]},
        "perks": {"type": "array", "items": {"type": "string", "maxLength": 5}, "maxItems": 2},
    },
    "required": ["name"],
}


def _by_field(errors: list[FieldError]) -> dict[str, str]:
    return {e.field: e.message for e in errors}


def test_a_good_schema_passes() -> None:
    assert check_schema(SCHEMA) == []
    assert check_schema({"type": "object"}) == []


def test_schema_errors_name_each_problem() -> None:
    bad = {
        "type": "object",
        "properties": {
            "a": {"type": "object"},
            "b": {"type": "string", "pattern": "x+"},
            "c": {"type": "string", "minLength": 5, "maxLength": 2},
            "d": {"type": "integer", "enum": [1, "two"]},
            "e": {"type": "array", "items": {"type": "array"}},
            "f": {"type": "string", "maxLength": 3, "default": "toolong"},
            "g h": {"type": "string"},
        },
        "required": ["zzz"],
        "$ref": "#/x",
    }
    errors = _by_field(check_schema(bad, "variables"))
    assert set(errors) == {
        "variables.properties.a.type",
        "variables.properties.b.pattern",
        "variables.properties.c.minLength",
        "variables.properties.d.enum",
        "variables.properties.e.items.type",
        "variables.properties.f.default",
        "variables.properties.g h",
        "variables.required",
        "variables.$ref",
    }
    assert _by_field(check_schema({"type": "array"}))["variables.type"] == "must be 'object'"
    assert check_schema([1])[0].field == "variables"


def test_values_get_defaults_and_types() -> None:
    values, errors = check_values(SCHEMA, {"name": "Ann", "price": 9.5, "perks": ["a"]})
    assert errors == []
    assert values == {"name": "Ann", "count": 3, "price": 9.5, "perks": ["a"]}
    values, _ = check_values(SCHEMA, {"name": "Ann", "count": 4.0})
    assert values["count"] == 4
    assert isinstance(values["count"], int)


def test_value_errors_name_each_variable() -> None:
    given = {
        "count": True,
        "price": "cheap",
        "vip": "yes",
        "size": "xl",
        "perks": ["ok", "far too long"],
        "colour": "red",
    }
    errors = _by_field(check_values(SCHEMA, given)[1])
    assert errors == {
        "variables.name": "is required",
        "variables.count": "must be a whole number",
        "variables.price": "must be a number",
        "variables.vip": "must be true or false",
        "variables.size": "must be one of: s, m, l",
        "variables.perks[1]": "must be at most 5 characters",
        "variables.colour": "is not a variable of this template",
    }
    long = _by_field(check_values(SCHEMA, {"name": "x" * 11})[1])
    assert long == {"variables.name": "must be at most 10 characters"}
    many = _by_field(check_values(SCHEMA, {"name": "Ann", "perks": ["a", "b", "c"]})[1])
    assert many == {"variables.perks": "must have at most 2 items"}


def test_lone_placeholders_keep_their_type() -> None:
    structure = {
        "a": "{{perks}}",
        "b": " {{ count }} ",
        "c": "{{vip}}",
        "d": ["{{name}}", "{{missing}}"],
        "e": "{{missing}}",
        "f": 7,
    }
    values = {"perks": ["x", "y"], "count": 3, "vip": False, "name": "Ann"}
    assert substitute(structure, values) == {
        "a": ["x", "y"],
        "b": 3,
        "c": False,
        "d": ["Ann"],
        "f": 7,
    }


def test_embedded_placeholders_become_text_once() -> None:
    values = {"name": "{{secret}}", "perks": ["a", "b"], "vip": True, "price": 20.0}
    got = substitute("{{name}} likes {{perks}} ({{vip}}) at {{price}}{{nothing}}!", values)
    assert got == "{{secret}} likes a, b (true) at 20!"
    assert substitute("{{name}}", {"name": "{{x}} ${x} %s"}) == "{{x}} ${x} %s"


def test_placeholders_are_found_everywhere() -> None:
    structure = {"a": ["{{x}} and {{ y }}", {"b": "{{z}}"}], "c": 1, "{{key}}": "plain"}
    assert placeholders(structure) == {"x", "y", "z"}
