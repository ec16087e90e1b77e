#!/usr/bin/env python3
"""Writes samples/candidates.xlsx from samples/candidates.csv: the same 6 candidates as a
workbook whose resumes are rows of a second worksheet named 履历 instead of lines in a cell.

    python3 samples/tools/make_candidate_xlsx.py   # from anywhere

Sheet 候选人 holds every column of the CSV except 履历, cell text unchanged. Sheet 履历 has one
row per resume entry, in the CSV's order: 候选人编号, 参选人姓名, 电话, then 职务, 时间, 国家,
单位. The rows of TJ2020-P-004 leave 候选人编号 empty, so they are matched by 参选人姓名 and 电话,
the other way records.md allows. Standard library only.
"""
import csv
import io
import pathlib
import re

from xlsx_writer import write_xlsx

SAMPLES = pathlib.Path(__file__).resolve().parent.parent
RESUME = "履历"
OWNER_COLUMNS = ["候选人编号", "参选人姓名", "电话"]
ENTRY_COLUMNS = ["职务", "时间", "国家", "单位"]
MATCHED_BY_NAME_AND_PHONE = {"TJ2020-P-004"}


def main():
    text = (SAMPLES / "candidates.csv").read_bytes().decode("cp936")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    resume = header.index(RESUME)
    candidates = [[c for i, c in enumerate(row) if i != resume] for row in rows]
    entries = []
    for row in rows:
        owner = [row[header.index(c)] for c in OWNER_COLUMNS]
        if owner[0] in MATCHED_BY_NAME_AND_PHONE:
            owner[0] = ""
        for line in filter(str.strip, row[resume].splitlines()):
            entries.append(owner + re.split(r"[|｜]", line))
    write_xlsx(SAMPLES / "candidates.xlsx",
               [("候选人", [c for c in header if c != RESUME], candidates),
                (RESUME, OWNER_COLUMNS + ENTRY_COLUMNS, entries)])


if __name__ == "__main__":
    main()
