"""What the shared board may use of the controller, and nothing more.

The board widgets are typed against this protocol, so they cannot reach the full state or a
private seat even by accident (mypy refuses it): they receive the public view through
``changed`` and can only ask for placements, which are public group acts.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from consortium.engine.what_if_bands import WhatIfResult
from consortium.present.debrief_data import RevealedDebrief
from consortium.present.predictions import HolderQuestion
from consortium.ui.what_if_runner import WhatIfRunner


class BoardPort(Protocol):
    @property
    def changed(self) -> SignalInstance: ...

    @property
    def debrief(self) -> RevealedDebrief | None: ...

    def what_if_result(self) -> WhatIfResult | None:
        """The same deal played the other ways by bots, with the group's result (or None
        while it is worked out, or when the window works out none)."""
        ...

    @property
    def what_if(self) -> WhatIfRunner | None: ...

    def debrief_question(self) -> HolderQuestion | None:
        """The second prediction's task and requirement, once the game is over (public then:
        the room is asked about it); who held it comes with the debrief."""
        ...

    def select_seat(self, seat: int | None) -> None: ...

    def place_selected(self, task_id: str | None) -> None: ...

    def place(self, seat: int, task_id: str | None) -> None: ...
