"""Body arrangements per script format: which brief fields are said, in what order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from math import factorial

from ugc.pipeline.types import ScriptLine
from ugc.providers.offline.copy_model import Fact
from ugc.providers.offline.copy_render import Ctx, opening, pick


@dataclass(frozen=True)
class Beat:
    """One planned body line: a template key and the fact it quotes (None for framing)."""

    key: str
    fact: Fact | None = None


@dataclass(frozen=True)
class _Pool:
    """The facts still free for the body, with benefits already in arrangement order."""

    benefits: tuple[Fact, ...]
    pains: tuple[Fact, ...]
    singles: dict[str, Fact]

    def one(self, key: str, kind: str = "") -> list[Beat]:
        """Return a beat for the single fact of a kind, if the brief has it."""
        fact = self.singles.get(kind or key)
        return [Beat(key, fact)] if fact else []

    def bens(self, key: str = "benefit") -> list[Beat]:
        """Return one beat per benefit."""
        return [Beat(key, f) for f in self.benefits]

    def pain(self, upto: int = 1) -> list[Beat]:
        """Return beats for the first `upto` pain points."""
        return [Beat("pain", f) for f in self.pains[:upto]]


def _testimonial(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange a testimonial: the struggle, the product, what changed, a verdict."""
    intro, verdict = p.one("intro", "description"), [Beat("verdict")]
    if flip:
        return intro + p.pain() + p.one("audience") + p.bens() + p.one("offer") + verdict
    return p.pain() + intro + p.bens() + p.one("audience") + verdict + p.one("offer")


def _problem_solution(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange problem-solution: pains first, then the product as the answer."""
    intro, frame = p.one("intro", "description"), [Beat("frame")]
    if flip:
        tail = p.one("audience") + p.one("price") + p.one("offer")
        return p.pain() + frame + intro + p.bens() + tail
    return p.pain(2) + frame + intro + p.bens() + p.one("offer") + p.one("price")


def _unboxing(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange an unboxing: open it, meet the product, first impressions."""
    frame, intro, verdict = [Beat("frame")], p.one("intro", "description"), [Beat("verdict")]
    if flip:
        bens = p.bens()
        return frame + bens[:1] + intro + bens[1:] + verdict + p.one("offer") + p.one("price")
    return frame + intro + p.bens() + p.one("price") + p.one("offer") + verdict


def _review(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange a review: what it is, the pros, the price, a verdict."""
    frame, intro, verdict = [Beat("frame")], p.one("intro", "description"), [Beat("verdict")]
    if flip:
        return intro + p.bens() + p.one("audience") + verdict + p.one("price") + p.one("offer")
    return frame + intro + p.bens() + p.one("price") + verdict + p.one("offer")


def _listicle(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange a listicle: numbered items from benefits, offer and price."""
    if flip:
        return p.bens("item") + p.one("item", "price") + p.one("item", "offer")
    return p.one("intro", "description") + p.bens("item") + p.one("item", "offer")


def _pov(p: _Pool, flip: bool) -> list[Beat]:
    """Arrange a POV: the viewer's situation, then the discovery."""
    intro, frame = p.one("intro", "description"), [Beat("frame")]
    if flip:
        return p.pain() + intro + p.one("audience") + p.bens() + p.one("offer") + frame
    return p.pain() + intro + p.bens() + frame + p.one("offer")


_BUILDERS: dict[str, Callable[[_Pool, bool], list[Beat]]] = {
    "testimonial": _testimonial,
    "problem-solution": _problem_solution,
    "unboxing": _unboxing,
    "review": _review,
    "listicle": _listicle,
    "pov": _pov,
}


def arrange(ctx: Ctx, arrangement: int, used: set[str]) -> list[Beat]:
    """Return the body beats for the context's format; `arrangement` rotates and flips them."""
    free = [f for f in ctx.facts if f.path not in used and f.kind != "cta"]
    benefits = [f for f in free if f.kind == "benefit"]
    orders = factorial(len(benefits))
    benefits = _permute(benefits, arrangement % orders)
    flip = (arrangement // orders) % 2 == 1
    singles: dict[str, Fact] = {}
    for fact in free:
        singles.setdefault(fact.kind, fact)
    pool = _Pool(tuple(benefits), tuple(f for f in free if f.kind == "pain"), singles)
    return _BUILDERS[ctx.fmt](pool, flip)


def arrangement_count(ctx: Ctx) -> int:
    """Return how many distinct arrangements `arrange` cycles through for this brief."""
    return 2 * factorial(sum(1 for f in ctx.facts if f.kind == "benefit"))


def _permute(items: list[Fact], index: int) -> list[Fact]:
    """Return the index-th ordering; the lead item changes fastest, like a rotation."""
    pool, out = list(items), []
    while pool:
        index, at = divmod(index, len(pool))
        out.append(pool.pop(at))
    return out


def item_count(ctx: Ctx) -> int:
    """Return how many listicle items the brief can fill (benefits, offer, price)."""
    return sum(1 for f in ctx.facts if f.kind in ("benefit", "offer", "price"))


def body_lines(ctx: Ctx, beats: list[Beat], salt: int) -> list[ScriptLine]:
    """Render beats in order, rotating connectors by `salt` and never opening twice alike."""
    lines: list[ScriptLine] = []
    avoid: set[str] = set()
    ordinals = ctx.pack.ordinals
    items = 0
    for j, beat in enumerate(beats):
        extra: dict[str, str] = {}
        if beat.key == "item":
            extra = {"ordinal": ordinals[min(items, len(ordinals) - 1)]} if ordinals else {}
            items += 1
        new = pick(ctx, beat.key, beat.fact, salt + j, avoid, extra)
        avoid.update(opening(line.text) for line in new)
        lines.extend(new)
    return lines
