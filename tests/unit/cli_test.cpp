// The chronicle binary end to end: exit codes (0 ok, 1 some documents failed, 2 usage or
// config error) and what stderr says. Each test works in its own temporary folder.
#include <chronicle/text.h>

#include <gtest/gtest.h>

#include "../test_support.h"
#include <yaml-cpp/yaml.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

using chronicle::testing::CliRun;

class Cli : public chronicle::testing::CliTest {
 protected:
  Cli() : CliTest("cli") {}
};

const std::string kArticle =
    "The fixture was discussed in Paris on Monday.\n\n"
    "Officials said a second fixture followed later.\n";

// --- dates ----------------------------------------------------------------------------

TEST_F(Cli, NoPublicationDateIsAUsageErrorNamingFileAndBothWays) {
  const fs::path f = write("nodate.txt", "Officials met in Riyadh on Tuesday.\n");
  const CliRun r = run("extract " + sh_quote(f.string()));
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_HAS(r.err, f.string());
  EXPECT_HAS(r.err, "no publication date");
  EXPECT_HAS(r.err, "published: YYYY-MM-DD");  // front matter
  EXPECT_HAS(r.err, "--published");            // command line
}

TEST_F(Cli, PublishedOptionThatIsNoCalendarDate) {
  const fs::path f = write("a.txt", "Officials met.\n");
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-30");
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "--published 2025-02-30");
  EXPECT_HAS(r.err, "YYYY-MM-DD");
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(Cli, MalformedFrontMatterDateNamesTheValue) {
  const fs::path f = write("bad.md", "---\npublished: 2025-13-01\n---\nOfficials met.\n");
  const CliRun r = run("extract " + sh_quote(f.string()));
  EXPECT_EQ(r.code, 1) << r.err;  // this document failed; the run itself went through
  EXPECT_HAS(r.err, f.string() + ":2");
  EXPECT_HAS(r.err, "\"2025-13-01\"");
  EXPECT_HAS(r.err, "YYYY-MM-DD");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_TRUE(y["errors"]);
  EXPECT_EQ(y["errors"][0]["where"].as<std::string>(), f.string() + ":2");
}

// --- text -----------------------------------------------------------------------------

TEST_F(Cli, InvalidUtf8IsRepairedWithAWarning) {
  const fs::path f = write("latin1.txt", "Caf\xE9 talks were held. \xFF\xFE ok.\n");
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "warning:");
  EXPECT_HAS(r.err, f.string());
  EXPECT_HAS(r.err, "3 byte(s)");
  EXPECT_HAS(r.err, "U+FFFD");
  std::string out = r.out;
  EXPECT_EQ(chronicle::repair_utf8(out), 0u) << "the output must be valid UTF-8";
  const YAML::Node y = parse_yaml(r.out);
  EXPECT_EQ(y["chronicle"].as<int>(), 1);
  ASSERT_EQ(y["sources"].size(), 1u);
  EXPECT_EQ(y["sources"][0]["id"].as<std::string>(), "latin1");
  EXPECT_FALSE(y["errors"]);
}

TEST_F(Cli, EmptyFileGivesAnEmptyTimeline) {
  const fs::path f = write("empty.txt", "");
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "events: []");
  const YAML::Node y = parse_yaml(r.out);
  EXPECT_EQ(y["chronicle"].as<int>(), 1);
  ASSERT_TRUE(y["events"].IsSequence());
  EXPECT_EQ(y["events"].size(), 0u);
  EXPECT_FALSE(y["errors"]);
}

