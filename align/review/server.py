"""The review editor's web server (Flask): one page, its script and style, and a small JSON API.

Security, since anything on the machine can reach a local port: the server binds 127.0.0.1 only; every
request (page, script, API) must carry the random token, compared in constant time, in an HttpOnly
cookie or the ``X-Align-Token`` header. The address printed, ``/login?token=…``, sets that cookie and
redirects to the page, so the token is in no other address (history, page links); the browser is given
a file only this user can read that leads there (:meth:`Server.launcher`), not the address itself,
since a command line is readable by every local user (``/proc/PID/cmdline``); the request log prints
paths without their query and never the token. Requests whose Host is not this server are refused (DNS
rebinding); API writes must be JSON (a cross-site form cannot send it) and are capped in size; the only
things served are the page, its two static files and the opened file's data, by fixed routes (no path
from the request reaches the file system, save a plain new file name for save-as, written beside the
opened file and never over an existing one); edits naming unknown sentence ids are refused; an edit,
undo, redo or save from a page that is behind the editor (another tab edited meanwhile) is refused.
"""

from __future__ import annotations

import hmac
import os
import secrets
import shutil
import socket
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, jsonify, redirect, request
from werkzeug.serving import WSGIRequestHandler
from werkzeug.wrappers import Response as BaseResponse

from ..report.html import escape
from ..tei import language_name
from ..tei.words import WordRef, is_word
from ..words import tokenize
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


class StalePage(EditError):
    """A request from a page that has not seen the latest edits (made in another tab)."""


