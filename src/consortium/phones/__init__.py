"""Phones as private hands: a small web server on the local network that shows each person
seat its own hand on its own phone, while the room keeps one board.

Layers: ``phones`` sits beside ``ui`` over ``play`` and ``present`` — it never imports Qt or
a widget, and it reaches the game only through a :class:`~consortium.play.session.Session`.

- :mod:`~consortium.phones.keys`: each seat's join token (192 random bits), revoked the
  moment the seat changes hands;
- :mod:`~consortium.phones.hand`: what one seat's phone shows, as plain data in words of the
  session's language (built from that seat's own player view only);
- :mod:`~consortium.phones.desk`: between the server's thread and the thread that owns the
  session: published snapshots, per-turn nonces, acts handed over to be checked again;
- :mod:`~consortium.phones.server`: the aiohttp application and its thread.

Nothing here needs the internet; the page is served by the program itself.
"""
