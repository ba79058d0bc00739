"""Shipped data files (scenarios, prompts, icons), installed as the package consortium.assets.

A package, not a plain folder, so importlib.resources finds it the same way in a checkout, an
installed wheel and a frozen build (see consortium.resources).
"""
