"""``tocsin ingest PATH...``: read files, folders, feeds and URLs; code the new articles; store them.

Crash safety comes from the order of work: ids already in the store are skipped
*before* coding, and each article is saved in its own transaction, so a run that is
killed (even with SIGKILL) leaves whole articles only, and running it again finishes
the job without duplicates.

Exit status: 0 every input was read; 1 some inputs were bad but others were read;
2 nothing could be read (or a TocsinError such as an unopenable store).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from tocsin.ingest import InputProblem
    from tocsin.records import Article, CodedArticle
    from tocsin.resources import Resources
    from tocsin.settings import Settings
    from tocsin.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


@dataclass(slots=True)
class IngestTally:
    """What a run did; the summary line and the exit status come from it."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    events: int = 0
    problems: int = 0
    seen: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return (
            f"{self.read} articles read: {self.new} new, {self.already_stored} already stored, "
            f"{self.events} events; {self.problems} problem{'' if self.problems == 1 else 's'}"
        )

    def exit_code(self) -> int:
        if self.problems == 0:
            return EXIT_OK if self.read else EXIT_FAILED
        return EXIT_PARTIAL if self.read else EXIT_FAILED


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Files, folders (read recursively) or http(s) URLs."),
    ],
    db: Annotated[
        str | None,
        typer.Option(help="Store: an SQLite path or a URL (default: $TOCSIN_DB or the user data dir)."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Largest article (or single-article file) read, in bytes."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline package.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 32,
) -> None:
    """Read articles, code the ones not yet stored, and store them. Bad inputs are reported and skipped."""
    from rich.console import Console

    from tocsin.ingest import read_inputs
    from tocsin.store import Store

    settings = _settings(db=db, max_bytes=max_bytes, model=model)
    console = Console(stderr=True, soft_wrap=True)
    tally = IngestTally()
    with Store.open(settings.db_url) as store:
        items = read_inputs(paths, max_bytes=settings.max_article_bytes)
        run_ingest(items, store, settings, tally=tally, console=console, batch_size=batch_size)
    if tally.read == 0 and tally.problems == 0:
        console.print("no articles found in the inputs", markup=False, highlight=False)
    console.print(tally.summary(), markup=False, highlight=False)
    if code := tally.exit_code():
        # sys.exit, not typer.Exit: the CLI entry runs Typer with standalone_mode=False,
        # where a typer.Exit code is returned rather than turned into the exit status.
        sys.exit(code)


def _settings(*, db: str | None, max_bytes: int | None, model: str | None) -> Settings:
    from tocsin.settings import Settings

    overrides: dict[str, object] = {}
    if db:
        overrides["db_url"] = db
    if max_bytes:
        overrides["max_article_bytes"] = max_bytes
    if model:
        overrides["model"] = model
    return Settings(**overrides)  # type: ignore[arg-type]


def run_ingest(
    items: Iterable[Article | InputProblem],
    store: Store,
    settings: Settings,
    *,
    tally: IngestTally,
    console: Console,
    batch_size: int = 32,
) -> IngestTally:
    """Skip known ids, code the rest in batches, save each article; report problems as they come."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from tocsin.ingest import InputProblem

    resources: Resources | None = None  # loaded on the first new article: a re-run needs no model
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    # No live display when stderr is not a terminal (CI, logs): just the problem lines and summary.
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("coding", total=None)
        for chunk in _chunks(items, batch_size):
            fresh: list[Article] = []
            for item in chunk:
                if isinstance(item, InputProblem):
                    _report(progress, tally, str(item))
                    continue
                tally.read += 1
                if item.id in tally.seen:
                    tally.already_stored += 1  # the same text twice in this run
                    continue
                tally.seen.add(item.id)
                fresh.append(item)
            known = store.known_article_ids(a.id for a in fresh)
            tally.already_stored += len(known)
            fresh = [a for a in fresh if a.id not in known]
            if not fresh:
                continue
            if resources is None:
                resources = _load_resources(progress, settings)
            progress.update(task, total=(progress.tasks[0].total or 0) + len(fresh))
            for coded in _code(fresh, resources, progress, tally, batch_size):
                if store.save(coded):
                    tally.new += 1
                    tally.events += len(coded.events)
                else:
                    tally.already_stored += 1  # another process stored it meanwhile
                progress.advance(task)
    return tally


def _load_resources(progress: Progress, settings: Settings) -> Resources:
    from tocsin.resources import load_resources

    task: TaskID = progress.add_task("loading the pipeline and dictionaries", total=None)
    try:
        return load_resources(settings)
    finally:
        progress.remove_task(task)


def _code(
    articles: list[Article], res: Resources, progress: Progress, tally: IngestTally, batch_size: int
) -> Iterator[CodedArticle]:
    """Code a batch; if a stage fails on one article, report that article and code the rest."""
    from tocsin.errors import TocsinError
    from tocsin.pipeline import code_article, code_articles

    done = 0
    try:
        for coded in code_articles(articles, res, batch_size=batch_size):
            done += 1
            yield coded
        return
    except TocsinError:
        raise
    except Exception:  # a bug in a stage must cost one article, not the run
        pass
    # The batch broke at articles[done]: go one by one so only the bad article is lost.
    for article in articles[done:]:
        try:
            coded = code_article(article, res)
        except TocsinError:
            raise
        except Exception as err:  # as above
            _report(progress, tally, f"{_where(article)}: coding failed ({type(err).__name__}: {err})")
            progress.advance(progress.task_ids[0])
            continue
        yield coded


def _where(article: Article) -> str:
    return f"{article.source_path or article.url or 'article'} (id {article.id})"


def _report(progress: Progress, tally: IngestTally, line: str) -> None:
    tally.problems += 1
    # markup off: paths such as "corpus.json[3]" are not Rich markup.
    progress.console.print(line, markup=False, highlight=False, style="yellow")


def _chunks(items: Iterable[Article | InputProblem], size: int) -> Iterator[list[Article | InputProblem]]:
    chunk: list[Article | InputProblem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
