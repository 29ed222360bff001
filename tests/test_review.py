"""The review editor without a browser: edit operations, the session (undo/redo, findings, saving) and
the server's API and guards (Flask's test client, and one real socket)."""

from __future__ import annotations

import copy as copy_module
import json
import logging
import os
import re
import shutil
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.errors import InputError
from align.model import Link
from align.review import edits
from align.review.edits import EditError

flask = pytest.importorskip("flask")

from align.review.save import reviewer_id  # noqa: E402
from align.review.server import MAX_REQUEST_BYTES, Server, cookie_name, create_app  # noqa: E402
from align.review.session import ReviewSession, SaveConflict  # noqa: E402

NS = {"t": tei.TEI_NS}


def b(src, tgt, cert=0.9, status="auto") -> Link:
    return Link(tuple(src), tuple(tgt), cert, status)


def manual(src, tgt) -> Link:
    return Link(tuple(src), tuple(tgt), None, "manual")


BEADS = [b([0], [0]), b([1, 2], [1]), b([3], [2, 3]), b([4], [])]


def after(splice) -> list[Link]:
    links = list(BEADS)
    splice.apply(links)
    return links


def test_merge_split_move_detach_check():
    assert after(edits.merge(BEADS, 1, 2))[1:3] == [manual([1, 2, 3], [1, 2, 3]), b([4], [])]
    assert after(edits.merge(BEADS, 1, 0))[0] == manual([0, 1, 2], [0, 1])
    assert after(edits.split(BEADS, 1))[1:3] == [manual([1], [1]), manual([2], [])]
    # the last left sentence of link 1 moves down into link 2
    assert after(edits.move(BEADS, 1, 0, 2, "down"))[1:3] == [manual([1], [1]), manual([2, 3], [2, 3])]
    # the first right sentence of link 2 moves up into link 1
    assert after(edits.move(BEADS, 2, 1, 2, "up"))[1:3] == [manual([1, 2], [1, 2]), manual([3], [3])]
    assert after(edits.detach(BEADS, 2, 1, 3))[2:4] == [manual([3], [2]), manual([], [3])]
    assert after(edits.detach(BEADS, 2, 1, 2))[2:4] == [manual([], [2]), manual([3], [3])]
    assert after(edits.detach(BEADS, 0, 1, 0))[0:2] == [manual([0], []), manual([], [0])]
    assert after(edits.check(BEADS, 0))[0] == manual([0], [0])


def test_uncheck_gives_back_the_aligners_link_and_a_hand_made_link_stays_manual():
    checked = after(edits.check(BEADS, 0))
    assert edits.uncheck(checked, 0, BEADS).new == (BEADS[0],)  # with its cert, as loaded
    merged = after(edits.merge(BEADS, 1, 2))  # made by hand: nothing automatic to go back to
    with pytest.raises(EditError, match="stays checked"):
        edits.uncheck(merged, 1, BEADS)
    loaded_manual = [manual([0], [0]), *BEADS[1:]]  # checked in an earlier review
    with pytest.raises(EditError, match="stays checked"):
        edits.uncheck(loaded_manual, 0, loaded_manual)


def test_moving_a_links_only_sentence_removes_the_emptied_link():
    links = [b([0], [0]), b([], [1]), b([1], [2])]
    out = list(links)
    edits.move(links, 1, 1, 1, "up").apply(out)
    assert out == [manual([0], [0, 1]), b([1], [2])]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: edits.merge(BEADS, 3, 4), "no link on that side"),
        (lambda: edits.split(BEADS, 0), "cannot be split"),
        (lambda: edits.move(BEADS, 0, 0, 0, "up"), "no link above"),
        (lambda: edits.move(BEADS, 1, 0, 1, "down"), "only the last sentence"),
        (lambda: edits.detach(BEADS, 3, 0, 4), "already unlinked"),
        (lambda: edits.check(BEADS[:0] + [manual([0], [0])], 0), "already checked"),
        (lambda: edits.uncheck(BEADS, 0, BEADS), "not checked"),
    ],
)
def test_impossible_edits_say_why(make, message):
    with pytest.raises(EditError, match=message):
        make()


def test_splice_inverse_restores_exactly():
    links = list(BEADS)
    splice = edits.merge(links, 0, 1)
    splice.apply(links)
    splice.inverse.apply(links)
    assert links == BEADS


