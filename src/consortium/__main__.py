"""``python -m consortium`` runs the same command line as the ``consortium`` program."""

from consortium.cli import main

if __name__ == "__main__":  # not in a spawned worker process, which imports this as __mp_main__
    raise SystemExit(main())
