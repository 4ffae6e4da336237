"""Glasses and facial hair, drawn on the head sprite."""

from __future__ import annotations

from PIL import Image

from ugc.pipeline.agents.persona_face import CX, EYE_DX, EYE_Y, face_outline
from ugc.pipeline.agents.persona_sketch import Sketch, bezier, mix, round_rect
from ugc.pipeline.agents.persona_spec import Palette


def draw_facial_hair(sk: Sketch, pal: Palette, kind: str, face: Image.Image) -> None:
    """Draw a beard or stubble around the jaw, leaving the lips clear."""
    if kind == "none":
        return
    jaw = [(x, y + 8 if y > 380 else y) for x, y in face_outline() if y > 312]
    upper = bezier((CX - 121, 312), (CX - 100, 390), (CX - 60, 398), (CX - 46, 386))
    upper += bezier((CX - 46, 386), (CX - 30, 376), (CX + 30, 376), (CX + 46, 386))[1:]
    upper += bezier((CX + 46, 386), (CX + 60, 398), (CX + 100, 390), (CX + 121, 312))[1:]
    m = sk.mask()
    sk.poly(jaw + upper, pal.hair, target=m)
    if kind == "stubble":
        sk.fill(m, mix(pal.hair, pal.skin_deep, 0.4), 0.28, clip=face, blur=4)
        return
    sk.fill(m, pal.hair, blur=1.5)
    shade = sk.mask()
    sk.ellipse((CX + 90, 420), 70, 80, pal.hair, target=shade)
    sk.fill(shade, pal.hair_shade, 0.6, clip=m, blur=20)


def draw_glasses(sk: Sketch, pal: Palette) -> None:
    """Draw round-cornered glasses with a soft lens glare."""
    frame = mix(pal.ink, (40, 30, 36), 0.5)
    for side in (-1, 1):
        cx = CX + side * EYE_DX
        lens = round_rect(cx, EYE_Y + 2, 40, 30, 15)
        glass = sk.mask()
        sk.poly(lens, pal.skin, target=glass)
        sk.fill(glass, (255, 255, 255), 0.12)
        glare = sk.mask()
        sk.stroke([(cx - 18, EYE_Y + 18), (cx + 6, EYE_Y - 20)], 9, pal.skin, target=glare)
        sk.fill(glare, (255, 255, 255), 0.3, clip=glass)
        sk.stroke([*lens, lens[0]], 6, frame)
        sk.stroke([(CX + side * (EYE_DX + 40), EYE_Y - 8), (CX + side * 122, EYE_Y - 12)], 6, frame)
    sk.stroke(
        bezier(
            (CX - 12, EYE_Y - 2), (CX - 6, EYE_Y - 10), (CX + 6, EYE_Y - 10), (CX + 12, EYE_Y - 2)
        ),
        6,
        frame,
    )
