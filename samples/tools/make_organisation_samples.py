#!/usr/bin/env python3
"""Writes the Tianjin 2020 organisation samples (fictional companies) from the tables below.

    python3 samples/tools/make_organisation_samples.py   # from the repository root

Outputs, all in samples/: enterprises.csv, parks.csv, institutions.csv (CP936/GBK, no BOM,
CRLF, as Excel on Chinese Windows saves them), enterprises.json (UTF-8) and enterprises.xlsx
(one worksheet, shared strings, written with the standard library only). The credit codes get
their GB 32100-2015 check character computed here; the first 17 characters are made up.
The CSV and JSON files spell some values differently on purpose (names vs codes, 是 vs true,
2008/3/15 vs 2008-03-15, 3,000 vs 3000): both must import to identical records.
"""
import csv
import io
import json
import pathlib

from xlsx_writer import write_xlsx

SAMPLES = pathlib.Path(__file__).resolve().parent.parent
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(first17):
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + CODE_CHARS[(31 - total % 31) % 31]


ENTERPRISE_COLUMNS = [
    ("name", "企业名称"), ("credit_code", "统一社会信用代码"), ("hq_region", "总部所在地"),
    ("delivery_region", "交付中心所在地"), ("district", "所属区"), ("legal_rep", "法定代表人"),
    ("founded", "成立日期"), ("ownership", "企业性质"), ("as_parent", "以总公司或母公司名义申报"),
    ("staff_total", "员工总数"), ("staff_outsourcing", "服务外包从业人数"),
    ("revenue", "服务外包业务收入（万元）"), ("revenue_offshore", "离岸服务外包收入（万元）"),
    ("industries", "服务行业"), ("function_areas", "服务外包业务领域"),
    ("certifications", "资质认证"), ("patents", "专利数"), ("copyrights", "软件著作权数"),
    ("audit_report", "审计报告"), ("consolidated", "合并报表"),
    ("certificate_copies", "资质证明复印件"), ("profile", "企业简介"), ("contact_name", "联系人"),
    ("contact_title", "联系人职务"), ("contact_phone", "联系电话"), ("contact_email", "电子邮箱"),
    ("address", "通讯地址"), ("postcode", "邮编"),
]

