// Area-averaging downscaler that consumes one source row at a time.
//
// Each output pixel is the exact average of the source area it covers (a box filter with
// fractional edge weights). All arithmetic is integer, so the result is bit-identical on every
// machine and compiler, and rows are streamed so that a large photo never sits in memory whole.
#pragma once

#include <cstdint>
#include <vector>

#include "image/raster.hpp"

namespace tuijie::image {

class BoxResampler {
 public:
  /// Requires 1 <= out_width <= in_width and 1 <= out_height <= in_height (it never enlarges).
  BoxResampler(int in_width, int in_height, int out_width, int out_height, int components);

  /// Feeds the next source row: in_width * components samples.
  void push_row(const std::uint8_t* row);

  /// True once all in_height rows have been pushed.
  bool done() const { return rows_in_ == in_height_; }

  /// The finished image; call once, after done().
  Raster take();

 private:
  // Source sample i spans [i*out, (i+1)*out) and output sample k spans [k*in, (k+1)*in), both
  // in units of 1/(in*out) of the image; a source sample overlaps at most two output samples.
  struct Overlap {
    int first;                   // first output index it touches
    std::uint32_t first_weight;  // overlap with `first`
    std::uint32_t next_weight;   // overlap with first + 1 (0 when none)
  };
  static std::vector<Overlap> overlaps(int in, int out);
  void emit_row();

  int in_width_, in_height_, out_width_, out_height_, components_;
  std::vector<Overlap> columns_;
  std::vector<Overlap> rows_;
  std::vector<std::uint32_t> row_sums_;  // current source row, summed horizontally
  std::vector<std::uint64_t> current_;   // output row being accumulated
  std::vector<std::uint64_t> next_;      // the one after it
  int rows_in_ = 0;
  int rows_out_ = 0;
  Raster out_;
};

}  // namespace tuijie::image
