"""The look of a persona and the colour palette derived from it."""

from __future__ import annotations

from dataclasses import dataclass

from ugc.pipeline.agents.persona_sketch import RGB, darker, hex_rgb, lighter, mix

HAIR_STYLES: tuple[str, ...] = (
    "bob",
    "long",
    "bun",
    "curly",
    "buzz",
    "ponytail",
    "afro",
    "wavy",
    "short",
)
TOP_STYLES: tuple[str, ...] = ("tee", "hoodie", "blouse", "sweater")
FACIAL_HAIR: tuple[str, ...] = ("none", "stubble", "beard")


@dataclass(frozen=True)
class PersonaSpec:
    """A procedural creator: colours are #RRGGBB, styles come from the tuples above."""

    id: str
    name: str
    skin: str
    hair: str
    hair_style: str
    top: str
    top_style: str
    eyes: str
    glasses: bool = False
    facial_hair: str = "none"
    lashes: bool = True
    freckles: bool = False
    earrings: str | None = None
    lips: str | None = None

    def __post_init__(self) -> None:
        """Reject styles the rig cannot draw and malformed colours."""
        if self.hair_style not in HAIR_STYLES:
            raise ValueError(
                f"unknown hair_style {self.hair_style!r}; choose one of: {HAIR_STYLES}"
            )
        if self.top_style not in TOP_STYLES:
            raise ValueError(f"unknown top_style {self.top_style!r}; choose one of: {TOP_STYLES}")
        if self.facial_hair not in FACIAL_HAIR:
            raise ValueError(f"unknown facial_hair {self.facial_hair!r}; choose: {FACIAL_HAIR}")
        for colour in (self.skin, self.hair, self.top, self.eyes, self.earrings, self.lips):
            if colour is not None:
                hex_rgb(colour)


@dataclass(frozen=True)
class Palette:
    """Every colour the drawing code needs, derived once from a spec."""

    skin: RGB
    skin_shade: RGB
    skin_deep: RGB
    blush: RGB
    lip: RGB
    lip_dark: RGB
    mouth_in: RGB
    teeth: RGB
    tongue: RGB
    hair: RGB
    hair_shade: RGB
    hair_hi: RGB
    brow: RGB
    iris: RGB
    ink: RGB
    top: RGB
    top_shade: RGB
    top_hi: RGB


def luma(c: RGB) -> float:
    """Return Rec.601 luma in 0..255."""
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def palette_for(spec: PersonaSpec) -> Palette:
    """Derive shading tones so every persona is lit the same way."""
    skin = hex_rgb(spec.skin)
    hair = hex_rgb(spec.hair)
    top = hex_rgb(spec.top)
    deep_skin = luma(skin) < 110
    lip = hex_rgb(spec.lips) if spec.lips else mix(darker(skin, 0.35), (196, 82, 96), 0.35)
    # Very dark hair needs a cooler, stronger highlight to show any shape at all.
    hair_hi = lighter(hair, 0.22) if luma(hair) > 60 else mix(hair, (120, 110, 130), 0.45)
    ink = mix(darker(hair, 0.8), (30, 20, 24), 0.6)
    return Palette(
        skin=skin,
        skin_shade=darker(skin, 0.22 if deep_skin else 0.18),
        skin_deep=darker(skin, 0.5),
        blush=mix(skin, (236, 96, 110), 0.3 if deep_skin else 0.45),
        lip=lip,
        lip_dark=darker(lip, 0.35),
        # The mouth interior must read darker than the darkest skin, or open shapes vanish.
        mouth_in=(44, 12, 20) if deep_skin else (74, 24, 34),
        teeth=(250, 248, 244),
        tongue=(226, 104, 118),
        hair=hair,
        hair_shade=darker(hair, 0.35),
        hair_hi=hair_hi,
        brow=mix(hair, ink, 0.35),
        iris=hex_rgb(spec.eyes),
        ink=ink,
        top=top,
        top_shade=darker(top, 0.25),
        top_hi=lighter(top, 0.18),
    )


@dataclass(frozen=True)
class Pose:
    """One frame of a persona: offsets are pixels at a 1000 px tall rig; tilt is degrees."""

    viseme: str = "rest"
    eyes_closed: bool = False
    gesture: str = "none"
    head_dx: int = 0
    head_dy: int = 0
    head_tilt: float = 0.0
    body_dx: int = 0
    body_dy: int = 0
