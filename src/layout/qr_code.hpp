// A QR code (ISO/IEC 18004, through libqrencode) drawn as vector squares, for the footer mark
// that carries a document's number and hash.
#pragma once

#include <string>

#include "page/page_model.hpp"

namespace tuijie::layout {

/// `data` as a QR code of error-correction level M, `size` points square including the
/// four-module quiet zone, its top-left corner at (0, 0): each run of dark modules in a row
/// is one rectangle. Throws TuijieError when the data cannot be encoded.
std::shared_ptr<const std::vector<page::Area>> qr_code_modules(const std::string& data,
                                                               double size);

/// Draws the modules with their top-left corner at (x, y), in black: one item, sharing them.
void draw_qr_code(const std::shared_ptr<const std::vector<page::Area>>& modules, double x, double y,
                  page::Page& page);

/// Encodes and draws at once (a code shown once).
void draw_qr_code(const std::string& data, double x, double y, double size, page::Page& page);

}  // namespace tuijie::layout