# name, code body (17), district, legal rep, founded, ownership, as_parent, staff total,
# outsourcing staff, revenue (万元), offshore, industries (CSV names), function areas as
# (CSV spelling, JSON code) pairs, certifications, patents, copyrights, consolidated, contact,
# title, phone, e-mail, street address, postcode, profile, why it is in the set.
ENTERPRISES = [
    ("天津津云数科信息技术有限公司", "91120116MA05K3RT2", "滨海新区", "周立新", "2009-04-17",
     "民营企业", "否", 1500, 1200, 28600, 6200, ["金融和保险", "信息服务业"],
     [("软件研发外包（金融业）", "ITO.SW.01"), ("IT解决方案", "ITO.IT.03"), ("云计算", "BPO.OP.02")],
     "CMMI5、ISO27001", 12, 86, "", "马晓燕", "综合部经理", "022-66283150",
     "maxy@jinyunshuke.com.cn", "天津市滨海新区经济技术开发区第三大街51号", "300457",
     "面向银行和保险机构的核心系统研发与运维服务。", "eligible: 1200 staff"),
    ("天津海河软件服务股份有限公司", "91120104MA06A2BN7", "南开区", "李国强", "2011-09-01",
     "民营企业", "否", 420, 300, 3000, 850, ["制造", "零售"],
     [("软件研发外包（制造业）", "ITO.SW.02"), ("测试外包服务", "ITO.IT.02")],
     "CMMI3", 3, 41, "", "王丽", "行政主管", "022-27405316", "wangli@haihesoft.cn",
     "天津市南开区华苑产业区海泰发展六道6号", "300384", "", "boundary: exactly 300 staff and 3000 万元"),
    ("天津渤海数据处理有限公司", "91120111MA07C9DW3", "西青区", "赵敏", "2014-06-23",
     "民营企业", "否", 360, 299, 10465, 4100, ["金融和保险"],
     [("数据处理服务", "BPO.OP.01"), ("大数据", "BPO.OP.05")],
     "ISO27001", 2, 18, "", "孙浩", "办公室主任", "13820176543", "sunhao@bhdata.com.cn",
     "天津市西青区学府工业区学府大道6号", "300382", "", "boundary: 10465 / 299 = exactly 35 万元"),
    ("天津卓识智能科技有限公司", "91120116MA0723QH1", "滨海新区", "陈卓", "2016-11-08",
     "民营企业", "否", 140, 120, 5400, 2300, ["信息服务业", "卫生健康"],
     [("认知算法", "ITO.IT.07"), ("人工智能", "BPO.OP.07")],
     "", 27, 35, "", "刘畅", "市场总监", "15122369087", "liuchang@zhuoshi-ai.cn",
     "天津市滨海新区中新生态城动漫中路126号", "300480", "", "eligible: 45 万元 per capita"),
    ("天津中环云联通信技术有限公司", "91120103MA05TPLR8", "河西区", "吴建华", "2012-03-20",
     "国有企业", "否", 110, 86, 2800, 0, ["能源"],
     [("信息系统运营和维护服务", "ITO.OM.01")],
     "ISO20000", 1, 9, "", "郑洁", "", "022-28357761", "zhengjie@zhyunlian.com",
     "天津市河西区友谊路35号", "300201", "", "not eligible: 2800 万元"),
    ("天津北辰精工设计有限公司", "91120113MA06DNRK5", "北辰区", "钱宏", "2010-07-12",
     "中外合资企业", "否", 190, 150, 4200, 3100, ["制造"],
     [("工业设计外包", "KPO.TS.01"), ("工程技术外包", "KPO.TS.02")],
     "ISO9001", 15, 4, "", "冯雪", "人事经理", "022-86816620", "fengxue@bcjinggong.com",
     "天津市北辰区北辰科技园区景丽路9号", "300402", "", "not eligible: 28 万元 per capita"),
    ("天津泰达国际供应链管理有限公司", "91120116MA05N8XB6", "滨海新区", "何志远", "2003-05-30",
     "国有企业", "是", 2600, 1800, 52000, 18000, ["交通运输", "零售"],
     [("供应链管理服务", "BPO.SC.01"), ("采购外包服务", "BPO.SC.02"), ("客户服务", "BPO.OP.04")],
     "ISO9001、ISO27001", 6, 22, "是", "唐婧", "总经理助理", "022-25601888-806",
     "tangjing@tedascm.com.cn", "天津市滨海新区第二大街62号泰达MSD-B2座", "300457",
     "集团以母公司名义申报，报送合并报表。", "parent with consolidated report"),
    ("天津和平金融服务外包有限公司", "91120101MA06G4UX0", "和平区", "许文静", "2008-03-15",
     "外商独资企业", "否", 650, 520, 9800, 3200, ["金融和保险"],
     [("财务与会计管理服务", "BPO.IM.02"), ("客户服务", "BPO.OP.04")],
     "ISO27001", 0, 5, "", "邓凯", "运营经理", "022-23301562", "dengkai@hpfso.cn",
     "天津市和平区南京路189号津汇广场2座", "300051", "", "eligible: 520 staff"),
    ("天津东丽医药研发服务有限公司", "91120110MA05WQ8E2", "东丽区", "曹颖", "2013-10-09",
     "中外合资企业", "否", 380, 310, 15600, 9800, ["卫生健康"],
     [("医药和生物技术研发外包", "KPO.RD.01"), ("检验检测外包服务", "KPO.BS.04")],
     "GLP", 31, 2, "", "彭磊", "研发管理部", "022-24378816", "penglei@dlpharma-rd.com",
     "天津市东丽区华明高新区华丰路6号", "300300", "", "eligible: 310 staff"),
    ("天津河东动漫科技有限公司", "91120102MA07F1YJ9", "河东区", "蒋涛", "2017-02-14",
     "民营企业", "否", 95, 80, 2999.5, 700, ["信息服务业"],
     [("动漫及网游技术研发外包", "KPO.RD.02")],
     "", 0, 57, "", "韩梅", "", "18622053318", "hanmei@hdanime.cn",
     "天津市河东区六纬路与大直沽八号路交口", "300171", "", "not eligible: 2999.5 万元"),
    ("天津星岛数码服务有限公司", "91120116MA05PB4G3", "滨海新区", "林振邦", "2006-08-21",
     "外商独资企业", "否", 800, 650, 12000, 11000, ["金融和保险", "零售"],
     [("数据分析服务", "KPO.BS.02"), ("互联网营销推广服务", "BPO.OP.03")],
     "ISO27001", 4, 11, "", "黄思敏", "人力资源总监", "022-65326900", "huangsm@xingdao-digital.com",
     "天津市滨海新区响螺湾旷世国际大厦A座18层", "300451", "", "not eligible: headquarters 新加坡"),
    ("天津武清电商客服中心有限公司", "91120114MA06KX2C4", "武清区", "杜红", "2015-05-06",
     "民营企业", "否", 1100, 980, 8600, 0, ["零售"],
     [("客户服务", "BPO.OP.04"), ("电子商务平台服务", "ITO.IT.04")],
     "", 0, 3, "", "贾楠", "客服总监", "022-82176021", "jianan@wqkefu.com",
     "天津市武清区京滨工业园京滨大道16号", "301712", "", "eligible: 980 staff"),
    ("天津红桥检验检测技术服务有限公司", "91120106MA07H6MN0", "红桥区", "宋平", "2012-12-03",
     "民营企业", "否", 210, 180, 6480, 400, ["制造", "政府和教育"],
     [("检验检测外包服务", "KPO.BS.04"), ("软件研发外包（电力、热力、燃气及水生产和供应业）", "ITO.SW.06")],
     "CNAS", 8, 6, "", "任静", "质量部经理", "022-26513308", "renjing@hqtest.com.cn",
     "天津市红桥区咸阳北路82号", "300131", "", "eligible: 36 万元 per capita"),
]
OVERRIDES = {"天津星岛数码服务有限公司": {"hq_region": "新加坡", "delivery_region": "天津市滨海新区"}}


