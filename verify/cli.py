"""The `verify` command line: parse options, call the library, print, pick an exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from verify import __version__, pipeline, storage
from verify.errors import VerifyError
from verify.ingest import IngestOptions, parse_field_options

app = typer.Typer(
    help="Check quotations and claims in news text: who said it, through whom, where else "
    "it appears, and whether the wording and attribution agree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)
T = TypeVar("T")


class State:
    db_path: Path = storage.DEFAULT_DB


state = State()


def _version(value: bool) -> None:
    if value:
        print(f"verify {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    db: Annotated[
        Path,
        typer.Option(
            "--db", envvar="VERIFY_DB", help="Claims database file.", show_default=True
        ),
    ] = storage.DEFAULT_DB,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """Check quotations and claims in news text."""
    state.db_path = db


def _fail(message: str) -> typer.Exit:
    err.print(f"Error: {message}", markup=False)
    return typer.Exit(1)


@contextmanager
def _database() -> Iterator[Any]:
    try:
        db = storage.open_db(state.db_path)
    except VerifyError as exc:
        raise _fail(str(exc)) from None
    try:
        yield db
    finally:
        db.close()


def _guard(fn: Callable[[], T]) -> T:
    try:
        return fn()
    except VerifyError as exc:
        raise _fail(str(exc)) from None


@contextmanager
def _progress(quiet: bool, label: str) -> Iterator[pipeline.Progress]:
    """A rich progress bar fed by the library's progress callback (silent when quiet)."""
    if quiet or not err.is_terminal and not _force_progress():
        yield lambda advance, total, text: None
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task(label, total=None)

        def update(advance: int, total: int | None, text: str) -> None:
            if total is not None:
                bar.update(task, total=total)
            bar.update(task, advance=advance, description=text)

        yield update


def _force_progress() -> bool:
    import os

    return os.environ.get("VERIFY_PROGRESS") == "1"


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --- ingest ------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    field: Annotated[
        list[str] | None,
        typer.Option("--field", help="Map a JSON field: NAME=FIELD, e.g. outlet=site."),
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for every document.")] = None,
    url: Annotated[str | None, typer.Option(help="URL for every document.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO 8601) for every document.")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language code for every document.")] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Largest document accepted, in characters.")
    ] = 20_000_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Store documents (.txt .md .html .json .jsonl .zip) with their provenance."""
    fields = _guard(lambda: parse_field_options(field or []))
    options = IngestOptions(
        fields=fields, outlet=outlet, url=url, published=published, lang=lang, max_chars=max_chars
    )
    settings = {"paths": [str(p) for p in paths], **{k: v for k, v in {
        "fields": fields, "outlet": outlet, "url": url, "published": published, "lang": lang,
    }.items() if v}}
    with _database() as db:
        run_id = storage.start_run(db, "ingest", settings)
        with _progress(quiet or as_json, "ingest") as progress:
            summary = pipeline.ingest_paths(db, paths, options, run_id=run_id, progress=progress)
        status = "failed" if summary.failed else "ok"
        storage.finish_run(db, run_id, status, summary.as_dict() | {"errors": len(summary.errors)})
    for message in summary.errors:
        err.print(f"Error: {message}", markup=False)
    if not quiet and not as_json:
        for message in summary.warnings[:20]:
            err.print(f"Warning: {message}", markup=False)
        if len(summary.warnings) > 20:
            err.print(f"Warning: ... and {len(summary.warnings) - 20} more", markup=False)
    if as_json:
        _print_json(summary.as_dict())
    elif not quiet:
        out.print(
            f"added {summary.added}, new versions {summary.versioned}, unchanged "
            f"{summary.unchanged}, skipped {summary.skipped}, failed {summary.failed}"
        )
        if not summary.added and not summary.versioned and summary.unchanged:
            out.print("Nothing new: every document was already stored.")
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def documents(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List stored documents: id, outlet, published, lang, title, chars."""
    with _database() as db:
        rows = storage.list_documents(db)
    if as_json:
        _print_json(rows)
        return
    table = Table("id", "outlet", "published", "lang", "chars", "title")
    for row in rows:
        table.add_row(
            row["id"], row["outlet"] or "", row["published"] or "", row["lang"] or "",
            str(row["chars"]), _clip(row["title"] or "", 60),
        )
    out.print(table)
    out.print(f"{len(rows)} documents")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- extraction --------------------------------------------------------------------------


@app.command()
def extract(
    doc_ids: Annotated[
        list[str] | None, typer.Argument(help="Document ids (default: all not yet extracted).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Extract every document again.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Find quotations, terms, reported speech and statements in stored documents."""
    with _database() as db:
        for doc_id in doc_ids or []:
            if storage.load_document(db, doc_id) is None:
                raise _fail(f"no document with id {doc_id!r} (see `verify documents`)")
        ids = [storage.load_document(db, d).id for d in doc_ids or []]  # type: ignore[union-attr]
        run_id = storage.start_run(
            db, "extract", {"ids": ids, "force": force, "workers": workers,
                            "extractor": pipeline.extractor_name()}
        )
        with _progress(quiet or as_json, "extract") as progress:
            summary = pipeline.extract_documents(
                db, ids or None, force=force, workers=workers, run_id=run_id, progress=progress
            )
        counts = {"documents": summary.documents, "claims": summary.claims, **summary.by_kind}
        storage.finish_run(db, run_id, "ok", counts)
    if as_json:
        _print_json(counts)
    elif not quiet:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(summary.by_kind.items()))
        out.print(
            f"extracted {summary.documents} documents: {summary.claims} claims"
            + (f" ({kinds})" if kinds else "")
        )


def _claims_command(doc_id: str | None, kinds: list[str] | None, as_json: bool) -> None:
    with _database() as db:
        if doc_id is not None and storage.load_document(db, doc_id) is None:
            raise _fail(f"no document with id {doc_id!r} (see `verify documents`)")
        rows = storage.list_claims(db, document_id=doc_id, kinds=kinds)
    if as_json:
        _print_json(rows)
        return
    table = Table("kind", "speaker", "via", "cue", "text", "flags")
    for row in rows:
        table.add_row(
            row["kind"], row["speaker"] or "—", row["via"] or "", row["cue"] or "",
            _clip(row["text"], 80), ", ".join(row["flags"]),
        )
    out.print(table)
    out.print(f"{len(rows)} claims")


KIND_CHOICES = ("quote", "term", "reported", "statement")


@app.command()
def quotes(
    doc_id: Annotated[str | None, typer.Argument(help="Only this document.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List quotations and quoted terms, with speaker, cue and intermediary."""
    _claims_command(doc_id, ["quote", "term"], as_json)


@app.command()
def claims(
    doc_id: Annotated[str | None, typer.Argument(help="Only this document.")] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", "-k", help="Only this kind: quote, term, reported, statement."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List every claim: quotations, terms, reported speech and statements."""
    for value in kind or []:
        if value not in KIND_CHOICES:
            raise _fail(f"unknown kind {value!r} (choose from {', '.join(KIND_CHOICES)})")
    _claims_command(doc_id, kind, as_json)


@app.command()
def stats() -> None:
    """Show how many documents, claims, matches and runs are stored."""
    with _database() as db:
        counts = storage.table_counts(db)
    for name, count in counts.items():
        out.print(f"{name:10} {count:>8}")
