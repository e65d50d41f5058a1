"""A gunicorn logger that writes no client addresses (gunicorn.conf.py uses it).

gunicorn itself logs "Invalid request from ip=..." and, with an access log,
every client address. ToKt stores no IP addresses, so the access log is off and
every message has IPv4 and IPv6 addresses replaced before it is written.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn.glogging import Logger

_IPV4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
_IPV6 = r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])"
_ADDRESS = re.compile(rf"ip=\S+|{_IPV4}|{_IPV6}")


def without_addresses(text: str) -> str:
    return _ADDRESS.sub("[address removed]", text)


class _NoAddressFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = without_addresses(record.getMessage())
        record.args = ()
        return True


class NoAddressLogger(Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for handler in self.error_log.handlers:
            handler.addFilter(_NoAddressFilter())
        self.error_log.addFilter(_NoAddressFilter())

    def access(self, resp: Any, req: Any, environ: Any, request_time: Any) -> None:
        """No access log: it would record who asked for what."""
