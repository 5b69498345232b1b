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
    """Store documents (.txt .md .html .json .jsonl .parquet .zip) with their provenance."""
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


# --- match and check ---------------------------------------------------------------------


@app.command()
def match(
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="Match every claim again from scratch, not only new work.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Match every claim not yet matched against every other document, and flag it."""
    from verify.match import match_settings

    with _database() as db:
        run_id = storage.start_run(db, "match", {**match_settings(), "workers": workers, "force": force})
        with _stage_progress(quiet or as_json) as progress:
            summary = _guard(
                lambda: pipeline.match_claims(
                    db, workers=workers, run_id=run_id, force=force, progress=progress
                )
            )
        counts = {"indexed": summary.indexed, "claims": summary.claims, "skipped": summary.skipped,
                  "matches": summary.matches, **summary.flags}
        storage.finish_run(db, run_id, "ok", counts)
    if as_json:
        _print_json(counts)
    elif not quiet:
        flags = ", ".join(f"{k} {v}" for k, v in sorted(summary.flags.items()))
        out.print(
            f"indexed {summary.indexed} documents; matched {summary.claims} claims: "
            f"{summary.matches} matches" + (f" ({flags})" if flags else "")
        )
        if not summary.claims and not summary.indexed:
            out.print("Nothing new: every claim was already matched.")


def _read_claim_lines(path: Path) -> list[str]:
    try:
        raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise _fail(f"{path}: not UTF-8 text") from None
    return raw.splitlines()


def _render_check(result: pipeline.CheckResult) -> None:
    from rich.text import Text

    from verify.consistency import describe_diff, differing_spans

    out.print(Text(result.query, style="bold"))
    table = Table("outlet", "published", "relation", "score", "speaker", "text", "differences", "url")
    for row, found in zip(result.matches, result.found, strict=True):
        text = Text(row["text"])
        for start, end in differing_spans(found):
            text.stylize("bold red", start, end)
        table.add_row(
            row["outlet"] or "", row["published"] or "", row["relation"], f"{row['score']:.0f}",
            row["speaker"] or "—", text, describe_diff(found), row["url"] or row["document_id"],
        )
    if result.matches:
        out.print(table)
    else:
        out.print("Not found in any stored document.")
    out.print("flags: " + (", ".join(result.flags) or "—"))
    if result.origin:
        origin = result.origin
        out.print(
            f"origin: {origin['outlet'] or '?'} {origin['published'] or ''} "
            f"{origin['url'] or origin['document_id']}"
        )


@app.command()
def check(
    text: Annotated[str | None, typer.Argument(help="The claim to look up.")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Claims to look up, one per line (- for stdin)."),
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Who the claim is attributed to.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (one object per line with --file).")
    ] = False,
) -> None:
    """Check a claim against the store: where it appears, how the wording differs, flags."""
    if (text is None) == (file is None):
        raise _fail("give either a claim TEXT or --file PATH")
    texts = [text] if text is not None else _read_claim_lines(file)  # type: ignore[arg-type]
    with _database() as db:
        try:
            for result in pipeline.check_claims(db, texts, speaker=speaker, workers=workers):
                if as_json and file is not None:
                    sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
                elif as_json:
                    _print_json(result.as_json())
                else:
                    _render_check(result)
        except VerifyError as exc:
            raise _fail(str(exc)) from None


# --- the main job, reports, exports ------------------------------------------------------


@contextmanager
def _stage_progress(quiet: bool) -> Iterator[pipeline.Progress]:
    """One progress display for a job of several stages: a line per stage as it starts."""
    if quiet or not err.is_terminal and not _force_progress():
        yield lambda advance, total, text: None
        return
    columns = (
        TextColumn("[bold]{task.description:<8}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        tasks: dict[str, Any] = {}

        def update(advance: int, total: int | None, text: str) -> None:
            if text not in tasks:
                tasks[text] = bar.add_task(text, total=None)
            if total is not None:
                bar.update(tasks[text], total=total)
            bar.update(tasks[text], advance=advance)

        yield update
        for task in bar.tasks:  # stages whose size was not known end as done
            if task.total is None:
                bar.update(task.id, total=task.completed)


def _write_reports(files: dict[str, str], out_dir: Path) -> tuple[int, int]:
    """Write report files whose content changed; returns (written, unchanged)."""
    written = unchanged = 0
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, text in sorted(files.items()):
            path = out_dir / name
            data = text.encode("utf-8")
            if path.exists() and path.read_bytes() == data:
                unchanged += 1
                continue
            path.write_bytes(data)
            written += 1
    except OSError as exc:
        raise _fail(f"{out_dir}: cannot write reports ({exc.strerror})") from None
    return written, unchanged


def _summary_table(counts: dict[str, Any]) -> Table:
    table = Table("", "count", title="verify summary", title_justify="left")
    table.add_row("documents", str(counts["documents"]))
    table.add_row("claims", str(counts["claims"]))
    for kind, number in counts["kinds"].items():
        table.add_row(f"  {kind}", str(number))
    table.add_row("appearances found", str(counts["matches"]))
    for flag, number in counts["flags"].items():
        table.add_row(f"  flag {flag}", str(number))
    return table


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Directory for the Markdown reports.")
    ] = Path("reports"),
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Worker processes (default: 1; with --engine dask, Dask's default for this machine).",
    )] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or messages.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    engine: Annotated[
        str, typer.Option("--engine", help="local (SQLite, process pool) or dask (Parquet dataset).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (default: a cluster on this machine)."),
    ] = None,
    dataset_dir: Annotated[
        Path | None,
        typer.Option("--dataset", help="Directory for the Parquet dataset (--engine dask)."),
    ] = None,
    shards: Annotated[
        int | None, typer.Option("--shards", help="Index shards (--engine dask; default: one per worker).")
    ] = None,
) -> None:
    """The main job: ingest, extract, match and report. A second run only does new work.

    With --engine dask the same stages run on a Dask cluster and the results land in a
    Parquet dataset under --dataset; bring them into the database with `verify load`.
    """
    if engine != "local":
        _run_dask(paths, engine=engine, scheduler=scheduler, dataset_dir=dataset_dir,
                  workers=workers, shards=shards, quiet=quiet, as_json=as_json)
        return
    workers = workers or 1
    settings = {"paths": [str(p) for p in paths], "out": str(out_dir), "workers": workers,
                "extractor": pipeline.extractor_name()}
    with _database() as db:
        run_id = storage.start_run(db, "run", settings)
        with _stage_progress(quiet or as_json) as progress:
            summary = _guard(lambda: pipeline.run_paths(
                db, paths, IngestOptions(), workers=workers, run_id=run_id, progress=progress))
            files = _guard(lambda: pipeline.build_reports(db, progress=progress))
        written, unchanged = _write_reports(files, out_dir)
        counts = storage.summary_counts(db)
        status = "failed" if summary.ingest.failed else "ok"
        storage.finish_run(db, run_id, status, summary.as_dict() | {"reports_written": written})
    for message in summary.ingest.errors:
        err.print(f"Error: {message}", markup=False)
    if as_json:
        _print_json(summary.as_dict() | {"reports": {"written": written, "unchanged": unchanged,
                                                     "dir": str(out_dir)}, "store": counts})
    elif not quiet:
        ingested = summary.ingest
        out.print(
            f"ingested: added {ingested.added}, new versions {ingested.versioned}, unchanged "
            f"{ingested.unchanged}, failed {ingested.failed}; extracted {summary.extract.documents} "
            f"documents; matched {summary.match.claims} claims; reports: {written} written, "
            f"{unchanged} unchanged in {out_dir}/"
        )
        out.print(_summary_table(counts))
    if summary.ingest.failed:
        raise typer.Exit(1)


