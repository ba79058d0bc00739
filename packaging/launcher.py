"""The packaged program's entry point: the same command line as ``consortium``.

A script outside the package, so PyInstaller does not put ``src/consortium`` itself on the
module search path (which it does for a script's own folder).
"""

from __future__ import annotations

from consortium.cli import main

raise SystemExit(main())
