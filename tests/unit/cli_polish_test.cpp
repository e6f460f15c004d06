// The command line's finish: --version, --help with examples, -o written atomically (or
// directly for devices and pipes), the output format guessed from the -o extension, and
// `chronicle plugins`. Each test works in its own temporary folder.
#include <chronicle/sdk/plugin_api.h>

#include <gtest/gtest.h>

#include "../test_support.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#ifndef CHRONICLE_SOURCE_DIR
#error "CHRONICLE_SOURCE_DIR must name the source tree"
#endif

namespace {

using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

using PolishRun = chronicle::testing::CliRun;

class CliPolish : public chronicle::testing::CliTest {
 protected:
  CliPolish() : CliTest("polish") {}

  void SetUp() override {
    CliTest::SetUp();
    work_ = dir_ / "work";
    fs::create_directories(work_);
  }

  // The names in work_, sorted: a leftover temporary file shows up here.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(work_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  static std::string seed() {
    return sh_quote((fs::path(CHRONICLE_SOURCE_DIR) / "examples" / "riyadh-talks.txt").string());
  }

  fs::path work_;  // what -o writes; stdout and stderr stay in dir_
};

// --- -o: atomic for files ---------------------------------------------------------------

TEST_F(CliPolish, FailedRunLeavesTheOldFileIntact) {
  const fs::path cfg = config("    - {name: ghost, library: fixture_does_not_exist, required: true}\n");
  for (const std::string format : {"yaml", "jsonl", "html"}) {
    const fs::path o = write(work_ / ("timeline." + format), "the old timeline\n");
    const PolishRun r = run("extract " + seed() + " --config " + sh_quote(cfg.string()) + " --format " +
                      format + " -o " + sh_quote(o.string()));
    EXPECT_EQ(r.code, 2) << format << ": " << r.err;
    EXPECT_HAS(r.err, "ghost");
    EXPECT_EQ(slurp(o), "the old timeline\n") << format;
  }
  EXPECT_EQ(listing(), (std::vector<std::string>{"timeline.html", "timeline.jsonl", "timeline.yaml"}))
      << "a temporary file was left behind";
}

TEST_F(CliPolish, FailedTimexRunLeavesTheOldFileIntact) {
  const fs::path bad = write(dir_ / "bad.yaml", "schema: 1\nengine: [not, a, map\n");
  const fs::path o = write(work_ / "timex.jsonl", "old\n");
  const PolishRun r = run("timex " + seed() + " --config " + sh_quote(bad.string()) + " -o " +
                    sh_quote(o.string()));
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(slurp(o), "old\n");
  EXPECT_EQ(listing(), std::vector<std::string>{"timex.jsonl"});
}

