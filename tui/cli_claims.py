"""`hecha export`, `hecha claims` and `hecha tags`: claims and tags on the command line.

Store functions raise ValueError with a readable message for bad input (an
unknown tag, a bad colour, a taken key); here that becomes one line on stderr,
`hecha: …`, and exit status 1, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .. import store
from ..store.claims import DEFAULT_COLOR, tag_ids
from ..store.clean import strip_controls
from .cli_output import add_format_options, print_records, print_table

COMMANDS = ("export", "claims", "tags")
EXIT_REFUSED = 1
EXIT_ERROR = 2
QUOTE_WIDTH = 40


def add_parsers(sub) -> None:
    """Register the `export`, `claims` and `tags` subcommands."""
    formats = ", ".join(store.EXPORT_FORMATS)
    exp = sub.add_parser("export", help=f"export claims ({formats})", description=f"Export claims. Formats: {formats}.")
    exp.add_argument(
        "--format",
        choices=store.EXPORT_FORMATS,
        default="csv",
        metavar="FORMAT",
        help=f"one of: {formats} (default csv)",
    )
    exp.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, a folder for brat (default: standard output)"
    )
    exp.add_argument("--split-tags", action="store_true", help="doccano: one span per tag (needs overlapping entities)")
    exp.add_argument(
        "--as-annotations",
        action="store_true",
        help="Label Studio: claims as finished annotations instead of predictions",
    )
    _add_filters(exp)
    cl = sub.add_parser("claims", help="list the claims in the library")
    _add_filters(cl)
    cl.add_argument("--orphans", action="store_true", help="only claims whose quote is no longer in their article")
    cl.add_argument("--text", metavar="Q", help="only claims whose quote, note or article title contains Q")
    add_format_options(cl)
    _add_tag_parsers(sub.add_parser("tags", help="list tags, or add, rename, set and delete them"))


def _add_filters(parser) -> None:
    """--status and --tag."""
    parser.add_argument(
        "--status", metavar="STATUS", help=f"only claims with this status: one of {', '.join(store.STATUSES)}"
    )
    parser.add_argument("--tag", metavar="T", help="only claims with this tag")


def _add_tag_parsers(tags) -> None:
    """`tags add|rename|set|delete`."""
    actions = tags.add_subparsers(dest="tags_command", metavar="ACTION", help="what to do (default: list the tags)")
    add = actions.add_parser("add", help="add a tag")
    add.add_argument("name", metavar="NAME", help="the new tag's name (no spaces, commas or semicolons)")
    _add_tag_options(add)
    rename = actions.add_parser("rename", help="rename a tag (its claims keep it)")
    rename.add_argument("name", metavar="OLD", help="the tag's name now")
    rename.add_argument("new_name", metavar="NEW", help="its new name")
    change = actions.add_parser("set", help="change a tag's label, colour or key")
    change.add_argument("name", metavar="NAME", help="the tag to change")
    _add_tag_options(change)
    delete = actions.add_parser("delete", help="delete a tag and take it off every claim")
    delete.add_argument("name", metavar="NAME", help="the tag to delete")


def _add_tag_options(parser) -> None:
    """--label, --color, --key."""
    parser.add_argument("--label", metavar="L", help="a longer description")
    parser.add_argument("--color", metavar="#RRGGBB", help="its colour")
    parser.add_argument("--key", metavar="K", help='its one-key shortcut ("" for none)')


def run(db, args, fail) -> int:
    """Run one of COMMANDS; bad input becomes `hecha: message` and exit status 1."""
    handler = {"export": cmd_export, "claims": cmd_claims, "tags": cmd_tags}[args.command]
    try:
        return handler(db, args, fail)
    except ValueError as error:
        return fail(str(error), EXIT_REFUSED)
    except BrokenPipeError:
        return 0


def _check_tag_filter(db, args) -> None:
    """ValueError when --tag names no tag (rather than silently finding nothing)."""
    if args.tag is not None:
        tag_ids(db, [args.tag])


def cmd_export(db, args, fail) -> int:
    """`hecha export [--format F] [--status S] [--tag T] [--split-tags] [--as-annotations] [-o FILE]`"""
    _check_tag_filter(db, args)
    options = {"split_tags": args.split_tags, "as_annotations": args.as_annotations}
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if args.format == "doccano" and args.split_tags:
        err.print(
            Text(
                'doccano: one span per tag; enable "Allow overlapping entity" in the project settings '
                "before importing, or doccano keeps only one label per span."
            )
        )
    if not args.output or args.output == "-":
        if args.format in store.EXPORT_FOLDER_FORMATS:
            return fail(f"{args.format} export is a folder of .txt and .ann files: give -o FOLDER", EXIT_REFUSED)
        sys.stdout.write(store.export_claims(db, args.format, status=args.status, tag=args.tag, **options))
        if args.format == "label-studio":
            err.print(Text("Label Studio: the labeling config is written beside the export only with -o FILE."))
        return 0
    try:
        count = store.write_export(db, args.format, args.output, status=args.status, tag=args.tag, **options)
    except OSError as error:
        return fail(f"{args.output}: cannot write ({error.strerror or error})", EXIT_ERROR)
    err.print(Text(f"Wrote {count} claim{'s' * (count != 1)} to {args.output} ({args.format})."))
    if args.format == "label-studio":
        err.print(Text(f"Labeling config: {store.label_studio_config_path(Path(args.output))}"))
    return 0


def cmd_claims(db, args, fail) -> int:
    """`hecha claims [--status S] [--tag T] [--text Q] [--json | --csv | --nl]`"""
    _check_tag_filter(db, args)
    claims = store.list_claims(
        db, status=args.status, tag=args.tag, text=args.text, anchor="orphan" if args.orphans else None
    )
    print_records(
        args,
        [c.to_dict() for c in claims],
        ("id", "status", "tags", "quote", "article"),
        lambda r: (
            r["id"][:8],
            r["status"],
            Text(", ".join(r["tags"])),
            Text(_short(r["quote"])),
            Text(f"{r['article_id']} {strip_controls(r['article_title'])}"),
        ),
    )
    return 0


def _short(text: str) -> str:
    """A quote on one line, cut to QUOTE_WIDTH characters."""
    text = " ".join(strip_controls(text).split())
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def cmd_tags(db, args, fail) -> int:
    """`hecha tags [add|rename|set|delete ...]`"""
    action = args.tags_command
    if action == "add":
        tag = store.add_tag(db, args.name, label=args.label or "", color=args.color or DEFAULT_COLOR, key=args.key)
        return _done(f"Added tag {tag.name}.")
    if action == "rename":
        store.update_tag(db, args.name, new_name=args.new_name)
        return _done(f"Renamed tag {args.name} to {args.new_name}.")
    if action == "set":
        tag = store.update_tag(db, args.name, label=args.label, color=args.color, key=args.key)
        return _done(f"Changed tag {tag.name}.")
    if action == "delete":
        store.delete_tag(db, args.name)
        return _done(f"Deleted tag {args.name}.")
    return _print_tags(db)


def _done(message: str) -> int:
    """Print a confirmation line and return 0."""
    Console(highlight=False, soft_wrap=True).print(Text(message))
    return 0


def _print_tags(db) -> int:
    """A table of the tags: key, name, label, colour (as a swatch), claims."""
    counts = store.tag_counts(db)
    rows = [
        (
            Text(tag.key or ""),
            Text(tag.name, style=f"bold {tag.color}"),
            Text(tag.label),
            Text(tag.color, style=tag.color),
            str(counts.get(tag.name, 0)),
        )
        for tag in store.list_tags(db)
    ]
    print_table(("key", "name", "label", "color", "claims"), rows, right=("claims",))
    return 0
