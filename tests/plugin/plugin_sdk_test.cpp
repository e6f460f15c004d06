// The plugin SDK as users meet it: every load failure through the CLI (required: exit 2,
// optional: a warning), a plugin that throws on one document of several, missing plugin
// folders, the trust checks on plugin files and folders, and YAML-only extractors.
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/extractor_definitions.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "../test_support.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#ifndef CHRONICLE_PLUGIN_DIR
#error "CHRONICLE_PLUGIN_DIR must name the folder of the bundled plugins"
#endif

namespace {

namespace fs = std::filesystem;
using chronicle::LoadError;
using chronicle::PluginHost;
using chronicle::PluginSpec;
using chronicle::testing::CliRun;
using chronicle::testing::sh_quote;

const std::string kArticle =
    "The fixture was discussed in Paris on Monday.\n\n"
    "Officials said a second fixture followed later.\n";

class PluginCli : public chronicle::testing::CliTest {
 protected:
  PluginCli() : CliTest("plugin-sdk") {}

  CliRun extract(const fs::path& cfg, const std::string& more = "") {
    const fs::path f = dir_ / "news.txt";
    if (!fs::exists(f)) write("news.txt", kArticle);
    return run("extract " + sh_quote(f.string()) + " --published 2025-02-17 --config " +
               sh_quote(cfg.string()) + more);
  }
};

// --- the failure matrix through the CLI ---------------------------------------------------

struct Failure {
  const char* name;     // test name
  const char* library;  // fixture library (bare name, found in the fixture folder)
  const char* reason;   // in the message
  const char* fix;      // in the message
  const char* also;     // a second thing the message must name (a version), or ""
};

const Failure kFailures[] = {
    {"FileMissing", "fixture_does_not_exist", "file not found", "plugins.search_paths", ""},
    {"NotASharedLibrary", "fixture_not_a_library", "cannot be loaded as a shared library",
     "rebuild it with chronicle_add_plugin()", ""},
    {"NoChronicleSymbols", "fixture_no_symbols", "not a Chronicle plugin", "CHRONICLE_PLUGIN(...)",
     "chronicle_plugin_register"},
    {"AbiMajorDiffers", "fixture_abi_major2", "built for SDK ABI 2.0", "rebuild it",
     "ABI 1.0-1.2"},
    {"AbiMinorNewer", "fixture_abi_minor_newer", "built for SDK ABI 1.3",
     "upgrade Chronicle or rebuild", "ABI 1.2"},
    {"ToolchainDiffers", "fixture_toolchain_other", "built with toolchain \"libc++/abi1\"",
     "same compiler and standard library", CHRONICLE_SDK_TOOLCHAIN},
    {"NameDiffersFromConfig", "fixture_name_other", "calls itself \"another-name\"",
     "fix `name:` in the config", "the config names it \"fixture\""},
    {"RegisterReturnsFalse", "fixture_register_false", "refused to register",
     "lexicon has no 'triggers' list", ""},
    {"RegisterThrows", "fixture_register_throws", "register function threw",
     "fix the plugin's register function", "boom in register"},
};

class FailureMatrix : public PluginCli, public ::testing::WithParamInterface<Failure> {};

TEST_P(FailureMatrix, RequiredIsAnErrorWithExitTwo) {
  const Failure& f = GetParam();
  const fs::path cfg =
      config(std::string("    - {name: fixture, library: ") + f.library + ", required: true}\n");
  const CliRun r = extract(cfg);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_HAS(r.err, "error: plugin \"fixture\" (" CHRONICLE_FIXTURE_DIR "/lib" +
                        std::string(f.library) + ".so)");
  EXPECT_HAS(r.err, f.reason);
  EXPECT_HAS(r.err, f.fix);
  EXPECT_HAS(r.err, f.also);
  EXPECT_TRUE(r.out.empty()) << "no timeline after a required plugin failed:\n" << r.out;
}

TEST_P(FailureMatrix, OptionalIsAWarningAndTheRunGoesOn) {
  const Failure& f = GetParam();
  const fs::path cfg = config(std::string("    - {name: fixture, library: ") + f.library +
                              ", required: false}\n"
                              "    - {name: picky, library: fixture_extract_throws_on_one}\n");
  const CliRun r = extract(cfg);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "warning: plugin \"fixture\" (" CHRONICLE_FIXTURE_DIR "/lib" +
                        std::string(f.library) + ".so)");
  EXPECT_HAS(r.err, f.reason);
  EXPECT_HAS(r.err, f.fix);
  EXPECT_HAS(r.err, "(continuing without it)");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_TRUE(y["events"]) << r.out;
  ASSERT_EQ(y["events"].size(), 1u) << r.out;
  EXPECT_EQ(y["events"][0]["plugin"].as<std::string>(), "picky");
}

