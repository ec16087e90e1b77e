#include "layout/qr_code.hpp"

#include <qrencode.h>

#include <memory>

#include "core/diagnostic.hpp"

namespace tuijie::layout {

std::shared_ptr<const std::vector<page::Area>> qr_code_modules(const std::string& data,
                                                               double size) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) {
    throw TuijieError(
        make_error("qr-code", "无法生成二维码", "cannot encode the QR code", "", data));
  }
  constexpr int kQuiet = 4;  // modules of light margin on every side, as the standard asks
  const int width = code->width;
  const double module = size / (width + 2 * kQuiet);
  auto areas = std::make_shared<std::vector<page::Area>>();
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
      areas->push_back(
          {(kQuiet + col) * module, (kQuiet + row) * module, (end - col) * module, module});
      col = end;
    }
  }
  areas->shrink_to_fit();
  return areas;
}

void draw_qr_code(const std::shared_ptr<const std::vector<page::Area>>& modules, double x, double y,
                  page::Page& page) {
  page.items.emplace_back(page::FilledAreas{modules, x, y, page::Color{0, 0, 0}});
}

void draw_qr_code(const std::string& data, double x, double y, double size, page::Page& page) {
  draw_qr_code(qr_code_modules(data, size), x, y, page);
}

}  // namespace tuijie::layout
