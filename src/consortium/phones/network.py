"""Where the laptop can be reached: the addresses it serves the phones on, with the network
interface each belongs to, and the one-line fixes for networks as they are.

Read with ``ifaddr`` (small, pure Python, the library python-zeroconf uses), so it works the
same on Linux, Windows and macOS without Qt's network module, which the packaged build
leaves out. No internet is needed: the phones reach the laptop on the local network.
"""

from __future__ import annotations

import ipaddress

import attrs
import ifaddr

from consortium.present.i18n import _


@attrs.frozen
class Address:
    interface: str
    ip: str

    def url(self, port: int, path: str = "") -> str:
        return f"http://{self.ip}:{port}{path}"


@attrs.frozen
class JoinDetails:
    """What a seat's join card shows, behind its curtain only."""

    url: str  # the QR code's link, with the seat's secret token
    short_url: str  # typed on a phone that cannot scan, with the PIN
    pin: str | None  # None once used
    address: Address  # where the laptop serves


def addresses() -> list[Address]:
    """The laptop's IPv4 addresses a phone on the same network may reach, private networks
    (Wi-Fi, a hotspot) first; loopback and link-local ones are left out."""
    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: phones on a workshop's Wi-Fi reach IPv4 for sure
            address = ipaddress.IPv4Address(ip.ip)
            if address.is_loopback or address.is_link_local:
                continue
            found.append((not address.is_private, Address(adapter.nice_name, ip.ip)))
    return [a for _private, a in sorted(found, key=lambda pair: pair[0])]


def network_help() -> tuple[str, ...]:
    """What to do when the phones cannot reach the laptop, one line each."""
    return (
        _("Phones and laptop must be on the same network: a guest Wi-Fi that keeps devices "
          "apart will not do — turn on the laptop's hotspot and join it with the phones."),
        _("A firewall question on Windows or macOS when the phones start: allow Consortium "
          "on private networks."),
        _("No internet is needed: the page comes from this laptop."),
    )
