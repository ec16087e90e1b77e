"""A minimal XLSX writer for the samples (standard library only): text in shared strings,
numbers as numbers, one worksheet per (name, header, rows) in tab order. Entries carry a fixed
date so that re-running a generator gives the same bytes."""
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
ML = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def column_name(n):
    name = ""
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def write_xlsx(path, sheets):
    """sheets: [(tab name, header cells, rows of cells)]; "" cells are left out."""
    strings, index = [], {}

    def cell(ref, value):
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        if value not in index:
            index[value] = len(strings)
            strings.append(value)
        return f'<c r="{ref}" t="s"><v>{index[value]}</v></c>'

    def sheet_xml(header, rows):
        sheet_rows = []
        for r, values in enumerate([header] + rows, start=1):
            cells = "".join(cell(f"{column_name(c)}{r}", v)
                            for c, v in enumerate(values, start=1) if v != "")
            sheet_rows.append(f'<row r="{r}">{cells}</row>')
        return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'
                f'{"".join(sheet_rows)}</sheetData></worksheet>')

    parts = {f"xl/worksheets/sheet{n}.xml": sheet_xml(header, rows)
             for n, (_name, header, rows) in enumerate(sheets, start=1)}
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                        f'ContentType="{ML}.worksheet+xml"/>' for n in range(1, len(sheets) + 1))
    tabs = "".join(f'<sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
                   for n, (name, _h, _r) in enumerate(sheets, start=1))
    sheet_rels = "".join(f'<Relationship Id="rId{n}" Type="{REL}/worksheet" '
                         f'Target="worksheets/sheet{n}.xml"/>' for n in range(1, len(sheets) + 1))
    sst = "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>" for s in strings)
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ML}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ML}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}"><sheets>{tabs}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_REL}">{sheet_rels}<Relationship Id="rId{len(sheets) + 1}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        **parts,
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 7, 1, 0, 0, 0))  # reproducible bytes
            z.writestr(info, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
