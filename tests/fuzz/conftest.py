"""Hypothesis profiles for the fuzz tests.

"ci" (the default, run by `make test`) tries a few examples, always the same ones, so a run can
be repeated. "thorough" (HYPOTHESIS_PROFILE=thorough, `make fuzz`) tries many more, new ones
each run, to find what the small run misses.
"""

import os

from hypothesis import HealthCheck, settings

SLOW_BUT_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    max_examples=15,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=SLOW_BUT_FINE,
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    print_blob=True,
    suppress_health_check=SLOW_BUT_FINE,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
