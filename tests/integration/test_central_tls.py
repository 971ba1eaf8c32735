"""TLS between kiosk and central: `kiosk central serve --tls-cert/--tls-key` as a real process, certificates made
at run time; the kiosk trusts only its configured CA (and pin), and plain http leaves this machine never."""

import base64
import subprocess
import sys

import pytest

from kiosk.config import ConfigError, load
from kiosk.submissions import open_submissions
from offline_queue.client import CentralClient
from offline_queue.config import CentralConfig
from offline_queue.errors import CentralError
from offline_queue.worker import SyncWorker
from protocol import signing
from tests.conftest import REPO
from tests.helpers.central import TERMINAL, free_port, invented_applicant, make_store, wait_for_port
from tests.helpers.kiosk import write_config
from tests.helpers.tls import make_ca, make_server_cert


@pytest.fixture
def tls_central(tmp_path, central_db):
    """Central serving https on 127.0.0.1 with a certificate from a throwaway CA; TERMINAL registered."""
    ca = make_ca(tmp_path, "hall-ca")
    server_cert = make_server_cert(tmp_path, ca)
    secret_file = tmp_path / "var" / "terminal.secret"
    subprocess.run([sys.executable, "-m", "central.cli", "add-terminal", TERMINAL, *central_db.cli(), "--secret-file",
                    str(secret_file)], cwd=REPO, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port), *central_db.cli(),
                               "--tls-cert", str(server_cert.cert_file), "--tls-key", str(server_cert.key_file)],
                              cwd=REPO)
    try:
        wait_for_port(port, server)
        yield {"url": f"https://127.0.0.1:{port}", "ca": ca, "cert": server_cert, "db": central_db,
               "secret": signing.read_secret(secret_file), "secret_file": secret_file}
    finally:
        server.terminate()
        server.wait(15)


def _central_heard_from_us(db) -> bool:
    return db.rows("SELECT last_seen FROM terminals WHERE id=:t", t=TERMINAL)[0][0] is not None


def test_the_kiosk_syncs_over_tls_trusting_its_configured_ca(tmp_path, tls_central):
    (tmp_path / "central-ca.pem").write_bytes(tls_central["ca"].cert_file.read_bytes())
    # the receipts' progress link is https too: the shipped development http:// one is refused without plain http
    cfg = load(write_config(tmp_path, central={"url": tls_central["url"], "allow_plain_http_loopback": False,
                                               "public_url": tls_central["url"],
                                               "ca_file": "central-ca.pem",  # relative to kiosk.toml
                                               "pin_sha256": tls_central["cert"].spki_sha256}))
    uc = open_submissions(cfg.queue, cfg.central, cfg.terminal.id, cfg.base_dir)
    try:
        done = uc.submit("gjj.withdraw", {}, invented_applicant(1))
        uc.worker.sync_once()
        assert uc.store.lookup(done.tracking).state == "acknowledged", uc.status()
        assert uc.progress(done.tracking).source == "central"
    finally:
        uc.close()


def test_the_pin_may_be_base64(tls_central):
    pin = base64.b64encode(bytes.fromhex(tls_central["cert"].spki_sha256)).decode()
    client = CentralClient(tls_central["url"], TERMINAL, tls_central["secret"], ca_file=tls_central["ca"].cert_file,
                           pin_sha256=pin)
    assert client.blob_exists("0" * 64) is False
    client.close()


def test_a_certificate_from_another_ca_is_refused(tmp_path, tls_central):
    stranger = make_ca(tmp_path, "some-other-ca")
    store = make_store(tmp_path)
    store.enqueue_submission("gjj.withdraw", {}, invented_applicant(2))
    worker = SyncWorker(store, CentralClient(tls_central["url"], TERMINAL, tls_central["secret"],
                                             ca_file=stranger.cert_file))
    worker.sync_once()
    st = worker.status()
    assert st.link == "offline" and "CERTIFICATE_VERIFY_FAILED" in st.last_error
    assert store.stats().depth["pending"] == 1 and not _central_heard_from_us(tls_central["db"])
    # nor does the system's store stand in for the hall's own CA
    client = CentralClient(tls_central["url"], TERMINAL, tls_central["secret"])
    with pytest.raises(CentralError, match="CERTIFICATE_VERIFY_FAILED"):
        client.blob_exists("0" * 64)


def test_a_wrong_pin_is_refused_before_the_request_is_sent(tmp_path, tls_central):
    other_key = make_server_cert(tmp_path, tls_central["ca"], "impostor").spki_sha256  # same CA, another key
    client = CentralClient(tls_central["url"], TERMINAL, tls_central["secret"], ca_file=tls_central["ca"].cert_file,
                           pin_sha256=other_key)
    with pytest.raises(CentralError, match="does not match pin_sha256") as caught:
        client.heartbeat({"at": 1.0, "depth": {}})
    assert caught.value.transient
    assert not _central_heard_from_us(tls_central["db"])


def test_an_unreadable_ca_file_fails_each_call_not_the_terminal(tmp_path, tls_central):
    (tmp_path / "broken.pem").write_text("not a certificate")
    client = CentralClient(tls_central["url"], TERMINAL, tls_central["secret"], ca_file=tmp_path / "broken.pem")
    with pytest.raises(CentralError, match="ca_file .*broken.pem") as caught:
        client.blob_exists("0" * 64)
    assert not caught.value.transient


@pytest.mark.parametrize("url", ["http://192.0.2.10:8600", "http://central.example.gov.cn", "garbage",
                                 "ftp://127.0.0.1/", "https://", "http://127.0.0.1:notaport"])
def test_plain_http_off_this_machine_and_garbage_urls_are_configuration_errors(tmp_path, url):
    with pytest.raises(ValueError, match="url"):
        CentralConfig(url=url, allow_plain_http_loopback=True)
    with pytest.raises(ValueError):
        CentralClient(url, TERMINAL, "s" * 64, allow_plain_http_loopback=True)
    with pytest.raises(ConfigError) as caught:
        load(write_config(tmp_path, central={"url": url}))
    message = str(caught.value)
    assert "central.url" in message and "\n" not in message


def test_plain_http_to_this_machine_needs_the_development_switch(tmp_path):
    with pytest.raises(ConfigError, match="central.url: .*allow_plain_http_loopback"):
        load(write_config(tmp_path, central={"url": "http://127.0.0.1:8600", "allow_plain_http_loopback": False}))
    for url in ("http://127.0.0.1:8600", "http://[::1]:8600", "http://localhost:8600"):
        assert CentralConfig(url=url, allow_plain_http_loopback=True).url == url
    with pytest.raises(ValueError, match="allow_plain_http_loopback"):
        CentralClient("http://127.0.0.1:8600", TERMINAL, "s" * 64)
