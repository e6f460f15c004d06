// Documents: text or Markdown files with optional YAML front matter, and JSONL streams.
#pragma once

#include <date/date.h>

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chronicle {

struct Document {
  std::string id;
  std::optional<date::sys_days> published;
  std::string title;
  std::string dateline;  // "ALGIERS, March 4": its city anchors "here"
  std::string text;      // body, valid UTF-8; offsets in the output point into it
  std::string origin;    // file, or file:line for JSONL
  std::vector<std::string> warnings;  // e.g. bytes that were not UTF-8, replaced
  std::size_t source_bytes = 0;       // bytes of input it was read from (file, or line)
  // `text` is known to hold only ASCII (no NUL): its code-point offsets are its byte
  // offsets. false: not known (a reader that does not check leaves it so).
  bool ascii = false;

  // Exchanges two documents member by member, their strings' storage with them (std::swap
  // would move each member three times). A new member must be swapped here too: the test
  // DocumentSwap.ExchangesEveryMember names every member and fails to compile without it.
  friend void swap(Document& a, Document& b) noexcept {
    using std::swap;
    swap(a.id, b.id);
    swap(a.published, b.published);
    swap(a.title, b.title);
    swap(a.dateline, b.dateline);
    swap(a.text, b.text);
    swap(a.origin, b.origin);
    swap(a.warnings, b.warnings);
    swap(a.source_bytes, b.source_bytes);
    swap(a.ascii, b.ascii);
  }
};

// A document that could not be read; the run goes on with the others.
struct DocumentFailure {
  std::string where;    // file, file:line, or document id
  std::string message;  // what is wrong and how to fix it
};

// A document (a file, or one JSONL line) larger than this is refused, unread, with an
// error naming it and the limit: `limits.document_bytes` in the config.
inline constexpr std::size_t kDefaultMaxDocumentBytes = 10'000'000;

struct ReadOptions {
  std::optional<date::sys_days> published;  // --published: sets or overrides the date
  std::size_t max_document_bytes = kDefaultMaxDocumentBytes;
};

// Reads one path (text/Markdown file or .jsonl) and calls `sink` for each document or
// failure, in input order. Throws DocumentError only when the file cannot be opened.
// `name` (default: the path) is the file's name in origins, errors and default ids, and
// its first line is line `first_line`: a piece of a bigger file, copied elsewhere (a
// scale-out worker's partition), reads as that file would.
void read_path(const std::filesystem::path& path, const ReadOptions& options,
               const std::function<void(Document&&)>& on_document,
               const std::function<void(DocumentFailure&&)>& on_failure,
               const std::string& name = {}, std::size_t first_line = 1);

// Reads a JSONL stream (`name` is used as "name:line" in origins, the first line being
// `first_line`), like read_path.
void read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options,
                const std::function<void(Document&&)>& on_document,
                const std::function<void(DocumentFailure&&)>& on_failure,
                std::size_t first_line = 1);

// Parses one document from file content (front matter optional). Throws DocumentError.
Document parse_text_document(std::string content, const std::string& origin,
                             const std::string& default_id, const ReadOptions& options);

// Parses one JSONL line. Throws DocumentError naming `origin` (file:line).
Document parse_json_document(std::string_view line, const std::string& origin,
                             const ReadOptions& options);

namespace detail {
// JSONL lines are read by a fast reader (simdjson) and, for any line it does not accept
// as a plain object of string fields, by the reference reader (nlohmann::json) that
// words the errors. Empty when both give the same document or error for `line`, else
// both answers (for the fuzz target and the tests).
std::string json_readers_disagree(std::string_view line);
}  // namespace detail

}  // namespace chronicle
