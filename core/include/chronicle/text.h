// Text handling: UTF-8 repair, code-point offsets, tokens and sentences.
#pragma once

#include <chronicle/sdk/plugin_api.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chronicle {

class Lexicon;

// Replaces every byte sequence that is not valid UTF-8 with U+FFFD, and NUL bytes with a
// space. Returns the number of replacements.
std::size_t repair_utf8(std::string& text);

// Maps byte offsets of a valid UTF-8 text to Unicode code-point offsets.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  std::size_t operator()(std::size_t byte_offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // code points before byte k*kStride; empty: ASCII
  static constexpr std::size_t kStride = 256;
};

// The tokens of one piece of text, as a view. The string_views point into the text given
// to tokenize(): a lower-case form that differs from the text as written ("Monday" ->
// "monday", "’s" -> "'s") points into a store that never changes once made. `lower_store`
// keeps the tokens, that store and the hashes alive (shared by the sentences cut from one
// document); a list split_sentences() gives with a DocumentTokens has none: its tokens
// live in that DocumentTokens, as long as it is not filled again.
struct TokenList {
  std::span<const sdk::Token> tokens;
  std::shared_ptr<const void> lower_store;
  // hashes[k]: the engine's hash of tokens[k].lower (an internal function, not the SDK's
  // word_hash), made by the tokenizer once it read the word, for the tokens as tokenize() or
  // split_sentences() gave them (kept alive with the tokens); null in a list made otherwise.
  // A list given other tokens must set it to null: no caller makes these hashes itself.
  const std::uint64_t* hashes = nullptr;
};

// What the sentences of one document view: their tokens, one run after the other (each
// with offsets relative to its sentence), the tokens' hashes (hashes[k] of data[k].lower)
// and the lower-case forms that differ from the text. Filled again by each
// split_sentences() given it, keeping the room it has; also the tokenizer's buffer.
struct DocumentTokens {
  std::unique_ptr<sdk::Token[]> data;
  std::unique_ptr<std::uint64_t[]> hashes;
  std::size_t count = 0;
  std::size_t capacity = 0;
  // while a document's paragraphs are split: the tokens of each paragraph whose lower-case
  // form ends in ".", "!" or "?" (those that may end a sentence), paragraph after paragraph,
  // in order, each by its number within its own paragraph: the ASCII
  // ones and initialisms such as "U.S." (no other token ends so: words and numbers end in
  // a letter or digit, other signs in their own bytes)
  std::vector<std::uint32_t> ends;
  std::unique_ptr<char[]> lower;  // (not cleared: only the bytes written are read)
  std::size_t lower_size = 0;

  DocumentTokens() = default;
  // (a buffer moved from is empty, with no room)
  DocumentTokens(DocumentTokens&& other) noexcept { *this = std::move(other); }
  DocumentTokens& operator=(DocumentTokens&& other) noexcept {
    data = std::move(other.data);
    hashes = std::move(other.hashes);
    count = std::exchange(other.count, 0);
    capacity = std::exchange(other.capacity, 0);
    ends = std::move(other.ends);
    lower = std::move(other.lower);
    lower_size = std::exchange(other.lower_size, 0);
    return *this;
  }
  void clear() {
    count = 0;
    ends.clear();
  }
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const sdk::Token& operator[](std::size_t k) const { return data[k]; }
  void grow();  // at least doubles the capacity
};

// Words, numbers ("2025-02-18", "3:30", "155,221", "18th", "1990s"), punctuation. A
// possessive "'s"/"’s" is its own token with lower "'s". "U.S." is one word token.
TokenList tokenize(std::string_view text);

struct SentenceSpan {
  std::size_t begin = 0;  // byte offsets into the document text
  std::size_t end = 0;
  bool heading = false;  // a line with no closing punctuation: title, section label
};

struct SegmenterIndex;

struct SegmenterRules {
  std::vector<std::string> abbreviations;         // "mr", "feb", "gen" (without the period)
  std::vector<std::string> sentence_starters;     // words that may follow "U.S." at a boundary
  std::vector<std::string> boilerplate;           // whole lines dropped: "leave a comment"
  std::vector<std::string> boilerplate_prefixes;  // lines starting so are dropped
  // A "sentence" longer than this many tokens (a list, a table, hostile input) is cut at
  // commas, or hard at the limit, so that the work per sentence stays bounded.
  std::size_t max_sentence_tokens = 250;
  // What split_sentences() reads from the lists on every document (the boilerplate lines'
  // first characters, the abbreviations and sentence starters hashed), made by prepare()
  // from the lists as they are then. Rules whose lists are not those (none made, a copy,
  // a list given new entries) have it made on each call instead: same answers, slower. A
  // list whose entries are changed in place, keeping its size, needs prepare() again.
  std::shared_ptr<const SegmenterIndex> index;
  void prepare();
  static SegmenterRules from_lexicon(const Lexicon& lexicon);  // prepared
};

// Splits a document into sentences. Blank lines and indented new lines start a
// paragraph; single hard line breaks inside a paragraph do not end a sentence.
// Boilerplate lines are left out. With `tokens`, each sentence's tokens are also given
// (offsets relative to the sentence, as tokenize() of its text gives them), taken from
// the paragraph's tokenization instead of tokenizing every sentence again.
std::vector<SentenceSpan> split_sentences(std::string_view text, const SegmenterRules& rules,
                                          std::vector<TokenList>* tokens = nullptr);
// The same, the sentences' tokens viewing `doc` (which they need alive and unchanged)
// instead of a store of their own.
std::vector<SentenceSpan> split_sentences(std::string_view text, const SegmenterRules& rules,
                                          DocumentTokens& doc, std::vector<TokenList>& tokens);

}  // namespace chronicle
