"""The review editor without a browser: edit operations, the session (undo/redo, findings, saving) and
the server's API and guards (Flask's test client, and one real socket)."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.model import Link
from align.review import edits
from align.review.edits import EditError

flask = pytest.importorskip("flask")

from align.review.server import MAX_REQUEST_BYTES, Server, create_app  # noqa: E402
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


def test_uncheck_gives_back_the_aligners_link_or_an_automatic_one():
    checked = after(edits.check(BEADS, 0))
    assert edits.uncheck(checked, 0, BEADS).new == (BEADS[0],)  # with its cert, as loaded
    merged = after(edits.merge(BEADS, 1, 2))
    assert edits.uncheck(merged, 1, BEADS).new == (Link((1, 2, 3), (1, 2, 3), None, "auto"),)


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
    assert len(changes) == 2 and changes[0].get("who") == "#reviewer.Ana_Test" and changes[0].get("when")
    assert "2 links changed (en-de 1, en-sq 1); 1 edited, 1 marked checked" in changes[0].text
    assert root.xpath("//t:name[@xml:id='reviewer.Ana_Test']", namespaces=NS)[0].text == "Ana Test"
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
    assert stale.status_code == 400 and "reload" in stale.get_json()["error"]
    assert api(client, "/api/undo", {}).get_json()["canRedo"]
    assert api(client, "/api/redo", {}).get_json()["rev"] == 3
    saved = api(client, "/api/save", {}).get_json()
    assert saved["saved"] == 1 and not saved["dirty"]
    copy.write_text(copy.read_text() + "\n")
    conflict = api(client, "/api/save", {})
    assert conflict.status_code == 409 and "changed on disk" in conflict.get_json()["error"]


def test_grid_shows_all_versions_with_added_sentences_on_their_own_row(client):
    api(client, "/api/edit", {"rev": 0, "pair": "en-de", "op": "detach", "sentence": "de.s1"})
    grid = api(client, "/api/grid").get_json()
    assert [c["lang"] for c in grid["columns"]] == ["de", "sr-Cyrl", "sq"]
    first, added = grid["rows"][:2]
    assert first["pivot"] == [0] and first["cells"][0] == {"pair": 0, "sentences": [], "link": 0}
    assert added["pivot"] == [] and added["cells"][0] == {"pair": 0, "sentences": [0], "link": 1}
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
        assert api(client, f"{path}?token={TOKEN}", token=None).status_code == 200
    assert api(client, "/api/state", headers={"Host": "attacker.example:4321"}).status_code == 403
    assert api(client, "/api/save", {}, token=None).status_code == 403


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
    page = api(client, f"/?token={TOKEN}", token=None)
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"


def test_server_listens_on_loopback_only(session):
    server = Server(session)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.httpd.server_address[0] == "127.0.0.1"
        assert server.url.startswith(f"http://127.0.0.1:{server.port}/?token=") and len(server.token) >= 40
        with urllib.request.urlopen(server.url) as reply:
            assert b"align review" in reply.read()
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
