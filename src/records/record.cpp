#include "records/record.hpp"

namespace tuijie::records {

const std::string& Record::get(const std::string& field) const {
  static const std::string empty;
  auto it = fields.find(field);
  return it == fields.end() ? empty : it->second;
}

}  // namespace tuijie::records
