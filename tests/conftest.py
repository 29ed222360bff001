"""Shared fixtures. ``shared_dir`` is the workplace's shared/ folder beside the repository (absent on
other machines: tests that need it skip)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO / "corpora"


@pytest.fixture(scope="session", autouse=True)
def isolated_embedding_cache(tmp_path_factory):
    """Tests never touch the user's embedding cache (and so measure cold behaviour) unless told to."""
    if "ALIGN_CACHE_DIR" in os.environ:
        yield
        return
    os.environ["ALIGN_CACHE_DIR"] = str(tmp_path_factory.mktemp("embedding-cache"))
    yield
    del os.environ["ALIGN_CACHE_DIR"]


def find_shared() -> Path | None:
    candidate = Path(os.environ.get("ALIGN_SHARED", REPO.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = find_shared()
    if path is None:
        pytest.skip("shared/ folder not present")
    return path


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    return CORPORA


@pytest.fixture(scope="session")
def kosovo_tei(tmp_path_factory) -> Path:
    """The bundled corpus aligned with the fast method (no embeddings), as `align run` writes it."""
    from align import tei
    from align.aligner.pipeline import align_set
    from align.config import AlignOptions

    corpus = CORPORA / "kosovo-barricades"
    inputs = [
        (lang, corpus / f"{name}.txt")
        for lang, name in (("en", "en"), ("de", "de"), ("sr", "sr"), ("sq", "sq"))
    ]
    docset = align_set(inputs, options=AlignOptions(method="fast"))
    path = tmp_path_factory.mktemp("kosovo") / "kosovo.tei.xml"
    tei.write(docset, path, timestamp=False)
    return path
