// What a PDF's pages show, as one hash that survives re-saving.
//
// A file's SHA-256 changes when any tool re-saves it, even when every page is the same. The
// page digest hashes what the pages are made of instead: each page's drawing instructions
// (content streams, decoded) and everything they draw with (fonts, their programs and
// ToUnicode maps, images), reached from the page and walked in a fixed order, with the
// parts a re-save may change left out (object numbers, stream compression and lengths, the
// page tree). Two files with the same digest show the same pages; pages spliced in from
// another document, or an edited value, give another digest.
#pragma once

#include <string>
#include <string_view>

namespace tuijie::pdf {

struct PageDigest {
  std::string sha256;  // lower-case hex, over all pages in order
  int pages = 0;
};

/// The digest of a PDF held in memory. Throws TuijieError "pdf-unreadable" (naming
/// `description`) when the bytes are not a readable PDF.
PageDigest page_digest(std::string_view pdf, const std::string& description);

/// The digest of a PDF file.
PageDigest page_digest_of_file(const std::string& path);

}  // namespace tuijie::pdf
