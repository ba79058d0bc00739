"""Shared widgets, the theme and small Qt models that every room uses (no game logic)."""
