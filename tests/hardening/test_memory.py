"""Memory stays bounded on a 50 MB input: `geopol code` streams a JSONL file line by line, so its peak
RSS on 50 MB is within a small margin of its peak on 5 MB of the same shape."""
from __future__ import annotations

import pytest

from hardening_helpers import peak_rss_mb, padded_jsonl

pytestmark = pytest.mark.slow

# The bound. Reading a 50 MB file whole (as `geopol code -` must for stdin) costs at least the bytes
# plus the decoded text plus the split lines: about 3 x 50 = 150 MB over the 5 MB run. Streaming holds
# one line (100 kB) at a time, so the difference is noise; 40 MB leaves room for allocator jitter while
# still failing loudly if the file were ever read whole again.
MARGIN_MB = 40
CEILING_MB = 1500   # the whole process: pipeline (~500 MB on this machine) plus batch work


def test_peak_rss_on_50_mb_jsonl_is_flat(tmp_path, record_property):
    small, big = tmp_path / "5mb.jsonl", tmp_path / "50mb.jsonl"
    n_small, n_big = padded_jsonl(small, 5), padded_jsonl(big, 50)
    rc5, peak5, err5 = peak_rss_mb(["code", str(small), "-q"])
    rc50, peak50, err50 = peak_rss_mb(["code", str(big), "-q"])
    assert rc5 == 0 and rc50 == 0, err5 + err50
    record_property("peak_rss_mb_5mb", round(peak5))
    record_property("peak_rss_mb_50mb", round(peak50))
    print(f"peak RSS: 5 MB ({n_small} docs) {peak5:.0f} MB, 50 MB ({n_big} docs) {peak50:.0f} MB")
    assert peak50 - peak5 < MARGIN_MB, (peak5, peak50)
    assert peak50 < CEILING_MB
