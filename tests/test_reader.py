"""Reading inputs: what is accepted, and one clear message for what is not."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.io.reader import read_text


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bom_and_crlf_are_accepted_and_normalised(tmp_path):
    text = "Erste Zeile.\nZweite Zeile.\n\nNeuer Absatz.\n"
    plain = write(tmp_path, "a.txt", text.encode())
    windows = write(tmp_path, "b.txt", ("\ufeff" + text.replace("\n", "\r\n")).encode())
    assert read_text(windows) == read_text(plain)
    assert "\r" not in read_text(windows) and not read_text(windows).startswith("\ufeff")


def test_old_mac_line_ends(tmp_path):
    assert read_text(write(tmp_path, "mac.txt", b"One.\rTwo.\r")) == "One.\nTwo.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b" \n\t\n", "file is empty"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary data, not text (NUL byte at line 3, column 1 (byte 8)",
        ),
        ("Prva rečenica.\nDruga ".encode() + b"\xc4( kraj.", "invalid UTF-8 at line 2, column 7 (byte 22)"),
        ("Hallo".encode("utf-16"), "UTF-16"),
        ("Größe: ".encode() + b"\xff", "invalid UTF-8 at line 1, column 8 (byte 9)"),
    ],
)
def test_refused_inputs_name_the_file_and_the_place(tmp_path, data, message):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="nope.txt: file not found"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_control_characters_are_replaced_with_a_warning(tmp_path, caplog):
    path = write(tmp_path, "c.txt", b"Page one.\x0cPage two.\n")
    assert read_text(path) == "Page one. Page two.\n"
    assert "control character" in caplog.text and "line 1" in caplog.text
