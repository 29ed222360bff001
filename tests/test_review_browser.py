"""The review editor end to end in a real headless Chromium (Selenium + Debian's chromedriver): open the
bundled corpus, edit with the keys, undo, check, save; then read the TEI back.

Skipped when Chromium or its driver is missing, except under CI=true, where that is a failure (.ci/run
installs them)."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from chromium import CHROMIUM, DRIVER, headless, missing
from lxml import etree

from align import tei
from align.model import Link

if not (CHROMIUM and DRIVER):
    missing("chromium and chromium-driver")
try:
    import flask  # noqa: F401
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as exc:
    missing(f"Python package {exc.name}")

from align.review.server import Server  # noqa: E402
from align.review.session import ReviewSession  # noqa: E402

NS = {"t": tei.TEI_NS}


@pytest.fixture(scope="module")
def browser():
    yield from headless(1400, 900)


@pytest.fixture
def editor(kosovo_tei, tmp_path, browser):
    path = tmp_path / "kosovo.tei.xml"
    shutil.copy(kosovo_tei, path)
    session = ReviewSession(path, "reviewer")
    server = Server(session)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser.get(server.url)
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
    yield browser, session, path
    server.shutdown()


def press(driver, *keys: str) -> None:
    """Send keys and wait until the page has no request in flight."""
    for key in keys:
        ActionChains(driver).send_keys(key).perform()
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return busy === false"))


def save(driver) -> None:
    """Ctrl+S, held as a chord."""
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return busy === false"))


def row(driver, k: int):
    return driver.execute_script("return rowAt(arguments[0])", k)


def redrawn_only_where_changed(driver) -> bool:
    """The rows as updated after edits are the rows a full redraw gives."""
    return driver.execute_script(
        "const html = () => [...view.querySelectorAll('.row')].map((r) => r.outerHTML).join('');"
        "const before = html(); renderPair(); return before === html();"
    )


def page_rev(driver) -> int:
    return driver.execute_script("return state.rev")


def message(driver) -> str:
    return driver.find_element("id", "message").text


def test_merge_split_detach_undo_check_save(editor):
    driver, session, path = editor
    links = list(session.links(0))  # en-de
    first, second = links[0], links[1]

    press(driver, "m")  # merge the first link with the next
    merged = Link(first.src + second.src, first.tgt + second.tgt, None, "manual")
    assert session.links(0)[0] == merged and page_rev(driver) == 1
    assert "✓" in row(driver, 0).text

    press(driver, "s")  # split it into 1-1 links
    n = min(len(merged.src), len(merged.tgt))
    assert all(
        b.kind in ("1-1", "1-0", "0-1") for b in session.links(0)[: len(merged.src) + len(merged.tgt) - n]
    )

    press(driver, "z", "z")  # undo both
    assert session.links(0) == links and page_rev(driver) == 4

    assert first.kind == "1-1"
    press(driver, "l", "d")  # detach the right side's (only) sentence of the first link
    assert session.links(0)[:2] == [Link(first.src, (), None, "manual"), Link((), first.tgt, None, "manual")]
    assert "de.s1" in row(driver, 1).text and "no counterpart" in row(driver, 1).text
    # the findings beside the first link follow the edit: its English sentence lost its counterpart
    assert "omission" in row(driver, 0).find_element("css selector", ".findings").text

    press(driver, "j", "c")  # the cursor followed the detached sentence (link 2); check link 3
    assert session.links(0)[2] == Link(links[1].src, links[1].tgt, None, "manual")
    assert "✓" in row(driver, 2).text
    press(driver, "c")  # again: not checked after all, the aligner's link with its cert is back
    assert session.links(0)[2] == links[1] and links[1].cert is not None
    assert "✓" not in row(driver, 2).text
    press(driver, "c")
    assert session.links(0)[2] == Link(links[1].src, links[1].tgt, None, "manual")
    assert redrawn_only_where_changed(driver)

    save(driver)
    assert "Saved" in message(driver) and not driver.find_element("id", "dirty").is_displayed()

    saved = tei.read(path)
    assert saved.alignments[0].links == session.links(0)
    root = etree.parse(str(path)).getroot()
    group = root.find("t:standOff/t:linkGrp", NS)
    subtypes = [el.get("subtype") for el in group]
    assert subtypes[:3] == ["manual", "manual", "manual"] and set(subtypes[3:]) == {"auto"}
    change = root.find("t:teiHeader/t:revisionDesc/t:change", NS)
    assert change.get("who") == "#reviewer.reviewer"
    assert "3 links changed (en-de 3); 2 edited, 1 marked checked" in change.text
    if (schema := tei.find_schema()) is not None:
        assert tei.validate(path, schema) == []


def test_navigation_keys_and_jump(editor):
    driver, session, _ = editor
    cert = [b.cert for b in session.links(1)]  # en-sr-Cyrl
    press(driver, "2")
    assert driver.execute_script("return pairIndex") == 1
    # n walks the unchecked links from the least certain up, whatever the threshold
    queue = sorted(
        (b.cert, k) for k, b in enumerate(session.links(1)) if b.src and b.tgt and b.cert is not None
    )
    press(driver, "n")
    assert driver.execute_script("return cur") == queue[0][1], cert
    assert "Queue: 1 of" in message(driver)
    press(driver, "c", "n")  # checked: out of the queue; n goes on to the next least certain
    assert driver.execute_script("return cur") == queue[1][1]
    press(driver, "N")  # back: the first one is checked now, so nothing before
    assert "least certain" in message(driver)
    press(driver, "j")
    assert message(driver) == ""  # a new key clears the old message
    press(driver, "z")
    press(driver, "f")
    findings = {k for k, per in enumerate(session.findings[1]) if per}
    assert driver.execute_script("return cur") in findings
    press(driver, "g")
    ActionChains(driver).send_keys("sq.s7" + Keys.ENTER).perform()
    assert driver.execute_script("return pair().pair") == "en-sq"
    k = driver.execute_script("return cur")
    assert 6 in session.links(2)[k].tgt
    press(driver, "v")
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".all .row"))
    cell = driver.find_elements("css selector", '.all [data-pair="0"]')[3]
    link = int(cell.get_attribute("data-link"))
    cell.click()
    assert driver.execute_script("return [pairIndex, cur, allView]") == [0, link, False]
    press(driver, "v")  # and by keys: down three rows, right to the Serbian column, Enter
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".all .row.cur"))
    press(driver, "j", "j", "j", "l")
    chosen = driver.execute_script(
        "const c = view.querySelector('.row.cur .side-cur'); return [c.dataset.pair, c.dataset.link]"
    )
    press(driver, Keys.ENTER)
    assert driver.execute_script("return [pairIndex, cur, allView]") == [1, int(chosen[1]), False]
    assert chosen[0] == "1"


def test_save_refused_when_file_changed_on_disk(editor):
    driver, session, path = editor
    press(driver, "c")
    path.write_bytes(path.read_bytes() + b"\n")
    before = path.read_bytes()
    save(driver)
    text = message(driver)
    assert "changed on disk" in text and "not saved" in text
    assert driver.find_element("id", "message").get_attribute("role") == "alert"
    assert path.read_bytes() == before and session.dirty


@pytest.mark.parametrize("width", [1400, 800])
def test_screenshots(editor, width, tmp_path):
    """The editor at both widths: the links and the keys are on screen; the images are kept when
    ALIGN_SCREENSHOTS names a folder (for looking at them)."""
    driver, _, _ = editor
    driver.set_window_size(width, 900)
    press(driver, "f")
    shots = Path(os.environ.get("ALIGN_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(shots / f"review-{width}.png"))
    view = driver.find_element("id", "view").rect
    assert view["width"] > width * 0.5
    assert driver.find_element("css selector", ".row.cur").is_displayed()
    assert driver.find_element("id", "keys").is_displayed()
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width


def open_editor(driver, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")


def test_a_stale_tab_is_told_and_changes_nothing(editor):
    """Two tabs on one editor: the first edits; the second, not reloaded, tries undo, redo and save."""
    driver, session, path = editor
    first = driver.current_window_handle
    url = driver.current_url
    driver.switch_to.new_window("tab")
    open_editor(driver, url)  # the cookie is shared: no login needed
    second = driver.current_window_handle
    driver.switch_to.window(first)
    press(driver, "m")
    merged = list(session.links(0))
    before = path.read_bytes()
    driver.switch_to.window(second)
    for key in ("z", "y"):
        press(driver, key)
        assert "behind the editor" in message(driver) and "reload" in message(driver), key
    save(driver)
    assert "behind the editor" in message(driver)
    assert driver.find_element("id", "message").get_attribute("role") == "alert"
    press(driver, "c")  # still stale: the refusal did not make the tab current
    assert "behind the editor" in message(driver)
    assert session.links(0) == merged and session.rev == 1 and path.read_bytes() == before
    driver.refresh()
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
    press(driver, "z")  # reloaded: it sees the merge and can undo it
    assert session.links(0) != merged and "behind" not in message(driver)
    driver.close()
    driver.switch_to.window(first)


def test_the_launcher_file_logs_in_and_the_token_stays_out_of_the_page(kosovo_tei, tmp_path, browser):
    path = tmp_path / "kosovo.tei.xml"
    shutil.copy(kosovo_tei, path)
    server = Server(ReviewSession(path, "reviewer"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.delete_all_cookies()
        open_editor(browser, server.launcher().as_uri())
        assert browser.current_url == f"http://127.0.0.1:{server.port}/"  # the login address is gone
        assert server.token not in browser.page_source
        assert browser.execute_script("return document.cookie") == ""  # HttpOnly: no script reads it
    finally:
        server.shutdown()


def test_moved_file_save_as_in_the_page(editor):
    driver, session, path = editor
    press(driver, "c")
    path.rename(path.with_name("moved.xml"))
    save(driver)
    assert "no longer at" in message(driver)
    form = driver.find_element("id", "saveas")
    assert form.is_displayed()
    name = driver.find_element("id", "saveas-name").get_attribute("value")
    assert name == "kosovo.reviewed.tei.xml"
    driver.find_element("css selector", "#saveas button").click()
    WebDriverWait(driver, 20).until(lambda d: "Saved" in message(d))
    assert not form.is_displayed() and driver.find_element("id", "file").text == name
    assert tei.read(path.with_name(name)).alignments[0].links == session.links(0)


def test_small_screen_keys_fold_and_all_versions_show_confidence_and_findings(editor, tmp_path):
    driver, session, _ = editor
    driver.set_window_size(800, 700)
    driver.refresh()  # the keys fold at load on a small screen
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
    height = driver.execute_script("return window.innerHeight")
    keys = driver.find_element("id", "keys").rect
    assert keys["height"] < 0.15 * height, (keys, height)
    visible = driver.execute_script(
        "const v = view.getBoundingClientRect();"
        "return [...view.querySelectorAll('.row')].filter((r) => { const b = r.getBoundingClientRect();"
        " return b.top >= v.top && b.bottom <= v.bottom; }).length"
    )
    assert visible >= 3  # was 1.5 with the keys open
    shots = Path(os.environ.get("ALIGN_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(shots / "review-800x700-keys-folded.png"))
    driver.find_element("css selector", "#keys summary").click()  # unfolds on demand
    assert driver.find_element("css selector", "#keys dl").is_displayed()
    driver.find_element("css selector", "#keys summary").click()

    # the current row is never under the sticky header, going down and back up
    press(driver, *"j" * 15, *"k" * 10)
    assert under_header(driver) is False

    press(driver, "v")
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("css selector", ".all .row.cur"))
    metas = driver.find_elements("css selector", ".all .cellmeta")
    text = " ".join(m.text for m in metas)
    certs = {f"{b.cert:.2f}" for a in session.docset.alignments for b in a.links if b.cert is not None}
    assert any(c in text for c in certs)
    kinds = {f.kind for pair in session.findings for per in pair for f in per}
    assert kinds and any(kind in text for kind in kinds)
    press(driver, *"j" * 15, *"k" * 10)
    assert under_header(driver) is False
    assert driver.save_screenshot(str(shots / "review-800x700-all-versions.png"))


def under_header(driver) -> bool:
    return driver.execute_script(
        "const head = view.querySelector('.head').getBoundingClientRect();"
        "const row = view.querySelector('.row.cur').getBoundingClientRect();"
        "return row.top < head.bottom - 1"
    )


def test_resting_on_a_word_highlights_its_counterparts_in_the_row(kosovo_tei, tmp_path, browser):
    """With word links in the file (align run --words) the editor shows them as the report does."""
    from selenium.webdriver.common.by import By

    from align.tei.words import to_bytes_with_words

    path = tmp_path / "kosovo.tei.xml"
    path.write_bytes(to_bytes_with_words(tei.read(kosovo_tei), timestamp=False))
    session = ReviewSession(path, "reviewer")
    server = Server(session)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.get(server.url)
        WebDriverWait(browser, 30).until(
            lambda d: d.execute_script("return document.body.dataset.ready") == "1"
        )
        first = browser.find_elements(By.CSS_SELECTOR, "#view .row")[0]
        word = next(w for w in first.find_elements(By.CSS_SELECTOR, "span.w") if w.get_attribute("data-to"))
        wanted = set(word.get_attribute("data-to").split())
        counterparts = [
            w for w in first.find_elements(By.CSS_SELECTOR, "span.w") if w.get_attribute("data-w") in wanted
        ]
        assert counterparts and not any("hl" in w.get_attribute("class").split() for w in counterparts)
        ActionChains(browser).move_to_element(word).perform()
        assert all("hl" in w.get_attribute("class").split() for w in counterparts)
        assert "hl" in word.get_attribute("class").split()
        ActionChains(browser).move_to_element(browser.find_element(By.ID, "message")).perform()
        assert not any("hl" in w.get_attribute("class").split() for w in counterparts)
        # a word no word link touches is dotted, a linked one is not
        unlinked = browser.find_elements(By.CSS_SELECTOR, "#view span.w.none")
        assert unlinked and all(not w.get_attribute("data-to") for w in unlinked)
        sid, k = unlinked[0].get_attribute("data-w").rsplit(".w", 1)
        assert int(k) - 1 not in session.words[sid]
    finally:
        server.shutdown()
