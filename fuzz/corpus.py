#!/usr/bin/env python3
"""Assembles a fuzz target's seed corpus and dictionary from the source tree, at run time.

    corpus.py TARGET SEEDS_DIR DICT_FILE

Nothing is copied into fuzz/ for good: the seeds are the repository's own samples, test data,
templates, font manifests and campaign files as they are today, plus fuzz/regressions/TARGET/
(inputs that once broke a target). The dictionary is taken from the same files (field keys,
template element and attribute names, campaign keys), so it follows the formats as they grow.
"""
import glob
import io
import os
import re
import shutil
import sys
import zipfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Inputs above this size are left out: each run of them is slow (the XLSX bombs of the tests
# unpack hundreds of megabytes), and libFuzzer's longest input follows the largest seed.
MAX_SEED_BYTES = 64 * 1024

SEEDS = {
    "csv": ["samples/*.csv", "tests/*/data/*.csv", "tests/*/data/**/*.csv"],
    "xlsx": ["samples/*.xlsx", "tests/*/data/**/*.xlsx"],
    "xlsx_sheets": ["samples/*.xlsx", "tests/*/data/**/*.xlsx"],
    "json": ["samples/*.json", "tests/*/data/*.json"],
    "template": ["templates/*.xml"],
    "fonts": ["fonts/*.xml"],
    "campaign": ["data/campaigns/*.json"],
}

# xlsx_sheets takes the archive's parts as text: "@@ NAME\n" before each part (see
# xlsx_sheets_fuzzer.cpp). Mutations then reach the XML, which a deflated, CRC-checked archive
# keeps away from the fuzzer.
PART_MARK = b"@@ "


def xlsx_as_parts(path):
    out = io.BytesIO()
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.file_size > MAX_SEED_BYTES * 4:
                continue
            out.write(PART_MARK + info.filename.encode() + b"\n")
            out.write(z.read(info))
            out.write(b"\n")
    return out.getvalue()


def seed_files(target):
    files = set()
    for pattern in SEEDS[target]:
        files.update(glob.glob(os.path.join(TOP, pattern), recursive=True))
    files.update(glob.glob(os.path.join(TOP, "fuzz/regressions", target, "*")))
    return sorted(f for f in files if os.path.isfile(f) and not f.endswith(".md"))


def dictionary_words(target, files):
    words = set()
    texts = []
    for f in files:
        if target == "xlsx":  # zipped: the dictionary would not reach the text
            continue
        with open(f, "rb") as handle:
            texts.append(handle.read())
    if target in ("template", "fonts", "xlsx_sheets"):
        for text in texts:
            words.update(re.findall(rb"<[A-Za-z:_-]+", text))
            words.update(re.findall(rb"\s([A-Za-z:_-]+)=\"", text))
            words.update(b"</" + w[1:] + b">" for w in re.findall(rb"<[A-Za-z:_-]+", text))
    if target in ("json", "campaign"):
        for text in texts:
            words.update(re.findall(rb'"[^"\\\n]{1,40}":', text))
    if target in ("json", "csv"):
        # Field keys and column names of every record kind.
        for schema in glob.glob(os.path.join(TOP, "data/records/*.json")):
            with open(schema, "rb") as handle:
                text = handle.read()
            words.update(m for m in re.findall(rb'"(?:key|name)"\s*:\s*"([^"\\]{1,40})"', text))
    if target == "csv":
        words.update([b'"', b'""', b"\r\n", b"\xef\xbb\xbf", b",,", b'","'])
    if target == "xlsx_sheets":
        words.update([PART_MARK, b'<c r="A1"', b't="s"', b't="inlineStr"', b"<v>", b"<is><t>",
                      b"<si><t>", b'<row r="1"', b's="1"', b"xl/worksheets/sheet1.xml",
                      b"xl/sharedStrings.xml", b"xl/workbook.xml"])
    return sorted(w for w in words if 0 < len(w) <= 64)


def escape(word):
    return "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else "\\x%02X" % b
                   for b in word)


def main():
    target, seeds_dir, dict_file = sys.argv[1:4]
    if target not in SEEDS:
        sys.exit("corpus.py: unknown target %s (one of %s)" % (target, ", ".join(SEEDS)))
    shutil.rmtree(seeds_dir, ignore_errors=True)
    os.makedirs(seeds_dir)
    files = seed_files(target)
    count = 0
    for f in files:
        is_regression = "/fuzz/regressions/" in f
        if os.path.getsize(f) > MAX_SEED_BYTES and not is_regression:
            continue
        name = os.path.relpath(f, TOP).replace("/", "_")
        if target == "xlsx_sheets" and not is_regression:
            try:
                data = xlsx_as_parts(f)
            except zipfile.BadZipFile:
                continue  # a damaged archive has no parts to give
        else:
            with open(f, "rb") as handle:
                data = handle.read()
        with open(os.path.join(seeds_dir, name), "wb") as out:
            out.write(data)
        count += 1
    with open(dict_file, "w") as out:
        for word in dictionary_words(target, files):
            out.write('"%s"\n' % escape(word))
    print("%s: %d seeds" % (target, count))


if __name__ == "__main__":
    main()
