// What merging one record into a template may produce (templates/template_limits.hpp).
//
// Repeats multiply: eight <repeat records> inside each other over 20 records ask for 20^8
// rows. The builder spends from this budget as it expands, so it stops after a bounded amount
// of work, with a template error placed at the outermost repeat being expanded (the one whose
// expansion grew too large), before anything is laid out or written.
#pragma once

#include <cstddef>
#include <vector>

#include "template/element.hpp"

namespace tuijie::merge {

class ExpansionBudget {
 public:
  ExpansionBudget(std::size_t max_parts, std::size_t max_text_bytes)
      : max_parts_(max_parts), max_text_bytes_(max_text_bytes) {}

  /// Counts `parts` blocks, rows, cells, text runs or repeat passes made for `at`. Throws
  /// TuijieError (template-too-large) once the document exceeds the limit.
  void spend(std::size_t parts, const templates::Element& at);
  /// Counts `bytes` of text set for `at`; throws as spend() does.
  void spend_text(std::size_t bytes, const templates::Element& at);

  /// While a repeat expands, an overrun is reported at the outermost one.
  void enter(const templates::Element& repeat) { repeats_.push_back(&repeat); }
  void leave() { repeats_.pop_back(); }

  std::size_t parts() const { return parts_; }

 private:
  [[noreturn]] void overrun(const templates::Element& at, bool text) const;

  std::size_t max_parts_;
  std::size_t max_text_bytes_;
  std::size_t parts_ = 0;
  std::size_t text_bytes_ = 0;
  std::vector<const templates::Element*> repeats_;
};

}  // namespace tuijie::merge
