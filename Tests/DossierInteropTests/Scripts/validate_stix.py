#!/usr/bin/env python3
"""Validate STIX 2.1 files with the OASIS stix2-validator (default options, STIX 2.1).

Prints one line per error and warning, then a summary line `N errors, M warnings`; exits 1 when
any file has an error (or cannot be validated at all), else 0. Used by the Swift tests.
"""
import sys

from stix2validator import ValidationOptions, validate_file


def main(paths):
    options = ValidationOptions(version="2.1")
    errors = warnings = 0
    for path in paths:
        result = validate_file(path, options)
        if result.fatal:
            print(f"{path}: fatal: {result.fatal.message}")
            errors += 1
        for obj in result.object_results:
            for error in obj.errors:
                print(f"{path}: error: {obj.object_id}: {error}")
                errors += 1
            for warning in obj.warnings:
                print(f"{path}: warning: {obj.object_id}: {warning}")
                warnings += 1
        if not result.is_valid and not result.fatal and errors == 0:
            print(f"{path}: error: invalid")
            errors += 1
    print(f"{errors} errors, {warnings} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