@pytest.fixture
def copy(kosovo_tei, tmp_path) -> Path:
    path = tmp_path / "kosovo.tei.xml"
    shutil.copy(kosovo_tei, path)
    return path


@pytest.fixture
def session(copy) -> ReviewSession:
    return ReviewSession(copy, "Ana Test")


def test_edit_undo_redo_and_findings_follow(session):
    original = list(session.links(0))
    k = next(k for k, link in enumerate(original) if link.kind == "1-1")
    sid = session.ids["en"][original[k].src[0]]
    focus = session.edit("en-de", "detach", session.ids["de"][original[k].tgt[0]])
    assert focus == k + 1  # the link now holding the detached sentence
    assert session.links(0)[k : k + 2] == [manual(original[k].src, ()), manual((), original[k].tgt)]
    kinds = [f.kind for f in session.findings[0][k]]
    assert "omission" in kinds  # the detached English sentence has no counterpart now
    assert len(session.findings[0]) == len(session.links(0))
    session.undo()
    assert session.links(0) == original and not session.dirty
    assert all(f.kind != "omission" for f in session.findings[0][k])
    session.redo()
    assert session.links(0)[k] == Link(original[k].src, (), None, "manual")
    with pytest.raises(EditError, match="nothing to redo"):
        session.redo()
    with pytest.raises(EditError, match="unknown sentence id"):
        session.edit("en-de", "merge", "en.s999", "next")
    with pytest.raises(EditError, match="not in the pair"):
        session.edit("en-de", "merge", sid.replace("en.", "sq."), "next")


def test_save_writes_manual_links_and_a_change_and_stays_valid(session, copy):
    session.edit("en-de", "merge", "en.s1", "next")
    session.edit("en-sq", "check", "en.s5")
    assert session.changed() == {"en-de": (1, 0), "en-sq": (0, 1)}
    session.save()
    saved = tei.read(copy)
    assert saved.alignments[0].links == session.links(0)  # what the editor showed
    assert saved.alignments[2].links == session.links(2)
    root = etree.parse(str(copy)).getroot()
    first = root.find("t:standOff/t:linkGrp/t:link", NS)
    assert first.get("subtype") == "manual" and first.get("cert") is None
    auto = root.xpath("//t:link[@subtype='auto']", namespaces=NS)
    assert auto and all(link.get("cert") for link in auto)
    changes = root.findall("t:teiHeader/t:revisionDesc/t:change", NS)
    who = reviewer_id("Ana Test")
    assert len(changes) == 2 and changes[0].get("who") == f"#{who}" and changes[0].get("when")
    assert who.startswith("reviewer.ana_test.")  # transliterated, with a hash: "Ana_Test" is another person
    assert "2 links changed (en-de 1, en-sq 1); 1 edited, 1 marked checked" in changes[0].text
    assert root.xpath("//t:name[@xml:id=$id]", id=who, namespaces=NS)[0].text == "Ana Test"
    assert not session.dirty and session.changed() == {}
    session.edit("en-de", "split", "en.s1")
    session.save()
    assert len(etree.parse(str(copy)).getroot().findall("t:teiHeader/t:revisionDesc/t:change", NS)) == 3
    if (schema := tei.find_schema()) is not None:
        assert tei.validate(copy, schema) == []


def test_saved_file_reads_in_report_export_and_validate(session, copy, tmp_path):
    session.edit("en-de", "detach", "de.s1")
    session.save()
    runner = CliRunner()
    report = runner.invoke(
        cli, ["-q", "report", str(copy), "--format", "json", "-o", str(tmp_path / "r.json")]
    )
    assert report.exit_code == 0, report.output
    findings = json.loads((tmp_path / "r.json").read_text())["findings"]
    assert any(f["kind"] == "omission" and f["pair"] == "en-de" for f in findings)
    export = runner.invoke(cli, ["export", str(copy), "--format", "tsv", "--pair", "en-de", "-o", "-"])
    assert export.exit_code == 0 and "\tmanual\t" in export.output


def test_save_refuses_when_the_file_changed_on_disk(session, copy):
    session.edit("en-de", "merge", "en.s1", "next")
    copy.write_bytes(copy.read_bytes().replace(b"</teiCorpus>", b"<!-- touched --></teiCorpus>"))
    before = copy.read_bytes()
    with pytest.raises(SaveConflict, match="changed on disk"):
        session.save()
    assert copy.read_bytes() == before


