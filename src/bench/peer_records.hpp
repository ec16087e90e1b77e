// The adapter from the peer benchmark's records (../shared/peers/gen_records.py writes
// records.json) to tuijie's candidate records.
//
// Those records are keyed in Chinese and lack some fields of the contract. The mapping:
//   id -> candidate_id ("P0001"), 参选人姓名 -> name, 性别 -> gender,
//   出生年月 "1983年01月" -> birth "1983-01", 所在单位及职务 -> org_and_title, 电话 -> phone,
//   联系E-mail -> email, 单位名称 -> org_name, 企业性质 -> org_nature, 人数规模 -> org_staff,
//   经营规模 -> org_scale, 业务特色 -> org_features, 联系人 -> contact_name,
//   职务 -> contact_title, 邮编 -> postcode, 详细地址 -> address,
//   履历 [{职务, 时间, 国家, 单位}] -> resume [{title, period, country, org}],
//   主要贡献 -> contributions.
// Missing fields (channel, nominator, employer_type, vp_or_above, contact_phone, photo,
// statement) are left empty: the peer form does not print them.
#pragma once

#include <string>
#include <vector>

#include "records/record.hpp"

namespace tuijie::bench {

std::vector<records::Record> read_peer_records(const std::string& path, size_t limit);

}  // namespace tuijie::bench
