"""`kiosk face ...`: compare two photos with the configured engine, for threshold calibration on site."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from kiosk.face.config import FaceConfig


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk face", description="Face check tools (no images are kept).")
    sub = parser.add_subparsers(dest="command", required=True)
    compare = sub.add_parser("compare", help="descriptor distance between photos, pair by pair")
    compare.add_argument("photos", nargs="+", type=Path, help="two or more image files")
    compare.add_argument("--threshold", type=float, default=FaceConfig().threshold,
                         help="accept at or below this distance (default: %(default)s)")
    return parser


def cli_main(argv: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse already printed the usage line; --help exits 0
        return int(e.code or 0)
    if len(args.photos) < 2:
        print("kiosk face compare: give at least two photos", file=sys.stderr)
        return 2
    import cv2

    from kiosk.face.dlib_engine import shared_engine
    from kiosk.face.engine import distance
    from kiosk.face.flow import card_descriptor

    engine = shared_engine()
    descriptors = {}
    for path in args.photos:
        image = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if image is None:
            print(f"kiosk face compare: cannot read {path}", file=sys.stderr)
            return 1
        descriptor = card_descriptor(engine, image)
        if descriptor is None:
            print(f"kiosk face compare: no face found in {path}", file=sys.stderr)
            return 1
        descriptors[path] = descriptor
    for a, b in itertools.combinations(args.photos, 2):
        d = distance(descriptors[a], descriptors[b])
        verdict = "same" if d <= args.threshold else "different"
        print(f"{a.name}\t{b.name}\t{d:.3f}\t{verdict}")
    return 0
