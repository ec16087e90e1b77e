#include "output/publication.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <vector>

#include "pdf/page_digest.hpp"

namespace tuijie::output {

std::string bytes_sha256(std::string_view bytes) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(sha.digest());
}

Publication::Publication(store::Workspace& workspace, int digits)
    : workspace_(workspace), plan_(workspace, digits) {}

std::string Publication::stage_pdf(const std::filesystem::path& final_path, std::string_view pdf,
                                   const store::PrintedDocument& document) {
  const pdf::PageDigest digest = pdf::page_digest(pdf, final_path.string());
  const std::string sha = bytes_sha256(pdf);
  files_.stage(final_path, pdf);
  std::lock_guard lock(mutex_);
  printed_files_.push_back({document.number, document.hash, final_path.filename().string(), sha,
                            digest.sha256, digest.pages});
  return sha;
}

std::string Publication::add_document(const std::filesystem::path& final_path, std::string_view pdf,
                                      const store::PrintedDocument& document) {
  const std::string sha = stage_pdf(final_path, pdf, document);
  add_printing(document);
  return sha;
}

void Publication::add_printing(const store::PrintedDocument& document) {
  std::lock_guard lock(mutex_);
  documents_.push_back(document);
}

std::string Publication::add_file_of(const std::filesystem::path& final_path, std::string_view pdf,
                                     const store::PrintedDocument& document) {
  return stage_pdf(final_path, pdf, document);
}

std::string Publication::add_file_of_written(const std::filesystem::path& final_path,
                                             const std::function<bool(int fd)>& write,
                                             const store::PrintedDocument& document) {
  const std::filesystem::path temporary = files_.stage_written(final_path, write);
  const pdf::PageDigest digest = pdf::page_digest_of_file(temporary.string());
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  std::ifstream in(temporary, std::ios::binary);
  std::vector<char> chunk(1 << 16);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
    sha.update(chunk.data(), static_cast<unsigned>(in.gcount()));
  const std::string hex = Poco::DigestEngine::digestToHex(sha.digest());
  std::lock_guard lock(mutex_);
  printed_files_.push_back({document.number, document.hash, final_path.filename().string(), hex,
                            digest.sha256, digest.pages});
  return hex;
}

std::string Publication::add_plain_file(const std::filesystem::path& final_path,
                                        std::string_view bytes) {
  files_.stage(final_path, bytes);
  return bytes_sha256(bytes);
}

void Publication::commit() {
  std::lock_guard lock(mutex_);
  store::record_printings(workspace_, documents_, printed_files_);
  files_.publish();
}

Tidied tidy_output_folder(store::Workspace& workspace, const std::filesystem::path& dir) {
  return remove_stale_temporaries(dir, [&](const std::string& bytes) {
    return store::file_recorded(workspace, bytes_sha256(bytes));
  });
}

}  // namespace tuijie::output
