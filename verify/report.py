"""Markdown reports: rows in, Markdown text out (the CLI writes the files).

Pure and deterministic: the same rows give the same bytes (sorted, no clock; the only
times shown are those recorded in the database). Every string that comes from a
document is escaped with ``escape_md`` so that it can neither break the report's
structure (tables, quotes, headings) nor inject markup, links or HTML. Arabic and other
right-to-left text is wrapped in ``dir="rtl"`` elements so that it renders right to left
inside the left-to-right report.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Any
from urllib.parse import quote, urlsplit

from verify.consistency import same_person
from verify.text.normalize import normalize_words

__all__ = [
    "INDEX_FILE",
    "Appearance",
    "ClaimReport",
    "DocumentInfo",
    "DocumentReport",
    "SpeakerEntry",
    "build_document_report",
    "escape_md",
    "render_document",
    "render_index",
    "render_speaker",
    "report_filename",
    "safe_url",
    "speaker_filename",
]

INDEX_FILE = "index.md"

#: Claim kinds in report order: heading, label prefix, one, many.
KIND_SECTIONS = (
    ("quote", "Quotations", "Q"),
    ("term", "Quoted terms", "T"),
    ("reported", "Reported speech", "R"),
    ("statement", "Statements", "S"),
)
_KIND_NOUNS = {
    "quote": ("quotation", "quotations"),
    "term": ("quoted term", "quoted terms"),
    "reported": ("reported statement", "reported statements"),
    "statement": ("statement", "statements"),
}
_KIND_ORDER = {kind: number for number, (kind, _, _) in enumerate(KIND_SECTIONS)}

#: How flags read in a report: a symbol and words, never colour alone.
FLAG_LABELS = {
    "corroborated": "✔ corroborated",
    "uncorroborated": "○ uncorroborated",
    "single_source": "○ single source",
    "altered_elsewhere": "⚠ altered elsewhere",
    "misattributed": "⚠ misattributed",
    "number_conflict": "⚠ number conflict",
    "negation_conflict": "⚠ negation conflict",
}
#: How relations read: a symbol and words.
RELATION_LABELS = {
    "exact": "= exact",
    "normalized": "≈ normalized",
    "variant": "≃ variant",
    "altered": "≠ altered",
    "partial": "◐ partial",
}
RELATION_WORDS = {
    "exact": "word for word",
    "normalized": "with spelling differences only",
    "variant": "with minor word differences",
    "altered": "with different words",
    "partial": "in part",
}
_RELATION_ORDER = {name: number for number, name in enumerate(RELATION_LABELS)}
_WARNING_FLAGS = {
    "misattributed": "at least one attributes it to someone else",
    "number_conflict": "a number differs",
    "negation_conflict": "a negation is added or dropped",
}
NOT_MATCHED = "… not matched yet"
EMPTY = "—"

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
_HEX_ID = re.compile(r"[0-9a-f]{8,64}")

# --- escaping ----------------------------------------------------------------------------

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# ASCII punctuation that opens inline Markdown (code, emphasis, links, tables, strikethrough,
# maths on GitHub); a backslash makes each literal.
_BACKSLASHED = frozenset("\\`*_[]|~$")
# Explicit bidi embeddings, overrides and isolates could reorder the report around them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Direction marks (LRM, RLM, ALM) and zero-width characters are invisible too: a reader
# must see that a quotation carries them (see verify.text.hazards).
_INVISIBLE = frozenset("\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff")
_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])")


def _hidden(char: str) -> bool:
    return char in _BIDI_CONTROLS or char in _INVISIBLE or unicodedata.category(char) == "Cc"


def escape_md(text: str | None) -> str:
    """``text`` as literal inline Markdown: whitespace runs (newlines too) become one space,
    HTML is entity-escaped, Markdown punctuation backslash-escaped, and control and bidi
    override characters shown as ``⟨U+XXXX⟩``."""
    if not text:
        return ""
    parts: list[str] = []
    for char in " ".join(text.split()):
        if char in _ENTITIES:
            parts.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            parts.append("\\" + char)
        elif _hidden(char):
            parts.append(f"⟨U+{ord(char):04X}⟩")
        else:
            parts.append(char)
    escaped = "".join(parts)
    # Text that begins a line must not start a heading, list, quote or setext underline.
    number = _LIST_NUMBER.match(escaped)
    if number:
        return f"{number.group(1)}\\{number.group(2)}{escaped[number.end():]}"
    if escaped[:1] in ("#", "-", "+", "="):
        return "\\" + escaped
    return escaped


def direction(text: str | None) -> str | None:
    """``rtl`` or ``ltr`` from the first strong character of ``text`` (None if none)."""
    for char in text or "":
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def inline(text: str | None, *, empty: str = EMPTY) -> str:
    """Escaped inline text, wrapped in a ``dir="rtl"`` span when it reads right to left."""
    if not text or not text.strip():
        return empty
    escaped = escape_md(text)
    if direction(text) == "rtl":
        return f'<span dir="rtl">{escaped}</span>'
    return escaped


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown link destination (percent-encoded), else None."""
    if not url or any(char.isspace() or _hidden(char) for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe="/:?#@!$&'+,;=%~-._")


