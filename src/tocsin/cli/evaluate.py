"""``tocsin eval {events,places,times,seeds} --gold PATH``: score tocsin against a gold corpus."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(help="Score tocsin against gold corpora (see ../shared/eval/README.md).")

GoldOption = Annotated[Path, typer.Option("--gold", exists=True, help="Gold file or folder.")]
LimitOption = Annotated[int | None, typer.Option(help="Score only the first N documents or sentences.")]
ModelOption = Annotated[str | None, typer.Option(help="spaCy pipeline package.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")]


def _run(kind: str, gold: Path, model: str | None, limit: int | None, as_json: bool) -> None:
    from rich.console import Console

    module = importlib.import_module(f"tocsin.evaluate.{kind}")
    metrics = module.run(gold, model=model, limit=limit)
    if as_json:
        typer.echo(json.dumps(metrics, indent=2, default=str))
    else:
        Console().print(module.render(metrics))


# kind (a module of ``tocsin.evaluate`` with ``run`` and ``render``) -> the command's help
_KINDS = {
    "events": "PLOVER event type (macro/micro F1, per type), mode, quad class, actor and recipient accuracy.",
    "places": "Toponym recognition P/R/F1; resolution exact id, Acc@161km, mean error (GeoWebNews, TR-News).",
    "times": "TIMEX span P/R/F1 (strict, relaxed) and value F1 (TempEval-3).",
    "seeds": "Every must, should and must-not row of the seeds' EXPECTED.md, dimension by dimension.",
}


def _command(kind: str, help_text: str):
    def command(
        gold: GoldOption, model: ModelOption = None, limit: LimitOption = None, as_json: JsonOption = False
    ) -> None:
        _run(kind, gold, model, limit, as_json)

    command.__doc__ = help_text
    command.__name__ = f"eval_{kind}"
    return command


for _kind, _help in _KINDS.items():
    eval_app.command(_kind)(_command(_kind, _help))