STALE = (
    "this tab is behind the editor (the links were edited in another tab): nothing was changed; "
    "reload the page to see the edits as they are"
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def cookie_name(port: int) -> str:
    """Cookies are per host, not per port: two editors at once need two names."""
    return f"align_review_{port}"


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


def words_json(session: ReviewSession, lang: str, i: int) -> list[list[Any]] | None:
    """A sentence's words as the editor marks them: [start, end (code points), token id, counterpart
    ids] each; None when its version has no word links."""
    sid = session.docset.docs[lang].sentence_id(i)
    linked = session.words.get(sid)
    if linked is None:
        return None
    tokens = tokenize(session.docset.docs[lang].sentences[i].text, lang)
    return [
        [t.start, t.end, WordRef(sid, k).id, linked.get(k, [])]
        for k, t in enumerate(tokens)
        if is_word(t.text)
    ]


def state_json(session: ReviewSession) -> dict[str, Any]:
    docset = session.docset
    return {
        "file": session.path.name,
        "set": docset.id,
        "user": session.user,
        "pivot": docset.pivot,
        "threshold": session.options.min_cert,
        "kept": session.kept,
        "langs": [
            {
                "lang": lang,
                "name": language_name(lang),
                "ids": session.ids[lang],
                "texts": doc.texts,
                "paras": [s.para for s in doc.sentences],
                **(
                    {"words": [words_json(session, lang, i) for i in range(len(doc.sentences))]}
                    if session.words
                    else {}
                ),
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
            cells.append(
                {
                    "pair": k,
                    "sentences": row.sentences.get(a.tgt_lang, []),
                    "link": first,
                    "links": [index[k][b] for b in links],
                }
            )
        rows.append({"pivot": row.sentences.get(pivot, []), "cells": cells})
    return {"columns": [{"pair": k, "lang": a.tgt_lang} for k, a in from_pivot], "rows": rows}


def create_app(session: ReviewSession, token: str, port: int) -> Flask:
    """The editor's Flask app: every request guarded (:meth:`_Editor.guard`), one method a route."""
    app = Flask(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    editor = _Editor(session, token, port)
    app.before_request(editor.guard)
    app.after_request(_harden)
    app.register_error_handler(StalePage, _stale)
    app.register_error_handler(EditError, editor.refused)
    app.get("/login")(editor.login)
    app.get("/")(editor.page)
    app.get("/<name>")(editor.static)
    app.get("/api/state")(editor.state)
    app.get("/api/grid")(editor.grid)
    app.post("/api/edit")(editor.edit)
    app.post("/api/undo")(editor.undo)
    app.post("/api/redo")(editor.redo)
    app.post("/api/save")(editor.save)
    return app


def _harden(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response


def _stale(exc: StalePage) -> tuple[Response, int]:
    return jsonify(error=str(exc), stale=True), 409


class _Editor:
    """The routes of one editor: one method a route, and the checks every request goes through."""

    def __init__(self, session: ReviewSession, token: str, port: int) -> None:
        self.session = session
        self.token = token
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.cookie = cookie_name(port)

    # --- the checks -------------------------------------------------------------------------------

    def valid(self, given: str) -> bool:
        """The token, compared in constant time."""
        return hmac.compare_digest(given.encode(), self.token.encode())

    def check_host(self) -> None:
        """This server's own name only (DNS rebinding)."""
        if request.host not in self.hosts:
            abort(403)

    def check_token(self) -> None:
        """The token, from the header or the login's cookie."""
        if not self.valid(request.headers.get("X-Align-Token") or request.cookies.get(self.cookie) or ""):
            abort(403)

    @staticmethod
    def check_json() -> None:
        """Writes are JSON: a cross-site form cannot send it (CSRF)."""
        if request.method == "POST" and not request.is_json:
            abort(415)

    def guard(self) -> None:
        self.check_host()
        if request.path == "/login":
            return
        self.check_token()
        self.check_json()

    def body(self) -> dict[str, Any]:
        """The request's JSON object, from a page that has seen the latest edits (its ``rev``)."""
        try:
            data = request.get_json(silent=True)
        except RecursionError:  # json gives up on deep nesting this way, not with a ValueError
            data = None
        if not isinstance(data, dict):
            raise EditError("expected a JSON object")
        self.check_revision(data)
        return data

    def check_revision(self, data: dict[str, Any]) -> None:
        """A page behind the editor (another tab edited meanwhile) changes nothing."""
        if data.get("rev") != self.session.rev:
            raise StalePage(STALE)

    def refused(self, exc: EditError) -> tuple[Response, int]:
        return jsonify(error=str(exc), **status_json(self.session)), 400

    # --- the routes -------------------------------------------------------------------------------

    def login(self) -> BaseResponse:
        """The printed address: the token becomes an HttpOnly cookie (SameSite=Lax: a browser opened on
        a local file must still send it after the redirect) and the browser moves to the page."""
        if not self.valid(request.args.get("token", "")):
            return Response(
                "This address is not the editor's: use the one align review printed.\n",
                403,
                mimetype="text/plain",
            )
        response = redirect("/", 303)
        response.set_cookie(self.cookie, self.token, httponly=True, samesite="Lax", path="/")
        return response

    def page(self) -> Response:
        html = _asset("editor.html").replace("{{file}}", escape(self.session.path.name))
        return Response(html, mimetype="text/html")

    def static(self, name: str) -> Response:
        if name not in STATIC:
            abort(404)
        return Response(_asset(name), mimetype=STATIC[name])

    def state(self) -> Response:
        with self.session.lock:
            return jsonify(state_json(self.session))

    def grid(self) -> Response:
        with self.session.lock:
            return jsonify(grid_json(self.session))

    def after(self, pair: int, focus: int) -> Response:
        """The answer to an edit, undo or redo: the pair as it is now and the link to show."""
        return jsonify(pair=pair_json(self.session, pair), focus=focus, **status_json(self.session))

    def edit(self) -> Response:
        with self.session.lock:
            data = self.body()
            for key in ("pair", "op", "sentence"):
                if not isinstance(data.get(key), str):
                    raise EditError(f"missing {key!r}")
            direction = data.get("direction")
            if direction is not None and not isinstance(direction, str):
                raise EditError("direction must be a string")
            focus = self.session.edit(data["pair"], data["op"], data["sentence"], direction)
            return self.after(self.session.pair_index(data["pair"]), focus)

    def undo(self) -> Response:
        with self.session.lock:
            self.body()
            return self.after(*self.session.undo())

    def redo(self) -> Response:
        with self.session.lock:
            self.body()
            return self.after(*self.session.redo())

    def save(self) -> Response | tuple[Response, int]:
        session = self.session
        with session.lock:
            as_name = self.body().get("saveAs")
            if as_name is not None and not isinstance(as_name, str):
                raise EditError("saveAs must be a file name")
            try:
                saved = session.save(as_name)
            except SaveConflict as exc:
                return jsonify(error=str(exc), saveAs=session.suggest_name(), **status_json(session)), 409
            return jsonify(saved=sum(e + c for e, c in saved.changed.values()), file=saved.path.name,
                           message=save_message(saved), **status_json(session))  # fmt: skip


def save_message(saved) -> str:
    """What the page says after a save."""
    if not saved.written:
        return "Nothing to save: no link changed since the file was opened or last saved."
    links = sum(e + c for e, c in saved.changed.values())
    text = f"Saved {saved.path.name}: {links} link{'' if links == 1 else 's'} changed."
    if saved.other_links:
        text += (
            f" It had {saved.other_links} other hard link{'' if saved.other_links == 1 else 's'}: saving "
            "replaces the file, so they still hold the old version."
        )
    return text


class _RequestLog(WSGIRequestHandler):
    """werkzeug's request log without query strings, and never the token (a log is often shared)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log("info", '"%s %s" %s', self.command, self.path.split("?", 1)[0], code)

    def log(self, type: str, message: str, *args: Any) -> None:
        token = getattr(self.server, "token", None)
        text = message % args if args else message
        super().log(type, "%s", text.replace(token, "[token]") if token else text)


class Server:
    """The editor served on 127.0.0.1 in a thread-per-request WSGI server (werkzeug's)."""

    def __init__(self, session: ReviewSession, port: int = 0) -> None:
        from werkzeug.serving import make_server

        self.token = new_token()
        # Bound here, so that a port in use is an OSError for the caller (werkzeug prints and exits).
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", port))
            sock.listen(128)
            self.httpd = make_server(
                "127.0.0.1", port, lambda environ, start: [], threaded=True, request_handler=_RequestLog,
                fd=sock.fileno(),
            )  # fmt: skip
        self.port: int = self.httpd.port
        self.httpd.token = self.token  # type: ignore[attr-defined]
        self.httpd.app = create_app(session, self.token, self.port)
        self.url = f"http://127.0.0.1:{self.port}/login?token={self.token}"
        self._launch: Path | None = None

    def launcher(self) -> Path:
        """A page readable by this user only that sends the browser to :attr:`url`: what to give the
        browser, whose command line other users can read. Removed at :meth:`shutdown`."""
        if self._launch is None:
            folder = Path(tempfile.mkdtemp(prefix="align-review-"))  # mode 0700
            self._launch = folder / "open.html"
            url = escape(self.url)
            fd = os.open(self._launch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(
                    f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">'
                    f'<title>align review</title><p><a href="{url}">Open the editor</a></p>\n'
                )
        return self._launch

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._launch is not None:
            shutil.rmtree(self._launch.parent, ignore_errors=True)
