"""Draw the FlowDesk pictures: the web dashboard, the phone inbox and the logo."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageFilter

from drawing.kit import LOGO, RGB, SIZE, Box, Canvas, Ink, gradient, mix


def card(c: Canvas, box: Box, fill: Ink = (255, 255, 255), r: float = 14, lift: int = 40) -> None:
    """Draw a UI card with a faint drop shadow."""
    c.shadow((box[0] + 4, box[1] + 8, box[2] - 4, box[3] + 6), 10, lift, rounded=r)
    c.rounded(box, r, fill)


def line_chart(c: Canvas, box: Box, values: Sequence[float], colour: RGB) -> None:
    """Draw a smooth area chart with grid lines inside box."""
    x0, y0, x1, y1 = box
    for i in range(4):
        y = y0 + (y1 - y0) * i / 3
        c.line(((x0, y), (x1, y)), (226, 230, 240), 1)
    xs = np.linspace(x0, x1, 8 * (len(values) - 1) + 1)
    ys = np.interp(np.linspace(0, len(values) - 1, len(xs)), np.arange(len(values)), values)
    ys = np.convolve(np.pad(ys, 4, mode="edge"), np.ones(9) / 9, mode="valid")
    pts = [(float(x), y1 - (y1 - y0) * float(v)) for x, v in zip(xs, ys, strict=True)]
    c.polygon([*pts, (x1, y1), (x0, y1)], (*colour, 40))
    c.line(pts, colour, 3.5)
    px, py = pts[-1]
    c.ellipse((px - 7, py - 7, px + 7, py + 7), (255, 255, 255), colour, 3)


def bar_chart(
    c: Canvas, box: Box, values: Sequence[float], colours: Sequence[RGB], labels: Sequence[str]
) -> None:
    """Draw rounded vertical bars with labels under them."""
    x0, y0, x1, y1 = box
    step = (x1 - x0) / len(values)
    for i, (v, col, label) in enumerate(zip(values, colours, labels, strict=True)):
        bx = x0 + step * i + step * 0.22
        c.rounded((bx, y1 - (y1 - y0) * v, bx + step * 0.56, y1), 6, col)
        c.text((bx + step * 0.28, y1 + 18), label, 13, (110, 116, 140))


def pill(c: Canvas, xy: tuple[float, float], text: str, colour: RGB, size: float = 13) -> None:
    """Draw a small status pill centred at xy."""
    w = len(text) * size * 0.62 + 22
    c.rounded(
        (xy[0] - w / 2, xy[1] - size, xy[0] + w / 2, xy[1] + size),
        size,
        mix(colour, (255, 255, 255), 0.82),
    )
    c.text(xy, text, size, colour, bold=True)


def draw_saas_dashboard(brand: dict[str, RGB]) -> Image.Image:
    """Draw the FlowDesk web app: sidebar, KPI cards, charts and the ticket queue."""
    primary, teal = brand["primary"], brand["accent"]
    c = Canvas(gradient(SIZE, SIZE, (236, 240, 255), (206, 212, 248), (0.5, 0.2, (250, 251, 255))))
    c.shadow((80, 190, 1120, 1080), 30, 110, rounded=24)
    c.rounded((60, 130, 1140, 1060), 22, (248, 249, 253))
    c.rounded((60, 130, 1140, 178), 22, (232, 235, 245))
    c.draw.rectangle(c.s((60, 160, 1140, 178)), (232, 235, 245))
    for i, col in enumerate(((255, 95, 87), (255, 189, 46), (40, 201, 64))):
        c.ellipse((84 + 24 * i, 147, 98 + 24 * i, 161), col)
    c.text((600, 154), "FlowDesk", 15, (110, 116, 140), bold=True)
    _sidebar(c, primary)
    _dash_header(c, primary)
    _dash_charts(c, primary, teal)
    _ticket_rows(c, primary, teal)
    return c.finish()


def _sidebar(c: Canvas, primary: RGB) -> None:
    """Draw the app's navigation column."""
    c.rounded((60, 178, 270, 1060), 22, primary)
    c.draw.rectangle(c.s((60, 178, 270, 220)), primary)
    c.draw.rectangle(c.s((230, 178, 270, 1060)), primary)
    flow_mark(c, 88, 204, 40, (255, 255, 255), primary)
    c.text((142, 224), "FlowDesk", 22, (255, 255, 255), bold=True, anchor="lm")
    items = (
        ("Inbox", "42"),
        ("Mine", "9"),
        ("Unassigned", "6"),
        ("Live chat", "3"),
        ("Reports", ""),
        ("Automations", ""),
        ("Settings", ""),
    )
    for i, (name, count) in enumerate(items):
        y = 300 + 54 * i
        if i == 0:
            c.rounded((76, y - 20, 254, y + 20), 10, mix(primary, (255, 255, 255), 0.18))
        c.rounded((92, y - 7, 106, y + 7), 4, (255, 255, 255, 200 if i == 0 else 110))
        c.text(
            (120, y), name, 16, (255, 255, 255, 255 if i == 0 else 190), anchor="lm", bold=i == 0
        )
        if count:
            c.text((238, y), count, 14, (255, 255, 255, 220), anchor="rm", bold=True)
    c.rounded((82, 960, 248, 1010), 12, mix(primary, (255, 255, 255), 0.15))
    c.ellipse((94, 970, 124, 1000), (255, 205, 180))
    c.text((136, 985), "Sam · Support", 14, (255, 255, 255), anchor="lm")


