"""A gunicorn logger that writes no client addresses (gunicorn.conf.py uses it).

gunicorn itself logs "Invalid request from ip=..." and, with an access log,
every client address. ToKt stores no IP addresses, so the access log is off and
every message has IPv4 and IPv6 addresses replaced before it is written.
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

_IPV4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
_IPV6 = r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])"
_ADDRESS = re.compile(rf"ip=\S+|{_IPV4}|{_IPV6}")


def without_addresses(text: str) -> str:
    return _ADDRESS.sub("[address removed]", text)


class NoAddressLogger(Logger):
    def log(self, lvl, msg, *args, **kwargs):
        super().log(lvl, without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def debug(self, msg, *args, **kwargs):
        super().debug(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def info(self, msg, *args, **kwargs):
        super().info(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def error(self, msg, *args, **kwargs):
        super().error(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def critical(self, msg, *args, **kwargs):
        super().critical(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def exception(self, msg, *args, **kwargs):
        super().exception(without_addresses(str(msg) % args if args else str(msg)), **kwargs)

    def access(self, resp, req, environ, request_time):
        """No access log: it would record who asked for what."""
