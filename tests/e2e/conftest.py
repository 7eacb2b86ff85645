"""The headless Chromium every browser test module shares (one per module)."""

from tests.e2e.test_gallery_in_chromium import browser  # noqa: F401  (a fixture)
