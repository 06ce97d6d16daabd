"""Highlighting and excerpts, without the database."""

import pytest

from search.excerpts import Highlighter, stem


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("hostels", "hostel"),
        ("informed", "inform"),
        ("information", "inform"),
        ("housing", "house"),
        ("communities", "community"),
        ("planned", "planning"),
        ("needs", "needed"),
        ("services", "service"),
    ],
)
def test_simple_english_variants_share_a_stem(first, second):
    assert stem(first) == stem(second)


@pytest.mark.parametrize("word", ["homelessness", "status", "crisis", "bed", "string", "need"])
def test_words_that_only_look_inflected_keep_their_ending(word):
    assert stem(word) == word


def test_highlights_case_insensitively_and_variants():
    highlighter = Highlighter("Hostels")
    html = highlighter.highlight("A HOSTEL and two hostels, not hostelry.")
    assert html == "A <mark>HOSTEL</mark> and two <mark>hostels</mark>, not hostelry."


def test_hyphenated_and_spaced_words_are_alike():
    text = "Trauma-informed care and trauma informed practice."
    for query in ("trauma-informed", "trauma informed"):
        assert Highlighter(query).highlight(text) == (
            "<mark>Trauma</mark>-<mark>informed</mark> care and <mark>trauma</mark> "
            "<mark>informed</mark> practice."
        )


def test_stop_words_are_not_highlighted_unless_alone():
    assert Highlighter("the hostel").highlight("the hostel") == "the <mark>hostel</mark>"
    assert Highlighter("the").highlight("the hostel") == "<mark>the</mark> hostel"


def test_everything_else_is_escaped():
    html = Highlighter("alert").highlight('<script>alert("x")</script> & <b>')
    assert html == "&lt;script&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;"


def test_excerpt_is_about_thirty_words_around_the_first_match():
    words = [f"word{number}" for number in range(200)]
    words[100] = "naloxone"
    excerpt = Highlighter("naloxone").excerpt(" ".join(words))
    assert excerpt.startswith("… word90 ")
    assert excerpt.endswith(" word119 …")
    assert "<mark>naloxone</mark>" in excerpt
    assert len(excerpt.replace("… ", "").replace(" …", "").split()) == 30


def test_excerpt_near_the_start_has_no_leading_ellipsis():
    excerpt = Highlighter("naloxone").excerpt("Naloxone saves lives.")
    assert excerpt == "<mark>Naloxone</mark> saves lives."


def test_no_match_no_excerpt():
    assert Highlighter("naloxone").excerpt("Nothing relevant here.") is None
    assert Highlighter("&|!").excerpt("Nothing to find.") is None


def test_other_languages_match_whole_words_only():
    highlighter = Highlighter("domy", "pl")
    assert highlighter.highlight("domy i dom") == "<mark>domy</mark> i dom"


def test_huge_text_is_quick():
    text = "filler " * 200_000 + "naloxone at the end"
    excerpt = Highlighter("naloxone").excerpt(text)
    assert "<mark>naloxone</mark> at the end" in excerpt
