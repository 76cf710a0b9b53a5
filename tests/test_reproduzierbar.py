"""Same input, same site: two builds agree byte for byte, so a re-publication changes nothing by itself."""
from __future__ import annotations

from pathlib import Path


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_input_are_identical(fixture_site, fixture_site_rebuilt):
    first, second = files_of(fixture_site), files_of(fixture_site_rebuilt)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
