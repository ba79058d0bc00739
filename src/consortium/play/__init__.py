"""A game in play without Qt: the session every front end drives.

- :mod:`~consortium.play.session` — :class:`~consortium.play.session.Session`: submit, bots,
  votes entered ahead, placement, talk charging, the talk clock, undo and redo, reveal; one
  notification (:class:`~consortium.play.records.Change`) per change;
- :mod:`~consortium.play.records` — what it hands out: ``SessionView``, ``Change``,
  ``Notice`` (codes, no words), ``SessionSetup``;
- :mod:`~consortium.play.clock` — the talk clock, with an injected time source;
- :mod:`~consortium.play.undo` — "what would Undo do, and why not?", read from the history.

Imports neither Qt nor ``consortium.ui`` nor ``consortium.present`` (import-linter): it
returns codes and Events, and ``consortium.present`` puts them into words.
"""
