"""The review editor's web server (Flask): one page, its script and style, and a small JSON API.

Security, since anything on the machine can reach a local port: the server binds 127.0.0.1 only; every
request (page, script, API) must carry the random token printed with the URL, in ``?token=`` or the
``X-Align-Token`` header, compared in constant time; requests whose Host is not this server are refused
(DNS rebinding); API writes must be JSON (a cross-site form cannot send it) and are capped in size; the
only things served are the page, its two static files and the opened file's data, by fixed routes (no
path from the request ever reaches the file system); edits naming unknown sentence ids are refused.
"""

from __future__ import annotations

import hmac
import secrets
from importlib import resources
from typing import Any

from flask import Flask, Response, abort, jsonify, request

from ..tei import language_name
from .edits import EditError
from .session import ReviewSession, SaveConflict

MAX_REQUEST_BYTES = 16 * 1024  # an edit is a few hundred bytes
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC = {"editor.js": "text/javascript", "editor.css": "text/css"}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _asset(name: str) -> str:
    return resources.files("align.review").joinpath("static", name).read_text(encoding="utf-8")


def link_json(link) -> list[Any]:
    return [list(link.src), list(link.tgt), link.cert, link.status]


def finding_json(k: int, finding) -> dict[str, Any]:
    return {
        "link": k,
        "kind": finding.kind,
        "severity": finding.severity,
        "detail": finding.detail,
        "concept": finding.concept,
    }


def pair_json(session: ReviewSession, pair: int) -> dict[str, Any]:
    alignment = session.docset.alignments[pair]
    return {
        "pair": alignment.pair,
        "src": alignment.src_lang,
        "tgt": alignment.tgt_lang,
        "links": [link_json(b) for b in alignment.links],
        "findings": [finding_json(k, f) for k, per in enumerate(session.findings[pair]) for f in per],
    }


def status_json(session: ReviewSession) -> dict[str, Any]:
    return {
        "rev": session.rev,
        "dirty": session.dirty,
        "canUndo": bool(session.undo_stack),
        "canRedo": bool(session.redo_stack),
    }


def state_json(session: ReviewSession) -> dict[str, Any]:
    docset = session.docset
    return {
        "file": session.path.name,
        "set": docset.id,
        "user": session.user,
        "pivot": docset.pivot,
        "threshold": session.options.min_cert,
        "langs": [
            {
                "lang": lang,
                "name": language_name(lang),
                "ids": session.ids[lang],
                "texts": doc.texts,
                "paras": [s.para for s in doc.sentences],
            }
            for lang, doc in docset.docs.items()
        ],
        "pairs": [pair_json(session, k) for k in range(len(docset.alignments))],
        **status_json(session),
    }


def grid_json(session: ReviewSession) -> dict[str, Any]:
    """All versions side by side: rows of pivot units (:func:`align.model.rows.pivot_grid`, as the HTML report
    shows them), each cell with its sentences and the index of its first link in that pair."""
    from ..model.rows import pivot_grid

    docset = session.docset
    pivot = docset.pivot
    from_pivot = [(k, a) for k, a in enumerate(docset.alignments) if a.src_lang == pivot]
    index = {k: {link: n for n, link in enumerate(a.links)} for k, a in from_pivot}
    rows = []
    for row in pivot_grid(pivot, [a for _, a in from_pivot], len(docset.docs[pivot].sentences)):
        cells = []
        for k, a in from_pivot:
            links = row.links.get(a.tgt_lang, [])
            first = index[k][links[0]] if links else None
            cells.append({"pair": k, "sentences": row.sentences.get(a.tgt_lang, []), "link": first})
        rows.append({"pivot": row.sentences.get(pivot, []), "cells": cells})
    return {"columns": [{"pair": k, "lang": a.tgt_lang} for k, a in from_pivot], "rows": rows}


def create_app(session: ReviewSession, token: str, port: int) -> Flask:
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}

    @app.before_request
    def guard() -> None:
        if request.host not in hosts:
            abort(403)
        given = request.args.get("token") or request.headers.get("X-Align-Token") or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            abort(403)
        if request.method == "POST" and not request.is_json:
            abort(415)

    @app.after_request
    def harden(response: Response) -> Response:
        response.headers.update(HEADERS)
        return response

    @app.errorhandler(EditError)
    def refused(exc: EditError):
        return jsonify(error=str(exc), **status_json(session)), 400

    @app.get("/")
    def page() -> Response:
        html = (
            _asset("editor.html").replace("{{token}}", token).replace("{{file}}", _escape(session.path.name))
        )
        return Response(html, mimetype="text/html")

    @app.get("/<name>")
    def static(name: str) -> Response:
        if name not in STATIC:
            abort(404)
        return Response(_asset(name), mimetype=STATIC[name])

    @app.get("/api/state")
    def state():
        with session.lock:
            return jsonify(state_json(session))

    @app.get("/api/grid")
    def grid():
        with session.lock:
            return jsonify(grid_json(session))

    def body() -> dict[str, Any]:
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise EditError("expected a JSON object")
        return data

    def after(pair: int, focus: int):
        return jsonify(pair=pair_json(session, pair), focus=focus, **status_json(session))

    @app.post("/api/edit")
    def edit():
        data = body()
        with session.lock:
            if data.get("rev") != session.rev:
                raise EditError("the page is behind the editor (another tab?): reload it")
            for key in ("pair", "op", "sentence"):
                if not isinstance(data.get(key), str):
                    raise EditError(f"missing {key!r}")
            direction = data.get("direction")
            if direction is not None and not isinstance(direction, str):
                raise EditError("direction must be a string")
            focus = session.edit(data["pair"], data["op"], data["sentence"], direction)
            return after(session.pair_index(data["pair"]), focus)

    @app.post("/api/undo")
    def undo():
        body()
        with session.lock:
            return after(*session.undo())

    @app.post("/api/redo")
    def redo():
        body()
        with session.lock:
            return after(*session.redo())

    @app.post("/api/save")
    def save():
        body()
        with session.lock:
            try:
                changed = session.save()
            except SaveConflict as exc:
                return jsonify(error=str(exc), conflict=True, **status_json(session)), 409
            links = sum(e + c for e, c in changed.values())
            return jsonify(
                saved=links,
                message=f"Saved {session.path.name}: {links} link{'' if links == 1 else 's'} changed.",
                **status_json(session),
            )

    return app


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Server:
    """The editor served on 127.0.0.1 in a thread-per-request WSGI server (werkzeug's)."""

    def __init__(self, session: ReviewSession, port: int = 0) -> None:
        from werkzeug.serving import make_server

        self.token = new_token()
        self.httpd = make_server("127.0.0.1", port, lambda environ, start: [], threaded=True)
        self.port = self.httpd.server_port
        self.httpd.app = create_app(session, self.token, self.port)
        self.url = f"http://127.0.0.1:{self.port}/?token={self.token}"

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