def link(text: str, url: str | None) -> str:
    """``[text](url)`` when the URL is safe, else the escaped URL as text (``text`` must
    already be escaped)."""
    target = safe_url(url)
    if target is None:
        return inline(url) if url else text
    return f"[{text}]({target})"


def _code(value: str | None) -> str:
    """An id or hash in a code span (they are ours: hex and dashes; anything else escaped)."""
    if not value:
        return EMPTY
    if _ID.fullmatch(value) or re.fullmatch(r"[a-z0-9]+:[0-9a-f]+", value):
        return f"`{value}`"
    return escape_md(value)


def report_filename(document_id: str) -> str:
    """A report file name derived only from the document id: the id itself when it is a
    hex digest (as the store makes them), else a hash of it, so that it can never be a
    path, a reserved name or ``index.md``."""
    if _HEX_ID.fullmatch(document_id):
        return f"{document_id}.md"
    return f"doc-{hashlib.sha256(document_id.encode('utf-8')).hexdigest()[:16]}.md"


def speaker_filename(name: str) -> str:
    """A speaker report file name derived from a hash of the name (never the name)."""
    return f"speaker-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:12]}.md"


# --- the data a report shows ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document's provenance as a report shows it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    lang: str | None = None
    place: str | None = None
    agency: str | None = None
    content_hash: str | None = None
    chars: int | None = None
    source_path: str | None = None
    source_member: str | None = None
    source_line: int | None = None
    supersedes: str | None = None
    ingested_utc: str | None = None
    extractor: str | None = None
    extracted_utc: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> DocumentInfo:
        values: dict[str, Any] = {name: row.get(name) for name in fields_of(cls)}
        return cls(**values)

    @property
    def publisher(self) -> str | None:
        """Who published it: the agency of the dateline, else the outlet."""
        return self.agency or self.outlet


