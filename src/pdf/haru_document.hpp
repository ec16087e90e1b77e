// One libharu document, owned and checked from C++.
//
// libharu reports errors through a C callback; throwing from it would unwind through C
// frames, so the callback only records the first error and the C++ side checks the record
// after each step and throws TuijieError. Every libharu object of a document hangs off its
// memory manager and is freed with it.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <deque>
#include <functional>
#include <string>
#include <string_view>

namespace tuijie::pdf {

class HaruDocument {
 public:
  /// A new empty document: PDF 1.4, no compression by libharu (the writer compresses its
  /// streams itself, see flate.hpp), an empty Info dictionary.
  HaruDocument();
  ~HaruDocument();
  HaruDocument(const HaruDocument&) = delete;
  HaruDocument& operator=(const HaruDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const;
  HPDF_Xref xref() const;
  HPDF_Dict info() const;

  /// Throws TuijieError "pdf-write" naming `step` if libharu has reported an error.
  void check(std::string_view step) const;
  /// Throws if `status` is not HPDF_OK or an error was reported.
  void check(HPDF_STATUS status, std::string_view step) const;
  /// Returns `object`; throws if it is null or an error was reported.
  template <class T>
  T* check(T* object, std::string_view step) const {
    if (!object) {
      fail(step);
    }
    check(step);
    return object;
  }

  /// Replaces the data of a stream object (its dictionary's `Length` follows). With
  /// `compress` the data is deflated here and the dictionary says /Filter /FlateDecode.
  /// The document keeps the bytes and libharu reads them only when saving, instead of
  /// copying them through its memory streams byte by byte.
  void set_stream_data(HPDF_Dict stream_object, std::string data, bool compress);
  /// The data libharu has written so far into a stream object's memory stream.
  static std::string stream_data(HPDF_Dict stream_object);

  /// The whole file. The document must not be changed afterwards.
  /// From now on, stream data set with set_stream_data is kept in an unnamed temporary file
  /// instead of memory until save() reads it, so that a document of thousands of pages holds
  /// none of their contents. Throws TuijieError "pdf-file" when no temporary file can be made.
  void spill_streams();

  /// Saves into `sink`, which returns false when it cannot take more (the save then fails).
  void save(const std::function<bool(const char* data, std::size_t size)>& sink);

 private:
  [[noreturn]] void fail(std::string_view step) const;

  struct ErrorRecord {
    HPDF_STATUS error_no = HPDF_OK;
    HPDF_STATUS detail_no = 0;
  };
  static void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data);

  // Stream data owned by the document, read by libharu through a callback stream.
  struct OwnedBytes {
    std::string bytes;  // empty once spilled
    size_t position = 0;
    long spilled_at = -1;  // offset in `spill`, or -1 while in `bytes`
    std::FILE* spill = nullptr;
    size_t size = 0;
  };
  static HPDF_STATUS read_owned(HPDF_Stream stream, HPDF_BYTE* buffer, HPDF_UINT* size);
  static HPDF_STATUS seek_owned(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode);
  static HPDF_INT32 tell_owned(HPDF_Stream stream);
  static HPDF_UINT32 size_owned(HPDF_Stream stream);

  ErrorRecord error_;
  std::deque<OwnedBytes> owned_;  // a deque never moves its elements
  size_t owned_size_ = 0;
  // Where stream data goes once set, when spilling: an unnamed temporary file (std::tmpfile,
  // removed when closed), read back only by save().
  std::FILE* spill_ = nullptr;
  long spill_end_ = 0;
  HPDF_Doc doc_ = nullptr;
};

}  // namespace tuijie::pdf
