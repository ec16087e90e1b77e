#include "app/stages.hpp"

namespace tuijie::app {

// The records reader (records::read_records) has not landed yet: until it does, import
// reports that it cannot read files rather than guessing at them.
InputFile read_input(const std::string& path, const InputOptions&) {
  throw TuijieError(make_error("not-implemented", "本版本尚不能读取记录文件",
                               "this build cannot read record files yet", path));
}

// FontSet::load lives on the fonts branch that has not landed yet.
std::shared_ptr<const fonts::FontSet> load_fonts(const std::string& manifest_path) {
  throw TuijieError(make_error("not-implemented", "本版本尚不能加载字体清单",
                               "this build cannot load font manifests yet", manifest_path));
}

}  // namespace tuijie::app
