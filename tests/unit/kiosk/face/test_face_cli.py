"""`kiosk face compare` on real photos: distances and verdicts, clear errors, usage exit codes."""

from kiosk.face.cli import cli_main


def test_compare_prints_each_pair(shared_faces, capsys):
    code = cli_main(["compare", str(shared_faces / "obama_1.jpg"), str(shared_faces / "obama_2.jpg"),
                     str(shared_faces / "biden_2.jpg")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and len(out) == 3
    assert out[0].startswith("obama_1.jpg\tobama_2.jpg\t") and out[0].endswith("same")
    assert out[1].endswith("different") and out[2].endswith("different")


def test_usage_errors_exit_2(capsys):
    assert cli_main([]) == 2
    assert cli_main(["compare", "one.jpg"]) == 2
    assert "at least two photos" in capsys.readouterr().err
    assert cli_main(["--help"]) == 0


def test_unreadable_photo_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "x.jpg"
    bad.write_bytes(b"no")
    assert cli_main(["compare", str(bad), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read" in err
