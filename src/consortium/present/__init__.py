"""Every word a person reads, in one place: labels, choice texts, prompts and the debrief's
figures in words. No Qt (an import contract): the CLI and a phone page use it too."""