@dataclass(frozen=True, slots=True)
class Change:
    """One word difference: ``op`` replace/delete/insert, claim words, other words, kind."""

    op: str
    claim: str
    other: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Appearance:
    """A claim's words in another document."""

    document_id: str
    start: int
    end: int
    text: str
    relation: str
    score: float
    speaker: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    agency: str | None = None
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """A claim with where it stands and where else it appears."""

    id: str
    kind: str
    start: int
    end: int
    text: str
    label: str
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    via: str | None = None
    paragraph: int | None = None
    sentence: int | None = None
    line: int | None = None
    column: int | None = None
    flags: tuple[str, ...] = ()
    matched: bool = False
    origin_document_id: str | None = None
    appearances: tuple[Appearance, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """Everything one document's report shows."""

    document: DocumentInfo
    claims: tuple[ClaimReport, ...]
    known: frozenset[str] = frozenset()
    """Ids of documents that have a report of their own (links go to those)."""


def fields_of(cls: type) -> list[str]:
    return [f.name for f in dataclass_fields(cls)]


def _changes(diff: Any) -> tuple[Change, ...]:
    if not isinstance(diff, Mapping):
        return ()
    return tuple(
        Change(str(op.get("op", "")), str(op.get("claim", "")), str(op.get("other", "")),
               op.get("kind"))
        for op in diff.get("ops", [])
        if isinstance(op, Mapping)
    )


def _line_column(text: str | None, offset: int) -> tuple[int | None, int | None]:
    if text is None or not 0 <= offset <= len(text):
        return None, None
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def build_document_report(
    document: Mapping[str, Any],
    claims: Iterable[Mapping[str, Any]],
    appearances: Iterable[Mapping[str, Any]] = (),
    *,
    text: str | None = None,
    known: Iterable[str] = (),
) -> DocumentReport:
    """Assemble a report from storage rows (``text`` gives line numbers when passed)."""
    by_claim: dict[str, list[Appearance]] = {}
    for row in appearances:
        by_claim.setdefault(row["claim_id"], []).append(
            Appearance(
                document_id=row["document_id"], start=row["start"], end=row["end"],
                text=row.get("text") or "", relation=row["relation"], score=float(row["score"]),
                speaker=row.get("speaker"), outlet=row.get("outlet"), url=row.get("url"),
                published=row.get("published"), title=row.get("title"),
                agency=row.get("agency"), changes=_changes(row.get("diff")),
            )
        )
    ordered = sorted(claims, key=lambda r: (r["start"], r["end"], _KIND_ORDER.get(r["kind"], 9), r["id"]))
    numbers: dict[str, int] = {}
    prefixes = {kind: prefix for kind, _, prefix in KIND_SECTIONS}
    built = []
    for row in ordered:
        numbers[row["kind"]] = numbers.get(row["kind"], 0) + 1
        line, column = _line_column(text, row["start"])
        consistency = row.get("consistency_flags")
        flags = list(row.get("flags") or [])
        flags += [flag for flag in consistency or [] if flag not in flags]
        found = sorted(
            by_claim.get(row["id"], []),
            key=lambda a: (a.published is None, a.published or "", a.document_id, a.start),
        )
        built.append(
            ClaimReport(
                id=row["id"], kind=row["kind"], start=row["start"], end=row["end"],
                text=row["text"],
                label=f"{prefixes.get(row['kind'], 'C')}{numbers[row['kind']]}",
                speaker=row.get("speaker"), speaker_mention=row.get("speaker_mention"),
                cue=row.get("cue"), via=row.get("via"), paragraph=row.get("paragraph"),
                sentence=row.get("sentence"), line=line, column=column, flags=tuple(flags),
                matched=consistency is not None or bool(found),
                origin_document_id=row.get("origin_document_id"), appearances=tuple(found),
            )
        )
    return DocumentReport(DocumentInfo.from_row(document), tuple(built), frozenset(known))


# --- rendering pieces ----------------------------------------------------------------------


def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag) or "• " + escape_md(flag.replace("_", " "))


def relation_label(relation: str) -> str:
    return RELATION_LABELS.get(relation) or escape_md(relation)


def _flags_text(claim: ClaimReport) -> str:
    labels = [flag_label(flag) for flag in claim.flags]
    if not claim.matched and claim.kind != "term":
        labels.append(NOT_MATCHED)
    return " · ".join(labels) if labels else EMPTY


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell or EMPTY for cell in cells) + " |"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = [_row(*header), "| " + " | ".join("---" for _ in header) + " |"]
    lines += [_row(*row) for row in rows]
    return lines


def _quoted(text: str, kind: str) -> str:
    """The claim's words, in quotation marks for quotes and terms."""
    words = escape_md(text)
    if kind not in ("quote", "term"):
        return words
    return f"«{words}»" if direction(text) == "rtl" else f"“{words}”"


def _block(text_md: str, source: str) -> list[str]:
    """A block quote, inside a ``dir="rtl"`` block when the text reads right to left."""
    quote_line = f"> {text_md}"
    if direction(source) == "rtl":
        return ['<div dir="rtl">', "", quote_line, "", "</div>"]
    return [quote_line]


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _doc_link(report: DocumentReport, document_id: str, text: str) -> str:
    if document_id in report.known:
        return f"[{text}]({report_filename(document_id)})"
    return text


def _source_name(outlet: str | None, document_id: str, agency: str | None = None) -> str:
    """The outlet, else the dateline's agency, else the document id."""
    if outlet or agency:
        return inline(outlet or agency)
    return f"document {_code(document_id)}"


