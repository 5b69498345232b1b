"""Read documents and their provenance from files: text, Markdown, HTML, JSON, JSONL,
Parquet, zip.

Reading is the first layer: it turns bytes on disk into ``Document`` values and
``InputError`` values, and never touches the database. Each ``SourceBatch`` is
the unit that storage writes in one transaction.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from verify.errors import InputError
from verify.models import Document
from verify.text.lang import detect_language

TEXT_EXTENSIONS = {".txt", ".text"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
#: A table of articles, one row each, with the field names of JSON records (needs pyarrow).
PARQUET_EXTENSIONS = {".parquet"}
ARCHIVE_EXTENSIONS = {".zip"}
SUPPORTED_EXTENSIONS = (
    TEXT_EXTENSIONS
    | MARKDOWN_EXTENSIONS
    | HTML_EXTENSIONS
    | JSON_EXTENSIONS
    | JSONL_EXTENSIONS
    | PARQUET_EXTENSIONS
    | ARCHIVE_EXTENSIONS
)

#: Field names recognised in JSON records, in order of preference.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "title": ("title", "head_line", "headline"),
    "outlet": ("outlet", "source", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "date_extracted"),
    "lang": ("lang", "language"),
    "author": ("author",),
}
METADATA_FIELDS = ("title", "outlet", "url", "published", "lang", "author")

#: A file's metadata can sit beside it: ``story.txt`` reads ``story.txt.meta.yml``.
SIDECAR_SUFFIX = ".meta.yml"

#: Records per transaction when streaming a JSONL or Parquet file.
JSONL_BATCH = 2000
#: Default largest document accepted, in characters.
MAX_DOCUMENT_CHARS = 20_000_000

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read metadata: extra field names and overrides for the whole call."""

    fields: Mapping[str, str] = field(default_factory=dict)
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    lang: str | None = None
    max_chars: int = MAX_DOCUMENT_CHARS


@dataclass(slots=True)
class SourceBatch:
    """Documents read from one file (or archive member, or run of JSONL lines)."""

    where: str
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0


def parse_field_options(pairs: Iterable[str]) -> dict[str, str]:
    """Turn ``["outlet=site", ...]`` into a field map; raises InputError on bad pairs."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, source = pair.partition("=")
        name, source = name.strip(), source.strip()
        if not sep or not name or not source:
            raise InputError("--field", f"expected NAME=FIELD, got {pair!r}")
        if name not in DEFAULT_FIELDS:
            known = ", ".join(DEFAULT_FIELDS)
            raise InputError("--field", f"unknown field {name!r} (known: {known})")
        mapping[name] = source
    return mapping


def content_hash(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes, as hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_id(identity: str, digest: str) -> str:
    """A document id derived from what the publication is and what it says."""
    return hashlib.sha256(f"{identity}\n{digest}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def document_identity(doc: Document) -> str:
    """What makes two documents the same publication: its URL, else where it was read."""
    if doc.url:
        return doc.url
    where = f"file:{doc.source_path}"
    if doc.source_member:
        where += f"!{doc.source_member}"
    if doc.source_line is not None:
        where += f"#{doc.source_line}"
    return where


def normalize_date(value: Any) -> str | None:
    """An ISO 8601 date or datetime from common date spellings; None when unreadable."""
    if value is None:
        return None
    raw = str(value).strip()
    if not raw:
        return None
    candidate = raw.replace("Z", "+00:00")
    if re.match(r"^\d{4}-\d{2}-\d{2} \d", candidate):
        candidate = candidate.replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is not None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return raw
        return parsed.isoformat()
    for fmt in ("%d/%m/%Y", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%a, %d %b %Y %H:%M:%S %z"):
        try:
            parsed = datetime.strptime(raw, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if "%H" not in fmt else parsed.isoformat()
    return None


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path | InputError | str]:
    """Expand files and directories (recursively, sorted) into input files.

    Yields a Path per file to read, an InputError for a path that cannot be
    read, and a warning string for a file passed over inside a directory.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                if child.name.endswith(SIDECAR_SUFFIX):
                    continue  # metadata for the file beside it, read with that file
                if child.suffix.lower() in SUPPORTED_EXTENSIONS:
                    yield child
                else:
                    yield f"{child}: skipped, not a document format ({child.suffix or 'no extension'})"
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_EXTENSIONS:
                yield path
            else:
                known = " ".join(sorted(SUPPORTED_EXTENSIONS))
                yield InputError(
                    str(path), f"unknown extension {path.suffix or '(none)'!r} (known: {known})"
                )
        elif path.exists():
            yield InputError(str(path), "not a regular file or directory")
        else:
            yield InputError(str(path), "no such file or directory")


