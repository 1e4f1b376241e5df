"""Milliseconds per QR code: ``finding_balance.handouts.qr.qr_code`` over many different addresses (issue 12).

Each address is made once (no two alike, so nothing is measured warm); printed: the median and the
90th percentile of the time per code, and the same for ``segno`` (the encoder used before) when it is
installed, made the way the handouts pass (``finding_balance/handouts/printout.py``) made it then.

    .venv/bin/python benchmarks/qr_codes.py            # 500 addresses of the synthetic site
    .venv/bin/python benchmarks/qr_codes.py --codes 2000
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from finding_balance.handouts.qr import qr_code

SITE_URL = "https://finding-balance.example.org/"


def addresses(count: int) -> list[str]:
    """Page addresses as the synthetic site of ``count`` pages has them (20 pages a section)."""
    return [f"{SITE_URL}section-{page // 20 + 1:02d}/page-{page + 1:04d}/" for page in range(count)]


def milliseconds(make: Callable[[str], object], items: list[str]) -> list[float]:
    times = []
    for address in items:
        start = time.perf_counter()
        make(address)
        times.append((time.perf_counter() - start) * 1000)
    return times


def segno_code(address: str) -> object:
    import segno

    code = segno.make(address, error="m", micro=False)
    return code.svg_data_uri(scale=4, border=4, dark="#000", light="#fff")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codes", type=int, default=500, help="how many different addresses (default 500)")
    args = parser.parse_args()
    items = addresses(args.codes)
    qr_code(SITE_URL)  # load the library outside the figures
    encoders: list[tuple[str, Callable[[str], object]]] = [("finding_balance.handouts.qr (zxing-cpp)", qr_code)]
    try:
        import segno  # noqa: F401
    except ImportError:
        print("segno is not installed: no comparison")
    else:
        segno_code(SITE_URL)
        encoders.append(("segno 1.6.6, as before", segno_code))
    for name, make in encoders:
        times = milliseconds(make, items)
        p90 = statistics.quantiles(times, n=10)[-1]
        print(f"{name:32} median {statistics.median(times):.3f} ms  p90 {p90:.3f} ms  total {sum(times):.0f} ms")


if __name__ == "__main__":
    main()