INSTANTIATE_TEST_SUITE_P(Plugins, FailureMatrix, ::testing::ValuesIn(kFailures),
                         [](const auto& info) { return std::string(info.param.name); });

// --- extract() throws on one document ------------------------------------------------------

TEST_F(PluginCli, ExtractThrowingOnOneDocumentSkipsThatDocumentOnly) {
  const fs::path cfg = config(
      "    - {name: picky, library: fixture_extract_throws_on_one}\n"
      "    - {name: another-name, library: fixture_name_other}\n");
  fs::create_directories(dir_ / "news");
  // the first sentence is fine; the failure comes later, and the plugin's event of the
  // first sentence goes too: the plugin skips the whole document
  write("news/a-bad.txt", "The fixture met in Paris on Monday.\n\nThen boom, said officials.\n");
  write("news/b-good.txt", "The fixture met in Rome on Tuesday.\n");
  const CliRun r = run("extract " + sh_quote((dir_ / "news").string()) +
                       " --published 2025-02-17 --config " + sh_quote(cfg.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_TRUE(y["errors"]) << r.out;
  ASSERT_EQ(y["errors"].size(), 1u) << r.out;
  EXPECT_EQ(y["errors"][0]["where"].as<std::string>(), "a-bad");
  const std::string msg = y["errors"][0]["message"].as<std::string>();
  EXPECT_HAS(msg, "plugin \"picky\"");
  EXPECT_HAS(msg, "picky fails on boom");
  EXPECT_HAS(msg, "skipped this document");
  // plugin/source of every document's reading (`versions` when an event merges reports)
  std::vector<std::string> seen;
  for (const auto& e : y["events"]) {
    if (e["versions"]) {
      for (const auto& v : e["versions"])
        seen.push_back(v["plugin"].as<std::string>() + "/" + v["source"].as<std::string>());
    } else {
      for (const auto& ev : e["evidence"])
        seen.push_back(e["plugin"].as<std::string>() + "/" + ev["source"].as<std::string>());
    }
  }
  std::sort(seen.begin(), seen.end());
  // Both plugins propose the same trigger and the first loaded (picky) wins it; in a-bad,
  // where picky failed in a later sentence, its first-sentence event is gone and
  // another-name's stands in. Were picky's event kept, a-bad would read picky/a-bad.
  const std::vector<std::string> want = {"another-name/a-bad", "picky/b-good"};
  EXPECT_EQ(seen, want) << r.out;
}

// --- plugin folders ------------------------------------------------------------------------

TEST_F(PluginCli, ConfiguredPluginFolderMissingRequired) {
  const fs::path missing = dir_ / "no-such-plugins";
  const fs::path cfg =
      write("chronicle.yaml",
            "schema: 1\n"
            "engine: {lexicons: \"" CHRONICLE_CONFIG_DIR
            "/lexicons/en\"}\n"
            "plugins:\n"
            "  search_paths: [\"" +
                missing.string() +
                "\"]\n"
                "  load:\n"
                "    - {name: meetings, library: chronicle_meetings, required: true}\n");
  const CliRun r = extract(cfg);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_HAS(r.err, "warning: plugin folder " + missing.string());
  EXPECT_HAS(r.err, "does not exist");
  EXPECT_HAS(r.err, "error: plugin \"meetings\"");
  EXPECT_HAS(r.err, missing.string() + " (no such folder)");
  EXPECT_HAS(r.err, "plugins.search_paths");
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(PluginCli, ConfiguredPluginFolderMissingOptional) {
  const fs::path missing = dir_ / "no-such-plugins";
  const fs::path cfg = write("chronicle.yaml",
                             "schema: 1\n"
                             "engine: {lexicons: \"" CHRONICLE_CONFIG_DIR
                             "/lexicons/en\"}\n"
                             "plugins:\n"
                             "  search_paths: [\"" +
                                 missing.string() + "\", \"" + CHRONICLE_FIXTURE_DIR +
                                 "\"]\n"
                                 "  load:\n"
                                 "    - {name: meetings, library: chronicle_meetings}\n"
                                 "    - {name: fixture, library: fixture_good}\n");
  const CliRun r = extract(cfg);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.err, "warning: plugin folder " + missing.string());
  EXPECT_HAS(r.err, "warning: plugin \"meetings\"");
  EXPECT_HAS(r.err, "(continuing without it)");
  const YAML::Node y = parse_yaml(r.out);
  ASSERT_GE(y["events"].size(), 1u) << r.out;
  EXPECT_EQ(y["events"][0]["plugin"].as<std::string>(), "fixture");
}

TEST_F(PluginCli, PluginsOptionFolderMissingIsAUsageError) {
  const CliRun r = run("plugins --plugins " + sh_quote((dir_ / "nowhere").string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.err, "--plugins " + (dir_ / "nowhere").string() + ": no such directory");
}

// --- trust ---------------------------------------------------------------------------------

// A private copy of a fixture in dir_/plugins/, with the given file and folder modes.
fs::path copy_fixture(const fs::path& dir, const std::string& which, mode_t file_mode,
                      mode_t dir_mode) {
  const fs::path plugins = dir / "plugins";
  fs::create_directories(plugins);
  const fs::path lib = plugins / ("libfixture_" + which + ".so");
  fs::copy_file(fs::path(CHRONICLE_FIXTURE_DIR) / ("libfixture_" + which + ".so"), lib,
                fs::copy_options::overwrite_existing);
  ::chmod(lib.c_str(), file_mode);
  ::chmod(plugins.c_str(), dir_mode);
  return lib;
}

PluginSpec spec_at(const fs::path& lib) {
  PluginSpec s;
  s.name = "fixture";
  s.library = lib;
  return s;
}

class PluginTrust : public chronicle::testing::CliTest {
 protected:
  PluginTrust() : CliTest("trust") {}
};

TEST_F(PluginTrust, PrivateCopyLoads) {
  PluginHost host;
  const auto& r = host.load(spec_at(copy_fixture(dir_, "good", 0755, 0755)));
  EXPECT_TRUE(r.ok()) << r.message;
}

TEST_F(PluginTrust, GroupWritableFileIsRefused) {
  const fs::path lib = copy_fixture(dir_, "good", 0775, 0755);
  PluginHost host;
  const auto& r = host.load(spec_at(lib));
  EXPECT_EQ(r.error, LoadError::untrusted);
  EXPECT_HAS(r.message, "refused: the plugin file " + lib.string() + " is writable by group");
  EXPECT_HAS(r.message, "mode 0775");
  EXPECT_HAS(r.message, "another user could put their code in it");
  EXPECT_HAS(r.message, "chmod go-w " + lib.string());
  EXPECT_HAS(r.message, "--allow-insecure-plugins");
  EXPECT_TRUE(host.plugins().empty());
}

TEST_F(PluginTrust, WorldWritableFolderIsRefused) {
  const fs::path lib = copy_fixture(dir_, "good", 0755, 0777);
  PluginHost host;
  const auto& r = host.load(spec_at(lib));
  EXPECT_EQ(r.error, LoadError::untrusted);
  EXPECT_HAS(r.message, "the plugin folder " + lib.parent_path().string() +
                            " is writable by group and others (mode 0777)");
  ::chmod(lib.parent_path().c_str(), 0755);
}

TEST_F(PluginTrust, AllowInsecureOverridesForDevelopment) {
  const fs::path lib = copy_fixture(dir_, "good", 0777, 0777);
  PluginHost host;
  host.allow_insecure(true);
  const auto& r = host.load(spec_at(lib));
  EXPECT_TRUE(r.ok()) << r.message;
  ::chmod(lib.parent_path().c_str(), 0755);
}

TEST_F(PluginTrust, RelativePathIsRefusedEvenWhenInsecureIsAllowed) {
  PluginHost host;
  host.allow_insecure(true);
  PluginSpec s;
  s.name = "fixture";
  s.library = "libfixture_good.so";
  const auto& r = host.load(s);
  EXPECT_EQ(r.error, LoadError::untrusted);
  EXPECT_HAS(r.message, "not an absolute path");
  EXPECT_HAS(r.message, "never through the system's library search");
}

TEST_F(PluginTrust, CliRefusesAndTheFlagOverrides) {
  const fs::path lib = copy_fixture(dir_, "good", 0755, 0775);
  const fs::path cfg = write("chronicle.yaml",
                             "schema: 1\n"
                             "engine: {lexicons: \"" CHRONICLE_CONFIG_DIR
                             "/lexicons/en\"}\n"
                             "plugins:\n"
                             "  search_paths: [plugins]\n"
                             "  load:\n"
                             "    - {name: fixture, library: fixture_good, required: true}\n");
  const fs::path news = write("news.txt", kArticle);
  const std::string args = "extract " + sh_quote(news.string()) +
                           " --published 2025-02-17 --config " + sh_quote(cfg.string());
  CliRun r = run(args);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_HAS(r.err, "the plugin folder " + lib.parent_path().string() + " is writable by group");
  EXPECT_HAS(r.err, "chmod go-w");
  r = run(args + " --allow-insecure-plugins");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_HAS(r.out, "plugin: fixture");
  r = run("plugins --config " + sh_quote(cfg.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_HAS(r.out, "is writable by group");
  ::chmod(lib.parent_path().c_str(), 0755);
}

// --- YAML-only extractors ------------------------------------------------------------------

class YamlExtractor : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    resources_ = chronicle::Resources::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en");
    host_ = std::make_unique<PluginHost>();
    PluginSpec s;
    s.name = "extractors";
    s.library = fs::path(CHRONICLE_PLUGIN_DIR) / "libchronicle_extractors.so";
    s.definitions = fs::path(CHRONICLE_CONFIG_DIR) / "extractors";
    load_message_ = host_->load(s).message;
  }
  static void TearDownTestSuite() {
    host_.reset();
    resources_.reset();
  }
  void SetUp() override { ASSERT_EQ(host_->plugins().size(), 1u) << load_message_; }

  // The events of one text published on `published` (YYYY-MM-DD).
  static std::vector<chronicle::Event> events(const std::string& text, date::sys_days published) {
    chronicle::Document d;
    d.id = "ceasefire-doc";
    d.origin = "ceasefire-doc.txt";
    d.published = published;
    d.text = text;
    chronicle::DocumentAnalysis a(d, resources_);
    std::vector<chronicle::ErrorEntry> errors;
    auto ev = chronicle::extract_events(a, *host_, {}, errors);
    EXPECT_TRUE(errors.empty());
    chronicle::order_events(ev);
    return ev;
  }

  static std::shared_ptr<const chronicle::Resources> resources_;
  static std::unique_ptr<PluginHost> host_;
  static std::string load_message_;
};

std::shared_ptr<const chronicle::Resources> YamlExtractor::resources_;
std::unique_ptr<PluginHost> YamlExtractor::host_;
std::string YamlExtractor::load_message_;

// Wednesday 15 January 2025
const date::sys_days kWednesday{date::year{2025} / date::January / 15};

TEST_F(YamlExtractor, PluginListsOneExtractorPerDefinition) {
  const auto& x = host_->plugins()[0]->extractors;
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0]->name(), "ceasefire");
}

TEST_F(YamlExtractor, AgreedCeasefireWithSubjectsPlaceAndDay) {
  const auto ev =
      events("Israel and Egypt agreed to a ceasefire in Gaza on Wednesday.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "ceasefire");
  EXPECT_EQ(ev[0].plugin, "extractors");
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("occurred"));
  EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"Israel", "Egypt"}));
  EXPECT_EQ(ev[0].when.value, "2025-01-15");
  // "Gaza" is a form of Palestine in places.yaml; a country is named as the text writes it
  EXPECT_EQ(ev[0].location, "Gaza");
}