def chain(speaker: str | None, via: str | None, publisher: str | None) -> str:
    """Who said it, through whom, published by whom: one readable line."""
    parts = [inline(speaker, empty="unattributed")]
    if via:
        parts.append(f"via {inline(via)}")
    text = " ".join(parts)
    if publisher:
        text += f", published by {inline(publisher)}"
    return text


def _location(claim: ClaimReport) -> str:
    parts = []
    if claim.paragraph is not None:
        parts.append(f"paragraph {claim.paragraph + 1}")
    if claim.line is not None:
        parts.append(f"line {claim.line}, column {claim.column}")
    parts.append(f"characters {claim.start}–{claim.end}")
    return ", ".join(parts)


def _word_key(word: str) -> str:
    return " ".join(normalize_words(word)) or word


def mark_differences(claim_text: str, other_text: str) -> str:
    """``other_text`` as Markdown with the words that differ from ``claim_text`` marked:
    ~~claim words~~ struck out, **other words** in bold."""
    ours, theirs = claim_text.split(), other_text.split()
    matcher = difflib.SequenceMatcher(
        None, [_word_key(w) for w in ours], [_word_key(w) for w in theirs], autojunk=False
    )
    parts = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        old, new = " ".join(ours[a0:a1]), " ".join(theirs[b0:b1])
        if tag == "equal":
            parts.append(escape_md(new))
        elif tag == "replace":
            parts.append(f"~~{escape_md(old)}~~ **{escape_md(new)}**")
        elif tag == "delete":
            parts.append(f"~~{escape_md(old)}~~")
        else:
            parts.append(f"**{escape_md(new)}**")
    return " ".join(part for part in parts if part)


def _change_text(change: Change) -> str:
    kind = f" ({escape_md(change.kind)})" if change.kind else ""
    if change.op == "replace":
        return f"{inline(change.claim)} → {inline(change.other)}{kind}"
    if change.op == "delete":
        return f"missing there: {inline(change.claim)}{kind}"
    return f"added there: {inline(change.other)}{kind}"


def verdict(claim: ClaimReport) -> str:
    """The claim's standing in one plain sentence."""
    found = claim.appearances
    if not found:
        if not claim.matched:
            return "Not matched against other documents yet."
        return "No other stored document carries these words: they rest on this document alone."
    counts: dict[str, int] = {}
    for appearance in found:
        counts[appearance.relation] = counts.get(appearance.relation, 0) + 1
    documents = len({a.document_id for a in found})
    ways = [
        f"{counts[name]} {RELATION_WORDS.get(name, name)}"
        for name in sorted(counts, key=lambda n: (_RELATION_ORDER.get(n, 99), n))
    ]
    sentence = f"Found in {documents} other document{'s' if documents != 1 else ''} ({', '.join(ways)})"
    warnings = [words for flag, words in _WARNING_FLAGS.items() if flag in claim.flags]
    if "misattributed" in claim.flags and claim.speaker:
        others = [
            f"{_source_name(a.outlet, a.document_id, a.agency)} attributes it to {inline(a.speaker)}"
            for a in found
            if a.speaker and not same_person(claim.speaker, a.speaker)
        ]
        if others:
            warnings[0] = ", ".join(others)
    if warnings:
        sentence += "; " + "; ".join(warnings)
    elif set(counts) <= {"exact", "normalized"}:
        sentence += "; the wording agrees"
    return sentence + "."


def _earliest(report: DocumentReport, claim: ClaimReport) -> str:
    doc = report.document
    origin = claim.origin_document_id
    if origin is not None and origin != doc.id:
        for a in claim.appearances:
            if a.document_id == origin:
                return _appearance_source(report, a)
    if origin == doc.id:
        return "this document" + (f" ({escape_md(doc.published)})" if doc.published else "")
    dated = sorted((a for a in claim.appearances if a.published),
                   key=lambda a: (a.published or "", a.document_id))
    first = (dated[0].published or "", dated[0].document_id) if dated else None
    if doc.published and (first is None or (doc.published, doc.id) <= first):
        return f"this document ({escape_md(doc.published)})"
    if not dated:
        return "unknown (no dates recorded)"
    text = _appearance_source(report, dated[0])
    if not doc.published:
        text += "; this document has no publication date"
    return text


