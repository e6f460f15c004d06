// A regular JSONL file read in pieces by several threads (issue 5): the pieces hold every
// line once, with the numbers sequential reading gives them, and a run with any number of
// threads writes the same bytes, errors and warnings as a run with one.
#include <chronicle/document.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "../test_support.h"

namespace {

namespace fs = std::filesystem;
using chronicle::JsonlPieceReader;
using chronicle::testing::sh_quote;

struct SeenLine {
  std::size_t number;  // 1 for the file's first line
  std::string stored;
  std::size_t length;
  bool operator==(const SeenLine&) const = default;
};

std::ostream& operator<<(std::ostream& os, const SeenLine& l) {
  return os << "line " << l.number << " (" << l.length << " bytes): \"" << l.stored << "\"";
}

// The lines as one reader reading from the start sees them: split at '\n', no empty line
// after a final '\n', a last line without one counted.
std::vector<SeenLine> lines_read_in_order(const std::string& bytes, std::size_t limit) {
  std::vector<SeenLine> out;
  std::size_t at = 0, number = 0;
  while (at < bytes.size()) {
    std::size_t nl = bytes.find('\n', at);
    if (nl == std::string::npos) nl = bytes.size();
    const std::size_t n = nl - at;
    out.push_back({++number, bytes.substr(at, std::min(n, limit)), n});
    at = nl + 1;
  }
  return out;
}

std::vector<SeenLine> lines_read_in_pieces(const fs::path& file, std::size_t piece_bytes,
                                           std::size_t limit) {
  const JsonlPieceReader in(file, piece_bytes, limit);
  EXPECT_TRUE(in.ok());
  std::vector<SeenLine> out;
  std::size_t before = 0;  // newlines of the pieces before
  JsonlPieceReader::Piece p;
  for (std::size_t k = 0; k < in.pieces(); ++k) {
    in.read(k, p);
    EXPECT_FALSE(p.read_error);
    const std::size_t first = 1 + before + p.newlines_before;
    for (std::size_t j = 0; j < p.lines.size(); ++j) {
      const auto& l = p.lines[j];
      out.push_back({first + j, p.bytes.substr(l.at, l.stored), l.length});
    }
    before += p.newlines;
  }
  return out;
}

class JsonlPieces : public chronicle::testing::CliTest {
 protected:
  JsonlPieces() : CliTest("pieces") {}
};

TEST_F(JsonlPieces, EveryLineOnceWithItsNumberWhateverThePieceSize) {
  std::mt19937 rng(20250217);
  for (int round = 0; round < 60; ++round) {
    // short and long lines, empty ones, newlines at every place a piece can start or end
    std::string bytes;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      const std::size_t len = rng() % 4 == 0 ? rng() % 60 : rng() % 6;
      for (std::size_t c = 0; c < len; ++c) bytes += static_cast<char>('a' + rng() % 26);
      if (i + 1 < n || rng() % 2) bytes += '\n';
    }
    const fs::path file = write("f.jsonl", bytes);
    for (std::size_t limit : {std::size_t(3), std::size_t(1000)})
      for (std::size_t piece = 1; piece <= 40; ++piece)
        ASSERT_EQ(lines_read_in_pieces(file, piece, limit), lines_read_in_order(bytes, limit))
            << "piece size " << piece << ", limit " << limit << ", file \"" << bytes << "\"";
  }
}