def read_batches(
    path: Path, options: IngestOptions, *, row_groups: tuple[int, int] | None = None
) -> Iterator[SourceBatch]:
    """Read one input file into batches of documents (one per archive member or JSONL run).

    ``row_groups``: of a Parquet file, read only row groups ``[first, stop)`` (rows keep
    their numbers in the whole file; see ``parquet_row_groups``).
    """
    suffix = path.suffix.lower()
    display = _display_path(path)
    try:
        if suffix in ARCHIVE_EXTENSIONS:
            yield from _read_zip(path, display, options)
            return
        if suffix in PARQUET_EXTENSIONS:
            yield from _read_parquet(path, display, None, options, row_groups=row_groups)
            return
        with path.open("rb") as handle:
            if suffix in JSONL_EXTENSIONS:
                yield from _read_jsonl(handle, display, None, options)
                return
            data = handle.read()
    except OSError as exc:
        yield SourceBatch(display, errors=[InputError(display, f"cannot read: {exc.strerror}")])
        return
    except zipfile.BadZipFile as exc:
        yield SourceBatch(display, errors=[InputError(display, f"not a valid zip archive ({exc})")])
        return
    try:
        sidecar = _read_sidecar(path)
    except InputError as exc:
        yield SourceBatch(display, errors=[exc])
        return
    yield _read_bytes(data, suffix, display, None, options, sidecar=sidecar)


def _read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.yml`` beside a file, or {} when there is none."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    where = _display_path(sidecar)
    try:
        meta = yaml.safe_load(_decode(sidecar.read_bytes(), where)) or {}
    except yaml.YAMLError:
        raise InputError(where, "malformed YAML metadata") from None
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror}") from None
    if not isinstance(meta, dict):
        raise InputError(where, "metadata is not a mapping of field: value")
    return meta


