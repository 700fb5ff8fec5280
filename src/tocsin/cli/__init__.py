"""The ``tocsin`` command: thin wrappers over the library; one module per command group."""

from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="tocsin",
    help="Read the news, code events (PLOVER), attribute claims, and warn.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# (command name, "module:function"). Command modules import their heavy dependencies
# (spaCy, SQLAlchemy) inside the command, so `tocsin --help` stays fast.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("ingest", "tocsin.cli.ingest:ingest"),
    ("annotate", "tocsin.cli.annotate:annotate"),
    ("events", "tocsin.cli.query:events"),
    ("export", "tocsin.cli.query:export"),
    ("claims", "tocsin.cli.claims:claims"),
)


def _register() -> None:
    for name, target in COMMANDS:
        module_name, func_name = target.split(":")
        app.command(name)(getattr(importlib.import_module(module_name), func_name))
    from tocsin.cli.evaluate import eval_app

    app.add_typer(eval_app, name="eval")


def main() -> None:
    from tocsin.errors import TocsinError

    _register()
    try:
        # Without standalone mode the parser returns a command's exit code instead of
        # exiting, so TocsinError reaches us here and becomes a message, not a traceback.
        code = app(standalone_mode=False)
    except TocsinError as err:
        typer.secho(f"error: {err}", fg="red", err=True)
        sys.exit(err.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        sys.exit(130)
    except typer.TyperException as err:
        # Usage errors (unknown option, missing argument): typer vendors its own click,
        # whose exceptions derive from TyperException, not from click's.
        show = getattr(err, "show", None)
        if show is not None:
            show()
        else:
            typer.echo(f"error: {err}", err=True)
        sys.exit(getattr(err, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
