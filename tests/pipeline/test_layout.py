"""Every layout keeps text, logos, faces and CTA inside its platform's safe zone."""

from __future__ import annotations

import pytest

from ugc.pipeline.render.layout import Box, all_aspects, layout_for

SAFE = {
    "9:16": (1080, 1920, Box(65, 270, 1080 - 65 - 150, 1920 - 270 - 670)),
    "1:1": (1080, 1080, Box(54, 54, 972, 972)),
    "4:5": (1080, 1350, Box(54, 54, 972, 1242)),
    "16:9": (1920, 1080, Box(96, 54, 1728, 972)),
}


@pytest.mark.parametrize("aspect", all_aspects())
def test_profile_and_safe_zone_match_quality_md(aspect: str) -> None:
    lay = layout_for(aspect)
    w, h, safe = SAFE[aspect]
    assert (lay.width, lay.height) == (w, h)
    assert lay.safe == safe


@pytest.mark.parametrize("aspect", all_aspects())
def test_every_text_box_is_inside_the_safe_zone(aspect: str) -> None:
    lay = layout_for(aspect)
    for name in ("captions", "logo", "badge", "cta", "product"):
        assert lay.safe.contains(getattr(lay, name)), name


def test_layouts_are_real_relayouts_not_scaled_copies() -> None:
    tall, wide = layout_for("9:16"), layout_for("16:9")
    assert tall.product_full
    assert not wide.product_full
    # side by side in 16:9: persona left, product right
    assert wide.face_center[0] < wide.product.x


def test_unknown_aspect_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown aspect"):
        layout_for("21:9")
