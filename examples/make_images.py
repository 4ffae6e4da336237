"""Draw the example briefs' product images and logos with Pillow (deterministic, no downloads).

Run from the repository root: .venv/bin/python examples/make_images.py
The drawing code lives in the examples/drawing package next to this file; running the file as
a script puts its folder first on sys.path, so the package imports from any working directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from drawing import gadget, saas, serum
from drawing.kit import RGB, hex_rgb, save_logo, save_photo
from PIL import Image

HERE = Path(__file__).resolve().parent

Drawer = Callable[[dict[str, RGB]], Image.Image]
PICTURES: dict[str, dict[str, Drawer]] = {
    "serum": {
        "serum_bottle.png": serum.draw_serum_bottle,
        "serum_texture.png": serum.draw_serum_texture,
        "logo.png": serum.draw_serum_logo,
    },
    "saas": {
        "app_dashboard.png": saas.draw_saas_dashboard,
        "app_phone.png": saas.draw_saas_phone,
        "logo.png": saas.draw_saas_logo,
    },
    "gadget": {
        "gadget_hero.png": gadget.draw_gadget_hero,
        "gadget_in_use.png": gadget.draw_gadget_in_use,
        "logo.png": gadget.draw_gadget_logo,
    },
}


def brand_colours(folder: Path) -> dict[str, RGB]:
    """Return the brand colours of the brief in folder, so pictures and brief never disagree."""
    brief = yaml.safe_load((folder / "brief.yaml").read_text(encoding="utf-8"))
    return {key: hex_rgb(brief["brand"][key]) for key in ("primary", "secondary", "accent", "text")}


def main() -> None:
    """Draw every picture next to its brief."""
    for name, pictures in PICTURES.items():
        folder = HERE / name
        brand = brand_colours(folder)
        for filename, draw in pictures.items():
            path = folder / filename
            picture = draw(brand)
            (save_logo if filename == "logo.png" else save_photo)(picture, path)
            kb = path.stat().st_size // 1024
            print(
                f"wrote {path.relative_to(HERE.parent)}  {picture.width}x{picture.height}  {kb} KB"
            )


if __name__ == "__main__":
    main()
