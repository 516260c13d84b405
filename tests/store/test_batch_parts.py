"""A store batch built from parts (the local engine's workers send their chunk's tables as Arrow IPC):
the same tables, the same store, as the whole batch turned into tables at once."""
from __future__ import annotations

from geopol.engines.local import split_even
from geopol.store import Store
from geopol.store.tables import ipc_to_tables, merge_tables, results_to_tables, tables_to_ipc
from store_factory import make_result

LONG = ("Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
        "Kim Jong Un, the first visit in twenty-four years, and the two sides signed a comprehensive strategic "
        "partnership treaty that includes a mutual defence clause, officials in Moscow said after the meeting.")


def batch() -> list:
    return [make_result("a", "text a", [("RUSGOV", "PRKGOV", "057"), ("USA", "CHN", "112")],
                        url="https://a.example/1"),
            make_result("b", LONG, [("RUS", "PRK", "057")], url="https://b.example/1"),
            # near-duplicate of b
            make_result("c", LONG + " Reuters.", [("RUS", "PRK", "057")], url="https://c.example/1"),
            make_result("a", "text a, corrected", [("USA", "CHN", "036")]),   # a again: kept last
            make_result("d", "text d", [("FRA", "DEU", "036")], source="Le Monde"),
            make_result("b", LONG, [("RUS", "PRK", "057")], url="https://b.example/1"),   # b again, same
            make_result("e", "text e", [])]


def stored(db) -> tuple:
    with Store(db) as s:
        return tuple(sorted(s.con.execute(q).fetchall()) for q in (
            "SELECT event_id, doc_id, num_mentions, num_sources, record FROM events",
            "SELECT doc_id, content_hash, duplicate_of, n_sentences, n_events, simhash, source_key FROM documents",
            "SELECT * FROM sentences", "SELECT * FROM duplicate_mentions"))


def test_split_even_cuts_into_the_fewest_even_pieces():
    assert [len(p) for p in split_even(list(range(100)), 16)] == [15, 15, 14, 14, 14, 14, 14]
    assert [len(p) for p in split_even(list(range(5)), 16)] == [5]
    assert split_even(list(range(7)), 1) == [[i] for i in range(7)]
    assert split_even([], 16) == []


def test_ipc_round_trip_keeps_tables_and_schemas():
    tables = results_to_tables(batch())[:3]
    back = ipc_to_tables(tables_to_ipc(tables))
    assert all(a.equals(b) and a.schema.equals(b.schema) for a, b in zip(tables, back))


def test_merged_parts_equal_the_whole_batch_for_any_cut():
    results = batch()
    *whole, whole_dropped = results_to_tables(results)
    for size in range(1, len(results) + 1):
        parts = [results_to_tables(p) for p in split_even(results, size)]
        *merged, dropped = merge_tables([ipc_to_tables(tables_to_ipc(p[:3])) for p in parts])
        assert dropped + sum(p[3] for p in parts) == whole_dropped == 2
        for a, b in zip(merged, whole):
            assert a.equals(b), size


def test_store_from_merged_parts_equals_store_from_results(tmp_path):
    results = batch()
    with Store(tmp_path / "whole.duckdb") as s:
        want_stats = vars(s.write_results(results))
    with Store(tmp_path / "parts.duckdb") as s:
        parts = [results_to_tables(p) for p in split_even(results, 2)]
        *tables, dropped = merge_tables([p[:3] for p in parts])
        stats = s.write_tables(*tables, dropped=dropped + sum(p[3] for p in parts))
        assert vars(stats) == want_stats
        assert stats.skipped == 2 and stats.duplicates == 1
        again = s.write_tables(*tables, dropped=dropped + sum(p[3] for p in parts))   # idempotent
        assert (again.documents, again.events, again.skipped) == (0, 0, len(results))
    assert stored(tmp_path / "parts.duckdb") == stored(tmp_path / "whole.duckdb")


def test_merge_of_no_parts_is_an_empty_batch(store):
    *tables, dropped = merge_tables([])
    assert dropped == 0 and all(t.num_rows == 0 for t in tables)
    assert store.write_tables(*tables).documents == 0
