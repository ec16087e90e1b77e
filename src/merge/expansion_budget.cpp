#include "merge/expansion_budget.hpp"

#include <string>

namespace tuijie::merge {

void ExpansionBudget::spend(std::size_t parts, const templates::Element& at) {
  parts_ += parts;
  if (parts_ > max_parts_)
    overrun(at, false);
}

void ExpansionBudget::spend_text(std::size_t bytes, const templates::Element& at) {
  text_bytes_ += bytes;
  if (text_bytes_ > max_text_bytes_)
    overrun(at, true);
}

void ExpansionBudget::overrun(const templates::Element& at, bool text) const {
  const templates::Element& place = repeats_.empty() ? at : *repeats_.front();
  if (text) {
    const std::string limit = std::to_string(max_text_bytes_ / (1024 * 1024));
    throw TuijieError(place.error(
        "template-too-large", "模板展开后一份文档的文字超过 " + limit + " MiB（上限）",
        "the template expands to more than " + limit + " MiB of text in one document (the limit)"));
  }
  const std::string limit = std::to_string(max_parts_);
  throw TuijieError(place.error(
      "template-too-large",
      "模板展开后一份文档超过 " + limit + " 个部分（块、行、单元格、文字段、重复次数之和的上限）",
      "the template expands to more than " + limit +
          " parts in one document (the limit on blocks, rows, cells, text runs and repeat "
          "passes)"));
}

}  // namespace tuijie::merge
