#include "image/box_resampler.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace tuijie::image {

std::vector<BoxResampler::Overlap> BoxResampler::overlaps(int in, int out) {
  std::vector<Overlap> result(static_cast<std::size_t>(in));
  const std::int64_t in64 = in;
  const std::int64_t out64 = out;
  for (std::int64_t i = 0; i < in64; ++i) {
    const std::int64_t begin = i * out64;
    const std::int64_t end = begin + out64;
    const std::int64_t first = begin / in64;
    const std::int64_t boundary = (first + 1) * in64;
    Overlap& o = result[static_cast<std::size_t>(i)];
    o.first = static_cast<int>(first);
    if (end <= boundary) {
      o.first_weight = static_cast<std::uint32_t>(out64);
      o.next_weight = 0;
    } else {
      o.first_weight = static_cast<std::uint32_t>(boundary - begin);
      o.next_weight = static_cast<std::uint32_t>(end - boundary);
    }
  }
  return result;
}

BoxResampler::BoxResampler(int in_width, int in_height, int out_width, int out_height,
                           int components)
    : in_width_(in_width),
      in_height_(in_height),
      out_width_(out_width),
      out_height_(out_height),
      components_(components) {
  if (out_width < 1 || out_height < 1 || out_width > in_width || out_height > in_height ||
      components < 1 || components > 4) {
    throw std::invalid_argument("BoxResampler: output must be 1..input pixels in each direction");
  }
  columns_ = overlaps(in_width, out_width);
  rows_ = overlaps(in_height, out_height);
  const std::size_t samples = static_cast<std::size_t>(out_width) * components;
  row_sums_.resize(samples);
  current_.resize(samples);
  next_.resize(samples);
  out_ = Raster(out_width, out_height, components);
}

void BoxResampler::push_row(const std::uint8_t* row) {
  assert(rows_in_ < in_height_);
  const int c = components_;

  // Horizontal pass: each output sample gets the weighted sum of its source samples.
  std::fill(row_sums_.begin(), row_sums_.end(), 0U);
  for (int x = 0; x < in_width_; ++x) {
    const Overlap& o = columns_[static_cast<std::size_t>(x)];
    std::uint32_t* first = &row_sums_[static_cast<std::size_t>(o.first) * c];
    const std::uint8_t* px = row + static_cast<std::size_t>(x) * c;
    for (int k = 0; k < c; ++k) {
      first[k] += o.first_weight * px[k];
    }
    if (o.next_weight != 0) {
      for (int k = 0; k < c; ++k) {
        first[c + k] += o.next_weight * px[k];
      }
    }
  }

  // Vertical pass: add this row to the one or two output rows it overlaps.
  const Overlap& o = rows_[static_cast<std::size_t>(rows_in_)];
  assert(o.first == rows_out_);
  for (std::size_t i = 0; i < row_sums_.size(); ++i) {
    current_[i] += static_cast<std::uint64_t>(o.first_weight) * row_sums_[i];
  }
  ++rows_in_;
  if (o.next_weight != 0) {
    for (std::size_t i = 0; i < row_sums_.size(); ++i) {
      next_[i] += static_cast<std::uint64_t>(o.next_weight) * row_sums_[i];
    }
    emit_row();
  } else if (static_cast<std::int64_t>(rows_in_) * out_height_ ==
             static_cast<std::int64_t>(rows_out_ + 1) * in_height_) {
    emit_row();  // this source row ends exactly on an output row boundary
  }
}

void BoxResampler::emit_row() {
  // Every output sample accumulated in_width * in_height units of weight.
  const std::uint64_t total = static_cast<std::uint64_t>(in_width_) * in_height_;
  std::uint8_t* dst = out_.row(rows_out_);
  for (std::size_t i = 0; i < current_.size(); ++i) {
    dst[i] = static_cast<std::uint8_t>((current_[i] + total / 2) / total);
  }
  ++rows_out_;
  current_.swap(next_);
  std::fill(next_.begin(), next_.end(), 0U);
}

Raster BoxResampler::take() {
  if (!done() || rows_out_ != out_height_) {
    throw std::logic_error("BoxResampler::take called before every source row was pushed");
  }
  return std::move(out_);
}

}  // namespace tuijie::image
