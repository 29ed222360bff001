"""The batch manifest: one row per document set, checked as a whole before anything runs.

Columns: ``id``; one column per language, named by its BCP 47 tag and holding a path relative to the
manifest's folder; any other column is metadata, carried into the TEI header and the exports. Without
``--langs``, a column is a language when its name parses as a language tag (``en``, ``sr-Cyrl``) and
at least one of its cells names an existing file; ``--langs`` names them explicitly. The first
language column is the pivot unless ``--pivot`` names another.

Problems with the manifest itself (columns, ids, paths leaving its folder) refuse the whole run, since
fixing them takes one edit; a file that is missing or unreadable fails only its own set, so a corpus
of thousands of sets is not held up by one bad document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ..errors import InputError, clip
from ..io.fsutil import check_name

ID_COLUMN = "id"
_DUPLICATED = re.compile(r"_duplicated_\d+$")  # how polars renames a repeated CSV header


@dataclass(frozen=True)
class Version:
    lang: str
    path: Path  # resolved (symlinks and .. followed)
    name: str  # as written in the manifest, for headers and messages


@dataclass(frozen=True)
class SetSpec:
    id: str
    versions: tuple[Version, ...]  # pivot first
    meta: dict[str, str] = field(default_factory=dict)
    where: str = ""  # "line 3" (CSV) or "row 2" (Parquet), for messages


@dataclass(frozen=True)
class Manifest:
    path: Path
    langs: tuple[str, ...]  # pivot first
    meta_columns: tuple[str, ...]
    sets: tuple[SetSpec, ...]

    @property
    def pivot(self) -> str:
        return self.langs[0]


def _read_table(path: Path) -> pl.DataFrame:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("manifest not found" if not path.exists() else "manifest is not a file", path)
    try:
        if suffix == ".parquet":
            df = pl.read_parquet(path)
            return df.with_columns(pl.all().cast(pl.String))
        if suffix in (".csv", ".tsv"):
            # every cell as text: ids like 001 must stay as written
            return pl.read_csv(path, separator="\t" if suffix == ".tsv" else ",", infer_schema=False)
    except (pl.exceptions.PolarsError, OSError) as exc:
        kind = "Parquet" if suffix == ".parquet" else suffix[1:].upper()
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"not a readable {kind} manifest: {detail}", path) from None
    raise InputError("manifest must be a .csv, .tsv or .parquet file", path)


def _tag(name: str) -> str | None:
    from ..lang import parse_tag

    try:
        return parse_tag(name).tag
    except InputError:
        return None


def _language_columns(df: pl.DataFrame, langs: Sequence[str] | None, path: Path) -> list[tuple[str, str]]:
    """(column, tag) for the language columns, in manifest order or in ``langs`` order."""
    if langs:
        by_tag = {_tag(col): col for col in df.columns}
        chosen = []
        for lang in langs:
            tag = _tag(lang)
            if tag is None:
                raise InputError(
                    f"--langs: {clip(lang)} is not a language tag (BCP 47, e.g. en, sr-Cyrl)", path
                )
            col = lang if lang in df.columns else by_tag.get(tag)
            if col is None:
                raise InputError(f"--langs names {lang}, but the manifest has no such column", path)
            chosen.append((col, tag))
        return chosen
    # A short metadata name can parse as a tag too ("url", "src" are ISO 639-3 codes): such a column
    # counts as a language only if one of its cells names an existing file.
    folder = path.resolve().parent
    found = []
    for col in df.columns:
        tag = _tag(col) if col != ID_COLUMN else None
        if tag is not None and any(
            isinstance(v, str) and v.strip() and _is_file(folder / v.strip()) for v in df[col]
        ):
            found.append((col, tag))
    return found


def read_manifest(
    path: str | Path,
    *,
    langs: Sequence[str] | None = None,
    pivot: str | None = None,
    allow_outside: bool = False,
) -> Manifest:
    """Read and check a manifest; InputError names the file, the line and the problem."""
    from ..formats.tables import LINK_COLUMNS
    from .summary import FIXED_COLUMNS, PREFIXES

    path = Path(path)
    df = _read_table(path)
    df = df.rename({c: c.lstrip("\ufeff").strip() for c in df.columns})
    for col in df.columns:
        if _DUPLICATED.search(col):
            raise InputError(f"column {clip(_DUPLICATED.sub('', col))} appears twice", path)
    if ID_COLUMN not in df.columns:
        raise InputError(f"no 'id' column (columns: {', '.join(df.columns)})", path)
    if df.height == 0:
        raise InputError("manifest lists no document sets", path)
    lang_cols = _language_columns(df, langs, path)
    tags = [tag for _, tag in lang_cols]
    if len(lang_cols) < 2:
        raise InputError(
            "needs at least two language columns, named by BCP 47 tag (en, de, sr-Cyrl) and holding "
            f"paths to existing files (found: {', '.join(c for c, _ in lang_cols) or 'none'}; columns: "
            f"{', '.join(df.columns)}); or name them with --langs",
            path,
        )
    if len(set(tags)) < len(tags):
        raise InputError(f"two columns name the same language ({', '.join(c for c, _ in lang_cols)})", path)
    if pivot is not None:
        pivot_tag = _tag(pivot)
        if pivot_tag not in tags:
            raise InputError(f"pivot {pivot} is not a language column ({', '.join(tags)})", path)
        lang_cols.sort(key=lambda ct: ct[1] != pivot_tag)
    lang_names = {c for c, _ in lang_cols}
    meta_cols = [c for c in df.columns if c != ID_COLUMN and c not in lang_names]
    for col in meta_cols:
        if col in FIXED_COLUMNS or col in LINK_COLUMNS or col.startswith(PREFIXES):
            raise InputError(f"metadata column {clip(col)} clashes with an output column: rename it", path)

    folder = path.resolve().parent
    where = "line {}" if path.suffix.lower() != ".parquet" else "row {}"
    first_row = 2 if path.suffix.lower() != ".parquet" else 1
    seen: dict[str, str] = {}
    sets = []
    for n, row in enumerate(df.iter_rows(named=True), first_row):
        at = where.format(n)
        set_id = (row[ID_COLUMN] or "").strip()
        if not set_id:
            raise InputError(f"{at}: empty id", path)
        check_name(set_id, f"{at}: id", path)
        if set_id.casefold() in seen:  # file names clash ignoring case on macOS and Windows
            raise InputError(f"{at}: duplicate id {clip(set_id)} (first at {seen[set_id.casefold()]})", path)
        seen[set_id.casefold()] = at
        versions = []
        for col, tag in lang_cols:
            name = (row[col] or "").strip()
            if name:
                versions.append(
                    Version(tag, _inside(folder, name, allow_outside, f"{at}: {col}", path), name)
                )
        if not versions or versions[0].lang != lang_cols[0][1]:
            raise InputError(f"{at}: set {clip(set_id)} has no file for the pivot language {tags[0]}", path)
        if len(versions) < 2:
            raise InputError(f"{at}: set {clip(set_id)} has only one version ({tags[0]})", path)
        meta = {c: str(row[c]).strip() for c in meta_cols if row[c] is not None and str(row[c]).strip()}
        sets.append(SetSpec(set_id, tuple(versions), meta, at))
    return Manifest(path, tuple(tags), tuple(meta_cols), tuple(sets))


def _inside(folder: Path, name: str, allow_outside: bool, at: str, manifest: Path) -> Path:
    """The resolved path; one leaving the manifest's folder (by .., a symlink, or absolute) is refused."""
    try:
        resolved = (folder / name).resolve()
    except (OSError, ValueError) as exc:  # a NUL byte, a name longer than the system allows
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"{at}: path {clip(name)} cannot name a file ({reason})", manifest) from None
    if not allow_outside and not resolved.is_relative_to(folder):
        raise InputError(
            f"{at}: path {clip(name)} leads outside the manifest's folder (pass --allow-outside to permit)",
            manifest,
        )
    return resolved


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte: not a file we could read
        return False
