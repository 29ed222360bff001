"""One module per language, each defining ``PROFILE`` (an :class:`align.lang.LanguageProfile`).

Every module here is registered by its ``code`` and ``aliases``; see README, "Adding a language".
"""
