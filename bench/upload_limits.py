"""What a decompression bomb costs: Colony's image check against decoding it, in the same run.

A PNG of 13,000 by 13,000 pixels compresses to a few hundred KB. Decoding it
(what the upload check did before it read the size from the header first)
takes hundreds of MB and seconds; Colony's check refuses it from the header.
Each case runs in a fresh process so its peak memory (ru_maxrss) is its own.

    .venv/bin/python bench/upload_limits.py --runs 3

Prints one JSON object: per bomb, the file size, and for "decode" (the
baseline: Pillow opening, verifying and loading the image, as the old check
did) and "colony" (``check_image_upload``) the median wall time and peak
memory over the runs, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CASE = r"""
import io, json, os, resource, sys, time, warnings
warnings.simplefilter("ignore")
path, mode = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
from PIL import Image
if mode == "colony":  # load Django and Colony before measuring: only the check is timed
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "colony.settings")
    import django; django.setup()
    from django.conf import settings
    from colony.core.errors import ActionError
    from colony.people.actions import check_image_upload
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
outcome = "accepted"
if mode == "decode":
    Image.MAX_IMAGE_PIXELS = None  # what Pillow does up to its default guard, which these stay under
    image = Image.open(io.BytesIO(data)); image.verify()
    image = Image.open(io.BytesIO(data)); image.load()
else:
    try:
        check_image_upload(io.BytesIO(data), max_bytes=settings.COLONY_MAX_ATTACHMENT_BYTES, size_name="image")
    except ActionError as exc:
        outcome = f"refused {exc.status}"
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "added_mb": (peak - before) / 1024, "outcome": outcome}))
"""


def png_bomb(side: int, colour: bool) -> bytes:
    """A valid PNG of side by side black pixels (1-bit grey, or 8-bit RGB like the audit's)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * (side * 3 if colour else (side + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8 if colour else 1, 2 if colour else 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def run_case(path: Path, mode: str, data_dir: str) -> dict:
    env = {"COLONY_DATA_DIR": data_dir, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", CASE, str(path), mode], cwd=REPO, env=env, capture_output=True,
                         text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--side", type=int, default=13_000)
    args = parser.parse_args()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, colour in (("grey_1bit", False), ("rgb_8bit", True)):
            path = Path(tmp) / f"{name}.png"
            path.write_bytes(png_bomb(args.side, colour))
            cases: dict[str, list[dict]] = {"decode": [], "colony": []}
            for _ in range(args.runs):
                for mode in cases:
                    cases[mode].append(run_case(path, mode, tmp))
            summary = {mode: {"median_s": round(statistics.median(r["seconds"] for r in rows), 4),
                              "median_added_mb": round(statistics.median(r["added_mb"] for r in rows), 1),
                              "outcome": rows[0]["outcome"]} for mode, rows in cases.items()}
            summary["file_kb"] = round(path.stat().st_size / 1024, 1)
            summary["pixels"] = args.side * args.side
            summary["time_ratio_decode_over_colony"] = round(
                summary["decode"]["median_s"] / max(summary["colony"]["median_s"], 1e-6), 1)
            summary["memory_ratio_decode_over_colony"] = round(
                summary["decode"]["median_added_mb"] / max(summary["colony"]["median_added_mb"], 1.0), 1)
            results[name] = summary
    print(json.dumps({"runs": args.runs, "side": args.side, "bombs": results}))


if __name__ == "__main__":
    main()
