"""Everything that touches the disk: scenario files, saves, autosave, settings paths."""
