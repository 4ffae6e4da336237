"""Procedural creator personas: the catalogue, poses and pre-drawn sprite rigs."""

from __future__ import annotations

from ugc.pipeline.agents.persona_rig import GESTURES, TILTS, PersonaRig, build_rig
from ugc.pipeline.agents.persona_spec import HAIR_STYLES, TOP_STYLES, PersonaSpec, Pose
from ugc.pipeline.agents.persona_visemes import VISEMES, viseme_for

__all__ = [
    "GESTURES",
    "HAIR_STYLES",
    "PERSONAS",
    "TILTS",
    "TOP_STYLES",
    "VISEMES",
    "PersonaRig",
    "PersonaSpec",
    "Pose",
    "build_rig",
    "get_persona",
    "viseme_for",
]

PERSONAS: tuple[PersonaSpec, ...] = (
    PersonaSpec(
        "maya",
        "Maya",
        "#E9B896",
        "#3A2219",
        "wavy",
        "#FF7B6B",
        "tee",
        "#6B4A2E",
        earrings="#E8C25A",
    ),
    PersonaSpec(
        "leo",
        "Leo",
        "#8D5A3B",
        "#1E1512",
        "short",
        "#2F4A7A",
        "hoodie",
        "#3B2416",
        facial_hair="beard",
        lashes=False,
    ),
    PersonaSpec("aiko", "Aiko", "#F4D6BE", "#17120F", "bob", "#B7A4F0", "blouse", "#3A2A22"),
    PersonaSpec(
        "sam",
        "Sam",
        "#D49A6A",
        "#8E3B1F",
        "curly",
        "#2E9C8F",
        "sweater",
        "#4E7A3A",
        glasses=True,
        freckles=True,
    ),
    PersonaSpec(
        "zara",
        "Zara",
        "#5E3A26",
        "#17100C",
        "afro",
        "#F2B33D",
        "blouse",
        "#2A1A10",
        earrings="#F5D06A",
    ),
    PersonaSpec(
        "noah",
        "Noah",
        "#F7D9C6",
        "#D7AE66",
        "short",
        "#86B892",
        "hoodie",
        "#4A7DB5",
        lashes=False,
        facial_hair="stubble",
    ),
    PersonaSpec("priya", "Priya", "#B27654", "#1B1412", "ponytail", "#F2789F", "tee", "#3A2216"),
    PersonaSpec(
        "omar",
        "Omar",
        "#A56B46",
        "#231A16",
        "buzz",
        "#8C96A6",
        "sweater",
        "#3A2616",
        glasses=True,
        facial_hair="beard",
        lashes=False,
    ),
    PersonaSpec(
        "chloe",
        "Chloe",
        "#FBE3D2",
        "#C0622F",
        "bun",
        "#F4F1EA",
        "tee",
        "#4C8A5A",
        freckles=True,
    ),
    PersonaSpec(
        "jade",
        "Jade",
        "#3F2619",
        "#120C0A",
        "long",
        "#E94F4F",
        "sweater",
        "#2A1A12",
        earrings="#E8C25A",
    ),
)


def get_persona(persona_id: str) -> PersonaSpec:
    """Return the persona with this id, or raise ValueError listing the choices."""
    for spec in PERSONAS:
        if spec.id == persona_id:
            return spec
    choices = ", ".join(p.id for p in PERSONAS)
    raise ValueError(f"unknown persona {persona_id!r}; choose one of: {choices}")