def flow_mark(c: Canvas, x: float, y: float, size: float, fg: Ink, bg: RGB) -> None:
    """Draw the FlowDesk mark: a rounded tile holding three flowing bars that form an F."""
    c.rounded((x, y, x + size, y + size), size * 0.26, fg)
    u = size / 10
    for i, (w, col) in enumerate(((6.0, bg), (4.4, bg), (2.4, bg))):
        top = y + u * (2.2 + 2.1 * i)
        c.rounded((x + u * 2, top, x + u * (2 + w), top + u * 1.4), u * 0.7, col)
    c.ellipse((x + u * 6.6, y + u * 6.5, x + u * 8.1, y + u * 8.0), mix(bg, (20, 184, 166), 0.9))


def _dash_header(c: Canvas, primary: RGB) -> None:
    """Draw the greeting, search, button and KPI cards."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    c.text((300, 222), "Good morning, Sam", 26, ink, bold=True, anchor="lm")
    c.text((300, 256), "Here is your team's queue today", 15, grey, anchor="lm")
    c.rounded((690, 206, 925, 246), 20, (255, 255, 255), (224, 228, 240), 1.5)
    c.text((716, 226), "Search tickets…", 14, (150, 156, 176), anchor="lm")
    c.rounded((940, 206, 1110, 246), 20, primary)
    c.text((1025, 226), "+  New ticket", 15, (255, 255, 255), bold=True)
    kpis = (
        ("Open tickets", "42", "-18%"),
        ("First reply", "18m", "-32%"),
        ("Resolved this week", "318", "+12%"),
        ("Customer rating", "4.8", "+0.3"),
    )
    for i, (label, value, delta) in enumerate(kpis):
        x = 290 + i * 211.5
        card(c, (x, 285, x + 195.5, 395))
        c.text((x + 18, 312), label, 14, grey, anchor="lm")
        c.text((x + 18, 358), value, 34, ink, bold=True, anchor="lm")
        pill(c, (x + 150, 358), delta, (22, 163, 74), 12)


def _dash_charts(c: Canvas, primary: RGB, teal: RGB) -> None:
    """Draw the resolved-tickets area chart and the channel bar chart."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    card(c, (290, 415, 830, 690))
    c.text((312, 445), "Tickets resolved", 18, ink, bold=True, anchor="lm")
    c.text((312, 470), "Last 14 days", 13, grey, anchor="lm")
    pill(c, (770, 447), "+24%", (22, 163, 74), 12)
    values = (0.32, 0.38, 0.35, 0.46, 0.44, 0.52, 0.49, 0.58, 0.62, 0.57, 0.68, 0.72, 0.7, 0.84)
    line_chart(c, (315, 495, 805, 665), values, primary)
    card(c, (846, 415, 1120, 690))
    c.text((866, 445), "By channel", 18, ink, bold=True, anchor="lm")
    c.text((866, 470), "This week", 13, grey, anchor="lm")
    cols = (primary, teal, mix(primary, (255, 255, 255), 0.45), (245, 158, 11))
    bar_chart(
        c,
        (866, 505, 1100, 640),
        (0.9, 0.66, 0.38, 0.22),
        cols,
        ("Email", "Chat", "Social", "Phone"),
    )