TEST_F(CliPolish, SuccessfulRunReplacesTheFileAndKeepsItsPermissions) {
  const fs::path o = write(work_ / "timeline.yaml", "the old timeline\n");
  ASSERT_EQ(::chmod(o.c_str(), 0640), 0);
  const PolishRun r = run("extract " + seed() + " -o " + sh_quote(o.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  const PolishRun ref = run("extract " + seed());
  EXPECT_EQ(slurp(o), ref.out);
  struct stat st {};
  ASSERT_EQ(::stat(o.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(listing(), std::vector<std::string>{"timeline.yaml"});
}

TEST_F(CliPolish, NewFileInAMissingFolderIsAUsageErrorNamingIt) {
  const fs::path o = work_ / "no" / "such" / "t.yaml";
  const PolishRun r = run("extract " + seed() + " -o " + sh_quote(o.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, o.string());
  EXPECT_HAS(r.err, "does not exist");
  EXPECT_FALSE(fs::exists(o));
}

TEST_F(CliPolish, SymlinkToAFileStaysALink) {
  const fs::path real = write(work_ / "real.yaml", "old\n");
  const fs::path link = work_ / "link.yaml";
  fs::create_symlink(real, link);
  const PolishRun r = run("extract " + seed() + " -o " + sh_quote(link.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_HAS(slurp(real), "riyadh-talks");
}

// --- -o: direct for devices and pipes ---------------------------------------------------

TEST_F(CliPolish, DevNullStaysADevice) {
  for (const std::string format : {"yaml", "jsonl"}) {
    const PolishRun r = run("extract " + seed() + " --format " + format + " -o /dev/null");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  const PolishRun t = run("timex " + seed() + " -o /dev/null");
  EXPECT_EQ(t.code, 0) << t.err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(CliPolish, DevStdoutIsStandardOutput) {
  const PolishRun ref = run("extract " + seed());
  const PolishRun r = run("extract " + seed() + " -o /dev/stdout");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, ref.out);
}

TEST_F(CliPolish, FifoIsWrittenDirectly) {
  const fs::path fifo = work_ / "pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const fs::path got = dir_ / "from-pipe.yaml";
  const std::string cmd = "cat " + sh_quote(fifo.string()) + " >" + sh_quote(got.string()) +
                          " & " + sh_quote(CHRONICLE_BINARY) + " extract " + seed() + " -o " +
                          sh_quote(fifo.string()) + " 2>/dev/null; rc=$?; wait; exit $rc";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(fs::is_fifo(fifo));
  const PolishRun ref = run("extract " + seed());
  EXPECT_EQ(slurp(got), ref.out);
  EXPECT_EQ(listing(), std::vector<std::string>{"pipe.yaml"});
}

// --- the format from the -o extension ---------------------------------------------------

TEST_F(CliPolish, FormatIsGuessedFromTheOutputExtension) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"t.yaml", "yaml"}, {"t.yml", "yaml"}, {"t.json", "json"}, {"t.jsonl", "jsonl"},
      {"t.ics", "ics"},   {"t.md", "md"},    {"t.html", "html"}, {"T.HTML", "html"},
      {"t.txt", "yaml"},  {"timeline", "yaml"}};
  for (const auto& [name, format] : cases) {
    const fs::path o = work_ / name;
    const PolishRun r = run("extract " + seed() + " -o " + sh_quote(o.string()));
    ASSERT_EQ(r.code, 0) << name << ": " << r.err;
    const PolishRun ref = run("extract " + seed() + " --format " + format);
    EXPECT_EQ(slurp(o), ref.out) << name << " should be written as " << format;
  }
}

TEST_F(CliPolish, FormatOptionWinsOverTheExtension) {
  const fs::path o = work_ / "t.json";
  ASSERT_EQ(run("extract " + seed() + " --format md -o " + sh_quote(o.string())).code, 0);
  EXPECT_EQ(slurp(o), run("extract " + seed() + " --format md").out);
}

TEST_F(CliPolish, MergeGuessesTooAndRefusesJsonl) {
  const fs::path yaml = work_ / "t.yaml";
  ASSERT_EQ(run("extract " + seed() + " -o " + sh_quote(yaml.string())).code, 0);
  const fs::path ics = work_ / "t.ics";
  const PolishRun r = run("merge " + sh_quote(yaml.string()) + " -o " + sh_quote(ics.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(ics).rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  const PolishRun j = run("merge " + sh_quote(yaml.string()) + " -o " + sh_quote((work_ / "t.jsonl").string()));
  EXPECT_EQ(j.code, 2);
  EXPECT_HAS(j.err, "--format");
  EXPECT_FALSE(fs::exists(work_ / "t.jsonl"));
}

// --- --version and --help ---------------------------------------------------------------

TEST_F(CliPolish, VersionNamesTheReleaseAndTheSdkAbi) {
  const PolishRun r = run("--version");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(^chronicle [0-9]+\.[0-9]+\.[0-9]+ )")))
      << r.out;
  EXPECT_HAS(r.out, "plugin SDK ABI " + std::to_string(CHRONICLE_SDK_ABI_MAJOR) + "." +
                        std::to_string(CHRONICLE_SDK_ABI_MINOR));
  EXPECT_HAS(r.out, CHRONICLE_SDK_TOOLCHAIN);
}

TEST_F(CliPolish, HelpHasExamplesForEveryCommand) {
  const PolishRun top = run("--help");
  EXPECT_EQ(top.code, 0);
  EXPECT_HAS(top.out, "Examples:");
  EXPECT_HAS(top.out, "--version");
  for (const std::string cmd : {"extract", "merge", "timex", "plugins"}) {
    EXPECT_HAS(top.out, cmd);
    const PolishRun r = run(cmd + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_HAS(r.out, "Examples:");
    EXPECT_HAS(r.out, "chronicle " + cmd);
  }
  EXPECT_HAS(run("extract --help").out, "-o extension");
}

// --- chronicle plugins --------------------------------------------------------------------

TEST_F(CliPolish, PluginsListsTheDefaultPlugins) {
  const PolishRun r = run("plugins");
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string abi =
      "ABI " + std::to_string(CHRONICLE_SDK_ABI_MAJOR) + "." + std::to_string(CHRONICLE_SDK_ABI_MINOR);
  for (const std::string p :
       {"meetings", "visits", "summits", "calls", "conferences", "fallback"}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\n  " + p + " [0-9.]+  " + abi + "  /.*libchronicle_" + p + "\\.so")))
        << p << " not listed as loaded:\n" << r.out;
  }
  EXPECT_HAS(r.out, "failed (0):");
}

TEST_F(CliPolish, PluginsListsEveryFixtureWithItsReason) {
  const PolishRun r = run("plugins --config " +
                    sh_quote(config("    - {name: fixture, library: fixture_good}\n").string()) +
                    " --plugins " + sh_quote(CHRONICLE_FIXTURE_DIR));
  EXPECT_EQ(r.code, 0) << r.err;
  const std::string out = r.out;
  const auto failed = out.find("failed (");
  ASSERT_NE(failed, std::string::npos) << out;
  const std::string loaded = out.substr(0, failed), failures = out.substr(failed);
  EXPECT_HAS(loaded, "fixture 1.2.3  ABI 1.2  " CHRONICLE_FIXTURE_DIR "/libfixture_good.so\n");
  EXPECT_HAS(loaded, "libfixture_extract_throws.so  (in a --plugins folder");
  EXPECT_HAS(loaded, "another-name");
  // libfixture_good.so is named by the config: listed once
  EXPECT_EQ(out.find("libfixture_good.so"), out.rfind("libfixture_good.so")) << out;
  const std::vector<std::pair<std::string, std::string>> reasons = {
      {"libfixture_abi_major2.so", "built for SDK ABI 2.0"},
      {"libfixture_abi_minor_newer.so", "newer than this host's ABI"},
      {"libfixture_toolchain_other.so", "built with toolchain"},
      {"libfixture_no_symbols.so", "not a Chronicle plugin"},
      {"libfixture_not_a_library.so", "cannot be loaded as a shared library"},
      {"libfixture_register_false.so", "refused to register"},
      {"libfixture_register_throws.so", "register function threw"}};
  for (const auto& [lib, why] : reasons) {
    const auto at = failures.find("/" + lib + "\n");
    ASSERT_NE(at, std::string::npos) << lib << " not listed as failed:\n" << out;
    const auto line_end = failures.find('\n', at + lib.size() + 2);
    EXPECT_HAS(failures.substr(at, line_end - at), why) << lib;
  }
}

TEST_F(CliPolish, PluginsExitsTwoWhenARequiredPluginFails) {
  const fs::path cfg = config("    - {name: fixture, library: fixture_abi_major2, required: false}\n"
                              "    - {name: fixture, library: fixture_good, required: true}\n"
                              "    - {name: ghost, library: fixture_does_not_exist, required: true}\n");
  const PolishRun r = run("plugins --config " + sh_quote(cfg.string()));
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_HAS(r.out, "loaded (1):");
  EXPECT_HAS(r.out, "ghost (required)");
  EXPECT_HAS(r.out, "file not found");
  EXPECT_HAS(r.out, "built for SDK ABI 2.0");
  EXPECT_HAS(r.err, "required plugin");
}

TEST_F(CliPolish, PluginsReportsABadConfigWithItsLine) {
  const fs::path bad = write(dir_ / "bad.yaml", "schema: 1\nplugins:\n  load: {name: x}\n");
  const PolishRun r = run("plugins --config " + sh_quote(bad.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, bad.string() + ":3:");
}

}  // namespace