def _appearance_source(report: DocumentReport, a: Appearance) -> str:
    text = _doc_link(report, a.document_id, _source_name(a.outlet, a.document_id, a.agency))
    return text + (f", {escape_md(a.published)}" if a.published else "")


# --- documents -----------------------------------------------------------------------------


def _provenance(doc: DocumentInfo) -> list[str]:
    dateline = []
    if doc.place:
        dateline.append(f"{inline(doc.place)} (place)")
    if doc.agency:
        dateline.append(f"{inline(doc.agency)} (agency)")
    source = escape_md(doc.source_path) if doc.source_path else EMPTY
    if doc.source_member:
        source += f" → {escape_md(doc.source_member)}"
    if doc.source_line is not None:
        source += f", line {doc.source_line}"
    extracted = EMPTY
    if doc.extractor:
        extracted = f"{escape_md(doc.extractor)}, {escape_md(doc.extracted_utc or '')}".rstrip(", ")
    rows = [
        ("Document", _code(doc.id)),
        ("Title", inline(doc.title)),
        ("Outlet", inline(doc.outlet)),
        ("URL", link(escape_md(doc.url), doc.url) if doc.url else EMPTY),
        ("Published", escape_md(doc.published) or EMPTY),
        ("Author", inline(doc.author)),
        ("Dateline", ", ".join(dateline) or EMPTY),
        ("Language", escape_md(doc.lang) or EMPTY),
        ("Characters", str(doc.chars) if doc.chars is not None else EMPTY),
        ("Content hash", _code(doc.content_hash)),
        ("Source file", source),
        ("Ingested", escape_md(doc.ingested_utc) or EMPTY),
        ("Extracted by", extracted),
    ]
    if doc.supersedes:
        rows.append(("Supersedes", _code(doc.supersedes)))
    return _table(("field", "value"), rows)


def _summary(report: DocumentReport) -> list[str]:
    rows = []
    for claim in report.claims:
        rows.append((
            f"[{claim.label}](#{claim.label.lower()})",
            claim.kind,
            inline(claim.speaker),
            _flags_text(claim),
            str(len(claim.appearances)),
            inline(_clip(claim.text)),
        ))
    return _table(("#", "kind", "speaker", "flags", "elsewhere", "text"), rows)


def _claim_section(report: DocumentReport, claim: ClaimReport) -> list[str]:
    doc = report.document
    lines = [
        f'### <a id="{claim.label.lower()}"></a>{claim.label} · {claim.kind} · '
        f"{inline(claim.speaker, empty='unattributed')}",
        "",
        *_block(_quoted(claim.text, claim.kind), claim.text),
        "",
        f"- **Who:** {chain(claim.speaker, claim.via, doc.publisher)}",
    ]
    if claim.speaker_mention and claim.speaker_mention != claim.speaker:
        lines.append(f"- **Named in the text as:** {inline(claim.speaker_mention)}")
    lines += [
        f"- **Cue:** {inline(claim.cue)}",
        f"- **Where:** {_location(claim)}",
        f"- **Flags:** {_flags_text(claim)}",
        f"- **Claim id:** {_code(claim.id)}",
    ]
    if claim.kind != "term":
        lines.append(f"- **Earliest known appearance:** {_earliest(report, claim)}")
        lines.append(f"- **Verdict:** {verdict(claim)}")
    if claim.appearances:
        lines += ["", f"#### Appearances elsewhere ({len(claim.appearances)})", ""]
        lines += _table(
            ("#", "outlet", "published", "relation", "score", "speaker there", "links"),
            (
                (
                    str(number),
                    _source_name(a.outlet, a.document_id, a.agency),
                    escape_md(a.published) or EMPTY,
                    relation_label(a.relation),
                    f"{a.score:.1f}",
                    inline(a.speaker),
                    " · ".join(filter(None, (
                        _doc_link(report, a.document_id, "report") if a.document_id in report.known else "",
                        link("source", a.url) if safe_url(a.url) else "",
                    ))) or _code(a.document_id),
                )
                for number, a in enumerate(claim.appearances, 1)
            ),
        )
        for number, a in enumerate(claim.appearances, 1):
            lines += ["", f"{number}\\. {_source_name(a.outlet, a.document_id, a.agency)}, "
                      f"characters {a.start}–{a.end}:", ""]
            if a.relation == "exact":
                lines += _block(_quoted(a.text, claim.kind), a.text)
            else:
                lines += _block(mark_differences(claim.text, a.text), a.text)
            if a.changes:
                lines += ["", "Differences: " + "; ".join(_change_text(c) for c in a.changes) + "."]
    return lines