TEST_F(YamlExtractor, PlannedTruceBetweenTwoSidesTakesTheFutureDay) {
  const auto ev =
      events("The truce between Russia and Ukraine will take effect on Sunday.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "ceasefire");
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("planned"));
  EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"Russia", "Ukraine"}));
  EXPECT_EQ(ev[0].when.value, "2025-01-19");
}

TEST_F(YamlExtractor, WithRoleJoinsTheOtherSideAndACityIsThePlace) {
  const auto ev =
      events("Armenia signed a ceasefire with Azerbaijan in Moscow on Tuesday.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("occurred"));
  EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"Armenia", "Azerbaijan"}));
  EXPECT_EQ(ev[0].counterparts, std::vector<std::string>{"Azerbaijan"});
  EXPECT_EQ(ev[0].location, "Moscow");
  EXPECT_EQ(ev[0].country, "Russia");
  EXPECT_EQ(ev[0].when.value, "2025-01-14");  // past clause: the Tuesday before
}

TEST_F(YamlExtractor, PostponedCueWinsOverTheClause) {
  const auto ev = events(
      "The truce between Sudan and Chad, due to begin on Friday, was postponed.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("postponed"));
  EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"Sudan", "Chad"}));
  EXPECT_EQ(ev[0].when.value, "2025-01-17");
}

