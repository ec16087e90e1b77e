// Writes small ZIP archives for tests, entry by entry, stored or deflated, so that a test can
// build the archives no spreadsheet program writes: a member twice, a cell in XFD, a bomb.
#pragma once

#include <Poco/Checksum.h>
#include <Poco/DeflatingStream.h>

#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace tuijie::records::test {

class ZipWriter {
 public:
  /// Adds a member; the same name may be added twice (that is the point of some tests).
  void add(const std::string& name, const std::string& data) { members_.emplace_back(name, data); }

  /// Deflates the members named `name` (the others are stored).
  void deflate(const std::string& name) { deflated_.insert(name); }

  /// Gives every member named `name` new data.
  void replace(const std::string& name, const std::string& data) {
    for (auto& member : members_) {
      if (member.first == name) {
        member.second = data;
      }
    }
  }

  std::string bytes() const {
    std::string out;
    std::string directory;
    for (const auto& [name, data] : members_) {
      Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
      crc.update(data.data(), static_cast<unsigned>(data.size()));
      auto offset = static_cast<std::uint32_t>(out.size());
      const bool deflated = deflated_.count(name) > 0;
      const std::string packed = deflated ? raw_deflate(data) : data;
      const std::uint16_t method = deflated ? 8 : 0;
      // Local file header.
      u32(out, 0x04034b50);
      u16(out, 20), u16(out, 0), u16(out, method), u16(out, 0), u16(out, 0x21);
      u32(out, crc.checksum());
      u32(out, static_cast<std::uint32_t>(packed.size()));
      u32(out, static_cast<std::uint32_t>(data.size()));
      u16(out, static_cast<std::uint16_t>(name.size())), u16(out, 0);
      out += name;
      out += packed;
      // Its central directory entry.
      u32(directory, 0x02014b50);
      u16(directory, 20), u16(directory, 20), u16(directory, 0), u16(directory, method);
      u16(directory, 0), u16(directory, 0x21);
      u32(directory, crc.checksum());
      u32(directory, static_cast<std::uint32_t>(packed.size()));
      u32(directory, static_cast<std::uint32_t>(data.size()));
      u16(directory, static_cast<std::uint16_t>(name.size()));
      u16(directory, 0), u16(directory, 0), u16(directory, 0), u16(directory, 0);
      u32(directory, 0);
      u32(directory, offset);
      directory += name;
    }
    auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    u32(out, 0x06054b50);
    u16(out, 0), u16(out, 0);
    u16(out, static_cast<std::uint16_t>(members_.size()));
    u16(out, static_cast<std::uint16_t>(members_.size()));
    u32(out, static_cast<std::uint32_t>(directory.size()));
    u32(out, directory_offset);
    u16(out, 0);
    return out;
  }

 private:
  static std::string raw_deflate(const std::string& data) {
    std::ostringstream out;
    {
      Poco::DeflatingOutputStream deflater(out, -15, 9);  // negative window bits: raw deflate
      deflater.write(data.data(), static_cast<std::streamsize>(data.size()));
      deflater.close();
    }
    return out.str();
  }

  static void u16(std::string& out, std::uint16_t v) {
    out += static_cast<char>(v & 0xFF);
    out += static_cast<char>(v >> 8);
  }
  static void u32(std::string& out, std::uint32_t v) {
    u16(out, static_cast<std::uint16_t>(v & 0xFFFF));
    u16(out, static_cast<std::uint16_t>(v >> 16));
  }

  std::vector<std::pair<std::string, std::string>> members_;
  std::set<std::string> deflated_;
};

/// A one-sheet workbook whose sheet1.xml is `sheet_data` (the <row> elements) and whose shared
/// strings are `strings`. `styles` is the whole xl/styles.xml, or "" for none.
inline ZipWriter minimal_workbook(const std::string& sheet_data,
                                  const std::vector<std::string>& strings,
                                  const std::string& styles = "") {
  ZipWriter zip;
  zip.add(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  zip.add(
      "xl/workbook.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  zip.add(
      "xl/_rels/workbook.xml.rels",
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)");
  std::string shared =
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
  for (const std::string& text : strings) {
    shared += "<si><t>" + text + "</t></si>";
  }
  zip.add("xl/sharedStrings.xml", shared + "</sst>");
  if (!styles.empty()) {
    zip.add("xl/styles.xml", styles);
  }
  zip.add(
      "xl/worksheets/sheet1.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
          sheet_data + "</sheetData></worksheet>");
  return zip;
}

}  // namespace tuijie::records::test