def test_annotations_in_the_file_are_replaced_by_the_editors_findings(copy, tmp_path):
    annotated = tmp_path / "annotated.tei.xml"
    result = CliRunner().invoke(cli, ["-q", "report", str(copy), "--annotate", "-o", str(annotated)])
    assert result.exit_code == 0, result.output
    session = ReviewSession(annotated, "ana")
    session.edit("en-de", "detach", "de.s1")
    session.save()
    root = etree.parse(str(annotated)).getroot()
    lists = root.findall("t:standOff/t:listAnnotation", NS)
    assert len(lists) == 1
    shown = sum(len(per) for pair in session.findings for per in pair)
    assert len(lists[0]) == shown
    assert any(a.get("target") == "#en.s1" and a.get("ana") == "#div.omission" for a in lists[0])


# -- the server -----------------------------------------------------------------------------------------
TOKEN = "t0k3n"
HOST = {"Host": "127.0.0.1:4321"}


@pytest.fixture
def client(session):
    return create_app(session, TOKEN, 4321).test_client()


def api(client, path, body=None, token=TOKEN, headers=HOST):
    headers = {**headers, "X-Align-Token": token} if token else headers
    if body is None:
        return client.get(path, headers=headers)
    return client.post(path, json=body, headers=headers)


def test_state_edit_undo_save_through_the_api(client, copy):
    state = api(client, "/api/state").get_json()
    assert [p["pair"] for p in state["pairs"]] == ["en-de", "en-sr-Cyrl", "en-sq"]
    assert state["langs"][0]["ids"][0] == "en.s1" and state["rev"] == 0
    reply = api(
        client,
        "/api/edit",
        {"rev": 0, "pair": "en-de", "op": "merge", "sentence": "en.s1", "direction": "next"},
    )
    assert reply.status_code == 200
    data = reply.get_json()
    assert data["pair"]["links"][0][3] == "manual" and data["rev"] == 1 and data["dirty"]
    stale = api(client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "split", "sentence": "en.s1"})
    assert stale.status_code == 409 and "reload" in stale.get_json()["error"] and stale.get_json()["stale"]
    assert api(client, "/api/undo", {"rev": 1}).get_json()["canRedo"]
    assert api(client, "/api/redo", {"rev": 2}).get_json()["rev"] == 3
    saved = api(client, "/api/save", {"rev": 3}).get_json()
    assert saved["saved"] == 1 and not saved["dirty"] and saved["file"] == "kosovo.tei.xml"
    copy.write_text(copy.read_text() + "\n")
    conflict = api(client, "/api/save", {"rev": 3})
    assert conflict.status_code == 409 and "changed on disk" in conflict.get_json()["error"]
    assert conflict.get_json()["saveAs"] == "kosovo.reviewed.tei.xml"  # the page offers save-as


def test_grid_shows_all_versions_with_added_sentences_on_their_own_row(client):
    api(client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "detach", "sentence": "de.s1"})
    grid = api(client, "/api/grid").get_json()
    assert [c["lang"] for c in grid["columns"]] == ["de", "sr-Cyrl", "sq"]
    first, added = grid["rows"][:2]
    assert first["pivot"] == [0] and first["cells"][0] == {
        "pair": 0,
        "sentences": [],
        "link": 0,
        "links": [0],
    }
    assert added["pivot"] == [] and added["cells"][0] == {
        "pair": 0,
        "sentences": [0],
        "link": 1,
        "links": [1],
    }
    assert added["cells"][1]["link"] is None
    pivot = [i for row in grid["rows"] for i in row["pivot"]]
    assert pivot == list(range(len(pivot)))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"pair": "en-de", "op": "merge", "sentence": "en.s9999", "direction": "next"},
            "unknown sentence id",
        ),
        ({"pair": "en-de", "op": "merge", "sentence": "../../etc/passwd"}, "unknown sentence id"),
        ({"pair": "en-xx", "op": "split", "sentence": "en.s1"}, "no pair"),
        ({"pair": "en-de", "op": "rm", "sentence": "en.s1"}, "unknown edit"),
        ({"pair": "en-de", "op": "split", "sentence": ["en.s1"]}, "missing 'sentence'"),
    ],
)
def test_bad_edits_are_refused(client, session, body, message):
    before = list(session.links(0))
    reply = api(client, "/api/edit", {"rev": 0, **body})
    assert reply.status_code == 400 and message in reply.get_json()["error"]
    assert session.links(0) == before


