"""Photo decoders (simulated and vendor-library) and the shipped card profiles."""

import datetime as dt
import shutil
import subprocess

import pytest

from drivers.cards.identity import FOREIGN_PERMANENT, HMT_RESIDENCE, RESIDENT
from drivers.idcard import textblock
from drivers.idcard.photo import (
    BMP_SIZE, NoDecoder, PhotoError, SimPhotoDecoder, VendorWltDecoder, WLT_SIZE, sim_profile_of, sim_wlt,
)
from drivers.idcard.profiles import CARDS_DIR, load_profile, profile_names
from protocol import idnumber


def test_sim_wlt_is_1024_bytes_naming_the_profile():
    blob = sim_wlt("zhang_normal")
    assert len(blob) == WLT_SIZE and sim_profile_of(blob) == "zhang_normal"
    assert sim_profile_of(bytes(1024)) is None


def test_sim_decoder_prefers_the_face_photo(tmp_path):
    (tmp_path / "obama_1.jpg").write_bytes(b"not really a jpeg")  # invented bytes; no real photo needed
    photo = SimPhotoDecoder(CARDS_DIR, tmp_path).decode(sim_wlt("zhang_normal"))
    assert photo.data == b"not really a jpeg" and photo.suffix == ".jpg"


def test_sim_decoder_falls_back_to_the_silhouette(tmp_path):
    photo = SimPhotoDecoder(CARDS_DIR, tmp_path / "absent").decode(sim_wlt("zhang_normal"))
    assert photo.data[:8] == b"\x89PNG\r\n\x1a\n"


def test_sim_decoder_rejects_foreign_blobs():
    with pytest.raises(PhotoError):
        SimPhotoDecoder(CARDS_DIR, None).decode(bytes(1024))
    with pytest.raises(PhotoError):
        SimPhotoDecoder(CARDS_DIR, None).decode(sim_wlt("no_such_profile"))
    with pytest.raises(PhotoError):
        NoDecoder().decode(bytes(1024))


def test_shipped_faces_pair_up(shared_faces):
    for name in profile_names(CARDS_DIR):
        profile = load_profile(CARDS_DIR, name)
        path = SimPhotoDecoder(CARDS_DIR, shared_faces).image_path(sim_wlt(name))
        assert path.name.startswith(f"{profile.face}_1."), name


def test_profiles_cover_the_required_cases():
    today = dt.date(2026, 1, 1)
    idents = {n: textblock.decode(load_profile(CARDS_DIR, n).card_data().text) for n in profile_names(CARDS_DIR)}
    kinds = {i.kind for i in idents.values()}
    assert {RESIDENT, FOREIGN_PERMANENT, HMT_RESIDENCE} <= kinds
    assert any(i.long_term for i in idents.values())
    assert any(i.is_expired(today) for i in idents.values())
    assert any(i.kind == RESIDENT and not i.is_expired(today) and not i.long_term for i in idents.values())
    for i in idents.values():
        if i.kind != FOREIGN_PERMANENT:
            idnumber.validate(i.id_number, i.birth)
    for n in profile_names(CARDS_DIR):
        assert load_profile(CARDS_DIR, n).photo.is_file()


VENDOR_C = r"""
#include <string.h>
/* stands in for a vendor libwlt2bmp.so: same signature, writes pixels only (no BMP header) */
int unpack(char *wlt, char *out, int save) {
    if (wlt[0] == 0x7f) return -1;
    memset(out, wlt[0], 126 * 308);
    return 1;
}
"""


@pytest.fixture(scope="module")
def vendor_lib(tmp_path_factory):
    if shutil.which("gcc") is None:
        pytest.skip("gcc not available to build the stand-in vendor library")
    d = tmp_path_factory.mktemp("wlt")
    (d / "wlt.c").write_text(VENDOR_C)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(d / "libwlt.so"), str(d / "wlt.c")], check=True)
    return d / "libwlt.so"


def test_vendor_decoder_loads_through_ctypes(vendor_lib):
    photo = VendorWltDecoder(vendor_lib).decode(b"\x11" + bytes(1023))
    assert photo.suffix == ".bmp" and photo.data[:2] == b"BM" and len(photo.data) == BMP_SIZE
    assert photo.data[54:60] == b"\x11" * 6


def test_vendor_decoder_failures_are_photo_errors(vendor_lib, tmp_path):
    with pytest.raises(PhotoError):
        VendorWltDecoder(vendor_lib).decode(b"\x7f" + bytes(1023))
    with pytest.raises(PhotoError):
        VendorWltDecoder(vendor_lib).decode(bytes(10))
    with pytest.raises(PhotoError):
        VendorWltDecoder(tmp_path / "missing.so")
    with pytest.raises(PhotoError):
        VendorWltDecoder(vendor_lib, function="no_such_function")


def test_open_decoder_resolves_relative_library_paths(vendor_lib, tmp_path):
    from drivers.idcard.photo import open_decoder

    decoder = open_decoder(vendor_lib.name, vendor_lib.parent, CARDS_DIR, None)
    assert isinstance(decoder, VendorWltDecoder)
    assert isinstance(open_decoder("", tmp_path, CARDS_DIR, None), SimPhotoDecoder)
    with pytest.raises(PhotoError):
        open_decoder("lib/missing.so", tmp_path, CARDS_DIR, None)
