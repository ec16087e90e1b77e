#include "layout/qr_code.hpp"

#include <qrencode.h>

#include <memory>

#include "core/diagnostic.hpp"

namespace tuijie::layout {

void draw_qr_code(const std::string& data, double x, double y, double size, page::Page& page) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) {
    throw TuijieError(
        make_error("qr-code", "无法生成二维码", "cannot encode the QR code", "", data));
  }
  constexpr int kQuiet = 4;  // modules of light margin on every side, as the standard asks
  const int width = code->width;
  const double module = size / (width + 2 * kQuiet);
  for (int row = 0; row < width; ++row) {
    int col = 0;
    while (col < width) {
      if (!(code->data[row * width + col] & 1)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < width && (code->data[row * width + end] & 1))
        ++end;
      page::Rect dark;
      dark.x = x + (kQuiet + col) * module;
      dark.y = y + (kQuiet + row) * module;
      dark.w = (end - col) * module;
      dark.h = module;
      dark.stroke = false;
      dark.fill = true;
      dark.fill_color = {0, 0, 0};
      page.items.emplace_back(dark);
      col = end;
    }
  }
}

}  // namespace tuijie::layout