def test_every_request_needs_the_token_and_this_host(client):
    for path in ("/", "/editor.js", "/editor.css", "/api/state"):
        assert api(client, path, token=None).status_code == 403
        assert api(client, path, token="wrong").status_code == 403
        assert api(client, f"{path}?token={TOKEN}", token=None).status_code == 403  # only /login takes it
    assert api(client, "/api/state", headers={"Host": "attacker.example:4321"}).status_code == 403
    assert api(client, "/api/save", {"rev": 0}, token=None).status_code == 403
    assert api(client, "/login?token=wrong", token=None).status_code == 403
    assert api(client, "/", token=None).status_code == 403  # a wrong login sets nothing


def test_login_sets_an_httponly_cookie_and_leaves_the_token_out_of_the_page(client):
    login = api(client, f"/login?token={TOKEN}", token=None)
    assert login.status_code == 303 and login.headers["Location"] == "/"
    cookie = login.headers["Set-Cookie"]
    assert (
        cookie.startswith(f"{cookie_name(4321)}={TOKEN};")
        and "HttpOnly" in cookie
        and "SameSite=Lax" in cookie
    )
    page = api(client, "/", token=None)  # the test client keeps the cookie, as a browser does
    assert page.status_code == 200 and TOKEN not in page.get_data(as_text=True)
    assert api(client, "/api/state", token=None).status_code == 200
    assert (
        api(
            client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "check", "sentence": "en.s1"}, token=None
        ).status_code
        == 200
    )


def test_nothing_else_is_served_and_requests_are_capped(client, copy):
    for path in ("/kosovo.tei.xml", "/static/../../etc/passwd", "/editor.html", "/api/file"):
        assert api(client, path).status_code == 404
    big = client.post(
        "/api/edit",
        data=b"x" * (MAX_REQUEST_BYTES + 1),
        headers={**HOST, "X-Align-Token": TOKEN, "Content-Type": "application/json"},
    )
    assert big.status_code == 413
    form = client.post("/api/save", data={"a": "b"}, headers={**HOST, "X-Align-Token": TOKEN})
    assert form.status_code == 415
    page = api(client, "/")
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"


def test_server_listens_on_loopback_only(session):
    server = Server(session)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.httpd.server_address[0] == "127.0.0.1"
        assert server.url == f"http://127.0.0.1:{server.port}/login?token={server.token}"
        assert len(server.token) >= 40
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(server.url) as reply:  # logged in, redirected to the page
            assert b"align review" in reply.read() and reply.url == f"http://127.0.0.1:{server.port}/"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{server.port}/api/state")
        assert refused.value.code == 403
    finally:
        server.shutdown()


