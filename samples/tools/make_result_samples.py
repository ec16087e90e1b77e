#!/usr/bin/env python3
"""Writes the sample award results (samples/results.csv, .json, .xlsx): the committee's
decision for the sample campaign, in five categories of data/campaigns/tianjin-2020.json,
naming the sample enterprises, parks, institutions and candidates the ways a committee does:
by credit code, by name, by candidate number, and by name plus phone. The three files hold
the same rows; re-running gives the same bytes."""
import csv
import json
import os

from xlsx_writer import write_xlsx

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)

HEADER = ["奖项类别", "名称", "统一社会信用代码", "候选人编号", "电话", "排序", "推介理由"]
KEYS = ["category", "name", "credit_code", "candidate_id", "phone", "order", "citation"]

LEAD = "中国服务外包领军企业"
GROWTH = "中国数字服务成长型企业"
PARK = "中国服务外包最佳园区"
SCHOOL = "中国服务外包最佳培训机构"
PERSON = "中国数字服务暨服务外包杰出贡献人物"

ROWS = [
    [LEAD, "天津泰达国际供应链管理有限公司", "91120116MA05N8XB6L", "", "", "1",
     "以数字化供应链服务平台为核心，为全球三十余个国家和地区的制造企业提供采购、仓储、关务与"
     "结算一体化外包服务，2019年服务外包业务收入5.2亿元，从业人员2600人，是京津冀地区供应链"
     "服务外包的标杆企业。"],
    [LEAD, "天津津云数科信息技术有限公司", "", "", "", "2",
     "深耕金融与政务云服务，自主研发的分布式核心系统服务国内外四十余家金融机构，离岸信息技术"
     "外包执行额连续三年增长超过百分之二十，带动滨海新区软件人才集聚。"],
    [LEAD, "天津渤海数据处理有限公司", "91120111MA07C9DW3Q", "", "", "3",
     "专注数据标注、数据治理与智能客服外包，建成覆盖中英日韩四种语言的交付中心，以人均服务外包"
     "收入29万元的效率在同类企业中领先。"],
    [GROWTH, "天津武清电商客服中心有限公司", "", "", "", "",
     "为国内外电商平台提供多语种在线客服、订单处理与售后外包服务，建成智能质检与知识库系统，"
     "三年间从业人员由400人增至1100人，成为京津冀电商服务外包的骨干企业。"],
    [GROWTH, "天津东丽医药研发服务有限公司", "91120110MA05WQ8E2F", "", "", "",
     "提供药物临床前研究与生物统计外包服务，与欧美药企建立长期合作，2019年离岸研发服务收入"
     "占比超过六成，是医药研发外包领域的新锐力量。"],
    [GROWTH, "天津和平金融服务外包有限公司", "", "", "", "",
     "面向银行与保险机构提供票据处理、远程客服与风险审核外包服务，运用智能识别技术将单笔业务"
     "处理时间缩短一半，服务质量获客户持续认可。"],
    [PARK, "天津经济技术开发区服务外包产业园", "12120116MB1534078F", "", "", "",
     "国家级服务外包产业园区，入驻服务外包企业236家、从业人员4.8万人，形成信息技术、供应链"
     "管理与医药研发三大集群，公共技术服务平台与人才培训体系完善。"],
    [PARK, "天津南开科技服务外包园", "", "", "", "",
     "依托南开大学、天津大学的科研与人才优势，以软件研发和检验检测外包为特色，与高校共建联合"
     "实验室12个，孵化软件企业四十余家。"],
    [SCHOOL, "天津滨海信息职业学院", "", "", "", "",
     "开设软件技术、大数据与云计算等服务外包相关专业，与园区企业共建订单班与实训基地，毕业生"
     "服务外包企业就业率连续三年保持在九成以上。"],
    [SCHOOL, "天津津门软件人才培训中心", "", "", "", "",
     "面向在职人员与高校毕业生开展软件测试、数据分析等实战培训，年培训学员逾三千人次，为区域"
     "服务外包企业输送大批技术骨干。"],
    [PERSON, "陈立峰", "", "TJ2020-P-001", "", "",
     "带领企业从十余人的软件团队成长为营业收入6.8亿元的数字服务企业，推动离岸服务外包业务拓展"
     "至日本、欧洲市场，积极参与行业标准制定与人才培养。"],
    [PERSON, "刘玥", "", "TJ2020-P-004", "", "",
     "长期从事软件测试与质量工程研究，主持建设智能测试云平台，相关成果服务国内外百余家客户，"
     "多次在国际软件质量会议上介绍中国服务外包实践。"],
    [PERSON, "王𠮷", "", "", "13312085946", "",
     "深入研究数字贸易与服务外包政策，牵头完成多项省部级研究课题，为地方服务外包示范城市建设"
     "提供决策咨询，推动数字服务出口统计方法的完善。"],
    [PERSON, "欧阳晓旸", "", "", "", "",
     "主导建立覆盖二十余个国家的临床研究运营网络，推动医药研发服务外包的国际化交付，培养了一支"
     "具有国际视野的临床运营专业队伍。"],
]


def main():
    with open(os.path.join(SAMPLES, "results.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    records = []
    for row in ROWS:
        record = {}
        for key, value in zip(KEYS, row):
            if value:
                record[key] = int(value) if key == "order" else value
        records.append(record)
    with open(os.path.join(SAMPLES, "results.json"), "w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False, indent=2)
        f.write("\n")
    write_xlsx(os.path.join(SAMPLES, "results.xlsx"), [("推介结果", HEADER, ROWS)])


if __name__ == "__main__":
    main()
