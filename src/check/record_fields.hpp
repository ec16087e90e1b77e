// The record fields the rules read, by their keys in data/records/*.json (records.md).
#pragma once

namespace tuijie::check::fields {

inline constexpr const char* kYes = "是";  // a stored yes/no value (records/record.hpp)

// Enterprise.
inline constexpr const char* kHqRegion = "hq_region";
inline constexpr const char* kDeliveryRegion = "delivery_region";
inline constexpr const char* kRevenue = "revenue";
inline constexpr const char* kStaffOutsourcing = "staff_outsourcing";
inline constexpr const char* kAsParent = "as_parent";
inline constexpr const char* kAuditReport = "audit_report";
inline constexpr const char* kConsolidated = "consolidated";

// Parks and institutions.
inline constexpr const char* kLegalPersonProof = "legal_person_proof";

// Candidates.
inline constexpr const char* kEmployerType = "employer_type";
inline constexpr const char* kVpOrAbove = "vp_or_above";

}  // namespace tuijie::check::fields
