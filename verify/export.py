"""Exports: claim rows in, JSON Lines, CSV or schema.org ClaimReview JSON-LD text out.

Pure: the rows come from ``storage.iter_export_claims`` (each claim with its document's
provenance, ``flags``, ``origin`` and ``matches``); the CLI writes the text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

__all__ = ["CSV_COLUMNS", "FORMATS", "render_claimreview", "render_csv", "render_jsonl"]

FORMATS = ("jsonl", "csv", "claimreview")

CSV_COLUMNS = (
    "id", "document_id", "kind", "text", "speaker", "speaker_mention", "via", "cue", "start",
    "end", "sentence", "paragraph", "flags", "url", "outlet", "published", "title", "author",
    "lang", "place", "agency", "content_hash", "ingested_utc", "origin_document_id",
    "origin_outlet", "origin_published", "origin_url", "appearances", "appearance_outlets",
    "appearance_relations",
)
#: Cells starting with these are formulas to a spreadsheet; a leading ' keeps them text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_jsonl(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One JSON object per claim, one per line."""
    for row in rows:
        yield json.dumps(dict(row), ensure_ascii=False, sort_keys=True) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _flat(row: Mapping[str, Any]) -> dict[str, Any]:
    origin = row.get("origin") or {}
    matches = row.get("matches") or []
    flat = {name: row.get(name) for name in CSV_COLUMNS}
    flat.update({
        "flags": ";".join(row.get("flags") or []),
        "origin_document_id": origin.get("document_id"),
        "origin_outlet": origin.get("outlet"),
        "origin_published": origin.get("published"),
        "origin_url": origin.get("url"),
        "appearances": len(matches),
        "appearance_outlets": ";".join(
            sorted({m.get("outlet") or m["document_id"] for m in matches})),
        "appearance_relations": ";".join(sorted({m["relation"] for m in matches})),
    })
    return flat


def render_csv(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """A header line, then one line per claim (lists joined with ``;``; cells that a
    spreadsheet would run as formulas prefixed with ``'``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        flat = _flat(row)
        writer.writerow([_cell(flat[name]) if isinstance(flat[name], str) else
                         ("" if flat[name] is None else flat[name]) for name in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


def _work(document_id: str, url: str | None, outlet: str | None, published: str | None,
          title: str | None = None, text: str | None = None, description: str | None = None,
          ) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": document_id}
    if url:
        work["url"] = url
    if title:
        work["headline"] = title
    if published:
        work["datePublished"] = published
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    if text:
        work["text"] = text
    if description:
        work["description"] = description
    return work


def claim_jsonld(row: Mapping[str, Any]) -> dict[str, Any]:
    """A schema.org ``Claim``: its text, ``author`` (the speaker), every ``appearance``
    (its own document first, then where else its words were found) and
    ``firstAppearance`` (the earliest known)."""
    own = _work(row["document_id"], row.get("url"), row.get("outlet"), row.get("published"),
                row.get("title"), row["text"], "the document the claim was extracted from")
    appearances = [own]
    for match in row.get("matches") or []:
        appearances.append(_work(
            match["document_id"], match.get("url"), match.get("outlet"), match.get("published"),
            text=match.get("text"),
            description=f"relation: {match['relation']}, score {match['score']}"
            + (f", attributed to {match['speaker']}" if match.get("speaker") else ""),
        ))
    claim: dict[str, Any] = {
        "@type": "Claim",
        "identifier": row["id"],
        "text": row["text"],
        "appearance": appearances,
    }
    if row.get("speaker"):
        claim["author"] = {"@type": "Person", "name": row["speaker"]}
    if row.get("lang"):
        claim["inLanguage"] = row["lang"]
    if row.get("flags"):
        claim["keywords"] = list(row["flags"])
    origin = row.get("origin")
    if origin:
        first = next((a for a in appearances if a["identifier"] == origin["document_id"]), None)
        claim["firstAppearance"] = first or _work(
            origin["document_id"], origin.get("url"), origin.get("outlet"), origin.get("published"))
    else:
        dated = [a for a in appearances if a.get("datePublished")]
        if dated:
            claim["firstAppearance"] = min(dated, key=lambda a: (a["datePublished"], a["identifier"]))
    return claim


#: Claim kinds exported as ClaimReview claims (quoted terms are names, not claims).
CLAIMREVIEW_KINDS = frozenset({"quote", "reported", "statement"})


def render_claimreview(rows: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One JSON-LD document: ``{"@context": "https://schema.org", "@graph": [Claim ...]}``,
    streamed a claim at a time."""
    yield '{\n  "@context": "https://schema.org",\n  "@graph": ['
    first = True
    for row in rows:
        if row["kind"] not in CLAIMREVIEW_KINDS:
            continue
        text = json.dumps(claim_jsonld(row), ensure_ascii=False, sort_keys=True, indent=2)
        indented = "\n".join("    " + line for line in text.splitlines())
        yield ("\n" if first else ",\n") + indented
        first = False
    yield "\n  ]\n}\n"
