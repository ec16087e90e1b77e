// Cells that hold several values: "金融、医药 ; 电力、热力、燃气及水生产和供应业".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tuijie::records {

/// Splits a multi-value cell on any of 、 ， , ； ; | ｜ or a line break, trimming each item and
/// skipping empty ones. Some known names contain a separator themselves
/// (电力、热力、燃气及水生产和供应业): wherever an item starts, the longest known name that
/// begins there and ends at a separator or the end of the cell is taken whole first.
std::vector<std::string> split_multi_value(std::string_view cell,
                                           const std::vector<std::string>& known_names);

}  // namespace tuijie::records