def _display_path(path: Path) -> str:
    """The path as shown and stored: relative to the working directory when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return os.path.normpath(path)


def _read_zip(path: Path, display: str, options: IngestOptions) -> Iterator[SourceBatch]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        yield SourceBatch(display, errors=[InputError(display, f"not a valid zip archive ({exc})")])
        return
    with archive:
        for info in archive.infolist():
            member = info.filename
            inner = PurePosixPath(member)
            if info.is_dir() or any(part.startswith((".", "__MACOSX")) for part in inner.parts):
                continue
            where = f"{display}!{member}"
            suffix = inner.suffix.lower()
            if suffix not in SUPPORTED_EXTENSIONS - ARCHIVE_EXTENSIONS:
                yield SourceBatch(where, warnings=[f"{where}: skipped, not a document format"])
                continue
            try:
                if suffix in JSONL_EXTENSIONS:
                    with archive.open(info) as handle:
                        yield from _read_jsonl(handle, display, member, options)
                    continue
                data = archive.read(info)
                if suffix in PARQUET_EXTENSIONS:
                    yield from _read_parquet(data, display, member, options)
                    continue
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                yield SourceBatch(where, errors=[InputError(where, f"damaged archive member ({exc})")])
                continue
            yield _read_bytes(data, suffix, display, member, options)


def _decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            where, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _read_bytes(
    data: bytes,
    suffix: str,
    path: str,
    member: str | None,
    options: IngestOptions,
    *,
    sidecar: dict[str, Any] | None = None,
) -> SourceBatch:
    where = f"{path}!{member}" if member else path
    batch = SourceBatch(where)
    try:
        text = _decode(data, where)
        if suffix in JSON_EXTENSIONS:
            _read_json_array(text, path, member, options, batch)
            return batch
        if suffix in MARKDOWN_EXTENSIONS:
            body, meta = _split_front_matter(text, where)
        elif suffix in HTML_EXTENSIONS:
            body, meta = _extract_html(text, where)
        else:
            body, meta = text, {}
    except InputError as exc:
        batch.errors.append(exc)
        return batch
    meta = {**meta, **{k: v for k, v in (sidecar or {}).items() if v is not None}}
    _add_document(batch, body, meta, options, path=path, member=member, line=None, where=where)
    return batch


def _split_front_matter(text: str, where: str) -> tuple[str, dict[str, Any]]:
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, {}
    try:
        meta = yaml.safe_load(found.group(1) or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(where, f"malformed YAML front matter{line}") from None
    if not isinstance(meta, dict):
        raise InputError(where, "front matter is not a mapping of field: value")
    return text[found.end() :], meta


def _extract_html(text: str, where: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    result = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(result, "text", None) if result is not None else None
    if not body:
        return "", {}
    meta = {
        "title": result.title,
        "author": result.author,
        "published": result.date,
        "outlet": result.sitename,
        "url": result.url,
        "lang": result.language,
    }
    return body, meta


def _read_json_array(
    text: str, path: str, member: str | None, options: IngestOptions, batch: SourceBatch
) -> None:
    where = batch.where
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        batch.errors.append(
            InputError(where, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        )
        return
    if isinstance(data, dict):
        for key in ("articles", "documents", "items", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        batch.errors.append(InputError(where, "JSON is neither an array nor an object"))
        return
    for index, record in enumerate(data):
        if not isinstance(record, dict):
            batch.errors.append(InputError(f"{where}[{index}]", "record is not a JSON object"))
            continue
        _add_record(batch, record, options, path=path, member=member, line=index)
    if batch.errors:
        # A file that does not parse whole is rejected whole: no partial rows.
        batch.documents.clear()


def _read_jsonl(
    handle: io.BufferedIOBase | Any, path: str, member: str | None, options: IngestOptions
) -> Iterator[SourceBatch]:
    where = f"{path}!{member}" if member else path
    batch = SourceBatch(where)
    # A line may hold metadata and JSON escapes beside the text: allow room for them, but
    # never hold a line far larger than the largest document accepted.
    limit = options.max_chars * 4 + 1_000_000
    for number, raw in enumerate(_lines(handle, limit), start=1):
        line_where = f"{where}:{number}"
        if raw is None:
            batch.errors.append(InputError(
                line_where, f"line longer than {limit:,} bytes, over the document size limit "
                "(raise it with --max-chars)"))
            continue
        if not raw.strip():
            continue
        try:
            line = _decode(raw, line_where)
            record = json.loads(line)
        except InputError as exc:
            batch.errors.append(exc)
            continue
        except json.JSONDecodeError as exc:
            batch.errors.append(InputError(line_where, f"malformed JSON line ({exc.msg})"))
            continue
        if not isinstance(record, dict):
            batch.errors.append(InputError(line_where, "line is not a JSON object"))
            continue
        _add_record(batch, record, options, path=path, member=member, line=number)
        if len(batch.documents) >= JSONL_BATCH:
            yield batch
            batch = SourceBatch(where)
    yield batch


def parquet_row_groups(path: Path) -> list[int]:
    """The compressed bytes of each row group of a Parquet file, to split a large file
    into parts read apart (``read_batches(row_groups=)``); [] when it cannot be read
    (reading it whole then reports why)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return []
    try:
        metadata = pq.ParquetFile(path).metadata
    except (pa.ArrowException, OSError):
        return []
    return [
        sum(group.column(c).total_compressed_size for c in range(group.num_columns))
        for group in (metadata.row_group(g) for g in range(metadata.num_row_groups))
    ]


