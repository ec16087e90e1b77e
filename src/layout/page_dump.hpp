// A text dump of laid-out pages, one line per item with numbers in a fixed format: the
// layout's "QDF mode", for golden tests and for reading what the engine decided.
#pragma once

#include <string>

#include "page/page_model.hpp"

namespace tuijie::layout {

/// Lines like `text 51.02 78.40 hei 10.50 "参选人姓名"` and `rect 51.02 60.00 70.87 29.76`,
/// positions in mm with two decimals, pages separated by `page N W H`.
std::string dump_pages(const std::vector<page::Page>& pages);

}  // namespace tuijie::layout
