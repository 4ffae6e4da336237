"""Tokenising shared by voice engines and captions, so both agree on word boundaries."""

from __future__ import annotations

import re
import unicodedata

# Scripts written without spaces between words: each character is a caption token.
_NO_SPACE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f]"
)
_CLOSING = set("。、，．！？!?,.;:)」』”’")


def tokenize(line: str) -> list[str]:
    """Split a line into caption/voice tokens: words, or single CJK/Thai characters."""
    tokens: list[str] = []
    for chunk in line.split():
        if not _NO_SPACE.search(chunk):
            tokens.append(chunk)
            continue
        tokens.extend(_split_no_space(chunk))
    return tokens


def _split_no_space(chunk: str) -> list[str]:
    """Split a spaceless chunk into characters, keeping closing punctuation attached."""
    out: list[str] = []
    for ch in chunk:
        if (
            out and (ch in _CLOSING or not _NO_SPACE.match(ch)) and _NO_SPACE.match(out[-1][-1])
        ) or (out and not _NO_SPACE.match(ch) and not _NO_SPACE.match(out[-1][-1])):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def is_spoken(token: str) -> bool:
    """Return True if the token has any letter or digit a voice can say (not only emoji/punct)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


def speakable(token: str) -> str:
    """Return the token without emoji and symbols, for the voice engine."""
    return "".join(ch for ch in token if unicodedata.category(ch)[0] in "LNPZ" or ch in "'-")


def no_space_between(left: str, right: str) -> bool:
    """Return True when two tokens join without a space (both sides in a spaceless script)."""
    if not left or not right:
        return False
    if left[-1] in _CLOSING and not _NO_SPACE.search(left):
        return False  # Latin punctuation ends a Latin word: keep the space
    return bool(_NO_SPACE.match(left[-1]) or _NO_SPACE.match(right[0])) or (
        left[-1] in _CLOSING and bool(_NO_SPACE.search(left))
    )


def join_tokens(tokens: list[str] | tuple[str, ...]) -> str:
    """Join tokens back into display text, without spaces inside CJK/Thai runs."""
    out = ""
    for tok in tokens:
        if out and not no_space_between(out, tok):
            out += " "
        out += tok
    return out


def count_words(text: str) -> float:
    """Count spoken words the way length fitting does: a lone CJK/Thai character is half a word."""
    total = 0.0
    for tok in tokenize(text):
        if is_spoken(tok):
            total += 0.5 if _NO_SPACE.match(tok[0]) else 1.0
    return total
