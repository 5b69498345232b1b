"""The claims database schema, as append-only migrations.

Never edit a migration that has shipped: add a new one below it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("verify")


@migrations()
def m001_documents_and_runs(db: Database) -> None:
    db["runs"].create(
        {
            "id": int,
            "command": str,
            "started_utc": str,
            "finished_utc": str,
            "status": str,
            "version": str,
            "settings": str,
            "counts": str,
        },
        pk="id",
        not_null={"command", "started_utc", "status", "version"},
    )
    db["documents"].create(
        {
            "id": str,
            "content_hash": str,
            "identity": str,
            "title": str,
            "outlet": str,
            "url": str,
            "published": str,
            "author": str,
            "lang": str,
            "place": str,
            "agency": str,
            "chars": int,
            "source_path": str,
            "source_member": str,
            "source_line": int,
            "supersedes": str,
            "ingested_utc": str,
            "run_id": int,
            "text": str,
        },
        pk="id",
        not_null={"content_hash", "identity", "chars", "ingested_utc", "text"},
        foreign_keys=[("supersedes", "documents", "id"), ("run_id", "runs", "id")],
    )
    db["documents"].create_index(["identity"])
    db["documents"].create_index(["url"])
    db["documents"].create_index(["outlet"])
    db["documents"].create_index(["published"])
    db["documents"].create_index(["supersedes"])
    db["documents"].enable_fts(
        ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migrations()
def m002_claims_and_matches(db: Database) -> None:
    db["extractions"].create(
        {
            "document_id": str,
            "extractor": str,
            "claims": int,
            "extracted_utc": str,
            "run_id": int,
        },
        pk="document_id",
        not_null={"extractor", "claims", "extracted_utc"},
        foreign_keys=[("document_id", "documents", "id"), ("run_id", "runs", "id")],
    )
    db["claims"].create(
        {
            "id": str,
            "document_id": str,
            "kind": str,
            "start": int,
            "end": int,
            "text": str,
            "normalized": str,
            "speaker": str,
            "speaker_mention": str,
            "cue": str,
            "via": str,
            "sentence": int,
            "paragraph": int,
            "flags": str,
        },
        pk="id",
        not_null={"document_id", "kind", "start", "end", "text", "normalized", "flags"},
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["claims"].create_index(["document_id"])
    db["claims"].create_index(["kind"])
    db["claims"].create_index(["speaker"])
    db["claims"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["matches"].create(
        {
            "id": int,
            "claim_id": str,
            "document_id": str,
            "start": int,
            "end": int,
            "text": str,
            "score": float,
            "relation": str,
            "diff": str,
            "speaker": str,
            "run_id": int,
        },
        pk="id",
        not_null={"claim_id", "document_id", "start", "end", "score", "relation"},
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("document_id", "documents", "id"),
            ("run_id", "runs", "id"),
        ],
    )
    db["matches"].create_index(["claim_id"])
    db["matches"].create_index(["document_id"])
