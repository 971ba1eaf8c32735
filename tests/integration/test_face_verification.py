"""1:1 verification on the real shared photos: same person accepted, different people rejected at the default."""

import itertools

import pytest

from kiosk.face.config import FaceConfig
from kiosk.face.engine import distance
from kiosk.face.flow import card_descriptor
from tests.helpers.face import person_of, person_photos, read


@pytest.fixture(scope="module")
def engine():
    from kiosk.face.dlib_engine import shared_engine

    return shared_engine()


def test_every_pair_decided_right_at_default_threshold(engine, shared_faces, capsys):
    threshold = FaceConfig().threshold
    photos = person_photos(shared_faces)
    descriptors = {}
    for stem, path in photos.items():
        d = card_descriptor(engine, read(path))
        assert d is not None, f"no face found in shared photo {sorted(photos).index(stem) + 1} of {len(photos)}"
        descriptors[stem] = d
    # the photos' file names are their people's names: the table says "person 3, photo 2" instead (privacy rules)
    people = sorted({person_of(stem) for stem in descriptors})
    seen: dict[str, int] = {}
    label = {}
    for stem in sorted(descriptors):
        who = person_of(stem)
        seen[who] = seen.get(who, 0) + 1
        label[stem] = f"person {people.index(who) + 1}, photo {seen[who]}"
    rows, wrong = [], []
    for a, b in itertools.combinations(sorted(descriptors), 2):
        same = person_of(a) == person_of(b)
        dist = distance(descriptors[a], descriptors[b])
        accepted = dist <= threshold
        rows.append(f"{label[a]:20} {label[b]:20} {'same' if same else 'diff'} {dist:.3f} "
                    f"{'accept' if accepted else 'reject'}")
        if accepted != same:
            wrong.append(rows[-1])
    with capsys.disabled():
        print(f"\nface distance table (threshold {threshold}):")
        print("\n".join(rows))
    assert any(person_of(a) == person_of(b) for a, b in itertools.combinations(descriptors, 2))
    assert not wrong, "wrong decisions:\n" + "\n".join(wrong)
