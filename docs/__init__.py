"""The project's documents, also installed as the package ``consortium.guide``.

Only the Markdown files are shipped (pyproject.toml's package data): the app shows *How to
play* and the *Facilitator guide* under Help (F1) and prints them to PDF, from the very files
a newcomer reads in the repository — one copy of each, never two that drift apart (see
consortium.resources.guide_text). The screenshots stay in the repository only.
"""