TEST_F(JsonlPieces, ALineLongerThanManyPiecesIsKeptUpToTheLimit) {
  const std::string bytes = "a\n" + std::string(300'000, 'x') + "\nb\n" + std::string(70'000, 'y');
  const fs::path file = write("long.jsonl", bytes);
  for (std::size_t limit : {std::size_t(10), std::size_t(400'000)}) {
    const auto got = lines_read_in_pieces(file, 4096, limit);
    ASSERT_EQ(got, lines_read_in_order(bytes, limit));
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[1].length, 300'000u);
    EXPECT_EQ(got[3].number, 4u);
  }
}

TEST_F(JsonlPieces, AnEmptyFileHasNoPiece) {
  const JsonlPieceReader in(write("empty.jsonl", ""), 128, 1000);
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in.pieces(), 0u);
  EXPECT_FALSE(JsonlPieceReader(dir_ / "missing.jsonl", 128, 1000).ok());
  EXPECT_FALSE(JsonlPieceReader(dir_, 128, 1000).ok());  // a folder is no file
}

// A file of several 128 KiB pieces with every kind of line a reader must answer: the
// output, the errors and the warnings are the same bytes for 1, 2, 3 and 5 threads.
TEST_F(JsonlPieces, AnyNumberOfThreadsGivesTheSameBytesErrorsAndWarnings) {
  std::mt19937 rng(7);
  const std::vector<std::string> sentences{
      "Officials met on Tuesday and will meet again next week.",
      "The talks, first held in March, resume on Feb. 18.",
      "Three days ago the ministers spoke by phone.",
      "Shares rose 2,000 points over the past three years.",
      "A summit is planned for later this month.",
  };
  const char* const kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday"};
  std::string bytes;
  std::size_t line = 0;
  std::vector<std::size_t> bad_lines;
  auto add = [&](const std::string& l) {
    bytes += l;
    bytes += '\n';
    ++line;
  };
  auto doc = [&](const std::string& id, int day, const std::string& text) {
    return "{\"id\":\"" + id + "\",\"published\":\"1987-03-" + (day < 10 ? "0" : "") +
           std::to_string(day) + "\",\"text\":\"" + text + "\"}";
  };
  for (int i = 0; line < 5000; ++i) {
    std::string text;
    for (int s = 0, n = 1 + static_cast<int>(rng() % 4); s < n; ++s)
      text += sentences[rng() % sentences.size()] + " ";
    switch (i % 397) {
      case 5:
        add(doc("dup", 3, text));
        break;  // again in later pieces: dup#2, dup#3 ...
      case 11:
        add(doc("dup#3", 4, text));
        break;  // taken before a rename reaches it
      case 17:
        add("{\"id\": \"broken\", \"text\": ");
        bad_lines.push_back(line);
        break;
      case 23:
        add("");
        add("   \t ");
        break;
      case 29:
        add(doc("crlf-" + std::to_string(i), 5, text) + "\r");
        break;
      case 31:
        add("{\"id\":\"undated-" + std::to_string(i) + "\",\"text\":\"" + text + "\"}");
        bad_lines.push_back(line);
        break;
      case 37:
        add(doc("bytes-" + std::to_string(i), 6, "caf\xe9 " + text));  // not UTF-8
        bad_lines.push_back(line);
        break;
      case 41:
        add(doc("long-" + std::to_string(i), 7, std::string(3000, 'z')));
        bad_lines.push_back(line);
        break;
      case 53: {  // a repeated id, worked on again, with a warning of the analysis naming it
        std::string days = "They met on";
        for (int w = 0; w < 110; ++w) days += std::string(w ? "," : "") + " " + kWeekdays[w % 7];
        add(doc("dup", 8, days + "."));
        break;
      }
      default:
        add(doc("d" + std::to_string(i), 1 + i % 28, text));
    }
  }
  bytes += doc("last", 9, "Talks were held on Monday.");  // no final newline
  const fs::path file = write("corpus.jsonl", bytes);
  ASSERT_GT(fs::file_size(file), 3u * 128 * 1024) << "the file must hold several pieces";
  const std::string lex = (fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string();
  const fs::path cfg = write("limit.yaml", "schema: 1\nengine: {lexicons: \"" + lex +
                                               "\"}\nlimits: {document_bytes: 2500}\n");
  const std::string in = sh_quote(file.string());
  for (const std::string cmd : {"timex --config " + sh_quote(cfg.string()),
                                std::string("extract --format jsonl"), std::string("extract")}) {
    const chronicle::testing::CliRun one = run(cmd + " --threads 1 " + in);
    EXPECT_EQ(one.code, 1) << cmd << "\n" << one.err;
    if (cmd.starts_with("timex")) {
      // the errors name the right lines, the repeated ids are renamed in order
      for (std::size_t l : bad_lines) {
        const std::string where = "error: " + file.string() + ":" + std::to_string(l);
        EXPECT_TRUE(one.err.find(where + ": ") != std::string::npos ||
                    one.err.find(where + " (id ") != std::string::npos)
            << "line " << l;
      }
      EXPECT_NE(one.err.find("the document is 3"), std::string::npos);
      EXPECT_NE(one.out.find("{\"id\":\"dup#2\""), std::string::npos);
      EXPECT_NE(one.out.find("{\"id\":\"dup#4\""), std::string::npos);
      EXPECT_NE(one.out.find("{\"id\":\"last\""), std::string::npos);
      EXPECT_NE(one.err.find("is already used by " + file.string() + ":"), std::string::npos);
      EXPECT_NE(one.err.find(" (id dup): 1 sentence(s) hold more than 100 temporal expressions"),
                std::string::npos);
    }
    for (const std::string threads : {"2", "3", "5"}) {
      const chronicle::testing::CliRun many = run(cmd + " --threads " + threads + " " + in);
      EXPECT_EQ(many.code, one.code) << cmd << " --threads " << threads;
      EXPECT_EQ(many.out, one.out) << cmd << " --threads " << threads;
      EXPECT_EQ(many.err, one.err) << cmd << " --threads " << threads;
    }
  }
}

}  // namespace
