"""``align review``: correct an aligned TEI file in the browser (a local editor; see align.review)."""

from __future__ import annotations

import getpass

import click

from ..errors import InputError, log
from .common import min_cert_option


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--terms", type=click.Path(dir_okay=False), help="Termbase, for term findings beside the links."
)
@click.option("--user", help="Who reviews, for the revisionDesc change [default: the login name].")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, show_default="a free port", help="Port on 127.0.0.1."
)
@click.option("--no-browser", is_flag=True, help="Print the address only; do not open a browser.")
@min_cert_option("Links below this confidence are reported and are where 'n' goes next.")
def review(
    file: str, terms: str | None, user: str | None, port: int, no_browser: bool, min_cert: float
) -> None:
    """Open FILE in a local web editor: check, merge, split and move links, then save.

    \b
    The editor listens on 127.0.0.1 only and answers only requests carrying the
    random token in the printed address. Saving writes FILE in place (atomically):
    edited and checked links get subtype="manual", a <change> in revisionDesc
    records who, when and how many links changed. If FILE changed on disk since it
    was opened, saving is refused. Keys are listed in the page. Ctrl-C stops.

    \b
    Example:
      align review kosovo.tei.xml --terms kosovo.tbx
    """
    try:
        import flask  # noqa: F401
    except ImportError:
        raise InputError("align review needs Flask: pip install 'align[review]'") from None
    from pathlib import Path

    from ..report import ReportOptions
    from ..review.server import Server
    from ..review.session import ReviewSession

    termbase = None
    if terms:
        from ..terms import load_termbase

        termbase = load_termbase(terms)
    session = ReviewSession(Path(file), user or getpass.getuser(), termbase, ReportOptions(min_cert=min_cert))
    try:
        server = Server(session, port)
    except OSError as exc:
        raise InputError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    click.echo(server.url)
    log.info(f"reviewing {file}; Ctrl-C stops")
    if not no_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        if session.dirty:
            log.warning(f"unsaved edits to {file} were discarded")
        raise
    finally:
        server.shutdown()
