"""`hecha import-claims`, `hecha backup` and `hecha restore`: claims that travel and last.

`import-claims` merges a colleague's export into the library; claims whose
article is not here are written to `FILE.missing.jsonl` so they can be
imported again once the article is. `backup` copies the library while the app
may be using it; `restore` checks a backup before it replaces anything.
Errors are one line, `hecha: …`, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .. import store

COMMANDS = ("import-claims", "backup", "restore")
EXIT_REFUSED = 1
EXIT_ERROR = 2


def add_parsers(sub) -> None:
    """Register `import-claims`, `backup` and `restore`."""
    imp = sub.add_parser("import-claims", help="merge claims from a JSON, JSON lines or W3C export")
    imp.add_argument("file", metavar="FILE", help="an export of `hecha export --format json|jsonl|w3c`")
    back = sub.add_parser("backup", help="copy the library safely, even while the app is open")
    back.add_argument("path", nargs="?", metavar="PATH", help="file or folder (default: backups/ beside the library)")
    rest = sub.add_parser("restore", help="replace the library with a checked backup")
    rest.add_argument("path", metavar="PATH", help="a backup made by `hecha backup`")


def run(args, fail) -> int:
    """Run one of COMMANDS."""
    try:
        if args.command == "restore":
            return cmd_restore(args)
        db = store.open_db(args.db)
        try:
            return cmd_backup(db, args) if args.command == "backup" else cmd_import_claims(db, args, fail)
        finally:
            db.close()
    except store.DatabaseError as error:
        return fail(str(error), EXIT_ERROR)
    except ValueError as error:
        return fail(str(error), EXIT_REFUSED)


def _say(message: str, stderr: bool = False) -> None:
    """One plain line."""
    Console(stderr=stderr, highlight=False, soft_wrap=True).print(Text(message))


def cmd_import_claims(db, args, fail) -> int:
    """`hecha import-claims FILE`"""
    report = store.import_claims(db, store.read_claim_file(args.file))
    for line in report.refused:
        _say(f"{args.file}: {line}", stderr=True)
    if report.missing:
        kept = Path(f"{args.file}.missing.jsonl")
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in report.missing)
        try:
            kept.write_text(lines, encoding="utf-8")
        except OSError as error:
            return fail(f"{kept}: cannot write the claims without their article ({error.strerror or error})")
        for record in report.missing:
            title = record.get("article_title") or record.get("source_urn") or "?"
            _say(f"{args.file}: claim {record.get('id')}: its article ({title}) is not in this library", stderr=True)
        _say(
            f"Kept {len(report.missing)} claims without their article in {kept}; import their articles, "
            f"then run `hecha import-claims {kept}`.",
            stderr=True,
        )
    _say(report.summary())
    return EXIT_REFUSED if report.missing or report.refused else 0


def cmd_backup(db, args) -> int:
    """`hecha backup [PATH]`"""
    target = store.backup_db(db, args.path)
    _say(f"Backed up the library to {target}.")
    return 0


def cmd_restore(args) -> int:
    """`hecha restore PATH`"""
    version = store.check_backup(args.path)
    target = Path(args.db).expanduser() if args.db else store.default_db_path()
    kept = store.restore_db(args.path, target)
    if kept:
        _say(f"Kept the library it replaced in {kept}.", stderr=True)
    store.open_db(target).close()  # bring an older backup's schema up to date now
    _say(f"Restored {target} from {args.path} (schema {version}).")
    return 0