def _ticket_rows(c: Canvas, primary: RGB, teal: RGB) -> None:
    """Draw the ticket queue with avatars, channels, statuses and SLA timers."""
    ink, grey = (30, 34, 56), (110, 116, 140)
    card(c, (290, 710, 1120, 1035))
    c.text((312, 742), "Queue", 18, ink, bold=True, anchor="lm")
    for i, label in enumerate(("All", "Mine", "Urgent")):
        fill = primary if i == 0 else (238, 240, 248)
        c.rounded((880 + 76 * i, 728, 946 + 76 * i, 756), 14, fill)
        c.text((913 + 76 * i, 742), label, 13, (255, 255, 255) if i == 0 else grey, bold=True)
    rows = (
        ("MR", "Maya R.", "Where is my order #4821?", "Email", "Open", "12m", (236, 72, 153)),
        (
            "JT",
            "Jon T.",
            "Can I change my plan to annual?",
            "Chat",
            "Pending",
            "34m",
            (59, 130, 246),
        ),
        ("AK", "Aisha K.", "Refund for duplicate charge", "Email", "Open", "1h", (245, 158, 11)),
        ("LP", "Leo P.", "Love the new update!", "Social", "Solved", "", (16, 185, 129)),
    )
    status = {"Open": primary, "Pending": (217, 119, 6), "Solved": (22, 163, 74)}
    for i, (ini, name, subject, channel, state, sla, col) in enumerate(rows):
        y = 800 + 62 * i
        c.line(((312, y - 31), (1098, y - 31)), (236, 238, 246), 1)
        c.ellipse((312, y - 20, 352, y + 20), col)
        c.text((332, y), ini, 14, (255, 255, 255), bold=True)
        c.text((368, y - 10), name, 15, ink, bold=True, anchor="lm")
        c.text((368, y + 12), subject, 14, grey, anchor="lm")
        pill(c, (780, y), channel, teal, 12)
        pill(c, (890, y), state, status[state], 12)
        c.text((1090, y), sla, 14, (220, 38, 38) if sla == "1h" else grey, anchor="rm", bold=True)


