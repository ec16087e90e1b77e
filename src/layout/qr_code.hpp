// A QR code (ISO/IEC 18004, through libqrencode) drawn as vector squares, for the footer mark
// that carries a document's number and hash.
#pragma once

#include <string>

#include "page/page_model.hpp"

namespace tuijie::layout {

/// Draws `data` as a QR code of error-correction level M, `size` points square including the
/// four-module quiet zone, with its top-left corner at (x, y). Each run of dark modules in a
/// row is one filled rectangle. Throws TuijieError when the data cannot be encoded.
void draw_qr_code(const std::string& data, double x, double y, double size, page::Page& page);

}  // namespace tuijie::layout
