// manifest.csv: the list of files a packet's or a nomination run's folder holds, with what
// each carries, for the clerk who checks the folder against the register.
#pragma once

#include <string>
#include <vector>

namespace tuijie::output {

/// One row of manifest.csv: a file of the folder.
struct ManifestRow {
  std::string file;             // relative to the manifest
  std::string document_number;  // the document's number, "" when it has none
  std::string record_key;
  int pages = 0;
  std::string sha256;  // of the file's bytes, lower-case hex
};

/// manifest.csv's bytes: UTF-8 with BOM so that Excel reads it, written by csv::Writer, so that
/// a file name or record key that starts like a formula gets a leading apostrophe (a program
/// reading the manifest strips it: the file on disk has no apostrophe); CRLF.
std::string manifest_csv(const std::vector<ManifestRow>& rows);

}  // namespace tuijie::output
