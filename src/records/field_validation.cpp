#include "records/field_validation.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "records/contact_values.hpp"
#include "records/credit_code.hpp"
#include "records/entry_values.hpp"
#include "records/multi_value.hpp"
#include "records/number_values.hpp"
#include "records/text_values.hpp"
#include "records/unicode_text.hpp"

namespace tuijie::records {
namespace {

std::string format_number(double value) {
  std::string text = std::to_string(value);
  return shift_decimal(text, 0);  // canonical: "100.000000" -> "100"
}

void check_range(const FieldSpec& field, ParsedValue& parsed) {
  if (!parsed.ok()) {
    return;
  }
  double value = decimal_value(parsed.value);
  if (field.minimum && field.minimum_exclusive && value <= *field.minimum) {
    std::string bound = format_number(*field.minimum);
    parsed = rejected("out-of-range", "应大于 " + bound, "must be greater than " + bound);
  } else if (field.minimum && value < *field.minimum) {
    std::string bound = format_number(*field.minimum);
    parsed = rejected("out-of-range", "不能小于 " + bound, "must not be less than " + bound);
  } else if (field.maximum && value > *field.maximum) {
    std::string bound = format_number(*field.maximum);
    parsed = rejected("out-of-range", "不能大于 " + bound, "must not be greater than " + bound);
  }
}

void check_not_after_campaign(const FieldSpec& field, const FieldContext& context,
                              ParsedValue& parsed) {
  if (!parsed.ok() || !field.not_after_campaign_date || !context.campaign_date) {
    return;
  }
  std::string campaign = format_canonical(*context.campaign_date);
  if (parsed.value > campaign) {  // canonical dates compare as text
    parsed.problems.push_back({Severity::Error,
                               "date-too-late",
                               "晚于活动日期 " + campaign,
                               "later than the campaign date " + campaign,
                               {}});
  }
}

void check_age(const FieldSpec& field, const FieldContext& context, ParsedValue& parsed) {
  if (!parsed.ok() || !field.age || !context.campaign_date) {
    return;
  }
  std::optional<CivilDate> birth = read_canonical_date(parsed.value);
  if (!birth) {
    return;
  }
  int age = age_in_years(*birth, *context.campaign_date);
  if (age < field.age->min_years || age > field.age->max_years) {
    std::string range =
        std::to_string(field.age->min_years) + "–" + std::to_string(field.age->max_years);
    std::string date = format_canonical(*context.campaign_date);
    parsed.problems.push_back(
        {Severity::Error,
         "age-out-of-range",
         "截至 " + date + " 年龄为 " + std::to_string(age) + " 岁，应在 " + range + " 岁之间",
         "aged " + std::to_string(age) + " on " + date + "; must be " + range,
         {}});
  }
}

// One of the field's values, or another spelling of one (choices_from).
ParsedValue match_field_choice(const FieldSpec& field, std::string_view text) {
  ParsedValue parsed = match_choice(text, field.values);
  if (parsed.ok() || field.choices_from.empty()) {
    return parsed;
  }
  std::string form = header_form(text);
  for (const ChoiceAlias& alias : field.choice_aliases) {
    if (header_form(alias.spelling) == form) {
      return accepted(alias.value);
    }
  }
  // The whole list may be long (50 function areas): name the table instead.
  std::string table = std::filesystem::path(field.choices_from).filename().string();
  return rejected("unknown-choice", "不在参考表 " + table + " 中（可写代码、名称或“类别（名称）”）",
                  "not in the reference table " + table +
                      " (write a code, a name or "
                      "'category（name）')");
}

// Whole names to keep together when splitting a cell, separators inside them included.
std::vector<std::string> known_spellings(const FieldSpec& field) {
  std::vector<std::string> names = field.values;
  for (const ChoiceAlias& alias : field.choice_aliases) {
    names.push_back(alias.spelling);
  }
  return names;
}

ParsedValue validate_choice_list(const FieldSpec& field, const std::vector<std::string>& items) {
  ParsedValue result;
  std::set<std::string> seen;
  for (const std::string& item : items) {
    ParsedValue choice = match_field_choice(field, item);
    if (!choice.ok()) {
      for (ValueProblem& problem : choice.problems) {
        problem.value = item;
        result.problems.push_back(std::move(problem));
      }
      continue;
    }
    if (!seen.insert(choice.value).second) {
      result.problems.push_back({Severity::Warning, "duplicate-item", "重复列出，只记一次",
                                 "listed twice; kept once", item});
      continue;
    }
    result.value += (result.value.empty() ? "" : "、") + choice.value;
  }
  return result;
}

ParsedValue photo_failure(const std::filesystem::path& path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) {
    return rejected("photo-missing", "照片文件不存在：" + path.string(),
                    "the photo file does not exist: " + path.string());
  }
  return rejected("photo-unreadable", "无法读取照片（不是完好的 JPEG 或 PNG 图像）",
                  "cannot read the photo (not an intact JPEG or PNG image)");
}

}  // namespace

bool FieldValue::ok() const {
  for (const ValueProblem& problem : problems) {
    if (problem.severity == Severity::Error) {
      return false;
    }
  }
  return true;
}

