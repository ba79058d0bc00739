"""The packaged program's entry point: the same command line as ``consortium``.

A script outside the package, so PyInstaller does not put ``src/consortium`` itself on the
module search path (which it does for a script's own folder).
"""

from __future__ import annotations

import multiprocessing

from consortium.cli import main

if __name__ == "__main__":
    # a spawned worker of the frozen program (the debrief's what-if, play/what_if.py) runs
    # its task and exits here instead of opening the game
    multiprocessing.freeze_support()
    raise SystemExit(main())
