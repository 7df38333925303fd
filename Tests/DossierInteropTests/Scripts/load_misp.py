#!/usr/bin/env python3
"""Load MISP event files with PyMISP (`MISPEvent().load_file(path)`), which refuses unknown
attribute types, categories that do not fit a type and broken values, and write what PyMISP makes of each event
back out (`to_json()`) as `<path>.pymisp.json`, so the Swift tests can import PyMISP's own
serialization. Exits 1 when a file does not load.
"""
import sys

from pymisp import MISPEvent


def main(paths):
    failed = 0
    for path in paths:
        try:
            event = MISPEvent()
            event.load_file(path)
            with open(path + ".pymisp.json", "w", encoding="utf-8") as out:
                out.write(event.to_json(indent=2))
            print(f"{path}: loaded, {len(event.attributes)} attributes, {len(event.tags)} event tags")
        except Exception as error:  # noqa: BLE001 - report any failure of the real loader
            print(f"{path}: error: {type(error).__name__}: {error}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
