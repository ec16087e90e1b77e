// Helpers for tests that drive `tuijie init / import / check` and read the JSON report.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "app/cli_runner.hpp"

namespace tuijie::testing {

/// `tuijie ARGS` in `cwd`, with the source tree as the resources folder.
inline CliRun run_tuijie(const std::string& args, const std::string& cwd) {
  return run_cli("--resources " + quote(TUIJIE_SOURCE_DIR) + " " + args, cwd);
}

/// A file of the source tree, quoted for the shell: source_file("samples/parks.csv").
inline std::string source_file(const std::string& relative) {
  return quote(std::string(TUIJIE_SOURCE_DIR) + "/" + relative);
}

/// The records of a `check --format json` report, by key. Fails the test on bad JSON.
inline std::map<std::string, Poco::JSON::Object::Ptr> report_records(const std::string& json) {
  std::map<std::string, Poco::JSON::Object::Ptr> by_key;
  Poco::JSON::Object::Ptr root;
  try {
    root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    FAIL("check printed no JSON report: " << e.displayText() << "\n" << json);
  }
  const auto records = root->getArray("records");
  for (std::size_t i = 0; i < records->size(); ++i) {
    const auto record = records->getObject(static_cast<unsigned>(i));
    by_key.emplace(record->getValue<std::string>("key"), record);
  }
  return by_key;
}

/// The codes of one reason list ("incomplete" or "ineligible") of a report record.
inline std::vector<std::string> reason_codes(const Poco::JSON::Object::Ptr& record,
                                             const std::string& list) {
  std::vector<std::string> codes;
  const auto reasons = record->getArray(list);
  for (std::size_t i = 0; i < reasons->size(); ++i) {
    codes.push_back(reasons->getObject(static_cast<unsigned>(i))->getValue<std::string>("code"));
  }
  return codes;
}

/// The Chinese texts of one reason list of a report record.
inline std::vector<std::string> reason_texts_zh(const Poco::JSON::Object::Ptr& record,
                                                const std::string& list) {
  std::vector<std::string> texts;
  const auto reasons = record->getArray(list);
  for (std::size_t i = 0; i < reasons->size(); ++i) {
    texts.push_back(reasons->getObject(static_cast<unsigned>(i))->getValue<std::string>("zh"));
  }
  return texts;
}

}  // namespace tuijie::testing
