"""Aligning many document sets from a manifest: resumable, parallel (processes or a Dask cluster).

manifest (rows → sets) → runner (plan, skip finished, dispatch, write TEI, journal) → summary.
"""
