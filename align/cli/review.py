"""``align review``: correct an aligned TEI file in the browser (a local editor; see align.review)."""

from __future__ import annotations

import getpass

import click

from ..errors import InputError, log, warn
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
@min_cert_option(
    "Links below this confidence are reported and marked red ('n' walks all unchecked links, least "
    "certain first)."
)
def review(
    file: str, terms: str | None, user: str | None, port: int, no_browser: bool, min_cert: float
) -> None:
    """Open FILE in a local web editor: check, merge, split and move links, then save.

    \b
    The editor listens on 127.0.0.1 only and answers only a browser that opened
    the printed address (it sets a cookie holding a random token; the browser is
    started on a private file, so the token is on no command line). Saving
    replaces FILE atomically, keeping its permissions: edited and checked links
    get subtype="manual", a <change> in revisionDesc records who, when and how
    many links changed; a save with no change writes nothing. If FILE changed on
    disk or moved since it was opened, saving is refused and the page offers to
    save as a new file beside it. Keys are listed in the page. Ctrl-C stops.

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
    if session.kept:
        warn(
            f"{session.kept} annotations are of kinds this review does not check (term findings need "
            "--terms): saving keeps them as they are",
            file,
        )
    if not no_browser:
        import webbrowser

        webbrowser.open(server.launcher().as_uri())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        if session.dirty:
            log.warning(f"unsaved edits to {file} were discarded")
        raise
    finally:
        server.shutdown()
