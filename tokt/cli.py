"""The `tokt` command: everything an operator does, in one place.

./tokt screen case.json            screening from the command line (JSON or --format text)
./tokt export-public DIR           any management command; dashes or underscores
./tokt help                        list the commands
"""

from __future__ import annotations

import os
import sys

OPERATOR_COMMANDS = {
    "migrate": "create or update the database",
    "load_demo_data": "create the synthetic demo users and print their logins",
    "verify_audit": "check the audit trail's hash chain and name the first broken entry",
    "check_knowledge": "check the knowledge articles' front matter and translations",
    "load_knowledge": "load the knowledge articles from content/knowledge",
    "load_directory": "load the directory data files",
    "directory_stale": "list directory entries not verified in six months",
    "export_hsds": "export the directory as Open Referral HSDS JSON",
    "import_hsds": "import an HSDS JSON file (all or nothing)",
    "export_public": "write the public site as static files",
    "make_print_material": "write posters and leaflets as PDF",
    "purge_tips": "delete closed tips older than the retention period (run daily)",
    "anonymise_cases": "warn about and anonymise closed cases past their retention period (run daily)",
    "rotate_case_keys": "re-encrypt case notes with the newest key (--new-key, --drop-old)",
    "generate_cases": "add synthetic cases for benchmarks and development (--count, --agencies)",
    "createsuperuser": "(not used: create users in the web UI as administrator)",
}


def _print_help() -> None:
    print(__doc__.strip())
    print("\nOperator commands:")
    for name, text in OPERATOR_COMMANDS.items():
        print(f"  {name.replace('_', '-'):<22} {text}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"help", "-h", "--help"}:
        _print_help()
        return 0
    if argv[0] == "screen":
        from tokt.screening.cli import main as screen_main

        return screen_main(argv, sys.stdin, sys.stdout, sys.stderr)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tokt.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tokt", argv[0].replace("-", "_"), *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
