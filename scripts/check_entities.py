#!/usr/bin/env python3
"""Validate the entity gazetteer packs in lints/entities/*.toml.

Checks, for every pack file:
  * it parses as TOML and holds only `[[entity]]` tables;
  * each entity has only the known fields (name, aliases, kind, pronouns,
    ambiguous, note) with the right types;
  * `kind` is one of person | group | org | publication | work | place;
  * persons carry `pronouns` (he | she | they); other kinds carry none;
  * names and aliases are non-empty, trimmed, single-spaced, and an alias
    never repeats its own entity's name;
  * an entity with a name or alias shorter than 4 letters is `ambiguous`;
  * entities are sorted by name (case-insensitive) within each file;
  * no name or alias occurs twice across ALL files (case-insensitive).

Usage: python3 scripts/check_entities.py [PACK_DIR]
Exits 0 when every pack is clean, 1 otherwise, printing one line per problem.
"""

import pathlib
import sys
import tomllib

KINDS = {"person", "group", "org", "publication", "work", "place"}
PRONOUNS = {"he", "she", "they"}
FIELDS = {"name", "aliases", "kind", "pronouns", "ambiguous", "note"}


def sort_key(name: str) -> str:
    """The order entities must follow inside a file."""
    return name.lower()


def letters(s: str) -> int:
    return sum(ch.isalnum() for ch in s)


def check_string(where: str, what: str, s: object, problems: list[str]) -> bool:
    if not isinstance(s, str) or not s:
        problems.append(f"{where}: {what} must be a non-empty string")
        return False
    if s != s.strip() or "  " in s:
        problems.append(f"{where}: {what} {s!r} has stray whitespace")
        return False
    return True


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    pack_dir = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "lints" / "entities"
    files = sorted(pack_dir.glob("*.toml"))
    problems: list[str] = []
    seen: dict[str, str] = {}  # lowercased spelling -> where it was first defined
    total = 0

    if not files:
        problems.append(f"{pack_dir}: no *.toml packs found")

    for path in files:
        rel = path.name
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            problems.append(f"{rel}: does not parse: {err}")
            continue
        extra = set(data) - {"entity"}
        if extra:
            problems.append(f"{rel}: unexpected top-level keys {sorted(extra)}")
        entities = data.get("entity", [])
        if not isinstance(entities, list):
            problems.append(f"{rel}: `entity` must be an array of tables")
            continue
        total += len(entities)
        names: list[str] = []

        for i, ent in enumerate(entities):
            where = f"{rel}: entity #{i + 1}"
            unknown = set(ent) - FIELDS
            if unknown:
                problems.append(f"{where}: unknown fields {sorted(unknown)}")
            name = ent.get("name")
            if not check_string(where, "name", name, problems):
                continue
            where = f"{rel}: {name!r}"
            names.append(name)

            kind = ent.get("kind")
            if kind not in KINDS:
                problems.append(f"{where}: kind {kind!r} not one of {sorted(KINDS)}")
            pronouns = ent.get("pronouns")
            if kind == "person":
                if pronouns not in PRONOUNS:
                    problems.append(f"{where}: person needs pronouns in {sorted(PRONOUNS)}, got {pronouns!r}")
            elif pronouns is not None:
                problems.append(f"{where}: pronouns only allowed for kind = \"person\"")
            ambiguous = ent.get("ambiguous", False)
            if not isinstance(ambiguous, bool):
                problems.append(f"{where}: ambiguous must be a boolean")
            note = ent.get("note")
            if note is not None:
                check_string(where, "note", note, problems)

            aliases = ent.get("aliases", [])
            if not isinstance(aliases, list):
                problems.append(f"{where}: aliases must be an array of strings")
                aliases = []
            spellings = [name]
            for alias in aliases:
                if check_string(where, "alias", alias, problems):
                    spellings.append(alias)

            for s in spellings:
                key = s.lower()
                if key in seen:
                    problems.append(f"{where}: {s!r} already defined at {seen[key]}")
                else:
                    seen[key] = where
                if letters(s) < 4 and ambiguous is not True:
                    problems.append(f"{where}: {s!r} is shorter than 4 letters; set ambiguous = true")

        for prev, cur in zip(names, names[1:]):
            if sort_key(prev) > sort_key(cur):
                problems.append(f"{rel}: not sorted: {prev!r} comes before {cur!r}")

    for p in problems:
        print(p)
    status = "clean" if not problems else f"{len(problems)} problem(s)"
    print(f"check_entities: {len(files)} file(s), {total} entities, {len(seen)} spellings: {status}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
