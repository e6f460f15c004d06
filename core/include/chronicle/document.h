// Documents: text or Markdown files with optional YAML front matter, and JSONL streams.
#pragma once

#include <date/date.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
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

// "name:line", the origin of a JSONL file's line, written into `origin` (its storage kept
// from line to line).
void line_origin(const std::string& name, std::size_t line, std::string& origin);

// One line of a JSONL file (without its '\n'), as read_jsonl reads it: `length` is the
// whole line's length, `line` at most its first max_document_bytes bytes. A blank line is
// skipped; a longer line than the limit, or one that is no document, is a failure naming
// `origin` (file:line).
enum class JsonlLine { blank, document, failure };
JsonlLine read_jsonl_line(std::string_view line, std::size_t length, const std::string& origin,
                          const ReadOptions& options, Document& d, DocumentFailure& failure);

// A regular JSONL file read in pieces, by several threads at once: piece k holds every
// line that starts in bytes [k * piece_bytes, (k + 1) * piece_bytes) of the file, to its
// end (past the piece if need be). A thread reads the bytes it works on itself (pread),
// so no text crosses from a reading thread to a working one. The lines of all pieces, in
// order, are the lines read_jsonl reads; line numbers come from the newlines counted in
// the pieces before (Piece::newlines).
class JsonlPieceReader {
 public:
  // Opens `path`; ok() is false if it cannot be opened or is no regular file.
  JsonlPieceReader(const std::filesystem::path& path, std::size_t piece_bytes,
                   std::size_t max_line_bytes);
  ~JsonlPieceReader();
  JsonlPieceReader(const JsonlPieceReader&) = delete;
  JsonlPieceReader& operator=(const JsonlPieceReader&) = delete;

  bool ok() const { return fd_ >= 0; }
  std::size_t pieces() const { return pieces_; }

  struct Line {
    std::size_t at = 0;      // its first byte in Piece::bytes
    std::size_t stored = 0;  // bytes of it in Piece::bytes: at most max_line_bytes
    std::size_t length = 0;  // its whole length, '\n' not counted
  };
  struct Piece {
    std::string bytes;     // the piece's bytes (its lines' bytes at Line offsets), and room kept
    std::vector<Line> lines;   // every line that starts in the piece, blank ones too
    std::size_t newlines = 0;  // '\n' in the piece's own bytes
    // '\n' in the piece's own bytes before its first line (0 or 1): the first line is line
    // 1 + (newlines of the pieces before) + this of the file
    std::size_t newlines_before = 0;
    bool read_error = false;  // the file could not be read to the end of the piece's lines
  };
  // Reads piece `k` into `p` (keeping the room of its buffers). Safe to call from several
  // threads at once, for different pieces and different `p`.
  void read(std::size_t k, Piece& p) const;

 private:
  int fd_ = -1;
  std::size_t size_ = 0, piece_bytes_ = 0, max_line_bytes_ = 0, pieces_ = 0;
};

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
