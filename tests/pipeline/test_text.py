"""The shared tokenizer: words for spaced scripts, characters for CJK, joined back correctly."""

from __future__ import annotations

from ugc.pipeline.text import count_words, is_spoken, join_tokens, speakable, tokenize


def test_tokenize_spaced_and_cjk() -> None:
    assert tokenize("Hello world! ✨") == ["Hello", "world!", "✨"]
    assert tokenize("你好，世界。") == ["你", "好，", "世", "界。"]


def test_join_restores_display_text() -> None:
    for text in ("光彩精华。一款轻盈的精华", "Glow Serum, honestly.", "Tap 立即购买"):
        joined = join_tokens(tokenize(text))
        assert joined.replace(" ", "") == text.replace(" ", "")
    assert join_tokens(tokenize("你好，世界。")) == "你好，世界。"
    assert join_tokens(["Hello", "world!"]) == "Hello world!"


def test_spoken_and_speakable() -> None:
    assert not is_spoken("✨")
    assert is_spoken("20%")
    assert speakable("wow✨!") == "wow!"


def test_count_words_halves_cjk() -> None:
    assert count_words("one two three ✨") == 3
    assert count_words("你好世界") == 2
