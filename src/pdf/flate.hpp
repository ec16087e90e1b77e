// Flate (zlib format) compression of PDF stream data.
//
// libharu deflates with zlib at its default level, which costs more than all the rest of a
// one-page document (≈2.7 ms for a 50 KB CJK font subset on the project machine). libdeflate
// at its fastest level does the job in a sixth of the time for a 5 % larger result.
#pragma once

#include <string>
#include <string_view>

namespace tuijie::pdf {

/// `data` compressed as a zlib stream, for a stream with /Filter /FlateDecode.
std::string flate_compress(std::string_view data);

}  // namespace tuijie::pdf
