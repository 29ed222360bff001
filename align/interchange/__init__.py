"""Formats other alignment tools read and write, so projects can move between them and ``align``."""
