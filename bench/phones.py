"""Board → phone latency with 8 phones on loopback, and the program's memory with and
without the phones' server.

    python bench/phones.py [changes]

Eight seats are people, each with a phone client (an aiohttp client on its own thread,
long-polling its seat's state as the page does). The owner's thread (this one, as the
window's GUI thread would) makes ``changes`` changes to the game (default 60); for each, the
time from the change being published to each phone holding it is one sample. Prints p50 and
p95 over all samples (issue 13's target: p95 within 300 ms), and the resident memory before
the server starts and after the 8 phones have played (Linux /proc; a baseline measured in
the same run).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.phones.table import phone_table

from consortium.engine.simulate import bot_action, seat_policy

PHONES = 8


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(changes: int = 60) -> None:
    table = phone_table(people=tuple(range(PHONES)), seats=PHONES, direct=False)
    session, desk = table.session, table.desk
    published: dict[int, float] = {}
    desk.on_publish(lambda: published.setdefault(desk.version, time.perf_counter()))
    before = rss_mib()  # a session in play, no server code loaded yet
    import aiohttp  # noqa: PLC0415 - after the baseline

    from consortium.phones.server import PhoneApp, PhoneServer  # noqa: PLC0415

    server = PhoneServer(PhoneApp(desk))
    port = server.start("127.0.0.1", 0)
    serving = rss_mib()  # the server listening, no phone yet
    samples: list[float] = []
    lock = threading.Lock()
    stop = threading.Event()

    def phone(token: str) -> None:
        async def poll() -> None:
            version = -1
            async with aiohttp.ClientSession() as client:
                while not stop.is_set():
                    url = f"http://127.0.0.1:{port}/s/{token}/state?after={version}"
                    try:
                        async with client.get(url, timeout=aiohttp.ClientTimeout(30)) as r:
                            data = await r.json()
                    except (aiohttp.ClientError, TimeoutError):
                        return
                    got = time.perf_counter()
                    new = data["version"]
                    if new != version and new in published and version >= 0:
                        with lock:
                            samples.append(got - published[new])
                    version = new
        asyncio.run(poll())

    threads = [threading.Thread(target=phone, args=(t,), daemon=True)
               for t in table.tokens.values()]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # every phone holds the first page
    made = 0
    while made < changes and not session.state.over:
        table.run_posted()
        state = session.state
        session.submit(bot_action(state, seat_policy(state, state.public.actor)))
        made += 1
        time.sleep(0.05)  # a room's pace is seconds; this keeps the phones apart
    time.sleep(0.5)
    after = rss_mib()
    stop.set()
    server.stop()
    samples.sort()
    p50 = statistics.median(samples) * 1000
    p95 = samples[int(0.95 * (len(samples) - 1))] * 1000
    print(f"{PHONES} phones on loopback, {made} changes, {len(samples)} deliveries")
    print(f"  board → phone latency  p50 {p50:6.1f} ms   p95 {p95:6.1f} ms"
          "   (target: p95 ≤ 300 ms)")
    print(f"  memory  without server {before:6.1f} MiB   server listening {serving:6.1f} MiB "
          f"(+{serving - before:.1f})   after 8 phones played {after:6.1f} MiB "
          f"(+{after - before:.1f}, this bench's 8 clients included)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
