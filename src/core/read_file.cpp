#include "core/read_file.hpp"

#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"

namespace tuijie {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in)
    bytes << in.rdbuf();
  if (!in) {
    throw TuijieError(make_error(Category::MissingInput, "cannot-read", "无法读取文件",
                                 "cannot read the file", path));
  }
  return bytes.str();
}

}  // namespace tuijie
