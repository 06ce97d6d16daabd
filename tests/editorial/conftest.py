"""Fixtures for the translation tests."""

import pytest

from .translation_actions import live_english_page, translated_home


@pytest.fixture
def english(home):
    """A live English page, under a home page that has a live Polish version."""
    translated_home(home, "pl")
    return live_english_page(home)