def test_review_cli_bad_file_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["review", str(tmp_path / "missing.tei.xml"), "--no-browser"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "missing.tei.xml" in result.output


def test_findings_after_edits_are_those_of_a_fresh_report(session):
    from align.report import build_report

    session.edit("en-sr-Cyrl", "merge", "en.s10", "next")
    session.edit("en-sq", "detach", "sq.s3")
    session.edit("en-sq", "merge", "en.s12", "prev")
    shown = [
        (f.pair, f.kind, f.src_ids, f.tgt_ids, f.detail) for p in session.findings for per in p for f in per
    ]
    fresh = build_report(session.docset).findings
    assert shown == [(f.pair, f.kind, f.src_ids, f.tgt_ids, f.detail) for f in fresh]


def test_a_foreign_tei_keeps_its_ids_markup_and_header(tmp_path):
    """A file not written by align (ids LANG.d1.sN, inline seg, no revisionDesc): edits point at its own
    ids, sentence markup stays, and the header gets a revisionDesc in the right place."""
    path = tmp_path / "foreign.tei.xml"
    shutil.copy(Path(__file__).parent / "data" / "report" / "foreign.tei.xml", path)
    before = path.read_text(encoding="utf-8")
    session = ReviewSession(path, "ana")
    assert session.ids["en"] == ["en.d1.s1", "en.d1.s2", "en.d1.s3"]
    session.edit("en-sr-Latn", "merge", "en.d1.s2", "next")
    session.save()
    after = path.read_text(encoding="utf-8")
    assert '<link type="2-1" subtype="manual" target="#en.d1.s2 #en.d1.s3 #sr.d1.s2"/>' in after
    assert "<seg>24 to 48</seg>" in after
    assert before.split("<TEI ", 1)[1] == after.split("<TEI ", 1)[1]  # the texts are untouched
    root = etree.parse(str(path)).getroot()
    header = root.find("t:teiHeader", NS)
    assert etree.QName(header[-1]).localname == "revisionDesc"
    assert tei.read(path).alignments[0].links == session.links(0)


def test_derived_link_groups_are_recomposed_on_save(kosovo_tei, tmp_path):
    path = tmp_path / "derived.tei.xml"
    tei.write(tei.read(kosovo_tei), path, timestamp=False, derived=True)
    session = ReviewSession(path, "ana")
    session.edit("en-de", "detach", "de.s1")
    session.save()
    root = etree.parse(str(path)).getroot()
    derived = root.find("t:standOff/t:linkGrp[@subtype='de-sr-Cyrl']", NS)
    assert derived.get("corresp") == "#links.en.de #links.en.sr-Cyrl"
    docset = session.docset
    expected = tei.compose(docset.alignment("en", "de"), docset.alignment("en", "sr-Cyrl"), 39)

    def target(link):
        return " ".join(
            [f"#{session.ids['de'][i]}" for i in link.src]
            + [f"#{session.ids['sr-Cyrl'][j]}" for j in link.tgt]
        )

    assert [el.get("target") for el in derived] == [target(b) for b in expected.links]
    assert derived[0].get("target") == "#sr-Cyrl.s1"  # en.s1 lost its German sentence in the edit
    if (schema := tei.find_schema()) is not None:
        assert tei.validate(path, schema) == []


# -- issue 19: what an attack and a new user found --------------------------------------------------------
def test_a_stale_tab_cannot_undo_redo_or_save(client, session, copy):
    """Tab A edits (rev 0 -> 1); tab B, still at rev 0, undoes, redoes, saves: all refused as stale,
    nothing changes in the session or the file; tab A's own save then works."""
    before = copy.read_bytes()
    edit = {"rev": 0, "pair": "en-de", "op": "merge", "sentence": "en.s1", "direction": "next"}
    assert api(client, "/api/edit", edit).status_code == 200
    merged = list(session.links(0))
    for path in ("/api/undo", "/api/redo", "/api/save"):
        reply = api(client, path, {"rev": 0})
        assert reply.status_code == 409 and reply.get_json()["stale"], path
        assert "another tab" in reply.get_json()["error"] and "rev" not in reply.get_json()
    assert api(client, "/api/undo", {}).status_code == 409  # no rev at all: stale too
    assert session.links(0) == merged and session.rev == 1 and copy.read_bytes() == before
    assert api(client, "/api/save", {"rev": 1}).get_json()["saved"] == 1


def test_save_keeps_the_files_permissions_and_says_hard_links_keep_the_old_version(client, session, copy):
    copy.chmod(0o600)
    twin = copy.with_name("twin.tei.xml")
    os.link(copy, twin)
    api(client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "check", "sentence": "en.s1"})
    reply = api(client, "/api/save", {"rev": 1}).get_json()
    assert copy.stat().st_mode & 0o777 == 0o600
    assert (
        "1 other hard link: saving replaces the file, so they still hold the old version" in reply["message"]
    )
    assert b'subtype="manual"' in copy.read_bytes() and b'subtype="manual"' not in twin.read_bytes()


@pytest.fixture
def term_annotated(copy, tmp_path) -> Path:
    terms = Path(__file__).parents[1] / "corpora" / "terms" / "kosovo.tbx"
    annotated = tmp_path / "terms.tei.xml"
    result = CliRunner().invoke(
        cli, ["-q", "report", str(copy), "--terms", str(terms), "--annotate", "-o", str(annotated)]
    )
    assert result.exit_code == 0, result.output
    return annotated


def term_annotations(path: Path) -> list[tuple[str, str]]:
    root = etree.parse(str(path)).getroot()
    kinds = {f"#div.{k}" for k in ("framing", "term-missing", "forbidden-term")}
    return sorted(
        (a.get("ana"), a.get("target"))
        for a in root.iterfind(".//t:listAnnotation/t:annotation", NS)
        if a.get("ana") in kinds
    )


