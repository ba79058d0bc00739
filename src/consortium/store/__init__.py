"""Everything that touches the disk: scenario files, saves, autosave, settings paths.

The window's way in, module by module:

- :mod:`~consortium.store.paths` — the data and config folders (per user, or portable),
  resolved once in ``main()`` and passed in;
- :mod:`~consortium.store.autosave` — :class:`~consortium.store.autosave.Autosaver`, saving
  after every action on a writer thread, with a status for the facilitator;
- :mod:`~consortium.store.sessions` — the resume list, crash detection, resuming a session;
- :mod:`~consortium.store.save_load` — opening a save file from anywhere (``SaveError``);
- :mod:`~consortium.store.save_file` — the save format, ``RULES_VERSION``, ``Save as…``;
- :mod:`~consortium.store.task_csv` — a scenario's tasks as a spreadsheet;
- :mod:`~consortium.store.scenarios` — scenario files, shipped and brought.

The rest is machinery: the cattrs converter (``codec``), the digest, the scenario as a TOML
document (``scenario_document``) and the file-system seam (``fs``). A game's past (every state,
undo and redo that stop at a reveal) is pure and lives in :mod:`consortium.engine.history`.
"""
