"""Consortium: a workshop game about organizing work when no one is in charge."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("consortium")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