def test_review_without_terms_keeps_the_files_term_annotations(term_annotated):
    before = term_annotations(term_annotated)
    assert before, "the kosovo termbase gives term findings"
    session = ReviewSession(term_annotated, "ana")
    assert session.kept == len(before)
    session.edit("en-de", "detach", "de.s1")
    session.save()
    assert term_annotations(term_annotated) == before
    root = etree.parse(str(term_annotated)).getroot()
    assert len(root.findall("t:standOff/t:listAnnotation", NS)) == 1
    ids = [el.get(tei.encode.XML_ID) for el in root.iter() if el.get(tei.encode.XML_ID)]
    assert len(ids) == len(set(ids))
    assert any(a.get("ana") == "#div.omission" for a in root.iterfind(".//t:annotation", NS))
    if (schema := tei.find_schema()) is not None:
        assert tei.validate(term_annotated, schema) == []


def test_check_save_uncheck_restores_exactly_what_was_loaded(session, copy):
    loaded = session.links(0)[0]
    assert loaded.status == "auto" and loaded.cert is not None
    session.edit("en-de", "check", "en.s1")
    session.save()
    session.edit("en-de", "uncheck", "en.s1")
    assert session.links(0)[0] == loaded
    session.save()
    assert tei.read(copy).alignments[0].links[0] == loaded  # cert and subtype as loaded
    session.edit("en-de", "merge", "en.s1", "next")
    with pytest.raises(EditError, match="stays checked"):
        session.edit("en-de", "uncheck", "en.s1")  # a hand-made link stays manual


def test_reviewer_ids_of_non_ascii_names_are_distinct_valid_names():
    ids = {name: reviewer_id(name) for name in ("Ђорђе", "Милан", "Ana Test", "Ana_Test", "ana", "李")}
    assert len(set(ids.values())) == len(ids)
    assert ids["ana"] == "reviewer.ana" and ids["Ana_Test"] == "reviewer.Ana_Test"
    assert ids["Ђорђе"].startswith("reviewer.djordje.") and ids["Милан"].startswith("reviewer.milan.")
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", v, re.ASCII) for v in ids.values())


@pytest.fixture
def two_groups(copy, tmp_path) -> Path:
    """The kosovo set with its en-de link group written twice."""
    tree = etree.parse(str(copy))
    group = tree.getroot().find("t:standOff/t:linkGrp", NS)
    twin = copy_module.deepcopy(group)
    twin.set(tei.encode.XML_ID, "links.en.de.2")
    group.addnext(twin)
    path = tmp_path / "twice.tei.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def test_two_link_groups_for_one_pair_are_refused(two_groups):
    result = CliRunner().invoke(cli, ["validate", str(two_groups)])
    assert result.exit_code == 1 and "two alignment link groups for en and de" in result.output
    with pytest.raises(InputError, match="two alignment link groups for en and de"):
        ReviewSession(two_groups, "ana")  # not silently edited as one


def test_deeply_nested_json_is_a_400(client):
    body = b"[" * 5000 + b"]" * 5000
    reply = client.post(
        "/api/edit", data=body, headers={**HOST, "X-Align-Token": TOKEN, "Content-Type": "application/json"}
    )
    assert reply.status_code == 400 and "JSON object" in reply.get_json()["error"]


def test_saving_a_moved_file_offers_save_as_which_keeps_the_edits(client, session, copy):
    api(
        client,
        "/api/edit",
        {"rev": 0, "pair": "en-de", "op": "merge", "sentence": "en.s1", "direction": "next"},
    )
    copy.rename(copy.with_name("elsewhere.xml"))
    moved = api(client, "/api/save", {"rev": 1})
    assert moved.status_code == 409
    data = moved.get_json()
    assert "no longer at" in data["error"] and "save as" in data["error"] and data["saveAs"]
    for bad, message in (("../x.xml", "cannot name a file"), (".hidden", "cannot name a file"),
                         ("elsewhere.xml", "exists already")):  # fmt: skip
        refused = api(client, "/api/save", {"rev": 1, "saveAs": bad})
        assert refused.status_code == 400 and message in refused.get_json()["error"], bad
    saved = api(client, "/api/save", {"rev": 1, "saveAs": data["saveAs"]}).get_json()
    new = copy.with_name(data["saveAs"])
    assert saved["file"] == data["saveAs"] and not saved["dirty"]
    assert tei.read(new).alignments[0].links == session.links(0)
    api(client, "/api/edit", {"rev": 1, "pair": "en-de", "op": "split", "sentence": "en.s1"})
    assert api(client, "/api/save", {"rev": 2}).status_code == 200  # later saves go to the new file
    assert tei.read(new).alignments[0].links == session.links(0)


