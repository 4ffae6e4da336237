"""Map phonemes in IPA (Piper) or espeak-ng ASCII mnemonics to mouth shapes (visemes)."""

from __future__ import annotations

import unicodedata

VISEMES: tuple[str, ...] = (
    "rest",
    "AI",
    "E",
    "O",
    "U",
    "MBP",
    "FV",
    "L",
    "WQ",
    "TH",
    "CDG",
    "CH",
)

# Both notations share one table: espeak's mnemonics use upper-case ASCII and digits where
# IPA uses special letters, so the keys never collide (e.g. espeak 'D' is IPA 'ð').
_TABLE: dict[str, str] = {
    # open vowels and diphthongs that start open
    **dict.fromkeys(["a", "ɑ", "æ", "ʌ", "ɐ", "ä", "ɶ", "A", "V", "a#", "aI", "aU", "A@"], "AI"),
    **dict.fromkeys(["aɪ", "aʊ", "ɑɪ", "ɑʊ", "ɑɹ", "A:"], "AI"),
    # spread vowels
    **dict.fromkeys(["e", "ɛ", "ə", "ɪ", "i", "ɨ", "ᵻ", "y", "ɘ", "ɜ", "ɝ", "ɚ", "ø", "œ"], "E"),
    **dict.fromkeys(
        ["E", "@", "I", "3", "3:", "@2", "@5", "eI", "eɪ", "e@", "i@", "I@", "I#"], "E"
    ),
    **dict.fromkeys(["I2", "i:", "e:", "E2", "E:", "@L", "a2"], "E"),
    # rounded vowels
    **dict.fromkeys(["o", "ɔ", "ɒ", "ɵ", "O", "0", "oʊ", "oU", "ɔɪ", "OI", "o@", "O@", "O:"], "O"),
    **dict.fromkeys(["u", "ʊ", "ɯ", "ʉ", "U", "u:", "U@", "ʊɹ", "ʏ"], "U"),
    # consonants by the lips, teeth and tongue that make them
    **dict.fromkeys(["m", "b", "p", "ɱ", "ɓ"], "MBP"),
    **dict.fromkeys(["f", "v", "ʋ", "ɸ", "β"], "FV"),
    **dict.fromkeys(["l", "ɫ", "ɬ", "ɮ", "ʎ", "L"], "L"),
    **dict.fromkeys(["w", "ʍ", "ɥ", "W"], "WQ"),
    **dict.fromkeys(["θ", "ð", "T", "D"], "TH"),
    **dict.fromkeys(["ʃ", "ʒ", "tʃ", "dʒ", "t͡ʃ", "d͡ʒ", "S", "Z", "tS", "dZ", "ɕ", "ʑ"], "CH"),
    **dict.fromkeys(["t", "d", "k", "g", "ɡ", "n", "ŋ", "s", "z", "h", "j", "ɹ", "r", "ɾ"], "CDG"),
    **dict.fromkeys(["N", "x", "C", "ç", "ʁ", "ʀ", "ɲ", "ɣ", "χ", "ʔ", "c", "ɟ", "q", "ħ"], "CDG"),
    **dict.fromkeys(["ɦ", "ʕ", "ts", "dz", "ʦ", "ʣ", "R", "j/", "ʂ", "ʐ", "ɳ", "ɖ", "ʈ"], "CDG"),
}

# Stress, length, tie and syllable marks carry no mouth shape of their own.
_MARKS = set("ˈˌ'ː:ˑ;^,.%=|#-\u0361\u035c\u0303\u0329\u032f")


def is_mark(phoneme: str) -> bool:
    """Return True for stress/length marks and word-boundary spaces, which have no mouth shape."""
    text = unicodedata.normalize("NFC", phoneme)
    # A lone comma or full stop is Piper punctuation, i.e. a pause, so it is not a mark here.
    return all((ch in _MARKS and ch not in ",.") or ch.isspace() for ch in text)


def viseme_for(phoneme: str) -> str:
    """Return the viseme for one phoneme in IPA or espeak notation; pauses and unknowns rest."""
    text = unicodedata.normalize("NFC", phoneme.strip())
    if not text or text.startswith("_"):
        return "rest"
    if text in _TABLE:
        return _TABLE[text]
    core = "".join(ch for ch in text if ch not in _MARKS)
    # Longest known prefix wins: a diphthong looks like its first vowel.
    for end in range(len(core), 0, -1):
        found = _TABLE.get(core[:end])
        if found is not None:
            return found
    return "rest"
