"""What the room sees: the shared board, its task cards and participant strip, the pit stop
and the debrief. Built from the public view only (and the debrief once it is revealed)."""