def render_document(report: DocumentReport, *, tool: str = "verify") -> str:
    """One document's report as Markdown."""
    doc = report.document
    title = inline(doc.title or doc.source_path, empty=f"Document {doc.id}")
    lines = [
        f"<!-- Generated by {escape_md(tool)} from the claims database. Do not edit: "
        "run `verify report` again. -->",
        "",
        f"# {title}",
        "",
        f"[All documents]({INDEX_FILE})",
        "",
        "## Provenance",
        "",
        *_provenance(doc),
        "",
        "## Summary",
        "",
    ]
    if report.claims:
        kinds = {c.kind for c in report.claims}
        counts = ", ".join(
            _count(sum(c.kind == kind for c in report.claims), *_KIND_NOUNS[kind])
            for kind, _, _ in KIND_SECTIONS if kind in kinds
        )
        lines += [f"{_count(len(report.claims), 'claim', 'claims')}: {counts}.", "", *_summary(report)]
    else:
        lines.append("No claims extracted.")
    lines += ["", "Offsets are character positions in the stored text (from 0, end "
              "excluded); paragraphs and lines count from 1.", ""]
    for kind, heading, _ in KIND_SECTIONS:
        section = [c for c in report.claims if c.kind == kind]
        if not section:
            continue
        lines += [f"## {heading}", ""]
        for claim in section:
            lines += [*_claim_section(report, claim), ""]
    others = [c for c in report.claims if c.kind not in _KIND_ORDER]
    if others:
        lines += ["## Other claims", ""]
        for claim in others:
            lines += [*_claim_section(report, claim), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_index(reports: Sequence[DocumentReport], *, tool: str = "verify") -> str:
    """``index.md``: every document report, oldest publication first, with counts."""
    ordered = sorted(
        reports,
        key=lambda r: (r.document.published is None, r.document.published or "", r.document.id),
    )
    rows = []
    flag_totals: dict[str, int] = {}
    for report in ordered:
        doc = report.document
        kinds = {kind: sum(c.kind == kind for c in report.claims) for kind, _, _ in KIND_SECTIONS}
        flags: dict[str, int] = {}
        for claim in report.claims:
            for flag in claim.flags:
                flags[flag] = flags.get(flag, 0) + 1
                flag_totals[flag] = flag_totals.get(flag, 0) + 1
        rows.append((
            f"[{_code(doc.id)}]({report_filename(doc.id)})",
            inline(doc.outlet),
            escape_md(doc.published) or EMPTY,
            escape_md(doc.lang) or EMPTY,
            inline(_clip(doc.title or doc.source_path or "", 70)),
            str(len(report.claims)),
            str(kinds["quote"]),
            " · ".join(f"{flag_label(f)} {n}" for f, n in sorted(flags.items())) or EMPTY,
        ))
    claims = sum(len(r.claims) for r in ordered)
    lines = [
        f"<!-- Generated by {escape_md(tool)} from the claims database. Do not edit: "
        "run `verify report` again. -->",
        "",
        "# Claims reports",
        "",
        f"{_count(len(ordered), 'document', 'documents')}, {_count(claims, 'claim', 'claims')}.",
        "",
        *_table(("report", "outlet", "published", "lang", "title", "claims", "quotes", "flags"), rows),
    ]
    if flag_totals:
        lines += ["", "## Flags", ""]
        lines += _table(("flag", "claims"), ((flag_label(f), str(n)) for f, n in sorted(flag_totals.items())))
    return "\n".join(lines) + "\n"


# --- speakers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """One place a statement appears: a claim attributed to the speaker, or an appearance
    of such a claim's words elsewhere."""

    document_id: str
    text: str
    speaker: str | None
    outlet: str | None
    published: str | None
    url: str | None = None
    relation: str | None = None
    claim_id: str | None = None
    agency: str | None = None


def _wording_key(text: str) -> str:
    return " ".join(normalize_words(text))


def group_statements(
    claims: Sequence[Mapping[str, Any]], appearances: Sequence[Mapping[str, Any]]
) -> list[list[SpeakerEntry]]:
    """Group a speaker's claims into statements: claims linked by a match (directly or
    through overlapping spans) are one statement; appearances join their claim's group."""
    parent = {c["id"]: c["id"] for c in claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    spans: dict[str, list[Mapping[str, Any]]] = {}
    for c in claims:
        spans.setdefault(c["document_id"], []).append(c)
    extra: dict[str, list[SpeakerEntry]] = {}
    for a in appearances:
        if a["claim_id"] not in parent:
            continue
        joined = False
        for other in spans.get(a["document_id"], []):
            if other["start"] < a["end"] and other["end"] > a["start"]:
                parent[find(other["id"])] = find(a["claim_id"])
                joined = True
        if not joined:
            extra.setdefault(a["claim_id"], []).append(SpeakerEntry(
                a["document_id"], a.get("text") or "", a.get("speaker"), a.get("outlet"),
                a.get("published"), a.get("url"), a.get("relation"), None, a.get("agency")))
    groups: dict[str, list[SpeakerEntry]] = {}
    for c in claims:
        groups.setdefault(find(c["id"]), []).append(SpeakerEntry(
            c["document_id"], c["text"], c.get("speaker"), c.get("outlet"), c.get("published"),
            c.get("url"), None, c["id"], c.get("agency")))
    for claim_id, entries in extra.items():
        groups[find(claim_id)].extend(entries)
    ordered = []
    for entries in groups.values():
        unique = {(e.document_id, _wording_key(e.text)): e for e in entries}
        ordered.append(sorted(unique.values(), key=_entry_order))
    ordered.sort(key=lambda g: _entry_order(g[0]))
    return ordered


def _entry_order(e: SpeakerEntry) -> tuple[bool, str, str, str]:
    return (e.published is None, e.published or "", e.document_id, e.text)


def render_speaker(
    name: str,
    forms: Sequence[str],
    groups: Sequence[Sequence[SpeakerEntry]],
    *,
    known: Iterable[str] = (),
    tool: str = "verify",
) -> str:
    """Everything a person is quoted as saying, grouped by statement, with the outlets that
    carry each wording."""
    known_ids = frozenset(known)
    lines = [
        f"<!-- Generated by {escape_md(tool)} from the claims database. Do not edit: "
        "run `verify report --speaker` again. -->",
        "",
        f"# Quoted as saying: {inline(name)}",
        "",
        f"[All documents]({INDEX_FILE})",
        "",
        "Names matched: " + (", ".join(inline(f) for f in sorted(forms)) or EMPTY) + ".",
        "",
        f"{_count(len(groups), 'statement', 'statements')}.",
    ]
    for number, entries in enumerate(groups, 1):
        wordings: dict[str, list[SpeakerEntry]] = {}
        for entry in entries:
            wordings.setdefault(_wording_key(entry.text), []).append(entry)
        first = entries[0]
        lines += ["", f"## {number}. {inline(_clip(first.text, 70))}", ""]
        lines += [f"Earliest: {_speaker_source(first, known_ids)}"
                  f"{', ' + escape_md(first.published) if first.published else ''}.", ""]
        rows = []
        for wording_number, (_, carried) in enumerate(
            sorted(wordings.items(), key=lambda item: _entry_order(item[1][0])), 1
        ):
            rows.append((
                str(wording_number),
                inline(carried[0].text),
                "; ".join(
                    _speaker_source(e, known_ids) + (f" ({escape_md(e.published)})" if e.published else "")
                    for e in carried
                ),
                "; ".join(sorted({inline(e.speaker, empty="unattributed") for e in carried})),
            ))
        lines += _table(("wording", "text", "carried by", "attributed to"), rows)
    return "\n".join(lines) + "\n"


def _speaker_source(entry: SpeakerEntry, known: frozenset[str]) -> str:
    name = _source_name(entry.outlet, entry.document_id, entry.agency)
    if entry.document_id in known:
        return f"[{name}]({report_filename(entry.document_id)})"
    target = safe_url(entry.url)
    return f"[{name}]({target})" if target else name