def test_save_as_after_a_conflict_keeps_both_versions(client, session, copy):
    api(client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "check", "sentence": "en.s1"})
    copy.write_bytes(copy.read_bytes() + b"\n")
    theirs = copy.read_bytes()
    name = api(client, "/api/save", {"rev": 1}).get_json()["saveAs"]
    assert api(client, "/api/save", {"rev": 1, "saveAs": name}).status_code == 200
    assert (
        copy.read_bytes() == theirs
        and tei.read(copy.with_name(name)).alignments[0].links[0].status == "manual"
    )


def test_a_save_without_changes_writes_nothing(session, copy):
    before = copy.read_bytes()
    saved = session.save()
    assert not saved.written and copy.read_bytes() == before
    session.edit("en-de", "check", "en.s1")
    session.undo()
    assert not session.save().written and copy.read_bytes() == before


def test_a_crlf_file_keeps_crlf(copy):
    data = copy.read_bytes()
    copy.write_bytes(data.replace(b"\n", b"\r\n"))
    session = ReviewSession(copy, "ana")
    session.edit("en-de", "check", "en.s1")
    session.save()
    saved = copy.read_bytes()
    assert saved.count(b"\r\n") == saved.count(b"\n") > 100 and b"\r\r" not in saved


def test_review_on_a_port_in_use_is_one_error_line(copy):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["review", str(copy), "--no-browser", "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("align: error:"), result.output
    assert f"127.0.0.1:{port}" in result.output


def test_the_browser_is_given_a_private_file_not_the_token(copy, monkeypatch):
    opened = []

    def fake_open(url):
        page = Path(url.removeprefix("file://"))
        opened.append(
            (url, page.stat().st_mode & 0o777, page.parent.stat().st_mode & 0o777, page.read_text())
        )

    monkeypatch.setattr("webbrowser.open", fake_open)
    serve = Server.serve_forever  # in a thread, so that the command goes on to stop it
    monkeypatch.setattr(
        Server,
        "serve_forever",
        lambda self: threading.Thread(target=serve, args=(self,), daemon=True).start(),
    )
    result = CliRunner().invoke(cli, ["review", str(copy)])
    assert result.exit_code == 0, result.output
    login = result.output.strip().splitlines()[0]
    token = login.split("token=")[1]
    ((url, mode, folder_mode, page),) = opened
    assert url.startswith("file:///") and token not in url
    assert mode == 0o600 and folder_mode == 0o700 and login in page  # it leads to the login address
    assert not Path(url.removeprefix("file://")).exists()  # removed when the editor stops


def test_the_request_log_never_shows_the_token(session, caplog):
    server = Server(session)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    caplog.set_level(logging.INFO, logger="werkzeug")
    try:
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(server.url) as reply:
            assert reply.status == 200
        with pytest.raises(urllib.error.HTTPError):
            browser.open(f"http://127.0.0.1:{server.port}/nothing?token={server.token}")
    finally:
        server.shutdown()
    logged = caplog.text
    assert "/login" in logged and "/nothing" in logged and server.token not in logged


def test_character_references_stay_references(copy):
    """A file writing its dashes as &#x2014; (and never raw) gets them back so; a character it also
    writes raw stays raw (the parser cannot tell which was which)."""
    data = copy.read_bytes()
    assert "—".encode() not in data
    data = data.replace(b"security situation", b"security&#x2014;situation", 1)
    data = data.replace(b"de-escalate", b"de&#8211;escalate&#x2013;", 1)
    data = data.replace(b'de.s4">', 'de.s4">–'.encode(), 1)
    assert b"&#8211;" in data and "–".encode() in data and b"&#x2014;" in data
    copy.write_bytes(data)
    session = ReviewSession(copy, "ana")
    assert session.references == {"—": "&#x2014;"}  # the en dash is also raw: not kept as a reference
    session.edit("en-de", "check", "en.s1")
    session.save()
    saved = copy.read_bytes()
    assert b"security&#x2014;situation" in saved and "—".encode() not in saved
    assert "security—situation" in tei.read(copy).docs["en"].texts[0]