def draw_saas_phone(brand: dict[str, RGB]) -> Image.Image:
    """Draw FlowDesk's mobile inbox on a tilted phone, with a notification card beside it."""
    primary, teal = brand["primary"], brand["accent"]
    bg = gradient(SIZE, SIZE, (240, 242, 255), (203, 208, 246), (0.42, 0.3, (252, 252, 255)))
    phone = _phone_screen(primary, teal).rotate(-7, Image.Resampling.BICUBIC, expand=True)
    shadow = Image.new("L", bg.size, 0)
    shadow.paste(phone.getchannel("A").point(lambda v: v // 2), (360, 170))
    bg.paste((30, 30, 70), (0, 0), shadow.filter(ImageFilter.GaussianBlur(28)))
    bg.paste(phone, (600 - phone.width // 2, 600 - phone.height // 2), phone)
    c = Canvas(bg)
    card(c, (690, 300, 1110, 410), (255, 255, 255), 22, 70)
    flow_mark(c, 712, 326, 56, primary, (255, 255, 255))
    c.text((786, 336), "New chat assigned to you", 17, (30, 34, 56), bold=True, anchor="lm")
    c.text((786, 366), "Maya: Where is my order #4821?", 15, (110, 116, 140), anchor="lm")
    card(c, (90, 780, 440, 880), (255, 255, 255), 22, 70)
    c.ellipse((112, 802, 168, 858), mix(teal, (255, 255, 255), 0.8))
    c.line(((126, 830), (137, 842), (156, 818)), teal, 5)
    c.text((186, 812), "Replied in 4 min", 18, (30, 34, 56), bold=True, anchor="lm")
    c.text((186, 842), "SLA met · auto-assigned", 15, (110, 116, 140), anchor="lm")
    return c.finish()


def _phone_screen(primary: RGB, teal: RGB) -> Image.Image:
    """Return an RGBA phone (bezel, island, app UI) drawn upright at 1x scale."""
    w, h = 440, 900
    c = Canvas(Image.new("RGBA", (w, h), (0, 0, 0, 0)))
    c.rounded((0, 0, w, h), 64, (24, 26, 38))
    c.rounded((4, 4, w - 4, h - 4), 60, None, (90, 94, 110), 2)
    c.rounded((16, 16, w - 16, h - 16), 50, (247, 248, 253))
    c.rounded((16, 16, w - 16, 190), 50, primary)
    c.draw.rectangle(c.s((16, 120, w - 16, 190)), primary)
    c.rounded((170, 30, 270, 60), 15, (14, 15, 22))
    c.text((56, 46), "9:41", 16, (255, 255, 255), bold=True, anchor="lm")
    c.text((44, 110), "Inbox", 32, (255, 255, 255), bold=True, anchor="lm")
    c.text((44, 150), "6 waiting · 2 urgent", 16, (255, 255, 255, 210), anchor="lm")
    c.ellipse((356, 92, 400, 136), (255, 205, 180))
    for i, (label, on) in enumerate((("All", True), ("Mine", False), ("Urgent", False))):
        x = 36 + 96 * i
        c.rounded((x, 210, x + 84, 246), 18, primary if on else (232, 234, 246))
        c.text((x + 42, 228), label, 15, (255, 255, 255) if on else (90, 96, 120), bold=True)
    _phone_tickets(c)
    c.rounded((16, h - 110, w - 16, h - 16), 50, (255, 255, 255))
    c.draw.rectangle(c.s((16, h - 110, w - 16, h - 70)), (255, 255, 255))
    for i in range(4):
        x = 78 + 95 * i
        c.rounded((x - 14, h - 82, x + 14, h - 54), 8, primary if i == 0 else (200, 204, 222))
    c.rounded((160, h - 36, 280, h - 30), 3, (30, 34, 56))
    c.ellipse((330, 690, 400, 760), teal)
    c.text((365, 724), "+", 40, (255, 255, 255), bold=True)
    return c.finish()


def _phone_tickets(c: Canvas) -> None:
    """Draw the mobile ticket cards."""
    rows = (
        ("MR", "Maya R.", "Where is my order #4821?", "12m", (236, 72, 153), True),
        ("JT", "Jon T.", "Switch to annual billing?", "34m", (59, 130, 246), False),
        ("AK", "Aisha K.", "Refund for duplicate charge", "1h", (245, 158, 11), True),
        ("DS", "Dan S.", "Invoice for March, please", "2h", (139, 92, 246), False),
    )
    for i, (ini, name, text, age, col, urgent) in enumerate(rows):
        y = 266 + 102 * i
        card(c, (32, y, 408, y + 88), (255, 255, 255), 18, 30)
        c.ellipse((48, y + 22, 92, y + 66), col)
        c.text((70, y + 44), ini, 15, (255, 255, 255), bold=True)
        c.text((106, y + 30), name, 17, (30, 34, 56), bold=True, anchor="lm")
        c.text((106, y + 58), text, 14, (110, 116, 140), anchor="lm")
        c.text((392, y + 30), age, 13, (150, 156, 176), anchor="rm")
        if urgent:
            c.ellipse((380, y + 52, 392, y + 64), (239, 68, 68))


def draw_saas_logo(brand: dict[str, RGB]) -> Image.Image:
    """Draw the FlowDesk logo: the mark above an outlined wordmark, on transparency."""
    primary = brand["primary"]
    c = Canvas(Image.new("RGBA", (LOGO, LOGO), (0, 0, 0, 0)))
    c.rounded((118, 30, 394, 306), 74, (255, 255, 255, 255))
    flow_mark(c, 128, 40, 256, (*primary, 255), (255, 255, 255))
    c.text((256, 400), "FlowDesk", 84, (*primary, 255), bold=True, stroke=(255, 255, 255, 255))
    return c.finish()
