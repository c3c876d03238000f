"""Synthetic recordings with known truth: routes, their GPX, TCX and FIT files, and bad files."""
