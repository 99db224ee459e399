"""Every package a plain ``pip install colony`` brings in (the ``[project]
dependencies`` of pyproject.toml and what they need in turn, as installed,
without the test extra) has a licence that lets Colony be distributed under
the Apache License 2.0: a permissive one from ``ALLOWED``, or one reviewed by
hand in ``REVIEWED``. A new dependency with another licence, or none in its
metadata, fails here until someone looks at it (and at the table at the end
of docs/architecture.md)."""

from __future__ import annotations

import importlib.metadata as metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]

# SPDX identifiers (and the plain names older metadata uses) of permissive
# licences compatible with distributing Colony under Apache-2.0.
ALLOWED = {
    "Apache-2.0", "MIT", "MIT-0", "MIT-CMU", "BSD", "BSD-2-Clause", "BSD-3-Clause", "0BSD",
    "ISC", "PSF-2.0", "Python-2.0", "Zlib", "CC0-1.0", "HPND",
}

# Trove classifiers, for packages that only declare one.
CLASSIFIERS = {
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: MIT No Attribution License (MIT-0)": "MIT-0",
    "License :: OSI Approved :: BSD License": "BSD",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
    "License :: OSI Approved :: zlib/libpng License": "Zlib",
    "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
}

# Packages whose licence is outside ALLOWED or missing from their metadata,
# reviewed by hand: what the metadata says (None: nothing), and why it is
# fine. If the metadata changes, the test fails and the package is reviewed
# again.
REVIEWED: dict[str, tuple[str | None, str]] = {
    "psycopg": ("LGPL-3.0-only", "the PostgreSQL driver, imported unmodified as a separate package "
                "(dynamic linking); the LGPL allows that from Apache-2.0 code, and people may swap it"),
    "psycopg-binary": ("LGPL-3.0-only", "psycopg's prebuilt C extension with libpq, pulled in by the "
                       "[binary] extra; as psycopg"),
    "huey": (None, "no licence in its metadata; the LICENSE file in the wheel is the MIT licence "
             "(Copyright Charles Leifer), checked below"),
}

# Reviewed packages whose licence file must still say what we read there.
LICENCE_TEXT = {"huey": "Permission is hereby granted, free of charge"}


def runtime_closure() -> dict[str, metadata.Distribution]:
    """The installed distributions ``pip install colony`` needs, by canonical name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment: dict[str, str] = {key: str(value) for key, value in default_environment().items()}
    found: dict[str, metadata.Distribution] = {}
    extras_seen: dict[str, set[str]] = {}
    todo = [Requirement(r) for r in project["dependencies"]]
    missing = []
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        extras = set(requirement.extras)
        if name in found and extras <= extras_seen[name]:
            continue
        try:
            dist = found.get(name) or metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            missing.append(str(requirement))
            continue
        found[name] = dist
        extras_seen[name] = extras_seen.get(name, set()) | extras
        for raw in dist.requires or []:
            needed = Requirement(raw)
            if needed.marker and not any(needed.marker.evaluate({**environment, "extra": extra})
                                         for extra in extras_seen[name] | {""}):
                continue
            todo.append(needed)
    assert not missing, f"not installed (pip install -e .): {missing}"
    return found


def declared_licence(dist: metadata.Distribution) -> str | None:
    """License-Expression, else a short License field, else the licence classifiers joined by OR."""
    meta = dist.metadata
    expression = " ".join(meta.get_all("License-Expression") or []).strip()
    if expression:
        return expression
    field = " ".join(meta.get_all("License") or []).strip()
    if field and "\n" not in field and len(field) <= 40 and field.upper() != "UNKNOWN":
        return field
    classified = [CLASSIFIERS.get(c, c) for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " OR ".join(classified) if classified else None


def permitted(expression: str) -> bool:
    """Whether an SPDX-like expression is satisfied by ALLOWED (OR: either side; AND, WITH: both)."""
    tokens = re.findall(r"\(|\)|[^\s()]+", expression)
    position = 0

    def either() -> bool:
        nonlocal position
        value = both()
        while position < len(tokens) and tokens[position].upper() == "OR":
            position += 1
            value = both() | value
        return value

    def both() -> bool:
        nonlocal position
        value = single()
        while position < len(tokens) and tokens[position].upper() in ("AND", "WITH"):
            position += 1
            value = single() & value
        return value

    def single() -> bool:
        nonlocal position
        if position >= len(tokens):
            return False
        token = tokens[position]
        position += 1
        if token == "(":
            value = either()
            position += 1  # ")"
            return value
        return token in ALLOWED

    result = either()
    return result and position == len(tokens)


def test_the_licence_check_itself():
    assert permitted("MIT") and permitted("Apache-2.0 OR BSD-2-Clause")
    assert permitted("BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0")
    assert permitted("GPL-3.0-only OR MIT") and permitted("(MIT OR GPL-2.0) AND BSD")
    assert not permitted("GPL-3.0-or-later") and not permitted("AGPL-3.0-only")
    assert not permitted("MIT AND GPL-2.0-only") and not permitted("LGPL-3.0-only")
    assert not permitted("Proprietary") and not permitted("")


def test_runtime_dependencies_have_licences_compatible_with_apache_2():
    closure = runtime_closure()
    assert {"django", "numpy", "psycopg-binary", "pydantic"} <= set(closure)  # the walk reaches transitive ones
    refused = []
    for name, dist in sorted(closure.items()):
        licence = declared_licence(dist)
        if name in REVIEWED:
            reviewed, _reason = REVIEWED[name]
            if licence != reviewed:
                refused.append(f"{name} {dist.version}: reviewed as {reviewed!r}, now says {licence!r}")
            text = LICENCE_TEXT.get(name)
            if text and not any(text in (f.read_text() or "") for f in dist.files or []
                                if "licen" in f.name.lower() or "copying" in f.name.lower()):
                refused.append(f"{name} {dist.version}: its licence file no longer says {text!r}")
            continue
        if licence is None or not permitted(licence):
            refused.append(f"{name} {dist.version}: {licence or 'no licence in its metadata'}")
    assert not refused, "licences to review (see docs/architecture.md):\n" + "\n".join(refused)


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_reviewed_packages_are_still_dependencies(name):
    # A review for a package nothing needs any more should go.
    assert name in runtime_closure()