def _run_dask(
    paths: list[Path], *, engine: str, scheduler: str | None, dataset_dir: Path | None,
    workers: int | None, shards: int | None, quiet: bool, as_json: bool,
) -> None:
    """``verify run --engine dask``: the stages on a Dask cluster, results as Parquet."""
    if engine != "dask":
        raise _fail(f"unknown engine {engine!r} (choose from local, dask)")
    if dataset_dir is None:
        raise _fail("--engine dask writes a Parquet dataset: give its directory with --dataset DIR")
    from verify import dask_engine

    _guard(dask_engine.require_dask)
    with dask_engine.connect(scheduler, workers=workers) as client:
        if not quiet and not as_json:
            err.print(f"dashboard: {client.dashboard_link}", markup=False)
        with _stage_progress(quiet or as_json) as progress:
            summary = _guard(lambda: dask_engine.run_dask(
                client, paths, dataset_dir, IngestOptions(), shards=shards, progress=progress))
    for message in summary.errors:
        err.print(f"Error: {message}", markup=False)
    if as_json:
        _print_json(summary.as_dict() | {"dataset": str(dataset_dir)})
    elif not quiet:
        out.print(
            f"read {summary.documents} documents in {summary.partitions} partitions, failed "
            f"{summary.failed}; extracted {summary.claims} claims; matched {summary.matched} claims "
            f"on {summary.shards} shards, {summary.matches} appearances; dataset: {dataset_dir}/ "
            f"(load it with `verify load {dataset_dir}`)"
        )
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def load(
    dataset_dir: Annotated[Path, typer.Argument(help="Dataset directory written by --engine dask.")],
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only documents of this outlet.")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only documents published on or after this date.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only documents published on or before this date.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only documents quoting this person.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Bring a Parquet dataset (or a slice of it) into the claims database (--db)."""
    from dataclasses import asdict

    from verify import dataset

    with _database() as db:
        settings = {"dataset": str(dataset_dir), "outlet": outlet, "since": since, "until": until,
                    "speaker": speaker}
        run_id = storage.start_run(db, "load", settings)
        summary = _guard(lambda: dataset.load_dataset(
            db, dataset_dir, outlet=outlet, since=since, until=until, speaker=speaker,
            run_id=run_id))
        storage.finish_run(db, run_id, "ok", asdict(summary))
    if as_json:
        _print_json(asdict(summary))
        return
    out.print(
        f"loaded {summary.documents} documents (and {summary.referenced} they point to), "
        f"{summary.claims} claims, {summary.matches} appearances of {summary.matched} claims "
        f"into {state.db_path}", markup=False,
    )


@app.command()
def report(
    doc_ids: Annotated[
        list[str] | None, typer.Argument(help="Document ids (default: every document).")
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Directory for the Markdown reports.")
    ] = Path("reports"),
    speaker: Annotated[
        str | None,
        typer.Option("--speaker", help="Report everything this person is quoted as saying."),
    ] = None,
) -> None:
    """Write Markdown reports: one per document and index.md (or one per --speaker)."""
    with _database() as db:
        if speaker is not None:
            built = pipeline.build_speaker_report(db, speaker)
            if built is None:
                raise _fail(f"no claims attributed to {speaker!r} (see `verify claims`)")
            files = dict([built])
        else:
            for doc_id in doc_ids or []:
                if storage.load_document(db, doc_id) is None:
                    raise _fail(f"no document with id {doc_id!r} (see `verify documents`)")
            files = pipeline.build_reports(db, doc_ids or None)
    written, unchanged = _write_reports(files, out_dir)
    for name in sorted(files):
        out.print(str(out_dir / name), markup=False)
    out.print(f"{written} written, {unchanged} unchanged")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv or claimreview (JSON-LD).")
    ] = "jsonl",
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")
    ] = None,
) -> None:
    """Export every claim with provenance, flags and appearances."""
    from verify import export as exports

    renderers = {"jsonl": exports.render_jsonl, "csv": exports.render_csv,
                 "claimreview": exports.render_claimreview}
    if fmt not in renderers:
        raise _fail(f"unknown format {fmt!r} (choose from {', '.join(exports.FORMATS)})")
    with _database() as db:
        chunks = renderers[fmt](storage.iter_export_claims(db))
        if out_file is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            return
        try:
            with out_file.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
        except OSError as exc:
            raise _fail(f"{out_file}: cannot write ({exc.strerror})") from None
    err.print(f"wrote {out_file}", markup=False)
