"""Board → phone latency with 8 phones on loopback, and the program's memory with and
without the phones' server.

    python bench/phones.py [changes]

Eight seats are people, each with a phone client (an aiohttp client on its own thread,
long-polling its seat's state as the page does). The owner's thread (this one, as the
window's GUI thread would) makes ``changes`` changes to the game (default 40); for each, the
time from the change being published to each phone holding it is one sample. Prints p50 and
p95 over all samples (issue 13's target: p95 within 300 ms) — then again while a client on
another address floods the server with wrong links (the p95 ratio to the quiet run says
whether a flood slows the game) — and the resident memory before
the server starts and after the 8 phones have played (Linux /proc; a baseline measured in
the same run).
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.phones.table import phone_table

from consortium.engine.simulate import bot_action, seat_policy
from consortium.engine.state import Mode

PHONES = 8
FLOODER = "127.0.0.2"  # another address on loopback: the per-address limit is the flooder's


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(changes: int = 40) -> None:
    table = phone_table(people=tuple(range(PHONES)), seats=PHONES, direct=False,
                        schedule=(Mode.DEMOCRATIC, Mode.SELF_SELECTION, Mode.HYBRID) * 3)
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
    left: list[str] = []  # phones whose seat a newcomer took (they stop polling)
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
                    if "version" not in data:  # the seat changed hands (an event)
                        with lock:
                            left.append(token)
                        return
                    new = data["version"]
                    if new != version and new in published and version >= 0:
                        with lock:
                            samples.append(got - published[new])
                    version = new
        asyncio.run(poll())

    flooding = threading.Event()
    flood_answers: list[int] = []

    def flood() -> None:
        """Wrong links as fast as one client can send them, from another address (a phone on
        the Wi-Fi guessing): refused 429 after the limit, before any lookup."""
        async def guess() -> None:
            connector = aiohttp.TCPConnector(local_addr=(FLOODER, 0))
            async with aiohttp.ClientSession(connector=connector) as client:
                n = 0
                while not stop.is_set():
                    if not flooding.is_set():
                        await asyncio.sleep(0.01)
                        continue
                    n += 1
                    try:
                        async with client.get(f"http://127.0.0.1:{port}/s/guess{n}/state") as r:
                            flood_answers.append(r.status)
                    except aiohttp.ClientError:
                        return
        asyncio.run(guess())

    threads = [threading.Thread(target=phone, args=(t,), daemon=True)
               for t in table.tokens.values()]
    threads.append(threading.Thread(target=flood, daemon=True))
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # every phone holds the first page

    def play(count: int) -> int:
        made = 0
        while made < count and not session.state.over:
            table.run_posted()
            state = session.state
            session.submit(bot_action(state, seat_policy(state, state.public.actor)))
            made += 1
            time.sleep(0.05)  # a room's pace is seconds; this keeps the phones apart
        time.sleep(0.5)
        return made

    made = play(changes)
    with lock:
        quiet, samples[:] = sorted(samples), []
    flooding.set()
    started = time.perf_counter()
    made_flooded = play(changes)
    flood_seconds = time.perf_counter() - started
    flooding.clear()
    after = rss_mib()
    stop.set()
    server.stop()
    with lock:
        flooded = sorted(samples)

    def p(values: list[float], q: float) -> float:
        return values[int(q * (len(values) - 1))] * 1000

    print(f"{PHONES} phones on loopback, {made} changes, {len(quiet)} deliveries"
          f" ({len(left)} phone(s) left when a newcomer took the seat)")
    print(f"  board → phone latency  p50 {p(quiet, 0.5):6.1f} ms   p95 {p(quiet, 0.95):6.1f} ms"
          "   (target: p95 ≤ 300 ms)")
    refused = sum(status == 429 for status in flood_answers)
    print(f"  during a flood of wrong links from {FLOODER} ({len(flood_answers)} requests, "
          f"{len(flood_answers) / flood_seconds:.0f}/s, {refused} refused 429 before any "
          f"lookup), {made_flooded} changes:")
    print(f"  board → phone latency  p50 {p(flooded, 0.5):6.1f} ms   "
          f"p95 {p(flooded, 0.95):6.1f} ms   (p95 ratio to no flood: "
          f"{p(flooded, 0.95) / p(quiet, 0.95):.2f})")
    print(f"  memory  without server {before:6.1f} MiB   server listening {serving:6.1f} MiB "
          f"(+{serving - before:.1f})   after 8 phones played {after:6.1f} MiB "
          f"(+{after - before:.1f}, this bench's 8 clients included)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
