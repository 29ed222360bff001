"""align: sentence alignment, TEI export and divergence reports for parallel texts."""

__version__ = "0.1.0"
