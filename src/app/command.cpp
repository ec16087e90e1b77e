#include "app/command.hpp"

#include <utility>

namespace tuijie::app {

void throw_usage(std::string reason_zh, std::string reason_en) {
  throw TuijieError(
      make_error(Category::Usage, "usage", std::move(reason_zh), std::move(reason_en)));
}

}  // namespace tuijie::app
