#!/usr/bin/env python3
"""Exit 0 when node_modules already holds every package of package-lock.json at its locked version.

`make` then skips `npm ci`, which would delete node_modules and download it
again (impossible offline, and destructive when node_modules is shared by
several worktrees). A package left over from an older lock (e.g. after a
dependency was removed) is harmless and does not count as a mismatch.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    lock = json.loads(Path("package-lock.json").read_text(encoding="utf-8"))
    for where, entry in lock.get("packages", {}).items():
        if not where:
            continue
        manifest = Path(where) / "package.json"
        try:
            installed = json.loads(manifest.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            return 1
        if installed != entry.get("version"):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
