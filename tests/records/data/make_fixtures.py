#!/usr/bin/env python3
"""Writes the CSV/JSON fixtures of tests/records (run once at authoring time; the outputs are
committed). GBK and GB18030 bytes come from Python's codecs, so the tests compare our ICU
decoder with an independent encoder. The photos are made with ImageMagick:
    convert -size 8x8 xc:red photo.jpg; convert -size 8x8 xc:blue photo.png
    convert -size 8x8 xc:red photo.gif
"""
import csv
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["候选人编号", "报名方式", "推荐机构", "单位类型", "参选人姓名", "性别", "出生年月",
          "所在单位及职务", "副总裁及以上", "电话", "联系E-mail", "单位名称", "企业性质", "人数规模",
          "经营规模", "业务特色", "联系人", "联系人职务", "联系人电话", "邮编", "详细地址", "照片",
          "履历", "主要贡献", "推荐说明"]
KEYS = ["candidate_id", "channel", "nominator", "employer_type", "name", "gender", "birth",
        "org_and_title", "vp_or_above", "phone", "email", "org_name", "org_nature", "org_staff",
        "org_scale", "org_features", "contact_name", "contact_title", "contact_phone", "postcode",
        "address", "photo", "resume", "contributions", "statement"]


def good_rows():
    return [
        ["C001", "服务外包企业推荐", "天津软件外包有限公司", "服务外包企业", "张三", "男", "1975-03",
         "天津软件外包有限公司 副总裁", "是", "13800138000", "zhangsan@example.com",
         "天津软件外包有限公司", "民营企业", "1200人", "年收入5.2亿元",
         "软件开发\n测试服务", "李四", "办公室主任", "022-58665632", "300000",
         "天津市滨海新区某路 1 号", "photo.jpg",
         "副总裁｜2015-至今｜中国｜天津软件外包有限公司\n技术总监|2008-2015|中国|某科技公司",
         "主导“离岸交付”体系建设，\"质量第一\"。", "推荐说明文字。"],
        ["", "个人自荐", "", "其他相关单位", "王芳", "女", "1980年5月", "某研究院 院长", "否",
         "010-65978801-307", "wangfang@example.org.cn", "某研究院", "事业单位", "", "", "",
         "王芳", "", "13900139000", "100020", "北京市朝阳区某街 2 号", "photo.png",
         "院长｜2012-至今｜中国｜某研究院", "出版专著《服务外包概论》。", "自荐说明。"],
        ["C003", "服务外包协会及园区推荐", "某服务外包协会", "服务外包协会", "赵六", "男", "1968/11",
         "某服务外包协会 秘书长", "Y", "+86-21-62345678", "zhaoliu@example.net", "某服务外包协会",
         "社会团体", "30人", "", "行业服务", "钱七", "干事", "021-62345679", "200000",
         "上海市某路 3 号", "photo.jpg", "秘书长|2010-至今|中国|某服务外包协会",
         "组织行业标准编写。", "推荐说明。"],
    ]


def csv_text(rows, header=HEADER, line_end="\r\n"):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def bad_rows():
    base = good_rows()[0]

    def variant(number, column, value):
        row = list(base)
        row[0] = "B%02d" % number
        row[HEADER.index(column)] = value
        return row

    return [
        variant(2, "联系E-mail", "zhang@@example"),
        variant(3, "电话", "12345"),
        variant(4, "出生年月", "1975-13"),
        variant(5, "性别", "未知"),
        variant(6, "照片", "no-such-photo.jpg"),
        variant(7, "照片", "broken.jpg"),
        variant(8, "业务特色", "特" * 301),
        variant(9, "出生年月", "2005-01"),
        variant(10, "联系人", ""),
        variant(11, "邮编", "30000"),
        variant(12, "履历", "副总裁｜2015-至今｜中国\n技术总监|2008-2015|中国|某科技公司"),
        variant(13, "推荐机构", ""),
        variant(14, "副总裁及以上", "也许"),
        variant(15, "候选人编号", "C100"),
        variant(16, "候选人编号", "C100"),
    ]


def main():
    good = good_rows()
    write("candidates_utf8_bom.csv", b"\xef\xbb\xbf" + csv_text(good).encode("utf-8"))
    write("candidates_utf8.csv", csv_text(good, line_end="\n").encode("utf-8"))
    write("candidates_gbk.csv", csv_text(good).encode("gbk"))
    records = []
    for row in good:
        record = {}
        for key, value in zip(KEYS, row):
            if value == "":
                continue
            if key == "resume":
                entries = []
                for line in value.split("\n"):
                    parts = line.replace("｜", "|").split("|")
                    entries.append(dict(zip(["title", "period", "country", "org"], parts)))
                record[key] = entries
            elif key == "vp_or_above":
                record[key] = value in ("是", "Y")
            elif key == "postcode":
                record[key] = int(value)
            else:
                record[key] = value
        records.append(record)
    write("candidates.json", json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8"))

    rare = [list(good[0])]
    rare[0][HEADER.index("参选人姓名")] = "吉𠮷"
    write("candidates_gb18030.csv", csv_text(rare).encode("gb18030"))

    write("candidates_bad.csv", csv_text(bad_rows()).encode("utf-8"))
    header = [h for h in HEADER if h != "邮编"]
    missing = [[v for h, v in zip(HEADER, good[0]) if h != "邮编"]]
    write("candidates_missing_column.csv", csv_text(missing, header=header).encode("utf-8"))
    write("broken.jpg", b"this is not an image\n")


if __name__ == "__main__":
    main()
