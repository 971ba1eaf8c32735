"""`kiosk session`: the cage command line follows display.rotation and display.outputs of the configuration."""

import shlex
import sys

import pytest

from kiosk import cli
from tests.helpers.kiosk import write_config


@pytest.mark.parametrize("rotation,turns", [(0, 0), (90, 1), (180, 2), (270, 3)])
def test_rotation_turns_the_output_clockwise(tmp_path, capsys, rotation, turns):
    path = write_config(tmp_path, display={"rotation": rotation, "outputs": "extend"})
    assert cli.main(["session", "--config", str(path), "--print"]) == 0
    argv = shlex.split(capsys.readouterr().out)
    cage, kiosk = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    assert cage[0] == "/usr/bin/cage" and cage.count("-r") == turns
    assert cage[cage.index("-m") + 1] == "extend"
    assert "-s" not in cage  # VT switching stays off in the kiosk session
    assert kiosk == [sys.executable, "-m", "kiosk.cli", "run", "--config", str(path.resolve())]


def test_broken_configuration_is_one_line_before_any_compositor(tmp_path, capsys):
    path = write_config(tmp_path, display={"rotation": 45})
    assert cli.main(["session", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "display.rotation" in err


def test_outputs_last_from_an_older_configuration_never_reaches_cage(tmp_path, capsys):
    """Debian 12's cage 0.1.4 crashes at start with `-m last` (the real-cage test shows it): the session spans the
    screens instead and says why, rather than crash-looping into the out-of-service screen."""
    path = write_config(tmp_path, display={"outputs": "last"})
    assert cli.main(["session", "--config", str(path), "--print"]) == 0
    argv = shlex.split(capsys.readouterr().out)
    cage = argv[:argv.index("--")]
    assert "last" not in cage and cage[cage.index("-m") + 1] == "extend"
