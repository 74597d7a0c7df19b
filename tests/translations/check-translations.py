#!/usr/bin/env python3
"""Fails when a translation is incomplete: check-translations.py --lupdate <lupdate>
--sources <list file> --include <dir> <file.ts>...

For each .ts file, lupdate extracts every translatable string of the sources into a copy
(the committed file is left alone), with the options the update_translations target uses.
A string that the copy holds and the committed file does not is missing (the file was not
updated after the source changed); a string whose translation is unfinished, empty, or
lacks a plural form is unfinished. Either fails the check, naming context and source text.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(path):
    """(context, source, comment) -> <translation> element, for every message of a .ts file."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            result[key] = (message.get("numerus") == "yes", message.find("translation"))
    return result


def unfinished(numerus, translation):
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    if numerus:
        forms = translation.findall("numerusform")
        return not forms or any(not (form.text or "").strip() for form in forms)
    return not (translation.text or "").strip()


def check(ts, args):
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        subprocess.run(
            [args.lupdate, "-silent", "-no-obsolete", "-locations", "none", "-I", args.include,
             "@" + args.sources, "-ts", str(copy)],
            check=True)
        committed = messages(ts)
        extracted = messages(copy)
    problems = []
    for key, (numerus, translation) in sorted(extracted.items()):
        context, source, _ = key
        if key not in committed:
            problems.append(f"missing     {context}: {source!r}")
        elif unfinished(numerus, translation):
            problems.append(f"unfinished  {context}: {source!r}")
    for key in sorted(committed.keys() - extracted.keys()):
        problems.append(f"obsolete    {key[0]}: {key[1]!r} (no source uses it any more)")
    print(f"{ts.name}: {len(extracted)} strings from the sources, {len(problems)} problems")
    for line in problems:
        print("  " + line)
    return not problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("ts", nargs="+", type=Path)
    args = parser.parse_args()
    ok = all([check(ts, args) for ts in args.ts])
    if not ok:
        print("Run `cmake --build --preset dev --target update_translations` and translate every "
              "string listed above in the .ts file (Qt Linguist or by hand).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
