// Choices kept as reference data (data/reference/*.json) rather than listed in a schema.
//
// A reference file is any JSON document; every object with a "code" and a "name" and no
// coded object below it is one choice (so a tree of groups > categories > leaves offers its
// leaves). A choice may be written as its code, its name or one of its "aliases" (when no
// other choice uses that spelling), or as "parent name（name）", the parent being the nearest
// coded object above it: 软件研发外包（金融业）.
#pragma once

#include <string>
#include <vector>

namespace tuijie::records {

/// A coded object above a choice: a group or category of a tree.
struct ReferenceNode {
  std::string code;  // "ITO.SW"
  std::string name;  // "软件研发外包"
};

struct ReferenceChoice {
  std::string code;                  // "ITO.SW.01"
  std::string name;                  // "金融业"
  std::vector<std::string> aliases;  // other accepted names ("天津" for 天津市)
  std::string parent_name;           // "软件研发外包"; "" at the top level
  std::vector<ReferenceNode> ancestors;  // outermost first: ITO 信息技术外包, ITO.SW 软件研发外包
};

/// A spelling a user may write and the choice it stands for.
struct ChoiceSpelling {
  std::string spelling;   // as written in the reference file: "软件研发外包（金融业）"
  std::size_t index = 0;  // into ChoiceTable::choices
};

struct ChoiceTable {
  std::string source_file;
  std::vector<ReferenceChoice> choices;  // in file order

  /// Every accepted spelling: codes, unique names and aliases, "parent（name）". A name or
  /// alias shared by two choices is left out (only the codes then tell them apart).
  std::vector<ChoiceSpelling> spellings() const;
};

/// Reads a reference file. Throws TuijieError (with the file's path) when it cannot be read,
/// is not JSON, holds no choice, or repeats a code.
ChoiceTable load_choice_table(const std::string& path);

}  // namespace tuijie::records
