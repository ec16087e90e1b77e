#include "golden_case.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "layout/layout_engine.hpp"
#include "layout/page_dump.hpp"
#include "merge/document_builder.hpp"
#include "merge/field_catalog.hpp"
#include "merge/record_sets.hpp"
#include "records/import.hpp"
#include "records/schema.hpp"
#include "store/campaign.hpp"
#include "template/element.hpp"

namespace tuijie::golden {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(where + ": " + what);
}

Object::Ptr read_json_object(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(path, "cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return Poco::JSON::Parser().parse(text.str()).extract<Object::Ptr>();
  } catch (const Poco::Exception& e) {
    fail(path, "not a JSON object: " + e.displayText());
  }
}

std::string string_member(const Object& object, const std::string& name, const std::string& where) {
  if (!object.has(name))
    return {};
  if (!object.get(name).isString())
    fail(where, "\"" + name + "\" must be a string");
  return object.getValue<std::string>(name);
}

// A set file: a JSON array of records as the store keeps them (canonical text values), each
// an object with "key", string fields and lists as arrays of objects of strings.
std::vector<records::Record> read_plain_records(const std::string& path, const std::string& kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(path, "cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  Array::Ptr array;
  try {
    array = Poco::JSON::Parser().parse(text.str()).extract<Array::Ptr>();
  } catch (const Poco::Exception& e) {
    fail(path, "not a JSON array: " + e.displayText());
  }
  std::vector<records::Record> out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string where = path + " record " + std::to_string(i + 1);
    const Object::Ptr object = array->getObject(static_cast<unsigned>(i));
    if (object.isNull())
      fail(where, "not an object");
    records::Record record;
    record.kind = kind;
    for (const std::string& name : object->getNames()) {
      const Poco::Dynamic::Var value = object->get(name);
      if (value.isString()) {
        (name == "key" ? record.key : record.fields[name]) = value.toString();
        continue;
      }
      const Array::Ptr list = object->getArray(name);
      if (list.isNull())
        fail(where, "\"" + name + "\" must be a string or a list of objects");
      for (std::size_t j = 0; j < list->size(); ++j) {
        const Object::Ptr entry = list->getObject(static_cast<unsigned>(j));
        if (entry.isNull())
          fail(where, "\"" + name + "\" must be a list of objects");
        records::Entry fields;
        for (const std::string& field : entry->getNames())
          fields[field] = string_member(*entry, field, where);
        record.lists[name].push_back(std::move(fields));
      }
    }
    if (record.key.empty())
      fail(where, "has no \"key\"");
    out.push_back(std::move(record));
  }
  return out;
}

std::string format_problems(const Diagnostics& problems) {
  std::string text;
  for (const Diagnostic& d : problems)
    text += "\n  " + d.format_bilingual();
  return text;
}

// What the layout or the merge reported, one line each, without the template's path (a
// temporary copy may stand in for it).
std::string problem_lines(const Diagnostics& problems) {
  std::string out;
  for (const Diagnostic& d : problems) {
    out += "problem " + d.code + (d.record.empty() ? "" : " record=" + d.record) +
           (d.column_name.empty() ? "" : " field=" + d.column_name) + ": " + d.reason_en + "\n";
  }
  return out;
}

}  // namespace

std::string case_folder(const std::string& name) {
  return std::string(TUIJIE_SOURCE_DIR) + "/tests/golden/" + name;
}

CaseDump dump_case(const std::string& name, const CaseInputs& inputs) {
  const std::string folder = case_folder(name);
  const std::string case_file = folder + "/case.json";
  const Object::Ptr spec = read_json_object(case_file);

  const store::Campaign campaign =
      store::Campaign::load(inputs.resources + "/" + string_member(*spec, "campaign", case_file));
  std::map<std::string, std::string> globals = campaign.globals();
  if (const Object::Ptr fixed = spec->getObject("globals")) {
    for (const std::string& global : fixed->getNames())
      globals[global] = string_member(*fixed, global, case_file);
  }
  const records::SchemaSet schemas = records::load_schema_set(inputs.resources + "/data/records");
  const auto fonts = fonts::FontSet::load(inputs.fonts);
  const std::string template_path =
      inputs.template_path.empty()
          ? inputs.resources + "/" + string_member(*spec, "template", case_file)
          : inputs.template_path;
  const auto compile = [&](const merge::FieldCatalog& catalog) {
    merge::CompiledTemplate tpl =
        merge::compile_template(templates::parse_template_file(template_path), *fonts, catalog);
    const std::string paper = string_member(*spec, "paper", case_file);
    if (!paper.empty()) {
      if (!tpl.papers.count(paper))
        fail(case_file, "the template has no paper " + paper);
      tpl.page = tpl.papers.at(paper);
    }
    return tpl;
  };

  // Laid out and dumped while the template (which the model points into) is alive.
  CaseDump dump;
  const auto add = [&](const std::string& key, const layout::DocumentModel& model,
                       Diagnostics problems) {
    layout::LayoutResult laid = layout::layout_document(model);
    problems.insert(problems.end(), laid.diagnostics.begin(), laid.diagnostics.end());
    page::PagedDocument paged;
    paged.info = model.info;
    paged.pages = std::move(laid.pages);
    paged.bookmarks = std::move(laid.bookmarks);
    dump.text += "document " + key + "\n" + problem_lines(problems) + layout::dump_document(paged);
    ++dump.documents;
    dump.pages += paged.pages.size();
  };

  if (const Object::Ptr imported = spec->getObject("records")) {
    // One document per record, the records read as `tuijie import` reads them.
    records::ImportOptions options;
    options.kind = string_member(*imported, "kind", case_file);
    options.campaign_date = campaign.age_date();
    const std::string file = folder + "/" + string_member(*imported, "file", case_file);
    records::ImportResult result = records::read_records(file, schemas, options);
    if (has_errors(result.diagnostics) || result.records.empty())
      fail(file, "records with errors or none:" + format_problems(result.diagnostics));
    const records::Schema* schema = schemas.find(result.kind);
    if (schema == nullptr)
      fail(file, "no schema for kind " + result.kind);
    const merge::CompiledTemplate tpl = compile(merge::field_catalog(*schema, globals));
    for (const records::Record& record : result.records) {
      Diagnostics problems;
      const layout::DocumentModel model = merge::build_document(tpl, record, globals, problems);
      add(record.key, model, std::move(problems));
    }
  } else if (const Object::Ptr named = spec->getObject("sets")) {
    // One document over record sets, as a packet or a booklet composes it.
    merge::RecordSets sets;
    for (const std::string& set : named->getNames())
      sets[set] = read_plain_records(folder + "/" + string_member(*named, set, case_file), set);
    merge::FieldCatalog catalog = merge::collection_catalog(schemas, globals);
    if (const Array::Ptr fields = spec->getArray("fields")) {
      for (std::size_t i = 0; i < fields->size(); ++i)
        catalog.fields.insert(fields->getElement<std::string>(static_cast<unsigned>(i)));
    }
    const merge::CompiledTemplate tpl = compile(catalog);
    Diagnostics problems;
    const layout::DocumentModel model =
        merge::build_document(tpl, records::Record{}, globals, problems, &sets);
    add(name, model, std::move(problems));
  } else {
    fail(case_file, "names neither \"records\" nor \"sets\"");
  }
  return dump;
}

}  // namespace tuijie::golden