def _read_parquet(
    source: Path | bytes,
    path: str,
    member: str | None,
    options: IngestOptions,
    *,
    row_groups: tuple[int, int] | None = None,
) -> Iterator[SourceBatch]:
    """Rows of a Parquet table as records with JSON's field names, in batches; a row's
    number in the file (from 1) stands where a JSONL line number would."""
    where = f"{path}!{member}" if member else path
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield SourceBatch(where, errors=[InputError(
            where, "reading Parquet needs pyarrow: pip install 'verify[dask]' (or pyarrow)")])
        return
    wanted = {name for names in DEFAULT_FIELDS.values() for name in names} | set(options.fields.values())
    number = 0
    batch = SourceBatch(where)
    try:
        table = pq.ParquetFile(pa.BufferReader(source) if isinstance(source, bytes) else source)
        columns = [name for name in table.schema_arrow.names if name in wanted]
        text_names = [options.fields["text"]] if "text" in options.fields else DEFAULT_FIELDS["text"]
        if not set(text_names) & set(columns):
            names = ", ".join(text_names)
            batch.errors.append(InputError(
                where, f"no text column ({names}; name another with --field text=COLUMN)"))
            yield batch
            return
        groups = range(table.num_row_groups)
        if row_groups is not None:
            groups = range(row_groups[0], min(row_groups[1], table.num_row_groups))
            number = sum(table.metadata.row_group(g).num_rows for g in range(groups.start))
        for rows in table.iter_batches(batch_size=JSONL_BATCH, columns=columns, row_groups=groups):
            for record in rows.to_pylist():
                number += 1
                _add_record(batch, record, options, path=path, member=member, line=number)
            if len(batch.documents) >= JSONL_BATCH:
                yield batch
                batch = SourceBatch(where)
    except (pa.ArrowException, OSError) as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        at = f" after row {number}" if number else ""
        batch.errors.append(InputError(where, f"not a readable Parquet file{at} ({problem})"))
    yield batch


def _lines(handle: Any, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary file, each read no further than ``limit`` bytes.

    A longer line yields None once and is skipped in chunks, so memory stays bounded
    whatever the file holds.
    """
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line
                chunk = handle.readline(1 << 20)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _pick(record: Mapping[str, Any], name: str, options: IngestOptions) -> Any:
    if name in options.fields:
        return record.get(options.fields[name])
    for key in DEFAULT_FIELDS[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _add_record(
    batch: SourceBatch,
    record: Mapping[str, Any],
    options: IngestOptions,
    *,
    path: str,
    member: str | None,
    line: int,
) -> None:
    where = f"{batch.where}:{line}" if line else batch.where
    body = _pick(record, "text", options)
    if body is not None and not isinstance(body, str):
        batch.errors.append(InputError(where, "text field is not a string"))
        return
    meta = {name: _pick(record, name, options) for name in METADATA_FIELDS}
    _add_document(batch, body or "", meta, options, path=path, member=member, line=line, where=where)


def _add_document(
    batch: SourceBatch,
    body: str,
    meta: Mapping[str, Any],
    options: IngestOptions,
    *,
    path: str,
    member: str | None,
    line: int | None,
    where: str,
) -> None:
    if not body.strip():
        batch.skipped += 1
        batch.warnings.append(f"{where}: skipped, empty document")
        return
    if len(body) > options.max_chars:
        batch.errors.append(
            InputError(where, f"document has {len(body):,} characters, over the limit of "
                       f"{options.max_chars:,} (raise it with --max-chars)")
        )
        return

    def text_of(name: str) -> str | None:
        value = meta.get(name)
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    published_raw = options.published or text_of("published")
    published = normalize_date(published_raw)
    if published_raw and published is None:
        batch.warnings.append(f"{where}: unreadable date {published_raw!r}, stored without one")
    digest = content_hash(body)
    draft = Document(
        id="",
        text=body,
        content_hash=digest,
        title=text_of("title"),
        outlet=options.outlet or text_of("outlet"),
        url=options.url or text_of("url"),
        published=published,
        author=text_of("author"),
        lang=options.lang or text_of("lang") or detect_language(body),
        source_path=path,
        source_member=member,
        source_line=line,
    )
    identity = document_identity(draft)
    batch.documents.append(
        Document(**{**_fields(draft), "id": document_id(identity, digest)})
    )


def _fields(doc: Document) -> dict[str, Any]:
    return {name: getattr(doc, name) for name in Document.__slots__}
