"""Command line for the screening engine (no Django needed).

    python -m tokt.screening.cli screen [FILE.json | -] [--format json|text] [--lang nb|en] [--contacts PATH]
    python -m tokt.screening.cli questions [--role ROLE] [--sector SECTOR] [--age-group AGE] [--lang nb|en]
    python -m tokt.screening.cli catalogue

Exit status: 0 ok, 2 bad input or usage (message on stderr, never a
traceback), 1 an internal error (a broken catalogue or question file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from tokt.screening.engine import (
    CatalogueError,
    ScreeningInputError,
    YamlContacts,
    assess,
    load_catalogue,
    load_questions,
    parse_input,
    questions_for,
    render_text,
)

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _HelpShown(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that writes to the given streams and never exits the process."""

    out: TextIO = sys.stdout

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if status:
            raise UsageError(message or "")
        raise _HelpShown()

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            self.out.write(message)


def _parser(stdout: TextIO) -> _Parser:
    _Parser.out = stdout
    parser = _Parser(
        prog="tokt screening", description="Sjekk tegnene: screening for signs of trafficking and labour exploitation."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    screen = sub.add_parser("screen", help="screen one case from a JSON file or standard input")
    screen.add_argument("file", nargs="?", default="-", help="JSON file, or - for standard input (default)")
    screen.add_argument("--format", choices=("json", "text"), default="json")
    screen.add_argument("--lang", choices=("nb", "en"), default="nb")
    screen.add_argument("--contacts", help="path to an actors.yaml (default: the directory's)")
    questions = sub.add_parser("questions", help="print the question flow for a role and sector as JSON")
    questions.add_argument("--role")
    questions.add_argument("--sector")
    questions.add_argument("--age-group", choices=("under_18", "adult", "unknown"))
    questions.add_argument("--lang", choices=("nb", "en"), default="nb")
    sub.add_parser("catalogue", help="validate the catalogue and question flows, print their versions")
    return parser


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ScreeningInputError(
                [("duplicate_key", key, "nøkkelen står to ganger i JSON", "the key appears twice in the JSON")]
            )
        out[key] = value
    return out


MAX_INPUT_CHARS = 1_000_000
MAX_DEPTH = 20  # a screening input is three levels deep
MAX_MESSAGE_CHARS = 200
MAX_ERRORS = 20
TOO_DEEP = f"JSON er for dypt nestet / JSON nested too deeply (more than {MAX_DEPTH} levels)"


def _read(path: str, stdin: TextIO) -> Any:
    if path == "-":
        raw = stdin.read()
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                raw = fh.read()
        except FileNotFoundError:
            raise UsageError(f"Fant ikke filen / file not found: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"Kan ikke lese filen / cannot read the file: {path}: {exc}") from None
    if len(raw) > MAX_INPUT_CHARS:
        raise UsageError(f"Inndata er for store / input too large (over {MAX_INPUT_CHARS} characters)")
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise UsageError(f"Ugyldig JSON / invalid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise UsageError(TOO_DEEP) from None
    if _depth(data) > MAX_DEPTH:
        raise UsageError(TOO_DEEP)
    return data


def _depth(data: Any) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, todo = 0, [(data, 1)]
    while todo:
        node, depth = todo.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        todo.extend((child, depth + 1) for child in children)
    return deepest


def _cap(message: str) -> str:
    """Error messages may quote the input: never echo more than a line of it."""
    return message if len(message) <= MAX_MESSAGE_CHARS else message[:MAX_MESSAGE_CHARS] + " …"


def _screen(args: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> None:
    data = _read(args.file, stdin)
    inp = parse_input(data)
    contacts = YamlContacts(args.contacts) if args.contacts else None
    assessment = assess(inp, contacts=contacts)
    if args.format == "text":
        stdout.write(render_text(assessment, args.lang))
    else:
        stdout.write(json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _questions(args: argparse.Namespace, stdout: TextIO) -> None:
    cat = load_catalogue()
    if args.role is not None and args.role not in cat.vocab["roles"]:
        raise UsageError(f"ukjent rolle / unknown role: {args.role}")
    if args.sector is not None and args.sector not in cat.vocab["sectors"]:
        raise UsageError(f"ukjent bransje / unknown sector: {args.sector}")
    steps = questions_for(args.role, args.sector, args.age_group)
    out = [
        {
            "id": step.id,
            "title": step.title.get(args.lang),
            "questions": [
                {
                    "id": q.id,
                    "text": q.text.get(args.lang),
                    "indicators": list(q.indicators),
                    "facts": list(q.facts),
                    **({"gender_note": q.gender_note.get(args.lang)} if q.gender_note else {}),
                    **({"online": True} if q.online else {}),
                }
                for q in step.questions
            ],
        }
        for step in steps
    ]
    stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")


def main(
    argv: Sequence[str], stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr
) -> int:
    try:
        args = _parser(stdout).parse_args(list(argv))
        if args.command == "screen":
            _screen(args, stdin, stdout)
        elif args.command == "questions":
            _questions(args, stdout)
        else:
            cat = load_catalogue()
            bank = load_questions()
            stdout.write(f"catalogue {cat.version}, questions {bank.version}: ok\n")
        return EXIT_OK
    except _HelpShown:
        return EXIT_OK
    except UsageError as exc:
        message = str(exc).strip()
        if message:
            stderr.write(f"feil / error: {_cap(message)}\n")
        return EXIT_USAGE
    except ScreeningInputError as exc:
        stderr.write("Inndata kan ikke vurderes:\n")
        stderr.writelines(f"  - {_cap(m)}\n" for m in exc.messages_nb[:MAX_ERRORS])
        stderr.write("The input cannot be screened:\n")
        stderr.writelines(f"  - {_cap(m)}\n" for m in exc.messages_en[:MAX_ERRORS])
        return EXIT_USAGE
    except CatalogueError as exc:
        stderr.write(f"intern feil i katalogen / internal catalogue error: {_cap(str(exc))}\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))
