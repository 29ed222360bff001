"""Aligned pairs out of TEI, for CAT tools (TMX), spreadsheets (TSV/CSV), data science (Parquet) and
aligner scorers (the plain bead format).

source (TEI files → selected alignments) → rows (:mod:`align.links`) → one writer per format.
"""