TEST_F(Cli, OutputOptionWritesTheFile) {
  const fs::path f = write("a.txt", "Officials met.\n");
  const fs::path o = dir_ / "timeline.yaml";
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 -o " +
                    sh_quote(o.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_HAS(slurp(o), "published: 2025-02-17");
}

// --- JSONL ----------------------------------------------------------------------------

TEST_F(Cli, JsonlBadLineIsReportedTheOthersGoOn) {
  const fs::path f = write("batch.jsonl",
                           "{\"id\":\"first\",\"published\":\"2025-02-17\",\"text\":\"One.\"}\n"
                           "this is not json\n"
                           "{\"id\":\"third\",\"published\":\"2025-02-18\",\"text\":\"Three.\"}\n");
  const CliRun r = run("extract " + sh_quote(f.string()));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_HAS(r.err, f.string() + ":2");
  EXPECT_HAS(r.err, "not valid JSON");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_EQ(y["sources"].size(), 2u);
  EXPECT_EQ(y["sources"][0]["id"].as<std::string>(), "first");
  EXPECT_EQ(y["sources"][1]["id"].as<std::string>(), "third");
  EXPECT_EQ(y["sources"][1]["published"].as<std::string>(), "2025-02-18");
  ASSERT_EQ(y["errors"].size(), 1u);
  EXPECT_EQ(y["errors"][0]["where"].as<std::string>(), f.string() + ":2");
}

TEST_F(Cli, JsonlWrongTypeIsReportedForThatLine) {
  const fs::path f = write("types.jsonl",
                           "{\"id\":\"ok\",\"published\":\"2025-02-17\",\"text\":\"One.\"}\n"
                           "{\"id\":\"num\",\"published\":20250217,\"text\":\"Two.\"}\n");
  const CliRun r = run("extract " + sh_quote(f.string()));
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_HAS(r.err, f.string() + ":2");
  EXPECT_HAS(r.err, "\"published\" must be a string, got number");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_EQ(y["sources"].size(), 1u);
  EXPECT_EQ(y["sources"][0]["id"].as<std::string>(), "ok");
}

TEST_F(Cli, JsonlOnStandardInput) {
  const fs::path f = write("in.jsonl",
                           "{\"id\":\"piped\",\"published\":\"2025-02-17\",\"text\":\"One.\"}\n");
  const CliRun r = run("extract -", f.string());
  EXPECT_EQ(r.code, 0) << r.err;
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_EQ(y["sources"].size(), 1u);
  EXPECT_EQ(y["sources"][0]["id"].as<std::string>(), "piped");
}

TEST_F(Cli, MissingInputFileIsADocumentFailure) {
  const fs::path missing = dir_ / "nope.txt";
  const fs::path f = write("a.txt", "Officials met.\n");
  const CliRun r = run("extract " + sh_quote(missing.string()) + " " + sh_quote(f.string()) +
                    " --published 2025-02-17");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_HAS(r.err, missing.string());
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_EQ(y["sources"].size(), 1u);
  EXPECT_EQ(y["sources"][0]["id"].as<std::string>(), "a");
}

// --- usage and config -----------------------------------------------------------------

TEST_F(Cli, NoSubcommandIsAUsageError) {
  const CliRun r = run("");
  EXPECT_EQ(r.code, 2);
}

TEST_F(Cli, PluginsDirectoryThatDoesNotExist) {
  const fs::path f = write("a.txt", "Officials met.\n");
  const CliRun r = run("extract " + sh_quote(f.string()) +
                    " --published 2025-02-17 --plugins /nonexistent-chronicle-plugins");
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "--plugins /nonexistent-chronicle-plugins");
  EXPECT_HAS(r.err, "no such directory");
}

TEST_F(Cli, ConfigFileThatDoesNotExist) {
  const fs::path f = write("a.txt", "Officials met.\n");
  const fs::path c = dir_ / "missing.yaml";
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
                    sh_quote(c.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, c.string());
  EXPECT_HAS(r.err, "--config");
}

