#include "store/document_register.hpp"

#include <Poco/Data/Session.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "store/dates.hpp"

namespace tuijie::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

std::string sha256_hex(const std::string& text) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(text);
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string short_hash(const std::string& hash) {
  return hash.substr(0, 12);
}

std::string document_number(Workspace& workspace, const DocumentIdentity& identity, int digits) {
  Poco::Data::Session& db = workspace.session();
  std::string kind = identity.kind, key = identity.record_key, series = identity.series;
  std::vector<std::string> found;
  db << "SELECT number FROM documents WHERE kind = ? AND record_key = ?", use(kind), use(key),
      into(found), now;
  if (!found.empty())
    return found.front();
  db.begin();
  try {
    int last = 0;
    db << "SELECT coalesce(max(sequence), 0) FROM documents WHERE series = ?", use(series),
        into(last), now;
    int sequence = last + 1;
    std::string digits_text = std::to_string(sequence);
    if (static_cast<int>(digits_text.size()) < digits)
      digits_text.insert(0, static_cast<size_t>(digits) - digits_text.size(), '0');
    std::string number = series + "-" + digits_text;
    std::string at = iso8601_utc(run_epoch_seconds());
    db << "INSERT INTO documents (number, kind, record_key, series, sequence, assigned_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
        use(number), use(kind), use(key), use(series), use(sequence), use(at), now;
    db.commit();
    return number;
  } catch (...) {
    db.rollback();
    throw;
  }
}

void record_printing(Workspace& workspace, const std::string& number, const std::string& hash,
                     const std::string& data) {
  std::string n = number, h = hash, d = data;
  std::string at = iso8601_utc(run_epoch_seconds());
  workspace.session() << "INSERT OR IGNORE INTO printings (number, hash, data, printed_at) "
                         "VALUES (?, ?, ?, ?)",
      use(n), use(h), use(d), use(at), now;
}

std::optional<Printing> find_printing(Workspace& workspace, const std::string& number,
                                      const std::string& hash_prefix) {
  if (hash_prefix.empty() || hash_prefix.find_first_not_of("0123456789abcdef") != std::string::npos)
    return std::nullopt;
  std::string n = number, pattern = hash_prefix + "%";
  std::vector<std::string> kinds, keys, hashes, datas;
  workspace.session() << "SELECT d.kind, d.record_key, p.hash, p.data FROM printings p "
                         "JOIN documents d ON d.number = p.number "
                         "WHERE p.number = ? AND p.hash LIKE ? ORDER BY p.hash",
      use(n), use(pattern), into(kinds), into(keys), into(hashes), into(datas), now;
  if (hashes.size() != 1)
    return std::nullopt;  // none, or a prefix too short to tell two printings apart
  return Printing{number, kinds[0], keys[0], hashes[0], datas[0]};
}

}  // namespace tuijie::store
