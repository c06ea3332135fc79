"""Draws Tirkeu's app icons (static/icons/*.png): a teal square, a white passport page with a
check mark. Run once when the design changes (needs Pillow: pip install pillow):

    .venv/bin/python scripts/draw_icons.py
"""
from pathlib import Path

from PIL import Image, ImageDraw

TEAL = (15, 94, 99, 255)
WHITE = (255, 255, 255, 255)
YELLOW = (255, 221, 0, 255)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"


def save(image: Image.Image, name: str) -> None:
    """As a 64-colour palette PNG: the icons are in the offline precache, whose budget is 150 KB."""
    image.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(OUT / name, optimize=True)


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink, for smooth edges
    s = size * scale
    image = Image.new("RGBA", (s, s), TEAL if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    if not maskable:
        d.rounded_rectangle([0, 0, s - 1, s - 1], radius=s // 5, fill=TEAL)
    # Maskable icons keep their drawing inside the central 80 % safe zone.
    inset = s * (0.26 if maskable else 0.2)
    left, top, right, bottom = inset + s * 0.06, inset, s - inset - s * 0.06, s - inset
    d.rounded_rectangle([left, top, right, bottom], radius=s // 28, fill=WHITE)
    line = max(2, s // 40)
    for i in range(3):  # lines of text on the page
        y = top + (bottom - top) * (0.2 + i * 0.13)
        d.line([left + (right - left) * 0.18, y, right - (right - left) * 0.18, y], fill=(180, 196, 198, 255), width=line)
    # the check mark
    cx, cy, r = right - (right - left) * 0.05, bottom - (bottom - top) * 0.08, (right - left) * 0.32
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=YELLOW, outline=TEAL, width=line)
    d.line([cx - r * 0.45, cy, cx - r * 0.1, cy + r * 0.38, cx + r * 0.5, cy - r * 0.35],
           fill=TEAL, width=line * 2, joint="curve")
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    save(draw(192, False), "icon-192.png")
    save(draw(512, False), "icon-512.png")
    save(draw(512, True), "icon-maskable-512.png")
    save(draw(180, True).convert("RGB"), "apple-touch-icon.png")
    print("icons in", OUT)