def enterprise_rows():
    for (name, body, district, rep, founded, ownership, as_parent, total, staff, revenue, offshore,
         industries, areas, certs, patents, copyrights, consolidated, contact, title, phone, email,
         address, postcode, profile, _why) in ENTERPRISES:
        row = {
            "name": name, "credit_code": credit_code(body), "hq_region": "天津市" + district,
            "delivery_region": "天津市" + district, "district": district, "legal_rep": rep,
            "founded": founded, "ownership": ownership, "as_parent": as_parent,
            "staff_total": total, "staff_outsourcing": staff, "revenue": revenue,
            "revenue_offshore": offshore, "industries": industries, "function_areas": areas,
            "certifications": certs, "patents": patents, "copyrights": copyrights,
            "audit_report": "是", "consolidated": consolidated,
            "certificate_copies": "是" if certs else "否", "profile": profile,
            "contact_name": contact, "contact_title": title, "contact_phone": phone,
            "contact_email": email, "address": address, "postcode": postcode,
        }
        row.update(OVERRIDES.get(name, {}))
        yield row


def csv_cell(key, value):
    if key == "founded":
        y, m, d = value.split("-")
        return f"{y}/{int(m)}/{int(d)}"  # as Excel shows dates
    if key in ("revenue", "revenue_offshore") and value >= 1000:
        return f"{value:,}"  # thousands separators, as a clerk types them
    if key == "industries":
        return "、".join(value)
    if key == "function_areas":
        return "、".join(spelling for spelling, _code in value)
    return str(value)


def json_value(key, value):
    if key in ("as_parent", "audit_report", "consolidated", "certificate_copies"):
        return {"是": True, "否": False, "": None}[value]
    if key == "function_areas":
        return [code for _spelling, code in value]
    if value == "":
        return None
    return value


