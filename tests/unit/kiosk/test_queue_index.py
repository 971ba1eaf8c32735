"""The terminal's queue index: central's answer kept on disk through restarts; a configured one wins; a broken file
or answer loses nothing."""

import logging

from kiosk.queue_index import QueueIndex


def test_centrals_index_is_kept_and_read_back(tmp_path):
    path = tmp_path / "var" / "queue-index"
    index = QueueIndex(path, None)
    assert index.current is None
    assert index.given(7) and index.current == 7
    assert not index.given(7)  # the same answer again changes nothing
    assert not index.given(None) and index.current == 7  # a central that gives none keeps the one kept
    for strange in (0, 100, "7", 7.0, True):
        assert not index.given(strange) and index.current == 7
    assert QueueIndex(path, None).current == 7  # after a restart, with no network
    assert path.read_text() == "7\n" and not list(path.parent.glob("*.part"))


def test_a_configured_index_wins_and_a_difference_is_told(tmp_path, caplog):
    index = QueueIndex(tmp_path / "queue-index", 3)
    with caplog.at_level(logging.WARNING, logger="kiosk.queue_index"):
        assert not index.given(5)
    assert index.current == 3
    assert "central gave queue index 5, [terminal] queue_index = 3 is used" in caplog.text


def test_a_damaged_file_is_asked_again(tmp_path, caplog):
    path = tmp_path / "queue-index"
    for content in (b"x\n", b"0\n", b"\xff\xfe", b"150"):
        path.write_bytes(content)
        with caplog.at_level(logging.WARNING, logger="kiosk.queue_index"):
            assert QueueIndex(path, None).current is None
    assert QueueIndex(path, None).given(4) and QueueIndex(path, None).current == 4


def test_a_full_disk_keeps_the_index_for_this_run(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("")
    index = QueueIndex(blocked / "queue-index", None)  # its folder is a file: nothing can be written there
    with caplog.at_level(logging.ERROR, logger="kiosk.queue_index"):
        assert index.given(2)
    assert index.current == 2 and "not kept on disk" in caplog.text
