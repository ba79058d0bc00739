"""The program's version, as a plain constant.

It repeats ``[project].version`` in pyproject.toml on purpose: reading it from the installed
metadata (:func:`importlib.metadata.version`) costs every start of the window about 20 ms and
5 MiB (the metadata loader brings in ``email``, ``zipfile``, ``csv`` and ``socket``; measured
with ``python -X importtime`` and bench/run_all.py's peak memory). tests/test_version.py fails
when the two disagree, and packaging/consortium.spec refuses to build.
"""

__version__ = "0.1.0"
