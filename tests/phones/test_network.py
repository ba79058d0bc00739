"""Where the phones find the laptop: real interfaces, never loopback, and plain fixes."""

from __future__ import annotations

import ipaddress

from consortium.phones.network import Address, addresses, network_help


def test_the_addresses_are_the_laptops_own_and_not_loopback() -> None:
    for address in addresses():
        ip = ipaddress.IPv4Address(address.ip)
        assert not ip.is_loopback and not ip.is_link_local
        assert address.interface
    assert Address("wlan0", "192.168.1.5").url(8765, "/j") == "http://192.168.1.5:8765/j"


def test_the_fixes_name_the_hotspot_and_the_firewall() -> None:
    help_lines = " ".join(network_help())
    assert "hotspot" in help_lines and "firewall" in help_lines