def write_csv(path, columns, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([zh for _key, zh in columns])
    for row in rows:
        writer.writerow([row[key] for key, _zh in columns])
    path.write_bytes(out.getvalue().encode("cp936"))


CONTACT_COLUMNS = [("contact_name", "联系人"), ("contact_title", "联系人职务"),
                   ("contact_phone", "联系电话"), ("contact_email", "电子邮箱"),
                   ("address", "通讯地址"), ("postcode", "邮编")]
PARK_COLUMNS = [("name", "园区名称"), ("region", "所在地"), ("level", "园区级别"),
                ("legal_entity", "法人单位"), ("credit_code", "统一社会信用代码"),
                ("area_km2", "规划面积（平方公里）"), ("enterprises", "入驻服务外包企业数"),
                ("staff", "服务外包从业人数"), ("revenue", "服务外包业务收入（万元）"),
                ("advantage_location", "区位优势"), ("advantage_innovation", "创新优势"),
                ("advantage_scale", "规模优势"), ("advantage_competition", "竞争优势"),
                ("legal_person_proof", "法人证明材料")] + CONTACT_COLUMNS
PARKS = [
    {"name": "天津经济技术开发区服务外包产业园", "region": "天津市", "level": "国家级",
     "legal_entity": "天津经济技术开发区服务外包产业园管理中心",
     "credit_code": credit_code("12120116MB1534078"), "area_km2": "12.5", "enterprises": 236,
     "staff": 48200, "revenue": "1,286,000",
     "advantage_location": "地处滨海新区核心区，毗邻天津港和滨海国际机场，京津城际直达。",
     "advantage_innovation": "建有国家级企业技术中心9家、公共技术服务平台6个。",
     "advantage_scale": "入驻服务外包企业236家，离岸执行额连续五年增长15%以上。",
     "advantage_competition": "金融后台、供应链管理和医药研发外包形成集群，人才储备充足。",
     "legal_person_proof": "是", "contact_name": "高原", "contact_title": "招商部部长",
     "contact_phone": "022-25202588", "contact_email": "gaoyuan@tedaso-park.cn",
     "address": "天津市滨海新区第三大街19号", "postcode": "300457"},
    {"name": "天津南开科技服务外包园", "region": "天津", "level": "市级",
     "legal_entity": "天津南开科技园发展有限公司",
     "credit_code": credit_code("91120104MA06Q2R1X"), "area_km2": "3.2", "enterprises": 58,
     "staff": 7600, "revenue": "96,500",
     "advantage_location": "紧邻南开大学、天津大学，地铁3号线直达。",
     "advantage_innovation": "与高校共建联合实验室12个，孵化软件企业40余家。",
     "advantage_scale": "入驻服务外包企业58家，从业人员7600人。",
     "advantage_competition": "软件测试与IT咨询特色鲜明，人力成本低于北京同类园区。",
     "legal_person_proof": "是", "contact_name": "谢婷", "contact_title": "",
     "contact_phone": "022-87893016", "contact_email": "xieting@nkstpark.com",
     "address": "天津市南开区鞍山西道与白堤路交口", "postcode": "300192"},
    {"name": "天津西青学府服务外包基地", "region": "天津市", "level": "省级",
     "legal_entity": "天津西青学府高新区管理委员会", "credit_code": "", "area_km2": "",
     "enterprises": 41, "staff": 5200, "revenue": "61,800",
     "advantage_location": "位于海河教育园区旁，津静公路、京沪高速交汇。",
     "advantage_innovation": "设立服务外包创新基金，每年支持项目20个以上。",
     "advantage_scale": "入驻服务外包企业41家。",
     "advantage_competition": "数据处理与呼叫中心业务成本优势明显。",
     "legal_person_proof": "是", "contact_name": "钟鸣", "contact_title": "产业促进科科长",
     "contact_phone": "13702119648", "contact_email": "zhongming@xqxuefu.gov.cn",
     "address": "天津市西青区学府工业区海泰大道2号", "postcode": "300382"},
]
INSTITUTION_COLUMNS = [("name", "机构名称"), ("type", "机构类型"), ("region", "所在地"),
                       ("legal_entity", "法人单位"), ("credit_code", "统一社会信用代码"),
                       ("founded", "成立日期"), ("courses", "课程体系"),
                       ("trainees", "年培训人数"), ("employment_rate", "就业率（%）"),
                       ("advantage_innovation", "创新优势"), ("advantage_scale", "规模优势"),
                       ("advantage_competition", "竞争优势"),
                       ("legal_person_proof", "法人证明材料")] + CONTACT_COLUMNS
INSTITUTIONS = [
    {"name": "天津滨海信息职业学院", "type": "职业院校", "region": "天津市",
     "legal_entity": "天津滨海信息职业学院", "credit_code": credit_code("52120116MJ1372504"),
     "founded": "2002/9/1",
     "courses": "软件技术、云计算技术应用、大数据技术、移动应用开发、呼叫中心服务与管理",
     "trainees": 3200, "employment_rate": "96.5%",
     "advantage_innovation": "与12家服务外包企业共建订单班，课程按企业项目更新。",
     "advantage_scale": "在校生9000人，年培训服务外包人才3200人。",
     "advantage_competition": "毕业生对口就业率连续三年超过95%。",
     "legal_person_proof": "是", "contact_name": "田野", "contact_title": "校企合作处处长",
     "contact_phone": "022-66376512", "contact_email": "tianye@bhxxzy.edu.cn",
     "address": "天津市滨海新区汉沽大丰路1号", "postcode": "300480"},
    {"name": "天津津门软件人才培训中心", "type": "培训机构", "region": "天津",
     "legal_entity": "天津津门软件人才培训中心有限公司",
     "credit_code": credit_code("91120103MA05R7K2Q"), "founded": "2010/5/18",
     "courses": "Java企业级开发、软件测试、日语IT外包、UI设计",
     "trainees": 1500, "employment_rate": "92",
     "advantage_innovation": "采用真实外包项目实训，对日外包方向特色突出。",
     "advantage_scale": "年培训1500人，合作企业60余家。",
     "advantage_competition": "学员平均起薪高于本市同类培训机构。",
     "legal_person_proof": "是", "contact_name": "白雪", "contact_title": "",
     "contact_phone": "15900269731", "contact_email": "baixue@jmsoftedu.com",
     "address": "天津市河西区围堤道125号", "postcode": "300074"},
    {"name": "天津海河理工大学", "type": "高等院校", "region": "天津市",
     "legal_entity": "天津海河理工大学", "credit_code": credit_code("12120000MB0A12345"),
     "founded": "",
     "courses": "计算机科学与技术、软件工程、数据科学与大数据技术、物流管理",
     "trainees": 2600, "employment_rate": "88.5％",
     "advantage_innovation": "设有服务外包学院和人工智能研究院。",
     "advantage_scale": "服务外包相关专业在校生6500人。",
     "advantage_competition": "国家级一流本科专业3个，与天津港共建物流实训基地。",
     "legal_person_proof": "是", "contact_name": "魏东", "contact_title": "服务外包学院院长",
     "contact_phone": "022-60435218", "contact_email": "weidong@hhlg.edu.cn",
     "address": "天津市西青区宾水西道391号", "postcode": "300384"},
]


def main():
    enterprises = list(enterprise_rows())
    csv_rows = [{k: csv_cell(k, v) for k, v in row.items()} for row in enterprises]
    write_csv(SAMPLES / "enterprises.csv", ENTERPRISE_COLUMNS, csv_rows)
    json_rows = [{k: json_value(k, v) for k, v in row.items()} for row in enterprises]
    (SAMPLES / "enterprises.json").write_text(
        json.dumps(json_rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    xlsx_rows = [[row[k] if k in ("staff_total", "staff_outsourcing", "revenue",
                                  "revenue_offshore", "patents", "copyrights")
                  else csv_cell(k, row[k]) for k, _zh in ENTERPRISE_COLUMNS] for row in enterprises]
    write_xlsx(SAMPLES / "enterprises.xlsx",
               [("企业", [zh for _k, zh in ENTERPRISE_COLUMNS], xlsx_rows)])
    write_csv(SAMPLES / "parks.csv", PARK_COLUMNS, PARKS)
    write_csv(SAMPLES / "institutions.csv", INSTITUTION_COLUMNS, INSTITUTIONS)


if __name__ == "__main__":
    main()
