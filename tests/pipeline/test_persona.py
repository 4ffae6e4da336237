"""Persona catalogue, viseme mapping and sprite rigs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ugc.pipeline.agents.persona import (
    GESTURES,
    PERSONAS,
    VISEMES,
    PersonaRig,
    PersonaSpec,
    Pose,
    build_rig,
    get_persona,
    viseme_for,
)
from ugc.pipeline.agents.persona_spec import luma, palette_for

RIG_HEIGHT = 240


@pytest.fixture(scope="module")
def rigs() -> dict[str, PersonaRig]:
    """Build every persona once at a small size."""
    return {spec.id: build_rig(spec, RIG_HEIGHT) for spec in PERSONAS}


def _pixels(img: Image.Image) -> np.ndarray:
    """Return an image as an int array."""
    return np.asarray(img, dtype=np.int16)


def test_catalogue_has_varied_personas() -> None:
    ids = [p.id for p in PERSONAS]
    assert len(PERSONAS) >= 8
    assert len(set(ids)) == len(ids)
    assert len({p.skin.lower() for p in PERSONAS}) >= 8
    assert len({p.hair_style for p in PERSONAS}) >= 6
    lumas = sorted(luma(palette_for(p).skin) for p in PERSONAS)
    # Light to deep: the catalogue must span a wide range of skin tones.
    assert lumas[0] < 80
    assert lumas[-1] > 200


def test_get_persona_and_unknown_id() -> None:
    assert get_persona("maya").name == "Maya"
    with pytest.raises(ValueError, match="unknown persona 'nobody'; choose one of: maya"):
        get_persona("nobody")


def test_spec_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="hair_style"):
        PersonaSpec("x", "X", "#FFFFFF", "#000000", "mohawk", "#FF0000", "tee", "#000000")


@pytest.mark.parametrize(
    ("phoneme", "viseme"),
    [
        ("ɑ", "AI"),
        ("ˈæ", "AI"),
        ("ə", "E"),
        ("iː", "E"),
        ("oʊ", "O"),
        ("u", "U"),
        ("p", "MBP"),
        ("m", "MBP"),
        ("f", "FV"),
        ("v", "FV"),
        ("ð", "TH"),
        ("θ", "TH"),
        ("l", "L"),
        ("w", "WQ"),
        ("t͡ʃ", "CH"),
        ("k", "CDG"),
        ("a", "AI"),
        ("@", "E"),
        ("D", "TH"),
        ("T", "TH"),
        ("oU", "O"),
        ("I@", "E"),
        ("aI", "AI"),
        ("S", "CH"),
        ("tS", "CH"),
        ("u:", "U"),
        ("_", "rest"),
        ("_:", "rest"),
        ("ˈ", "rest"),
        ("", "rest"),
        ("?!", "rest"),
    ],
)
def test_viseme_for_both_notations(phoneme: str, viseme: str) -> None:
    assert viseme_for(phoneme) == viseme


def test_viseme_set_is_rich() -> None:
    assert len(VISEMES) >= 8
    assert VISEMES[0] == "rest"
    assert {"none", "raise", "point"} <= set(GESTURES)


def test_rig_size_and_sprite_budget(rigs: dict[str, PersonaRig]) -> None:
    for rig in rigs.values():
        assert rig.size == (round(0.8 * RIG_HEIGHT), RIG_HEIGHT)
        assert 0 < len(rig.sprite_keys()) < 40


def test_every_viseme_draws_a_distinct_mouth(rigs: dict[str, PersonaRig]) -> None:
    for pid, rig in rigs.items():
        box = rig.mouth_box(Pose())
        crops = {v: _pixels(rig.render(Pose(viseme=v)).crop(box)) for v in VISEMES}
        for i, a in enumerate(VISEMES):
            for b in VISEMES[i + 1 :]:
                diff = np.abs(crops[a] - crops[b]).sum(axis=2)
                assert (diff > 60).sum() >= 6, f"{pid}: {a} and {b} look the same"


def test_layers_follow_pose(rigs: dict[str, PersonaRig]) -> None:
    rig = rigs["maya"]
    still = dict(rig.layers(Pose()))
    moved = dict(rig.layers(Pose(head_dx=10, head_dy=-10, body_dy=5)))
    head = next(k for k in still if k.startswith("head"))
    scale = RIG_HEIGHT / 1000
    # Sprite origins are sub-pixel, so rounding may add one pixel either way.
    assert abs(moved[head][0] - still[head][0] - 10 * scale) <= 1
    assert abs(moved["torso"][1] - still["torso"][1] - 5 * scale) <= 1
    assert moved["torso"][0] == still["torso"][0]
    keys = [k for k, _ in rig.layers(Pose(eyes_closed=True, gesture="raise"))]
    assert any(k.startswith("lids") for k in keys)
    assert keys.index("torso") < keys.index(head) < keys.index("mouth:rest")
    for key in keys:
        assert rig.sprite(key) is rig.sprite(key)
        assert rig.sprite(key).mode == "RGBA"


def test_gestures_and_blinks_change_pixels(rigs: dict[str, PersonaRig]) -> None:
    rig = rigs["leo"]
    base = _pixels(rig.render(Pose()))
    for gesture in GESTURES[1:]:
        assert np.abs(_pixels(rig.render(Pose(gesture=gesture))) - base).sum() > 0
    x0, y0, x1, y1 = rig.face_box(Pose())
    assert 0 <= x0 < x1 <= rig.size[0]
    assert 0 <= y0 < y1 <= rig.size[1]
    blink = _pixels(rig.render(Pose(eyes_closed=True)))
    eyes = slice(y0 + (y1 - y0) // 4, y0 + (y1 - y0) // 2)
    assert np.abs(blink[eyes] - base[eyes]).sum() > 0


def test_tilt_uses_rotated_head(rigs: dict[str, PersonaRig]) -> None:
    rig = rigs["zara"]
    upright = [k for k, _ in rig.layers(Pose())]
    tilted = [k for k, _ in rig.layers(Pose(head_tilt=3.6))]
    assert upright != tilted


def test_unknown_pose_values_are_rejected(rigs: dict[str, PersonaRig]) -> None:
    rig = rigs["aiko"]
    with pytest.raises(ValueError, match="gesture"):
        rig.layers(Pose(gesture="dab"))
    with pytest.raises(ValueError, match="viseme"):
        rig.layers(Pose(viseme="ZZ"))
