"""Token buckets and their `RATE/BURST` settings, on a clock the test moves; `serve` refuses bad limits and TLS."""

import pytest

from central.cli import cli_main
from central.ratelimit import Buckets, Rate


def test_a_bucket_allows_its_burst_then_refills_at_its_rate():
    now = [1000.0]
    buckets = Buckets(Rate(0.5, 3), clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(2.0)  # one token every 2 s
    assert buckets.take("b") == 0.0  # keys do not share
    now[0] += 2.0
    assert buckets.take("a") == 0.0 and buckets.take("a") > 0
    now[0] += 3600
    assert [buckets.take("a") for _ in range(4)][-1] > 0  # refilled to the burst, never beyond


def test_idle_keys_are_forgotten_past_the_bound():
    buckets = Buckets(Rate(1, 1), clock=lambda: 0.0, max_keys=2)
    for key in "abc":
        buckets.take(key)
    assert buckets.take("a") == 0.0  # forgotten, so full again; "c" is still spent
    assert buckets.take("c") > 0


@pytest.mark.parametrize(("text", "want"), [("0.5/20", Rate(0.5, 20)), ("100/1000", Rate(100.0, 1000)),
                                            ("off", None), (" OFF ", None)])
def test_rates_parse(text, want):
    assert Rate.parse(text) == want


@pytest.mark.parametrize("text", ["", "5", "0/10", "1/0", "x/1", "1/x", "-1/5", "1/2/3"])
def test_bad_rates_say_what_is_expected(text):
    with pytest.raises(ValueError, match="RATE/BURST"):
        Rate.parse(text)


@pytest.mark.parametrize(("argv", "says"), [
    (["--verify-limit", "fast"], "rate limit 'fast' is not RATE/BURST"),
    (["--login-limit", "1/0"], "rate limit '1/0' is not RATE/BURST"),
    (["--login-limit", "off"], "--login-limit cannot be off"),
    (["--tls-cert", "a.pem"], "--tls-cert and --tls-key go together"),
    (["--tls-cert", "none.pem", "--tls-key", "none.key"], "TLS file none.pem not found"),
])
def test_serve_refuses_bad_limits_and_tls_options_in_one_line(tmp_path, capsys, argv, says):
    assert cli_main(["serve", "--db", str(tmp_path / "c.sqlite3"), *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0]
