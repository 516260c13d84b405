"""The event store: one DuckDB file holding documents, sentences and events.

Writes are set-based (``INSERT ... SELECT`` from Arrow tables or Parquet
shards) and each batch is one transaction, so a run killed at any point leaves
whole batches; running it again skips documents already stored (same doc_id and
content hash), which makes ingestion idempotent and crash-safe.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from geopol.store import migrations
from geopol.store.tables import SIMHASH_BANDS, SIMHASH_MAX_DISTANCE, bands, hamming, results_to_tables

DEFAULT_PATH = "geopol.duckdb"
PERIODS = ("month", "week", "day")
LEVELS = ("country", "code")


class StoreError(Exception):
    """A store problem worth one line to the user (bad file, locked file, bad filter)."""


@dataclass
class WriteStats:
    documents: int = 0      # documents written (new or replaced, duplicates included)
    replaced: int = 0       # of which replaced an older version (same doc_id, other content)
    skipped: int = 0        # already stored with the same content hash
    duplicates: int = 0     # written as duplicates of an earlier document (events not stored)
    sentences: int = 0
    events: int = 0         # events stored

    def add(self, other: "WriteStats") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None              # source or target code prefix
    dyad: tuple[str, str] | None = None   # code prefixes, either direction
    plover_type: str | None = None
    cameo_root: str | None = None
    since: date | None = None
    until: date | None = None
    modality: tuple[str, ...] = ()        # any of these; empty: all


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


class Store:
    """``Store(path)`` opens (or creates) the store at ``path`` and brings its schema up to date."""

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, read_only: bool = False,
                 lock_wait: float = 0.0) -> None:
        """``lock_wait``: seconds to keep retrying while another process holds the file (a server's
        short read connections, say) before giving up with "store is in use"."""
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (create it with `geopol ingest ... --db {self.path}`)")
        self.con = self._connect_waiting(read_only, lock_wait)
        try:
            self.version = self._ensure_schema(read_only)
        except StoreError:
            self.con.close()
            raise
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(f"{self.path}: store is unreadable or corrupted ({_one_line(exc)})") from None

    # -- opening ----------------------------------------------------------------------
    def _connect_waiting(self, read_only: bool, lock_wait: float):
        deadline = time.monotonic() + lock_wait
        delay = 0.05
        while True:
            try:
                return self._connect(read_only)
            except StoreError as exc:
                if "in use by another process" not in str(exc) or time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def _connect(self, read_only: bool):
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            msg = _one_line(exc)
            low = msg.lower()
            if "could not set lock" in low or "conflicting lock" in low:
                raise StoreError(f"{self.path}: store is in use by another process ({msg[:200]})") from None
            if "not a valid duckdb database" in low or "not a duckdb" in low:
                raise StoreError(f"{self.path}: not a geopol store (not a DuckDB database file)") from None
            if "corrupt" in low or "checksum" in low:
                raise StoreError(f"{self.path}: store file is corrupted ({msg[:200]})") from None
            raise StoreError(f"{self.path}: cannot open store: {msg}") from None

    def _ensure_schema(self, read_only: bool) -> int:
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "meta" in tables:
            rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            version = int(rows[0][0]) if rows else 1
        elif tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a geopol store (no meta table)")
        else:
            version = 0
        if version > migrations.LATEST:
            raise StoreError(f"{self.path}: store has schema version {version}, newer than this geopol "
                             f"understands ({migrations.LATEST}); upgrade geopol")
        if version == migrations.LATEST:
            return version
        if read_only:
            # migrate through a writable connection, then come back read-only
            self.con.close()
            self.con = self._connect(False)
            self._migrate(version)
            self.con.close()
            self.con = self._connect(True)
            return migrations.LATEST
        self._migrate(version)
        return migrations.LATEST

    def _migrate(self, version: int) -> None:
        con = self.con
        con.execute("BEGIN")
        try:
            if version == 0:
                con.execute(migrations.base_schema())
                version = 1
            for v in sorted(k for k in migrations.MIGRATIONS if k > version):
                for stmt in migrations.MIGRATIONS[v]:
                    con.execute(stmt)
                version = v
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------
    def known(self, pairs: Sequence[tuple[str, str]]) -> set[str]:
        """doc_ids among (doc_id, content_hash) pairs already stored with that same hash."""
        if not pairs:
            return set()
        t = pa.table({"doc_id": [p[0] for p in pairs], "content_hash": [p[1] for p in pairs]})
        self.con.register("_q_known", t)
        try:
            rows = self.con.execute("SELECT d.doc_id FROM documents d JOIN _q_known q "
                                    "ON d.doc_id = q.doc_id AND d.content_hash = q.content_hash").fetchall()
        finally:
            self.con.unregister("_q_known")
        return {r[0] for r in rows}

    def write_results(self, results: Sequence) -> WriteStats:
        """Store a batch of DocumentResults in one transaction (see :meth:`write_tables`)."""
        return self.write_tables(*results_to_tables(results))

    def write_parquet(self, shard_dir: str | os.PathLike) -> WriteStats:
        """Merge one Parquet shard (documents/sentences/events.parquet) in one transaction."""
        d = Path(shard_dir)
        sql = {name: "SELECT * FROM read_parquet('" + (d / (name + ".parquet")).as_posix().replace("'", "''") + "')"
               for name in ("documents", "sentences", "events")}
        return self._write(sql["documents"], sql["sentences"], sql["events"])

    def write_tables(self, docs: pa.Table, sents: pa.Table, events: pa.Table, dropped: int = 0) -> WriteStats:
        """Store one batch: idempotent, replaces changed documents, folds duplicates into mentions.
        ``dropped``: documents of the batch already left out of the tables (an earlier version of a
        doc_id found later in the batch), counted as skipped."""
        stats = self._write(docs, sents, events)
        stats.skipped += dropped
        return stats

    def _write(self, docs, sents, events) -> WriteStats:
        con = self.con
        names = ("_b_docs", "_b_sents", "_b_events")
        for name, rel in zip(names, (docs, sents, events)):
            if isinstance(rel, str):   # a query (Parquet shards): materialised once, inside DuckDB
                con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {rel}")
            else:
                con.register(name, rel)
        con.execute("BEGIN")
        try:
            stats = self._write_batch()
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        finally:
            for name, rel in zip(names, (docs, sents, events)):
                if isinstance(rel, str):
                    con.execute(f"DROP TABLE IF EXISTS {name}")
                else:
                    con.unregister(name)
            for t in ("_w", "_dup", "_aff"):
                con.execute(f"DROP TABLE IF EXISTS {t}")
        return stats

    def _write_batch(self) -> WriteStats:
        con = self.con
        stats = WriteStats()
        # 1. which batch documents are new, unchanged (skip) or changed (replace)
        rows = con.execute("""
            SELECT b.pos, b.doc_id, b.content_hash, b.simhash,
                   CASE WHEN d.doc_id IS NULL THEN 'new' WHEN d.content_hash = b.content_hash THEN 'skip'
                        ELSE 'replace' END AS status,
                   d.duplicate_of
            FROM _b_docs b LEFT JOIN documents d USING (doc_id) ORDER BY b.pos""").fetchall()
        write = [r for r in rows if r[4] != "skip"]
        stats.skipped = len(rows) - len(write)
        replaced = [r[1] for r in write if r[4] == "replace"]
        stats.replaced = len(replaced)
        affected = {r[5] for r in write if r[4] == "replace" and r[5]}   # canonicals losing a duplicate
        affected.update(replaced)                                          # canonicals whose events change
        if not write:
            return stats
        # (from an Arrow table: executemany costs about 3 ms per 10 rows, a third of a batch's write)
        self._temp_table("_w", {"pos": pa.array([r[0] for r in write], pa.int64()),
                                "doc_id": pa.array([r[1] for r in write], pa.string()),
                                "content_hash": pa.array([r[2] for r in write], pa.string()),
                                "simhash": pa.array([r[3] for r in write], pa.uint64()),
                                "duplicate_of": pa.nulls(len(write), pa.string())})
        # 2. drop the old versions of changed documents
        if replaced:
            for table in ("events", "sentences", "duplicate_mentions", "documents"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _w)")
        # 3. duplicates: the same content hash or a simhash within SIMHASH_MAX_DISTANCE bits of a stored
        #    canonical document (candidates share one of the SIMHASH_BANDS exactly: pigeonhole)
        band_joins = " UNION ALL ".join(
            f"SELECT w.doc_id, d.doc_id AS canon, bit_count(xor(w.simhash, d.simhash)) AS dist, d.ingested_at "
            f"FROM _w w JOIN documents d ON d.duplicate_of IS NULL AND d.simhash IS NOT NULL "
            f"AND (w.simhash >> {s}) & {(1 << n) - 1} = (d.simhash >> {s}) & {(1 << n) - 1}"
            for s, n in SIMHASH_BANDS)
        matches = con.execute(f"""
            SELECT doc_id, arg_min(canon, (dist, ingested_at, canon)) FROM (
                SELECT w.doc_id, d.doc_id AS canon, 0 AS dist, d.ingested_at FROM _w w
                  JOIN documents d ON d.duplicate_of IS NULL AND d.content_hash = w.content_hash
                UNION ALL SELECT * FROM ({band_joins}) WHERE dist <= {SIMHASH_MAX_DISTANCE}
            ) GROUP BY doc_id""").fetchall()
        dup_of: dict[str, str] = dict(matches)
        # ... and inside the batch: the first of near-identical documents is the canonical one
        canon_in_batch: list[tuple[str, str, int | None]] = []
        by_hash: dict[str, str] = {}
        band_index: dict[tuple[int, int], list[int]] = {}
        for pos, doc_id, chash, sh, _status, _old in write:
            if doc_id in dup_of:
                continue
            found = by_hash.get(chash)
            if found is None and sh is not None:
                for i in sorted({j for key in bands(sh) for j in band_index.get(key, ())}):
                    cid, _, csh = canon_in_batch[i]
                    if hamming(sh, csh) <= SIMHASH_MAX_DISTANCE:
                        found = cid          # the earliest matching document of the batch
                        break
            if found is not None:
                dup_of[doc_id] = found
                continue
            by_hash.setdefault(chash, doc_id)
            if sh is not None:
                for key in bands(sh):
                    band_index.setdefault(key, []).append(len(canon_in_batch))
            canon_in_batch.append((doc_id, chash, sh))
        if dup_of:
            self._temp_table("_dup", {"doc_id": pa.array(list(dup_of), pa.string()),
                                      "canon": pa.array(list(dup_of.values()), pa.string())})
            con.execute("UPDATE _w SET duplicate_of = m.canon FROM _dup m WHERE _w.doc_id = m.doc_id")
        affected.update(dup_of.values())
        stats.duplicates = len(dup_of)
        stats.documents = len(write)
        # 4. set-based inserts
        con.execute("""
            INSERT INTO documents (doc_id, content_hash, origin, line, title, source, url, doc_date, date_source,
                                   n_sentences, n_events, duplicate_of, simhash, source_key)
            SELECT b.doc_id, b.content_hash, b.origin, b.line, b.title, b.source, b.url, b.doc_date, b.date_source,
                   b.n_sentences, b.n_events, w.duplicate_of, b.simhash, b.source_key
            FROM _b_docs b JOIN _w w USING (doc_id) ORDER BY b.pos""")
        stats.sentences = con.execute("""
            INSERT INTO sentences (doc_id, sentence_index, text, start_char)
            SELECT s.doc_id, s.sentence_index, s.text, s.start_char FROM _b_sents s
            JOIN _w w ON w.doc_id = s.doc_id AND w.duplicate_of IS NULL""").fetchall()[0][0]
        stats.events = con.execute("""
            INSERT OR IGNORE INTO events (event_id, doc_id, sentence_index, date, date_precision, source_code,
                source_country, source_sector, source_name, source_text, target_code, target_country,
                target_sector, target_name, target_text, cameo, cameo_root, goldstein, quad_class, plover_type,
                plover_mode, plover_context, modality, trigger, confidence, reciprocal, location_name,
                location_country, lat, lon, rule, record)
            SELECT e.event_id, e.doc_id, e.sentence_index, e.date, e.date_precision, e.source_code,
                e.source_country, e.source_sector, e.source_name, e.source_text, e.target_code, e.target_country,
                e.target_sector, e.target_name, e.target_text, e.cameo, e.cameo_root, e.goldstein, e.quad_class,
                e.plover_type, e.plover_mode, e.plover_context, e.modality, e.trigger, e.confidence, e.reciprocal,
                e.location_name, e.location_country, e.lat, e.lon, e.rule, e.record
            FROM _b_events e JOIN _w w ON w.doc_id = e.doc_id AND w.duplicate_of IS NULL""").fetchall()[0][0]
        if dup_of:
            con.execute("""
                INSERT OR IGNORE INTO duplicate_mentions
                SELECT DISTINCT e.doc_id, w.duplicate_of, coalesce(e.source_code, ''), coalesce(e.target_code, ''),
                       e.cameo, e.modality, coalesce(b.source_key, 'doc:' || e.doc_id)
                FROM _b_events e JOIN _w w ON w.doc_id = e.doc_id AND w.duplicate_of IS NOT NULL
                JOIN _b_docs b ON b.doc_id = e.doc_id""")
        # 5. num_mentions / num_sources of the canonical events touched by this batch, recomputed
        #    from duplicate_mentions (so re-running a batch never counts twice)
        if affected:
            self._recount(affected)
        return stats

    def _temp_table(self, name: str, columns: dict[str, pa.Array]) -> None:
        """A temporary table of these columns, copied in from Arrow (one statement, no row loop)."""
        self.con.register("_arrow_in", pa.table(columns))
        try:
            self.con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM _arrow_in")
        finally:
            self.con.unregister("_arrow_in")

    def _recount(self, canon_ids: set[str]) -> None:
        con = self.con
        self._temp_table("_aff", {"doc_id": pa.array(sorted(canon_ids), pa.string())})
        con.execute("""
            UPDATE events SET num_mentions = c.n, num_sources = c.s FROM (
                WITH a AS (
                    SELECT e.event_id, e.doc_id, coalesce(e.source_code, '') AS sc, coalesce(e.target_code, '') AS tc,
                           e.cameo, e.modality
                    FROM events e WHERE e.doc_id IN (SELECT doc_id FROM _aff)),
                keys AS (
                    SELECT a.event_id, coalesce(d.source_key, 'doc:' || d.doc_id) AS k, 0 AS m
                    FROM a JOIN documents d ON d.doc_id = a.doc_id
                    UNION ALL
                    SELECT a.event_id, m.source_key, 1 FROM a JOIN duplicate_mentions m
                      ON m.canonical_doc_id = a.doc_id AND m.source_code = a.sc AND m.target_code = a.tc
                     AND m.cameo = a.cameo AND m.modality = a.modality)
                SELECT event_id, 1 + sum(m) AS n, count(DISTINCT k) AS s FROM keys GROUP BY event_id
            ) c WHERE events.event_id = c.event_id""")

    # -- reading ------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("documents", "sentences", "events"):
            out[t] = self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        out["duplicates"] = self.con.execute(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchall()[0][0]
        return out

    @staticmethod
    def where_sql(f: EventFilter) -> tuple[str, list[Any]]:
        """The WHERE clause and parameters for event filters (the web API adds its own on top)."""
        conds: list[str] = []
        params: list[Any] = []
        if f.actor:
            conds.append("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))")
            params += [f.actor.upper(), f.actor.upper()]
        if f.dyad:
            a, b = f.dyad[0].upper(), f.dyad[1].upper()
            conds.append("((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)) OR "
                         "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))")
            params += [a, b, b, a]
        if f.plover_type:
            conds.append("e.plover_type = ?")
            params.append(f.plover_type.upper())
        if f.cameo_root:
            root = f.cameo_root.strip()
            if not root.isdigit() or len(root) > 2:
                raise StoreError(f"--root expects a CAMEO root code (01..20), got {f.cameo_root!r}")
            conds.append("e.cameo_root = ?")
            params.append(root.zfill(2))
        if f.since:
            conds.append("e.date >= ?")
            params.append(f.since)
        if f.until:
            conds.append("e.date <= ?")
            params.append(f.until)
        if f.modality:
            conds.append("e.modality IN (" + ", ".join("?" for _ in f.modality) + ")")
            params += list(f.modality)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def events(self, filters: EventFilter | None = None, limit: int | None = None, offset: int = 0) -> pa.Table:
        """Events matching the filters, ordered by date, as an Arrow table (with document url/source)."""
        sql, params = self._events_sql(filters, limit, offset)
        return self.con.sql(sql, params=params).to_arrow_table()

    def event_batches(self, filters: EventFilter | None = None, limit: int | None = None, offset: int = 0,
                      batch_rows: int = 10_000) -> pa.RecordBatchReader:
        """Like :meth:`events`, streamed in record batches (for large exports)."""
        sql, params = self._events_sql(filters, limit, offset)
        return self.con.sql(sql, params=params).to_arrow_reader(batch_rows)

    def _events_sql(self, filters: EventFilter | None, limit: int | None, offset: int) -> tuple[str, list]:
        where, params = self.where_sql(filters or EventFilter())
        sql = (f"SELECT e.*, d.url AS doc_url, d.source AS doc_source FROM events e "
               f"LEFT JOIN documents d ON d.doc_id = e.doc_id{where} "
               f"ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        if offset:
            sql += f" OFFSET {int(offset)}"
        return sql, params

    def event_records(self, filters: EventFilter | None = None, limit: int | None = None, offset: int = 0,
                      explain: bool = False) -> list[dict[str, Any]]:
        """Events as event-record dicts (plus num_mentions / num_sources)."""
        t = self.events(filters, limit, offset)
        return [row_record(r, explain) for r in t.select(["record", "num_mentions", "num_sources"]).to_pylist()]

    def dyads(self, by: str = "month", level: str = "country", asserted_only: bool = True) -> pa.Table:
        """Directed dyad counts per period: events, counts per quad class, Goldstein sum and mean.

        A reciprocal event counts in both directions; events without a target or date are left out."""
        if by not in PERIODS:
            raise StoreError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
        if level not in LEVELS:
            raise StoreError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
        src = "coalesce(source_country, source_code)" if level == "country" else "source_code"
        tgt = "coalesce(target_country, target_code)" if level == "country" else "target_code"
        cond = "target_code IS NOT NULL AND date IS NOT NULL" + (" AND modality = 'asserted'" if asserted_only else "")
        sql = f"""
            WITH d AS (
                SELECT date, {src} AS source, {tgt} AS target, quad_class, goldstein, num_mentions
                FROM events WHERE {cond}
                UNION ALL
                SELECT date, {tgt}, {src}, quad_class, goldstein, num_mentions
                FROM events WHERE {cond} AND reciprocal)
            SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, source, target,
                   count(*) AS n_events,
                   count(*) FILTER (WHERE quad_class = 0) AS n_q0,
                   count(*) FILTER (WHERE quad_class = 1) AS n_q1,
                   count(*) FILTER (WHERE quad_class = 2) AS n_q2,
                   count(*) FILTER (WHERE quad_class = 3) AS n_q3,
                   count(*) FILTER (WHERE quad_class = 4) AS n_q4,
                   CAST(sum(goldstein) AS DOUBLE) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
                   CAST(sum(num_mentions) AS BIGINT) AS n_mentions
            FROM d GROUP BY ALL ORDER BY period, source, target"""
        return self.con.sql(sql).to_arrow_table()

    def export(self, parquet_dir: str | os.PathLike) -> dict[str, int]:
        """Write events, documents and sentences as Parquet, hive-partitioned year=YYYY/month=MM
        (by event date, else document date; undated rows go to __HIVE_DEFAULT_PARTITION__)."""
        out = Path(parquet_dir)
        out.mkdir(parents=True, exist_ok=True)
        part = ("coalesce(strftime({d}, '%Y'), '__HIVE_DEFAULT_PARTITION__') AS year, "
                "coalesce(strftime({d}, '%m'), '__HIVE_DEFAULT_PARTITION__') AS month")
        queries = {
            "events": "SELECT e.* EXCLUDE (record), CAST(e.record AS VARCHAR) AS record, "
                      + part.format(d="coalesce(e.date, d.doc_date)")
                      + " FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id",
            "documents": "SELECT d.*, " + part.format(d="d.doc_date") + " FROM documents d",
            "sentences": "SELECT s.*, " + part.format(d="d.doc_date")
                         + " FROM sentences s JOIN documents d ON d.doc_id = s.doc_id",
        }
        counts = {}
        for name, q in queries.items():
            counts[name] = self.con.execute(f"SELECT count(*) FROM ({q})").fetchall()[0][0]
            if not counts[name]:
                continue
            target = (out / name).as_posix().replace("'", "''")
            self.con.execute(f"COPY ({q}) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month), "
                             f"OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'part_{{i}}')")
        return counts


def row_record(row: dict[str, Any], explain: bool = False) -> dict[str, Any]:
    """The event-record dict of one events row (its ``record`` JSON plus num_mentions / num_sources)."""
    d = json.loads(row["record"])
    if not explain:
        for k in ("explain", "trigger_span", "doc_date"):
            d.pop(k, None)
    d["num_mentions"], d["num_sources"] = row.get("num_mentions"), row.get("num_sources")
    return d
