// Two connections to one workspace writing at the same time, in one process on two threads:
// every write lands, none fails for a lock. Tagged [threads] for the ThreadSanitizer build.
// (The same between processes, through the real program: tests/app/concurrent_cli_test.cpp.)
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.hpp"
#include "store/test_support.hpp"
#include "store/workspace.hpp"

using namespace Poco::Data::Keywords;
using tuijie::records::Record;
using tuijie::store::ImportSource;
using tuijie::store::RecordVerdict;
using tuijie::store::Workspace;
namespace t = tuijie::testing;

namespace {

std::vector<Record> batch(const std::string& tag, int count) {
  std::vector<Record> records;
  for (int i = 0; i < count; ++i) {
    Record r;
    r.kind = "candidate";
    r.key = tag + "-" + std::to_string(i);
    r.fields = {{"name", "候选人" + r.key}, {"phone", "1380000" + std::to_string(1000 + i)}};
    records.push_back(std::move(r));
  }
  return records;
}

ImportSource source_of(const std::string& file) {
  ImportSource s;
  s.file = file;
  s.kind = "candidate";
  return s;
}

long count_of(Workspace& ws, const std::string& sql) {
  Poco::Int64 n = 0;
  ws.session() << sql, into(n), now;
  return static_cast<long>(n);
}

// Runs `work(thread index)` on two threads at once; returns the first exception's text.
template <class Work>
std::string run_two(Work work) {
  std::vector<std::string> failures(2);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int index = 0; index < 2; ++index) {
    threads.emplace_back([&, index] {
      ++ready;
      while (ready.load() < 2) {
        std::this_thread::yield();  // start together, so that the writes overlap
      }
      try {
        work(index);
      } catch (const tuijie::TuijieError& e) {
        failures[index] = e.diagnostics().at(0).code + ": " + e.what();
      } catch (const std::exception& e) {
        failures[index] = e.what();
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  return failures[0] + failures[1];
}

}  // namespace

TEST_CASE("two connections import at once on two threads and every record is stored", "[threads]") {
  const t::TempDir tmp;
  Workspace::create(tmp.str(), t::tianjin_campaign_path());
  constexpr int kRounds = 20;
  constexpr int kPerBatch = 25;
  // Each thread has its own connection, as two commands would.
  std::vector<Workspace> connections;
  connections.push_back(Workspace::open(tmp.str()));
  connections.push_back(Workspace::open(tmp.str()));
  const std::string failure = run_two([&](int index) {
    for (int round = 0; round < kRounds; ++round) {
      const std::string tag = "t" + std::to_string(index) + "r" + std::to_string(round);
      const auto summary =
          connections[index].import(batch(tag, kPerBatch), source_of(tag + ".csv"));
      if (summary.inserted != kPerBatch)
        throw std::runtime_error(tag + ": inserted " + std::to_string(summary.inserted));
      // The same batch again from the other thread's point of view: a shared key set.
      connections[index].import(batch("shared" + std::to_string(round), kPerBatch),
                                source_of("shared.csv"));
    }
  });
  CHECK(failure.empty());
  Workspace check = Workspace::open(tmp.str());
  CHECK(count_of(check, "SELECT count(*) FROM records") == (2 * kRounds + kRounds) * kPerBatch);
  CHECK(count_of(check, "SELECT count(*) FROM imports") == 2 * 2 * kRounds);
}

TEST_CASE("check's evaluations and an import write at once without losing either", "[threads]") {
  const t::TempDir tmp;
  {
    Workspace ws = Workspace::create(tmp.str(), t::tianjin_campaign_path());
    ws.import(batch("old", 50), source_of("old.csv"));
  }
  std::vector<Workspace> connections;
  connections.push_back(Workspace::open(tmp.str()));
  connections.push_back(Workspace::open(tmp.str()));
  constexpr int kRounds = 20;
  const std::string failure = run_two([&](int index) {
    for (int round = 0; round < kRounds; ++round) {
      if (index == 0) {
        connections[0].import(batch("new" + std::to_string(round), 10), source_of("new.csv"));
      } else {
        std::vector<RecordVerdict> verdicts;
        for (const Record& r : batch("old", 50)) {
          RecordVerdict v{r.kind, r.key, {}};
          v.verdict.complete = round % 2 == 0;
          verdicts.push_back(v);
        }
        connections[1].save_evaluations(verdicts);
      }
    }
  });
  CHECK(failure.empty());
  Workspace check = Workspace::open(tmp.str());
  CHECK(count_of(check, "SELECT count(*) FROM records") == 50 + kRounds * 10);
  CHECK(count_of(check, "SELECT count(*) FROM evaluations") == 50);
  // The last round (odd) stored "incomplete" for every old record.
  CHECK(count_of(check, "SELECT count(*) FROM evaluations WHERE complete = 0") == 50);
}
