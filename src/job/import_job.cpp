#include "job/import_job.hpp"

#include <filesystem>

#include "check/campaign_rules.hpp"
#include "check/verdict.hpp"
#include "job/templates.hpp"
#include "records/import.hpp"
#include "records/result_matching.hpp"

namespace tuijie::job {

namespace {

constexpr const char* kResultKind = "result";

// The result rows resolved against the workspace's records of the campaign's award kinds.
records::ResultMatching match_results(store::Workspace& workspace,
                                      const records::ImportResult& input, const std::string& file) {
  std::vector<records::ResultCategory> categories;
  std::map<std::string, std::vector<records::Record>> stored;
  for (const store::AwardCategory& award : workspace.campaign().award_categories()) {
    categories.push_back({award.name, award.kind});
    if (!stored.count(award.kind))
      stored[award.kind] = workspace.records(award.kind);
  }
  return records::match_results(input.records, input.record_rows, file, categories, stored);
}

void add(Diagnostics& to, const Diagnostics& more) {
  to.insert(to.end(), more.begin(), more.end());
}

FileImport import_file(const Env& env, const records::SchemaSet& schemas,
                       const records::ImportOptions& options, const std::string& file,
                       bool partial) {
  store::Workspace& workspace = env.store();
  FileImport out;
  out.file = file;
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(file, ignored)) {
    out.diagnostics.push_back(
        make_error(Category::MissingInput, "file-missing", "找不到此文件", "no such file", file));
    out.refusal = FileImport::Refusal::Unreadable;
    return out;
  }
  records::ImportResult input;
  try {
    input = records::read_records(file, schemas, options);
  } catch (const TuijieError& e) {
    out.diagnostics = e.diagnostics();
    out.refusal = FileImport::Refusal::Unreadable;
    return out;
  }
  out.diagnostics = input.diagnostics;
  const bool bad = has_errors(input.diagnostics);
  out.rows_with_errors = static_cast<long>(records::count_rows_with_errors(input.diagnostics));
  if (bad && (!partial || input.records.empty())) {
    out.refusal = FileImport::Refusal::RowErrors;
    return out;
  }

  store::ImportSource source;
  source.file = file;
  source.kind = input.kind.empty() ? options.kind : input.kind;
  if (source.kind == kResultKind) {
    // Results name stored records: every row must name exactly one before any is stored,
    // and a results file is the whole decision for each category it names.
    records::ResultMatching matched = match_results(workspace, input, file);
    add(out.diagnostics, matched.diagnostics);
    if (has_errors(matched.diagnostics) || bad) {
      out.refusal = FileImport::Refusal::UnmatchedResults;
      return out;
    }
    input.records = std::move(matched.results);
    source.replaces_field = "category";
    for (const records::Record& result : input.records)
      source.replaces_values.insert(result.get("category"));
  }
  source.rows = input.record_rows;
  source.row_count = static_cast<long>(input.data_rows);
  source.errors = out.rows_with_errors;
  // Each record is judged as it is stored, so that its stored evaluation always matches it. A
  // result is a decision, not an application: not judged.
  store::Evaluator judge;
  if (source.kind != kResultKind) {
    judge = check::evaluator(check::rules_for(
        workspace.campaign(), input.records, env.resource(check::kProvincesFile), out.diagnostics));
  }
  out.stored = workspace.import(input.records, source, judge);
  return out;
}

}  // namespace

ImportResult ImportJob::run(const Env& env) const {
  if (files.empty())
    throw_usage("import 需要至少一个文件", "import needs at least one FILE");
  store::Workspace& workspace = env.store();
  const records::SchemaSet schemas = load_schemas(env);
  records::ImportOptions options;
  options.kind = kind;
  options.encoding = encoding;
  options.campaign_date = workspace.campaign().age_date();
  ImportResult result;
  for (std::size_t i = 0; i < files.size(); ++i) {
    result.files.push_back(import_file(env, schemas, options, files[i], partial));
    env.step(i + 1, files.size(), files[i]);
  }
  return result;
}

}  // namespace tuijie::job
