#!/usr/bin/env python3
"""Writes the XLSX fixtures of tests/records (run once at authoring time; the outputs are
committed). Only the standard library: the parts are XML strings zipped with zipfile, so the
reader is checked against files it did not write itself. The hostile files (a ZIP bomb, a
truncated archive, a sheet with Excel's maximum of 1,048,576 rows) are kept small by deflate.
"""
import json
import os
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet {NS}>
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs>
</styleSheet>"""


def content_types(sheet_count):
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, sheet_count + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'{sheets}</Types>')


def workbook(sheets):
    """sheets: (tab name, relationship id, sheet file number) in tab order."""
    tabs = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="{rid}"/>'
                   for name, rid, n in sheets)
    rels = "".join(f'<Relationship Id="{rid}" Type="{REL}" Target="worksheets/sheet{n}.xml"/>'
                   for _, rid, n in sheets)
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {NS_R}><sheets>{tabs}</sheets>'
            '</workbook>',
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')


def sheet_xml(rows_xml):
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows_xml}'
            '</sheetData></worksheet>')


def shared_strings_xml(items):
    """items: plain strings, or raw <si> content (starting with '<')."""
    body = "".join(f"<si>{s}</si>" if s.startswith("<") else f"<si><t>{escape(s)}</t></si>"
                   for s in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(items)}" '
            f'uniqueCount="{len(items)}">{body}</sst>')


def write_book(name, sheets, shared=None):
    """sheets: list of (tab name, sheet xml) in tab order; files are numbered in reverse so that
    the first tab is not sheet1.xml."""
    count = len(sheets)
    tabs = [(tab, f"rId{i + 1}", count - i) for i, (tab, _) in enumerate(sheets)]
    wb, rels = workbook(tabs)
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types(count))
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/styles.xml", STYLES)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared_strings_xml(shared))
        for (tab, xml), (_, _, n) in zip(sheets, tabs):
            z.writestr(f"xl/worksheets/sheet{n}.xml", xml)


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def basic():
    shared = ["名称",
              '<r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r><rPh sb="0" eb="1"><t>きん</t></rPh>',
              "备注", "甲"]
    first = sheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        + inline("C1", "日期") + '<c r="D1" t="s"><v>2</v></c>' + inline("E1", "标志")
        + inline("F1", "比例") + "</row>"
        # row 2: a missing cell (D2), a date in a built-in date style, a boolean
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>3500.5</v></c>'
        '<c r="C2" s="1"><v>43994</v></c><c r="E2" t="b"><v>1</v></c>'
        '<c r="F2" s="3"><v>1.5</v></c></row>'
        # row 3 is absent; row 4: a custom date format and a formula's string result
        '<row r="4">' + inline("A4", "乙") + '<c r="C4" s="2"><v>44000.75</v></c>'
        '<c r="D4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
        # row 5 without references: rows and cells follow the previous ones
        '<row><c t="inlineStr"><is><t>丙</t></is></c><c><v>12</v></c></row>'
        # a cell past the header
        '<row r="7">' + inline("A7", "丁") + inline("H7", "多余") + "</row>")
    second = sheet_xml('<row r="1">' + inline("A1", "不应读取") + "</row>")
    write_book("basic.xlsx", [("数据", first), ("其他", second)], shared)


def column_name(n):
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


ENTRY_KEYS = ("title", "period", "country", "org")


class SharedStrings:
    def __init__(self):
        self.items, self.index = [], {}

    def cell(self, ref, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return f'<c r="{ref}" t="s"><v>{self.index[text]}</v></c>'

    def rows(self, table, first_row=1):
        """table: rows of cell texts ("" = no cell) -> <row> elements."""
        return "".join(
            f'<row r="{r}">' + "".join(self.cell(f"{column_name(c)}{r}", v)
                                       for c, v in enumerate(values, start=1) if v != "")
            + "</row>" for r, values in enumerate(table, start=first_row))


def sample_candidates():
    return json.load(open(os.path.join(ROOT, "samples", "candidates.json"), encoding="utf-8"))


def candidate_table(records, with_resume=True):
    """samples/candidates.json as Excel would hold it: yes/no as 是/否, the resume as one line
    per entry (职务|时间|国家|单位), photos relative to this folder."""
    fields = json.load(open(os.path.join(ROOT, "data", "records", "candidate.json"),
                            encoding="utf-8"))["fields"]
    if not with_resume:
        fields = [f for f in fields if f["key"] != "resume"]
    table = [[f["zh"] for f in fields]]
    for record in records:
        row = []
        for f in fields:
            value = record.get(f["key"])
            if value is None:
                value = ""
            elif isinstance(value, bool):
                value = "是" if value else "否"
            elif isinstance(value, list):
                value = "\n".join("|".join(e[k] for k in ENTRY_KEYS) for e in value)
            elif f["key"] == "photo":
                value = os.path.relpath(os.path.join(ROOT, "samples", value), HERE)
            row.append(str(value))
        table.append(row)
    return table


def candidates():
    shared = SharedStrings()
    write_book("candidates.xlsx", [("候选人", sheet_xml(shared.rows(candidate_table(
        sample_candidates()))))], shared.items)


def resume_book(name, main, resume):
    shared = SharedStrings()
    write_book(name, [("候选人", sheet_xml(shared.rows(main))),
                      ("履历", sheet_xml(shared.rows(resume)))], shared.items)


def resume_sheets():
    """Workbooks whose resumes are rows of a 履历 sheet, from the first candidates of the sample."""
    records = sample_candidates()[:3]
    first, second, third = records
    entries = {r["candidate_id"]: [[e[k] for k in ENTRY_KEYS] for e in r["resume"]]
               for r in records}
    one, two = first["candidate_id"], second["candidate_id"]
    # By 候选人编号; the two people's rows interleaved, with a blank row between.
    by_id = [["候选人编号", "职务", "时间", "国家", "单位"],
             [two] + entries[two][0], [one] + entries[one][0], [],
             [two] + entries[two][1]]
    by_id += [[one] + e for e in entries[one][1:]] + [[two] + e for e in entries[two][2:]]
    resume_book("resume_by_id.xlsx", candidate_table(records[:2], with_resume=False), by_id)
    # By 参选人姓名 and 电话, in the other column order.
    by_name = [["电话", "参选人姓名", "单位", "国家", "时间", "职务"]]
    for r in records[:2]:
        by_name += [[r["phone"], r["name"]] + e[::-1] for e in entries[r["candidate_id"]]]
    resume_book("resume_by_name_phone.xlsx", candidate_table(records[:2], with_resume=False),
                by_name)
    # Problems: the first person also has the 履历 column filled; a row names no one of the
    # first sheet; a row names no one at all; the second person's only row lacks 时间.
    main = candidate_table(records)
    main[2][[f for f in main[0]].index("履历")] = ""
    main[3][[f for f in main[0]].index("履历")] = ""
    problems = [["候选人编号", "参选人姓名", "电话", "职务", "时间", "国家", "单位"],
                [one, "", ""] + entries[one][0],
                ["TJ2020-P-999", "", ""] + entries[one][0],
                ["", "无名氏", ""] + entries[one][0],
                [two, "", ""] + entries[two][0][:1] + [""] + entries[two][0][2:],
                ["", third["name"], third["phone"]] + entries[third["candidate_id"]][0]]
    resume_book("resume_problems.xlsx", main, problems)


def bomb():
    """A sheet of 300 MiB of blanks (more than the 128 MiB per-part limit) in ~300 KB, whose
    headers claim 1,000 bytes: only counting while inflating can catch it."""
    head = f'<?xml version="1.0"?><worksheet {NS}><sheetData>'.encode()
    block = b" " * (1 << 20)
    path = os.path.join(HERE, "bomb.xlsx")
    write_book("bomb.xlsx", [("数据", sheet_xml(""))])
    # Rebuild with the sheet replaced by the bomb, deflated by zlib directly.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist() if not n.startswith("xl/worksheets/")}
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = [compressor.compress(head)]
    crc = zlib.crc32(head)
    for _ in range(300):
        data.append(compressor.compress(block))
        crc = zlib.crc32(block, crc)
    data.append(compressor.flush())
    packed = b"".join(data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, content in parts.items():
            z.writestr(n, content)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_STORED  # placeholder, patched below
        z.writestr(info, b"")
    raw = bytearray(open(path, "rb").read())
    # Splice the deflated bomb in as the last local entry, then fix both headers.
    local = raw.rfind(b"PK\x03\x04")
    central = raw.find(b"PK\x01\x02", local)
    name_length = struct.unpack_from("<H", raw, local + 26)[0]
    data_start = local + 30 + name_length
    out = raw[:data_start] + packed
    central_start = len(out)
    tail = raw[central:]
    out += tail
    # Local header of the bomb: method 8, crc, compressed and (false) uncompressed size.
    struct.pack_into("<H", out, local + 8, 8)
    struct.pack_into("<III", out, local + 14, crc, len(packed), 1000)
    bomb_central = central_start + tail.rfind(b"PK\x01\x02")
    struct.pack_into("<H", out, bomb_central + 10, 8)
    struct.pack_into("<III", out, bomb_central + 16, crc, len(packed), 1000)
    # End of central directory: the directory moved.
    eocd = out.rfind(b"PK\x05\x06")
    struct.pack_into("<I", out, eocd + 16, central_start)
    open(path, "wb").write(out)


def truncated():
    whole = open(os.path.join(HERE, "basic.xlsx"), "rb").read()
    open(os.path.join(HERE, "truncated.xlsx"), "wb").write(whole[: len(whole) * 2 // 3])


def million_rows():
    """Excel's maximum sheet: a header and 1,048,575 filled rows, without references (valid,
    and it lets deflate shrink the rows to almost nothing)."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    head = (f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
            '<row><c t="inlineStr"><is><t>名称</t></is></c></row>').encode()
    body = head + row * 1048575 + b"</sheetData></worksheet>"
    count = 1
    tabs = [("数据", "rId1", count)]
    wb, rels = workbook(tabs)
    with zipfile.ZipFile(os.path.join(HERE, "million_rows.xlsx"), "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        z.writestr("[Content_Types].xml", content_types(count))
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", body)


if __name__ == "__main__":
    basic()
    candidates()
    resume_sheets()
    bomb()
    truncated()
    million_rows()
