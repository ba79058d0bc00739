"""The shell: the laptop window, its start screen, new-session and resume pages, the menus,
and the session files behind them (open, save, autosave, one running copy)."""
