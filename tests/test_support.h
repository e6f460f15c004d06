// Helpers shared by the test files.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

// Set for every test file by tests/CMakeLists.txt (CHRONICLE_TEST_DEFS); CliTest uses them.
#ifndef CHRONICLE_BINARY
#error "CHRONICLE_BINARY must name the chronicle executable"
#endif
#ifndef CHRONICLE_CONFIG_DIR
#error "CHRONICLE_CONFIG_DIR must name the config/ directory"
#endif
#ifndef CHRONICLE_SHARED_DIR
#error "CHRONICLE_SHARED_DIR must name the ../shared folder beside the checkout"
#endif
#ifndef CHRONICLE_FIXTURE_DIR
#error "CHRONICLE_FIXTURE_DIR must name the folder of the fixture plugins"
#endif

namespace chronicle::testing {

// EXPECT_HAS(text, part): on failure the whole text is shown.
inline ::testing::AssertionResult HasText(const char* text_expr, const char* part_expr,
                                          const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << text_expr << " does not contain " << part_expr
                                       << " (\"" << part << "\")\n  text: " << text;
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Single-quotes a word for /bin/sh.
inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// A test that runs the chronicle binary (CHRONICLE_BINARY) in a folder of its own,
// <tmp>/chronicle-<prefix>-<test>-<pid>, removed after a passing test and kept for a look
// after a failing one.
class CliTest : public ::testing::Test {
 protected:
  explicit CliTest(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("chronicle-" + prefix_ + "-" + std::string(info->name()) + "-" +
            std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) std::filesystem::remove_all(dir_, ec);
  }

  // Writes `content` to `path` (relative paths are in the test's folder).
  std::filesystem::path write(const std::filesystem::path& path, const std::string& content) {
    const std::filesystem::path p = dir_ / path;
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p;
  }

  // Runs `chronicle <args>`; stdout and stderr are captured separately, in the test's folder.
  CliRun run(const std::string& args, const std::string& stdin_file = "") {
    const std::filesystem::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd = sh_quote(CHRONICLE_BINARY) + " " + args + " >" +
                            sh_quote(out.string()) + " 2>" + sh_quote(err.string()) + " <" +
                            sh_quote(stdin_file.empty() ? "/dev/null" : stdin_file);
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // A config with the source tree's English lexicons and the given `load:` entries; bare
  // library names are found in the fixture folder.
  std::filesystem::path config(const std::string& load_entries) {
    const std::string lex =
        (std::filesystem::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en").string();
    return write("chronicle.yaml",
                 "schema: 1\n"
                 "engine:\n"
                 "  language: en\n"
                 "  lexicons: \"" + lex + "\"\n"
                 "plugins:\n"
                 "  search_paths: [\"" CHRONICLE_FIXTURE_DIR "\"]\n"
                 "  load:\n" + load_entries +
                 "events:\n"
                 "  type_rank: [summit, conference, talks, meeting]\n");
  }

  // `text` read as YAML; on a parse error the test fails showing the text, and the node is
  // empty.
  static YAML::Node parse_yaml(const std::string& text) {
    try {
      return YAML::Load(text);
    } catch (const YAML::Exception& e) {
      ADD_FAILURE() << "output is not YAML (" << e.what() << "):\n" << text;
      return YAML::Node();
    }
  }

  std::filesystem::path dir_;

 private:
  std::string prefix_;
};

// A JSONL data set of ../shared (CHRONICLE_SHARED_DIR) and how many of its documents a
// test reads (0: all of them).
struct SharedSet {
  std::string relative;  // e.g. "data/tempeval3/timebank.jsonl"
  std::size_t limit = 0;
  std::filesystem::path path() const {
    return std::filesystem::path(CHRONICLE_SHARED_DIR) / relative;
  }
};

// The reason to skip when a set is absent (../shared not beside the checkout), else "".
inline std::string missing_shared(const std::vector<SharedSet>& sets) {
  for (const auto& s : sets)
    if (!std::filesystem::exists(s.path()))
      return s.path().string() + " not found: ../shared is not beside the checkout";
  return {};
}

// Calls fn(line) for each non-blank line of the set's first `limit` documents.
template <class Fn>
void for_each_jsonl_line(const SharedSet& set, Fn&& fn) {
  std::ifstream in(set.path(), std::ios::binary);
  EXPECT_TRUE(in) << set.path();
  std::string line;
  std::size_t docs = 0;
  while ((set.limit == 0 || docs < set.limit) && std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    fn(line);
    ++docs;
  }
}

}  // namespace chronicle::testing

#define EXPECT_HAS(text, part) EXPECT_PRED_FORMAT2(::chronicle::testing::HasText, text, part)
