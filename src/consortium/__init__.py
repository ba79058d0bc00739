"""Consortium: a workshop game about organizing work when no one is in charge."""

from consortium._version import __version__

__all__ = ["__version__"]