TEST_F(Cli, RequiredPluginMissingIsAConfigError) {
  const fs::path c =
      config("    - {name: ghost, library: fixture_does_not_exist, required: true}\n");
  const fs::path f = write("a.txt", kArticle);
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
                    sh_quote(c.string()));
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_HAS(r.err, "error:");
  EXPECT_HAS(r.err, "\"ghost\"");
  EXPECT_HAS(r.err, "libfixture_does_not_exist.so");
  EXPECT_HAS(r.err, "not found");
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(Cli, OptionalPluginMissingIsAWarning) {
  const fs::path c =
      config("    - {name: ghost, library: fixture_does_not_exist, required: false}\n");
  const fs::path f = write("a.txt", kArticle);
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
                    sh_quote(c.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "warning:");
  EXPECT_HAS(r.err, "\"ghost\"");
  EXPECT_HAS(r.err, "continuing without it");
  const YAML::Node y = parse_yaml(r.out);
  EXPECT_EQ(y["sources"].size(), 1u);
}

TEST_F(Cli, OptionalPluginWithWrongAbiIsAWarningNamingBothVersions) {
  const fs::path c = config("    - {name: fixture, library: fixture_abi_major2, required: false}\n"
                            "    - {name: fixture, library: fixture_good, required: true}\n");
  const fs::path f = write("a.txt", kArticle);
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
                    sh_quote(c.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "warning:");
  EXPECT_HAS(r.err, "libfixture_abi_major2.so");
  EXPECT_HAS(r.err, "2.0");
  EXPECT_HAS(r.err, "1.0");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_GE(y["events"].size(), 1u);
  EXPECT_EQ(y["events"][0]["plugin"].as<std::string>(), "fixture");
}

TEST_F(Cli, ThrowingPluginIsReportedAndTheOtherPluginsEventKept) {
  // extract_throws calls itself "fixture"; name_other is the good extractor calling itself
  // "another-name" (two plugins may not share a name: see the disabled test below)
  const fs::path c =
      config("    - {name: fixture, library: fixture_extract_throws, required: false}\n"
             "    - {name: another-name, library: fixture_name_other, required: true}\n");
  const fs::path f = write("fixture-news.txt", kArticle);
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --plugins " +
                    sh_quote(CHRONICLE_FIXTURE_DIR) + " --config " + sh_quote(c.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "errors:");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_TRUE(y["errors"]);
  ASSERT_EQ(y["errors"].size(), 1u);
  EXPECT_EQ(y["errors"][0]["where"].as<std::string>(), "fixture-news");
  const std::string msg = y["errors"][0]["message"].as<std::string>();
  EXPECT_HAS(msg, "plugin \"fixture\"");
  EXPECT_HAS(msg, "fixture failure on purpose");
  ASSERT_EQ(y["events"].size(), 1u);
  const YAML::Node e = y["events"][0];
  EXPECT_EQ(e["plugin"].as<std::string>(), "another-name");
  EXPECT_EQ(e["type"].as<std::string>(), "meeting");
  ASSERT_EQ(e["participants"].size(), 1u);
  EXPECT_EQ(e["participants"][0].as<std::string>(), "Fixture Person");
  EXPECT_EQ(e["evidence"][0]["source"].as<std::string>(), "fixture-news");
}

// Two plugins configured under one name: the throwing fixture and the good fixture both
// call themselves "fixture". Failures are reported per plugin name, so the host must either
// refuse the duplicate at load with a message naming it, or keep the good plugin's event.
TEST_F(Cli, TwoPluginsWithOneNameDoNotSilentlyLoseEvents) {
  const fs::path c =
      config("    - {name: fixture, library: fixture_extract_throws, required: false}\n"
             "    - {name: fixture, library: fixture_good, required: true}\n");
  const fs::path f = write("fixture-news.txt", kArticle);
  const CliRun r = run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
                    sh_quote(c.string()));
  const YAML::Node y = parse_yaml(r.out);
  const bool kept = y["events"] && y["events"].size() == 1;
  const bool told = r.err.find("\"fixture\"") != std::string::npos &&
                    (r.err.find("already") != std::string::npos ||
                     r.err.find("duplicate") != std::string::npos);
  EXPECT_TRUE(kept || told) << "stderr:\n" << r.err << "\nstdout:\n" << r.out;
}

}  // namespace
