"""``python -m consortium`` runs the same command line as the ``consortium`` program."""

from consortium.cli import main

raise SystemExit(main())