ParsedValue validate_scalar(const FieldSpec& field, std::string_view text,
                            const FieldContext& context, int decimal_shift) {
  ParsedValue parsed;
  switch (field.type) {
    case FieldType::Text:
      return check_text(text, field.max_length, field.multiline);
    case FieldType::Choice:
      return match_field_choice(field, text);
    case FieldType::ChoiceList:
      return validate_choice_list(field, split_multi_value(text, known_spellings(field)));
    case FieldType::YesNo:
      return parse_yes_no(text);
    case FieldType::Date:
      parsed = parse_date(text);
      check_not_after_campaign(field, context, parsed);
      check_age(field, context, parsed);
      return parsed;
    case FieldType::YearMonth:
      parsed = parse_year_month(text);
      check_age(field, context, parsed);
      return parsed;
    case FieldType::Count:
      parsed = parse_count(text);
      check_range(field, parsed);
      return parsed;
    case FieldType::Decimal:
      parsed = parse_decimal(text, field.percent);
      if (parsed.ok() && decimal_shift != 0) {
        parsed.value = shift_decimal(parsed.value, decimal_shift);
      }
      check_range(field, parsed);
      return parsed;
    case FieldType::Phone:
      return check_phone(text);
    case FieldType::Email:
      return check_email(text);
    case FieldType::Postcode:
      return check_postcode(text);
    case FieldType::Photo:
      return check_photo(text, field.photo.value_or(PhotoRule{}), context);
    case FieldType::CreditCode:
      return check_credit_code(text);
    case FieldType::Entries:
      break;
  }
  return rejected("internal", "此字段不是单值字段", "this field does not hold a single value");
}

FieldValue validate_field(const FieldSpec& field, const RawValue& raw, const FieldContext& context,
                          int decimal_shift) {
  if (field.type == FieldType::Entries) {
    return validate_entries(field, raw, context);
  }
  FieldValue result;
  ParsedValue parsed;
  if (raw.is_list && field.type == FieldType::ChoiceList) {
    std::vector<std::string> items;
    for (const RawItem& item : raw.items) {
      items.push_back(item.text);
    }
    parsed = validate_choice_list(field, items);
  } else if (raw.is_list) {
    parsed = rejected("unexpected-list", "此字段只能有一个值，不能是列表",
                      "this field holds one value, not a list");
  } else {
    parsed = validate_scalar(field, raw.text, context, decimal_shift);
  }
  result.value = std::move(parsed.value);
  result.problems = std::move(parsed.problems);
  return result;
}

ParsedValue check_photo(std::string_view text, const PhotoRule& rule, const FieldContext& context) {
  namespace fs = std::filesystem;
  fs::path path(std::string(trim(text)));
  if (path.is_relative()) {
    path = fs::path(context.base_directory) / path;
  }
  std::error_code ignored;
  fs::path absolute = fs::absolute(path, ignored).lexically_normal();
  image::ImageInfo info;
  try {
    info = context.probe_photo ? context.probe_photo(absolute.string())
                               : image::probe(absolute.string());
  } catch (const TuijieError& e) {
    // The image stage words its own reasons (missing, truncated, a GIF ...): pass them on.
    if (!e.diagnostics().empty()) {
      const Diagnostic& why = e.diagnostics().front();
      bool missing = why.code == "photo-missing" || !fs::exists(absolute, ignored);
      return rejected(missing ? "photo-missing" : "photo-unreadable", why.reason_zh, why.reason_en);
    }
    return photo_failure(absolute);
  } catch (const std::exception&) {
    return photo_failure(absolute);
  }
  if (info.format == image::Format::Unknown) {
    return rejected("photo-unreadable", "照片不是 JPEG 或 PNG 图像",
                    "the photo is not a JPEG or PNG image");
  }
  // The header's size, not the file's, is what decoding costs: a small PNG can declare 10^12
  // pixels. Refused here, so that such a photo never reaches rendering.
  auto pixels = static_cast<std::uint64_t>(std::max(info.width, 0)) *
                static_cast<std::uint64_t>(std::max(info.height, 0));
  if (context.max_photo_pixels > 0 && pixels > context.max_photo_pixels) {
    std::string size = std::to_string(info.width) + "×" + std::to_string(info.height);
    std::string limit = std::to_string(context.max_photo_pixels);
    return rejected("photo-too-large",
                    "照片声明的尺寸为 " + size + " 像素，超过上限 " + limit +
                        " 像素（可能是解压炸弹），请换用正常大小的照片",
                    "the photo declares " + size + " pixels, more than the limit of " + limit +
                        " (possibly a decompression bomb); use a photo of ordinary size");
  }
  ParsedValue result = accepted(absolute.string());
  bool is_jpeg = info.format == image::Format::Jpeg;
  if ((rule.preferred_format == "jpeg" && !is_jpeg) ||
      (rule.preferred_format == "png" && is_jpeg)) {
    std::string wanted = rule.preferred_format == "jpeg" ? "JPEG (jpg)" : "PNG";
    result.problems.push_back({Severity::Warning,
                               "photo-format",
                               "照片不是通知要求的 " + wanted + " 格式",
                               "the photo is not in the " + wanted + " format the notice asks for",
                               {}});
  }
  if (info.file_size < rule.min_bytes) {
    std::string size = std::to_string(info.file_size);
    std::string minimum = std::to_string(rule.min_bytes);
    result.problems.push_back(
        {Severity::Warning,
         "photo-small",
         "照片文件只有 " + size + " 字节，通知要求不小于 " + minimum + " 字节",
         "the photo file has " + size +
             " bytes; the notice asks for at "
             "least " +
             minimum,
         {}});
  }
  return result;
}

}  // namespace tuijie::records
