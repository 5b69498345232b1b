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


@migrations()
def m003_match_index_consistency_speakers(db: Database) -> None:
    # One row per indexed document: its word-bigram hashes and their word positions,
    # as little-endian uint64 and uint32 arrays. ``seq`` grows with every row written,
    # so "the index state a claim was matched against" is one number.
    db["document_index"].create(
        {
            "document_id": str,
            "seq": int,
            "indexer": str,
            "bigrams": int,
            "ngrams": bytes,
            "positions": bytes,
            "indexed_utc": str,
            "run_id": int,
        },
        pk="document_id",
        not_null={"seq", "indexer", "bigrams", "ngrams", "positions", "indexed_utc"},
        foreign_keys=[("document_id", "documents", "id"), ("run_id", "runs", "id")],
    )
    db["document_index"].create_index(["seq"], unique=True)
    db["consistency"].create(
        {
            "claim_id": str,
            "flags": str,
            "origin_document_id": str,
            "matches": int,
            "index_seq": int,
            "matcher": str,
            "judged_utc": str,
            "run_id": int,
        },
        pk="claim_id",
        not_null={"flags", "matches", "index_seq", "matcher", "judged_utc"},
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("origin_document_id", "documents", "id"),
            ("run_id", "runs", "id"),
        ],
    )
    db["speakers"].create(
        {"id": int, "name": str, "key": str}, pk="id", not_null={"name", "key"}
    )
    db["speaker_forms"].create(
        {"form": str, "speaker_id": int, "key": str, "seen_utc": str},
        pk="form",
        not_null={"speaker_id", "key"},
        foreign_keys=[("speaker_id", "speakers", "id")],
    )
    db["speaker_forms"].create_index(["speaker_id"])
    db["matches"].create_index(["claim_id", "document_id"])
    db.create_view(
        "claim_consistency",
        """
        SELECT c.id AS claim_id, c.document_id, d.outlet, d.published, c.kind, c.speaker,
               c.text, k.flags, k.matches, k.origin_document_id, o.outlet AS origin_outlet,
               o.published AS origin_published, o.url AS origin_url
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        JOIN consistency k ON k.claim_id = c.id
        LEFT JOIN documents o ON o.id = k.origin_document_id
        """,
    )
    db.create_view(
        "quote_sources",
        """
        SELECT m.claim_id, c.text AS claim_text, c.speaker AS claim_speaker,
               m.document_id, d.outlet, d.published, d.url, m.relation, m.score,
               m.speaker, m.text
        FROM matches m
        JOIN claims c ON c.id = m.claim_id
        JOIN documents d ON d.id = m.document_id
        """,
    )


@migrations()
def m004_browse_views(db: Database) -> None:
    # The views people browse (see verify/datasette-metadata.yml). claim_consistency is
    # recreated with one row per claim (judged or not), its m003 columns first, then
    # counts of appearances by relation. ``claim_rowid`` lets Datasette search the views
    # through claims_fts. Flags come from a subquery, not the LEFT JOIN: SQLite finds no
    # rows when json_each (Datasette's array facet) reads a column of a LEFT JOINed table
    # inside a CTE.
    relations = ("exact", "normalized", "variant", "altered", "partial")
    counts = ",\n".join(
        f"(SELECT count(*) FROM matches m WHERE m.claim_id = c.id AND m.relation = '{name}') AS {name}"
        for name in relations
    )
    db.execute("DROP VIEW IF EXISTS claim_consistency")
    db.create_view(
        "claim_consistency",
        f"""
        SELECT c.id AS claim_id, c.document_id, d.outlet, d.published, c.kind, c.speaker,
               c.text,
               coalesce((SELECT j.flags FROM consistency j WHERE j.claim_id = c.id), '[]') AS flags,
               coalesce(k.matches, 0) AS matches,
               k.origin_document_id, o.outlet AS origin_outlet,
               o.published AS origin_published, o.url AS origin_url,
               c.via, c.cue, c.flags AS extraction_flags, k.claim_id IS NOT NULL AS judged,
               {counts},
               (SELECT count(DISTINCT coalesce(md.outlet, md.id)) FROM matches m
                JOIN documents md ON md.id = m.document_id WHERE m.claim_id = c.id) AS outlets,
               d.title, d.url, d.lang, d.place, d.agency, c.start, c."end", c.rowid AS claim_rowid
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        LEFT JOIN consistency k ON k.claim_id = c.id
        LEFT JOIN documents o ON o.id = k.origin_document_id
        """,
    )
    db.create_view(
        "quote_appearances",
        """
        SELECT m.claim_id, c.document_id AS claim_document_id, cd.outlet AS claim_outlet,
               cd.published AS claim_published, c.kind, c.speaker AS claim_speaker,
               c.text AS claim_text, m.document_id, d.outlet, d.published, d.url, d.title,
               m.relation, m.score, m.speaker, m.text, m.start, m."end", m.id AS match_id
        FROM matches m
        JOIN claims c ON c.id = m.claim_id
        JOIN documents cd ON cd.id = c.document_id
        JOIN documents d ON d.id = m.document_id
        """,
    )
    db.create_view(
        "speaker_quotes",
        """
        SELECT coalesce(s.name, c.speaker) AS speaker, c.speaker AS speaker_form, c.kind,
               c.text, c.via, c.cue, c.document_id, d.outlet, d.published, d.url,
               coalesce((SELECT j.flags FROM consistency j WHERE j.claim_id = c.id), '[]') AS flags,
               (SELECT count(*) FROM matches m WHERE m.claim_id = c.id) AS appearances,
               c.id AS claim_id, c.rowid AS claim_rowid
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        LEFT JOIN speaker_forms f ON f.form = c.speaker
        LEFT JOIN speakers s ON s.id = f.speaker_id
        WHERE c.speaker IS NOT NULL
        """,
    )


@migrations()
def m005_index_snapshots(db: Database) -> None:
    # The merged, sorted candidate index as of one index state: a cache that spares
    # every `match` and `check` the sort of all documents' bigrams. Rebuilt when stale.
    # (First written as m004_index_snapshots: a database that ran it already has the table.)
    db["index_snapshots"].create(
        {
            "indexer": str,
            "seq": int,
            "doc_ids": str,
            "doc_seq": bytes,
            "hashes": bytes,
            "locations": bytes,
            "offsets": bytes,
            "created_utc": str,
        },
        pk="indexer",
        not_null={"seq", "doc_ids", "doc_seq", "hashes", "locations", "offsets", "created_utc"},
        if_not_exists=True,
    )


@migrations()
def m006_narrow_fts_update_triggers(db: Database) -> None:
    # sqlite-utils' update triggers re-index a row's full text whenever any column
    # changes: setting a document's dateline (place, agency) re-tokenised the whole
    # article, most of the cost of storing an extraction. Re-index only when an indexed
    # column changes.
    for table, columns in (("documents", ("title", "text")), ("claims", ("text",))):
        quoted = ", ".join(f'"{column}"' for column in columns)
        old = ", ".join(f'old."{column}"' for column in columns)
        new = ", ".join(f'new."{column}"' for column in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f"""CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES('delete', old.rowid, {old});
  INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new});
END"""
        )
    # Triggers set aside while a bulk extraction writes claims without keeping the
    # full-text index current (storage.deferred_claims_fts): a row here means the
    # index is stale until the trigger is restored and the index rebuilt.
    db["deferred_triggers"].create({"name": str, "sql": str}, pk="name", not_null={"sql"})
