"""Property tests: round trips, and mutated frames that may only ever raise the codec's FrameError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.idcard import frames as fr
from drivers.idcard.profiles import CARDS_DIR, load_profile

READ_ANSWER = fr.Response(0, 0, 0x90, fr.encode_card_data(load_profile(CARDS_DIR, "zhang_normal").card_data())).encode()
SMALL = [fr.command(fr.FIND_CARD), fr.Response(0, 0, 0x9F, bytes(4)).encode(), fr.Response(0, 0, 0x80).encode()]


@given(st.binary(min_size=3, max_size=3000))
@settings(max_examples=300, deadline=None)
def test_encode_then_parse_round_trips(body):
    frame = fr.encode(body)
    assert fr.split_frame(frame) == body
    assert fr.FrameParser().feed(frame) == [body]


@st.composite
def mutated(draw):
    frame = bytearray(draw(st.sampled_from([READ_ANSWER] + SMALL)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if not frame:
            break
        i = draw(st.integers(0, len(frame) - 1))
        if op == "flip":
            frame[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del frame[i:]
        elif op == "insert":
            frame[i:i] = draw(st.binary(min_size=1, max_size=8))
        else:
            del frame[i : i + draw(st.integers(1, 8))]
    return bytes(frame)


@given(mutated(), st.integers(1, 700))
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
def test_ten_thousand_mutated_frames_raise_only_frame_error(frame, chunk):
    try:
        r = fr.parse_response(frame)
        if r.sw3 == 0x90 and len(r.data) > 4:
            fr.parse_card_data(r.data)
    except fr.FrameError:
        pass
    # the stream parser, fed in chunks, must consume everything and end: no exception, no endless loop
    p = fr.FrameParser()
    for i in range(0, len(frame), chunk):
        bodies, _errors = p.feed_all(frame[i : i + chunk])
        for b in bodies:
            try:
                fr.body_to_response(b)
            except fr.FrameError:
                pass
    assert p.pending <= len(frame)
