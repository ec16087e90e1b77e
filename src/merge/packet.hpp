// Binding composed documents into one packet: the bureau's 推荐材料包 (cover letter, summary
// tables, every recommended organisation's sheet) or a nominating body's bundle. Each
// document keeps its own page numbers; bookmarks name every part and every document.
#pragma once

#include <string>
#include <vector>

#include "merge/render.hpp"

namespace tuijie::merge {

struct PacketEntry {
  std::string bookmark;         // e.g. the organisation's name
  std::string record_key;       // "" for documents about no single record
  std::string document_number;  // "" when the document has none
  ComposedDocument composed;
};

struct PacketPart {
  std::string title;  // e.g. 企业基本信息表
  std::vector<PacketEntry> entries;
};

/// One document of all the parts' pages, in order. A part with several entries gets a
/// bookmark with one child per entry; a part of one entry gets a single bookmark. The pages
/// are moved out of the entries.
page::PagedDocument bind_packet(std::vector<PacketPart>& parts, const page::DocumentInfo& info);

/// One row of manifest.csv: a file of the packet's folder.
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

/// Writes manifest_csv(rows) through a temporary file, so that a failed run never leaves half
/// a manifest.
void write_manifest(const std::vector<ManifestRow>& rows, const std::string& path);

}  // namespace tuijie::merge