TEST_F(YamlExtractor, FutureVerbGivesAPlannedWeek) {
  const auto ev =
      events("Israel and Lebanon will sign a ceasefire next week, officials said.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("planned"));
  EXPECT_EQ(ev[0].participants, (std::vector<std::string>{"Israel", "Lebanon"}));
  EXPECT_EQ(ev[0].when.value, "2025-W04");
}

TEST_F(YamlExtractor, StatusCueInTheClause) {
  const auto ev = events("A ceasefire in Lebanon took effect on Monday.\n", kWednesday);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(chronicle::status_name(ev[0].status), std::string("occurred"));
  EXPECT_EQ(ev[0].location, "Lebanon");
  EXPECT_EQ(ev[0].when.value, "2025-01-13");
  EXPECT_TRUE(ev[0].participants.empty());
}

TEST_F(YamlExtractor, ExclusionsBeforeAndAfterTheTrigger) {
  // a demand for a ceasefire, talks about one and a breach of one are no ceasefire
  for (const char* text : {"France called for a ceasefire in Sudan on Monday.\n",
                           "Qatar will host ceasefire talks in Doha on Friday.\n",
                           "Russia violated the truce in Ukraine on Tuesday.\n",
                           "France demanded an immediate ceasefire in Gaza on Tuesday.\n"}) {
    const auto ev = events(text, kWednesday);
    for (const auto& e : ev) EXPECT_NE(e.type, "ceasefire") << text;
  }
}

TEST_F(YamlExtractor, NothingFoundNothingKept) {
  // `require`: a bare mention with no participant, place or time names no event
  EXPECT_TRUE(events("The ceasefire is fragile, analysts said.\n", kWednesday).empty());
}

// --- the definition format: errors name the file, the line and the fix ---------------------

class Definitions : public chronicle::testing::CliTest {
 protected:
  Definitions() : CliTest("definitions") {}
  std::string error_of(const std::string& yaml) {
    fs::create_directories(dir_ / "defs");
    write("defs/kind.yaml", yaml);
    try {
      chronicle::load_extractor_definitions(dir_ / "defs");
    } catch (const chronicle::ConfigError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(Definitions, ShippedCeasefireDefinitionIsFlattened) {
  const auto lex =
      chronicle::load_extractor_definitions(fs::path(CHRONICLE_CONFIG_DIR) / "extractors");
  EXPECT_EQ(lex.list("extractors"), std::vector<std::string>{"ceasefire"});
  EXPECT_EQ(lex.list("ceasefire.type"), std::vector<std::string>{"ceasefire"});
  EXPECT_EQ(lex.list("ceasefire.participants"),
            (std::vector<std::string>{"subject", "object", "with"}));
  EXPECT_FALSE(lex.list("ceasefire.triggers.nouns").empty());
  EXPECT_FALSE(lex.list("ceasefire.status.planned").empty());
}

TEST_F(Definitions, MissingTypeNamesTheFileAndTheFix) {
  const std::string e = error_of("triggers: {nouns: [truce]}\n");
  EXPECT_HAS(e, (dir_ / "defs" / "kind.yaml").string() + ":1:1");
  EXPECT_HAS(e, "no `type:`");
  EXPECT_HAS(e, "type: ceasefire");
}

TEST_F(Definitions, UnknownKeyNamesItsLine) {
  const std::string e = error_of("type: truce\ntriggers: {nouns: [truce]}\nroles: [subject]\n");
  EXPECT_HAS(e, "kind.yaml:3:1");
  EXPECT_HAS(e, "unknown key `roles`");
  EXPECT_HAS(e, "participants");
}

TEST_F(Definitions, UnknownStatusAndRole) {
  EXPECT_HAS(error_of("type: truce\ntriggers: {nouns: [truce]}\nstatus: {done: [over]}\n"),
             "unknown key `status.done`");
  EXPECT_HAS(error_of("type: truce\ntriggers: {nouns: [truce]}\nparticipants: [target]\n"),
             "`participants` has \"target\"; it takes object, subject, with");
}

TEST_F(Definitions, NoTriggerWord) {
  EXPECT_HAS(error_of("type: truce\ntriggers: {nouns: []}\n"), "lists no word");
}

TEST_F(Definitions, BadDefinitionFailsThePluginLoadWithTheFileNamed) {
  fs::create_directories(dir_ / "defs");
  write("defs/broken.yaml", "type: [not, a, word]\n");
  PluginHost host;
  PluginSpec s;
  s.name = "extractors";
  s.library = fs::path(CHRONICLE_PLUGIN_DIR) / "libchronicle_extractors.so";
  s.definitions = dir_ / "defs";
  const auto& r = host.load(s);
  EXPECT_EQ(r.error, LoadError::lexicon_failed);
  EXPECT_HAS(r.message, (dir_ / "defs" / "broken.yaml").string() + ":1:1");
  EXPECT_HAS(r.message, "no `type:`");
}

TEST_F(Definitions, MissingFolderIsReported) {
  const std::string e = [&] {
    try {
      chronicle::load_extractor_definitions(dir_ / "nowhere");
    } catch (const chronicle::ConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  }();
  EXPECT_HAS(e, (dir_ / "nowhere").string() + ": no such folder of extractor definitions");
  EXPECT_HAS(e, "`definitions:`");
}

}  // namespace
