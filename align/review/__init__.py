"""``align review``: correct an aligned TEI file in the browser.

:mod:`.edits` (operations on one pair's links, as undoable splices) → :mod:`.session` (the file under
review: edits, undo/redo, findings, saving) → :mod:`.save` (links back into the file's TEI tree) →
:mod:`.server` (Flask app, token-guarded, 127.0.0.1 only) → ``static/`` (the page and its keys).
"""
