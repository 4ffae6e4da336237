"""Procedural UGC backgrounds."""

from __future__ import annotations

import numpy as np
import pytest

from ugc.pipeline.agents.setting import SETTINGS, draw_setting

SIZES = [(600, 1066), (640, 640), (1066, 600)]


def test_catalogue_has_the_core_rooms() -> None:
    assert {"bedroom", "car", "kitchen", "desk", "bathroom"} <= set(SETTINGS)


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_exact_size_rgb_and_bright(name: str, width: int, height: int) -> None:
    img = draw_setting(name, width, height, seed=3)
    assert img.size == (width, height)
    assert img.mode == "RGB"
    assert np.asarray(img.convert("L"), dtype=np.float64).mean() > 80


@pytest.mark.parametrize("name", SETTINGS)
def test_deterministic_and_seeded(name: str) -> None:
    a = draw_setting(name, 320, 480, seed=11, accent="#FF3366")
    b = draw_setting(name, 320, 480, seed=11, accent="#FF3366")
    assert a.tobytes() == b.tobytes()
    others = [
        draw_setting(name, 320, 480, seed=s, accent="#FF3366").tobytes() for s in range(12, 18)
    ]
    assert any(o != a.tobytes() for o in others)


def test_settings_look_different_from_each_other() -> None:
    imgs = [np.asarray(draw_setting(n, 200, 300, seed=1), dtype=np.int16) for n in SETTINGS]
    for i in range(len(imgs)):
        for j in range(i + 1, len(imgs)):
            assert np.abs(imgs[i] - imgs[j]).mean() > 8


def test_picture_has_detail_not_a_flat_fill() -> None:
    img = np.asarray(draw_setting("kitchen", 400, 700, seed=2), dtype=np.float64)
    assert img.std() > 20


def test_accent_changes_the_room() -> None:
    a = draw_setting("bathroom", 300, 500, seed=5, accent="#FF0000")
    b = draw_setting("bathroom", 300, 500, seed=5, accent="#0000FF")
    assert a.tobytes() != b.tobytes()


def test_big_and_extreme_sizes() -> None:
    assert draw_setting("car", 2300, 2300, seed=1).size == (2300, 2300)
    assert draw_setting("desk", 2300, 600, seed=1).size == (2300, 600)


def test_unknown_setting_names_the_choices() -> None:
    with pytest.raises(ValueError, match="unknown setting 'garage'; choose one of: bedroom"):
        draw_setting("garage", 100, 100, seed=0)
