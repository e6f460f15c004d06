// detail::LineWordSet: the words of a file of one word a line, viewed in its bytes, answer
// as a WordSet given each word (the way common_words.txt was read before).
#include "../../core/src/line_word_set.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/src/compiled_config.h"
#include "../../core/src/word_index.h"

namespace {

// the WordSet of the text's lines that are not empty and do not start with '#'
chronicle::detail::WordSet word_set_of(std::string_view text) {
  chronicle::detail::WordSet set;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view w = text.substr(pos, end - pos);
    if (!w.empty() && w[0] != '#') set.insert(w);
    pos = end + 1;
  }
  return set;
}

void expect_same(const std::string& text, const std::vector<std::string>& more) {
  const auto old = word_set_of(text);
  const chronicle::detail::LineWordSet set(text);
  std::string copy = text;
  const chronicle::detail::LineWordSet moved(std::move(copy));
  const chronicle::detail::LineWordSet moved_again(std::move(moved));  // (offsets, not pointers)
  EXPECT_EQ(set.size(), old.size());
  EXPECT_EQ(set.empty(), old.empty());
  std::vector<std::string> words = more;
  const std::string_view t = text;
  for (std::size_t pos = 0; pos < t.size();) {
    std::size_t end = std::min(t.find('\n', pos), t.size());
    words.emplace_back(t.substr(pos, end - pos));
    pos = end + 1;
  }
  for (std::size_t i = 0, n = words.size(); i < n; ++i) {
    words.push_back(words[i] + "e");
    if (!words[i].empty()) {
      words.push_back(words[i].substr(1));
      words.push_back(words[i].substr(0, words[i].size() - 1));
    }
  }
  for (const auto& w : words) {
    EXPECT_EQ(set.contains(w), old.contains(w)) << "'" << w << "'";
    EXPECT_EQ(moved_again.count(w), old.count(w)) << "'" << w << "'";
  }
}

}  // namespace

TEST(LineWordSet, AnswersAsAWordSetOfTheLines) {
  expect_same("", {"", "a"});
  expect_same("# only a comment\n", {"# only a comment", "only"});
  expect_same("one\ntwo\n\n# three\nthree\none\nfour", {"", "#", "# three", "five", "On"});
  expect_same("a\nab\nabc\nx y\n\n\n", {"a b", "x", "y", "abcd"});
}

TEST(LineWordSet, ShippedCommonWords) {
  const auto text = chronicle::detail::read_file(std::filesystem::path(CHRONICLE_CONFIG_DIR) /
                                                 "lexicons" / "en" / "common_words.txt");
  ASSERT_TRUE(text.has_value());
  const chronicle::detail::LineWordSet set(*text);
  EXPECT_GT(set.size(), 50000u);
  expect_same(*text, {"the", "The", "Washington", "washington", "meeting", "zzzz", ""});
}

TEST(CompiledConfig, ReadFileReadsTheWholeFile) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("chronicle_read_file_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const std::string content : {std::string(), std::string("x"), std::string(100000, 'y')}) {
    const auto p = dir / "f.txt";
    {
      std::ofstream out(p, std::ios::binary);
      out << content;
    }
    const auto read = chronicle::detail::read_file(p);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(*read, content);
  }
  EXPECT_FALSE(chronicle::detail::read_file(dir / "missing.txt").has_value());
  std::filesystem::remove_all(dir);
}
