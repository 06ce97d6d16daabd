"""Screenshots of each journey's key screens, for a person to look at after a run.

They go to test-results/journeys/<journey>/ (or under $PDU_TEST_RESULTS), a folder git ignores
and CI keeps. A screenshot is a record, never an assertion: the tests assert what they see.
"""

import os
import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def results_folder():
    return Path(os.environ.get("PDU_TEST_RESULTS", REPOSITORY / "test-results"))


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class JourneyScreenshots:
    """Numbered full-page screenshots of one journey, in the order they were taken."""

    def __init__(self, journey):
        self.folder = results_folder() / "journeys" / slug(journey)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):  # a shorter journey must not leave stale steps
            old.unlink()
        self.taken = 0

    def take(self, page, step):
        self.taken += 1
        path = self.folder / f"{self.taken:02d}-{slug(step)}.png"
        page.screenshot(path=str(path), full_page=True)
        return path
