// Dates and year-months as users write them in Excel, and ages.
//
// Dates:       2020-06-12, 2020/6/12, 2020.6.12, 2020年6月12日, 20200612, Excel serial numbers
//              (43994 = 2020-06-12; a time fraction such as 43994.5 is ignored).
// Year-months: 1975-03, 1975/3, 1975.03, 1975年3月, 197503, Excel serial numbers, and any full
//              date (Excel turns "1975-03" into 1975/3/1): the day is dropped, with a warning
//              unless it is the 1st.
// Full-width digits and punctuation are accepted. Years run from 1000 to 9999.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "records/value_result.hpp"

namespace tuijie::records {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31; 0 for a year-month
  auto operator<=>(const CivilDate&) const = default;
};

/// "2020-06-12" (canonical date) for a valid date, otherwise an error.
ParsedValue parse_date(std::string_view text);

/// "1975-03" (canonical year-month), otherwise an error.
ParsedValue parse_year_month(std::string_view text);

/// Reads a canonical "YYYY-MM-DD" or "YYYY-MM" back; nullopt for anything else.
std::optional<CivilDate> read_canonical_date(std::string_view canonical);

/// The date of an Excel serial day number (1900 date system, with Excel's phantom
/// 1900-02-29 = 60 rejected); nullopt outside 1..2958465.
std::optional<CivilDate> date_from_excel_serial(long serial);

/// Whole years from a birth year-month to `at`. The day of birth is unknown, so the birthday
/// counts as reached from the first day of the birth month.
int age_in_years(const CivilDate& birth, const CivilDate& at);

/// "2020-06-12" or "1975-03" when day == 0.
std::string format_canonical(const CivilDate& date);

}  // namespace tuijie::records
