"""What only the laptop shows: the hand-off curtain, a player's private panel and the
facilitator's panel. The only room that may show a player view."""
