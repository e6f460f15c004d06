// PluginHost: every way a plugin can fail to load is reported as data with a message
// that names the file, both versions where relevant, and the fix; a plugin that throws
// from extract() is reported while the other plugins' output is kept.
#include <vector>  // before Boost.DLL headers (Boost 1.74 with BOOST_DLL_USE_STD_FS)

#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>

#include <gtest/gtest.h>

#include "../test_support.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <unistd.h>

namespace {

using chronicle::testing::sh_quote;
using chronicle::testing::slurp;


namespace fs = std::filesystem;
using chronicle::LoadError;
using chronicle::LoadReport;
using chronicle::PluginHost;
using chronicle::PluginSpec;

fs::path fixture(const std::string& which) {
  return fs::path(CHRONICLE_FIXTURE_DIR) / ("libfixture_" + which + ".so");
}

PluginSpec spec_for(const std::string& which, const std::string& name = "fixture") {
  PluginSpec s;
  s.name = name;
  s.library = fixture(which);
  return s;
}

// The host's SDK ABI, spelled as in the messages ("1.2").
std::string host_abi() {
  return std::to_string(CHRONICLE_SDK_ABI_MAJOR) + "." + std::to_string(CHRONICLE_SDK_ABI_MINOR);
}

TEST(PluginHostLoad, FixturesAreBuilt) {
  for (const char* f :
       {"good", "abi_major2", "abi_minor_newer", "toolchain_other", "name_other", "register_false",
        "register_throws", "extract_throws", "no_symbols", "not_a_library", "abi_1_0", "gated",
        "gated_in_order", "abi_1_1", "gated_in_order_named"})
    EXPECT_TRUE(fs::exists(fixture(f))) << fixture(f) << " is missing; build chronicle_fixtures";
}

TEST(PluginHostLoad, MissingFileIsReportedWithThePath) {
  PluginHost host;
  PluginSpec s = spec_for("does_not_exist");
  const LoadReport& r = host.load(s);
  EXPECT_EQ(r.error, LoadError::missing);
  EXPECT_FALSE(r.ok());
  EXPECT_HAS(r.message, s.library.string());
  EXPECT_HAS(r.message, "\"fixture\"");
  EXPECT_HAS(r.message, "not found");
  EXPECT_HAS(r.message, "library:");  // the fix: the config entry
  EXPECT_TRUE(host.plugins().empty());
  ASSERT_EQ(host.reports().size(), 1u);
  EXPECT_EQ(host.reports()[0].path, s.library);
}

TEST(PluginHostLoad, NotALibraryKeepsTheDlerrorText) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("not_a_library"));
  EXPECT_EQ(r.error, LoadError::cannot_open);
  EXPECT_HAS(r.message, fixture("not_a_library").string());
  EXPECT_HAS(r.message, "cannot be loaded as a shared library");
  // dlerror()'s own words survive (the error_code overload would only say "Bad file
  // descriptor"): glibc reports a text file as "file too short" or "invalid ELF header"
  const bool has_dlerror = r.message.find("file too short") != std::string::npos ||
                           r.message.find("invalid ELF header") != std::string::npos;
  EXPECT_TRUE(has_dlerror) << r.message;
  EXPECT_HAS(r.message, "dlerror");
  EXPECT_HAS(r.message, "rebuild");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, LibraryWithoutSymbolsIsNotAPlugin) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("no_symbols"));
  EXPECT_EQ(r.error, LoadError::not_a_plugin);
  EXPECT_HAS(r.message, fixture("no_symbols").string());
  EXPECT_HAS(r.message, "chronicle_plugin_info");
  EXPECT_HAS(r.message, "CHRONICLE_PLUGIN");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, AbiMajorDifferenceNamesBothVersionsAndRebuild) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("abi_major2"));
  EXPECT_EQ(r.error, LoadError::abi_mismatch);
  EXPECT_HAS(r.message, fixture("abi_major2").string());
  EXPECT_HAS(r.message, std::to_string(CHRONICLE_SDK_ABI_MAJOR + 1) + ".0");
  EXPECT_HAS(r.message, host_abi());
  EXPECT_EQ(host_abi(), "1.2");
  EXPECT_HAS(r.message, "2.0");
  EXPECT_HAS(r.message, "rebuild");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, AbiMinorNewerThanHostIsRefused) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("abi_minor_newer"));
  EXPECT_EQ(r.error, LoadError::abi_mismatch);
  const std::string plugin_abi = std::to_string(CHRONICLE_SDK_ABI_MAJOR) + "." +
                                 std::to_string(CHRONICLE_SDK_ABI_MINOR + 1);
  EXPECT_HAS(r.message, fixture("abi_minor_newer").string());
  EXPECT_HAS(r.message, plugin_abi);
  EXPECT_HAS(r.message, host_abi());
  EXPECT_HAS(r.message, "newer");
  EXPECT_HAS(r.message, "upgrade Chronicle");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, ToolchainDifferenceNamesBothToolchains) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("toolchain_other"));
  EXPECT_EQ(r.error, LoadError::toolchain_mismatch);
  EXPECT_HAS(r.message, fixture("toolchain_other").string());
  EXPECT_HAS(r.message, "\"libc++/abi1\"");
  EXPECT_HAS(r.message, std::string("\"") + CHRONICLE_SDK_TOOLCHAIN + "\"");
  EXPECT_HAS(r.message, "same compiler and standard library");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, NameMismatchNamesBothNames) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("name_other", "fixture"));
  EXPECT_EQ(r.error, LoadError::name_mismatch);
  EXPECT_HAS(r.message, "\"another-name\"");
  EXPECT_HAS(r.message, "\"fixture\"");
  EXPECT_HAS(r.message, "name:");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, RegisterReturningFalseReportsThePluginsReason) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("register_false"));
  EXPECT_EQ(r.error, LoadError::register_failed);
  EXPECT_HAS(r.message, fixture("register_false").string());
  EXPECT_HAS(r.message, "lexicon has no 'triggers' list");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, RegisterThrowingIsCaughtAndReported) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("register_throws"));
  EXPECT_EQ(r.error, LoadError::register_failed);
  EXPECT_HAS(r.message, fixture("register_throws").string());
  EXPECT_HAS(r.message, "boom in register");
  EXPECT_HAS(r.message, "threw");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, MissingPluginLexiconIsReported) {
  PluginHost host;
  PluginSpec s = spec_for("good");
  s.lexicon = fs::path(CHRONICLE_FIXTURE_DIR) / "no-such-lexicon.yaml";
  const LoadReport& r = host.load(s);
  EXPECT_EQ(r.error, LoadError::lexicon_failed);
  EXPECT_HAS(r.message, "no-such-lexicon.yaml");
  EXPECT_TRUE(host.plugins().empty());
}

TEST(PluginHostLoad, GoodFixtureLoadsWithItsVersion) {
  PluginHost host;
  PluginSpec s = spec_for("good");
  s.required = true;
  const LoadReport& r = host.load(s);
  EXPECT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.error, LoadError::none);
  EXPECT_EQ(r.version, "1.2.3");
  EXPECT_EQ(r.name, "fixture");
  EXPECT_TRUE(r.required);
  EXPECT_TRUE(r.message.empty());
  ASSERT_EQ(host.plugins().size(), 1u);
  EXPECT_EQ(host.plugins()[0]->name, "fixture");
  EXPECT_EQ(host.plugins()[0]->version, "1.2.3");
  ASSERT_EQ(host.plugins()[0]->extractors.size(), 1u);
  EXPECT_EQ(host.plugins()[0]->extractors[0]->name(), "fixture");
}

TEST(PluginHostLoad, FailuresDoNotStopLaterLoads) {
  PluginHost host;
  host.load(spec_for("abi_major2"));
  host.load(spec_for("does_not_exist"));
  host.load(spec_for("register_throws"));
  const LoadReport& r = host.load(spec_for("good"));
  EXPECT_TRUE(r.ok()) << r.message;
  ASSERT_EQ(host.reports().size(), 4u);
  EXPECT_EQ(host.reports()[0].error, LoadError::abi_mismatch);
  EXPECT_EQ(host.reports()[1].error, LoadError::missing);
  EXPECT_EQ(host.reports()[2].error, LoadError::register_failed);
  EXPECT_TRUE(host.reports()[3].ok());
  EXPECT_EQ(host.plugins().size(), 1u);
}

// --- extract: a throwing extractor is contained -------------------------------------

class PluginHostExtract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    resources_ = chronicle::Resources::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en");
  }
  static void TearDownTestSuite() { resources_.reset(); }

  static chronicle::Document document() {
    chronicle::Document d;
    d.id = "fixture-doc";
    d.origin = "fixture-doc.txt";
    d.published = date::sys_days{date::year{2025} / date::February / 17};
    d.text =
        "The fixture was discussed in Paris on Monday.\n\n"
        "Officials said a second fixture followed later.\n";
    return d;
  }

  static std::shared_ptr<const chronicle::Resources> resources_;
};

std::shared_ptr<const chronicle::Resources> PluginHostExtract::resources_;

TEST_F(PluginHostExtract, ThrowingExtractorIsReportedAndGoodCandidatesKept) {
  PluginHost host;
  ASSERT_TRUE(host.load(spec_for("extract_throws")).ok());
  ASSERT_TRUE(host.load(spec_for("name_other", "another-name")).ok());

  const chronicle::Document doc = document();
  chronicle::DocumentAnalysis analysis(doc, resources_);
  ASSERT_EQ(analysis.sentences().size(), 2u);

  std::vector<chronicle::sdk::EventCandidate> out;
  std::vector<std::string> plugin_of;
  std::vector<chronicle::ExtractFailure> failures;
  for (const auto& s : analysis.sentences()) host.extract(s.view, out, plugin_of, failures);

  // one failure per sentence that held "fixture", one candidate per such sentence
  ASSERT_EQ(failures.size(), 2u);
  for (const auto& f : failures) {
    EXPECT_EQ(f.plugin, "fixture");
    EXPECT_HAS(f.message, "fixture failure on purpose");
    EXPECT_HAS(f.message, "extract threw");
  }
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(plugin_of.size(), out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].type, "meeting");
    ASSERT_EQ(out[i].participants.size(), 1u);
    EXPECT_EQ(out[i].participants[0], "Fixture Person");
  }
  // the trigger points at the word "fixture" of each sentence
  const auto& s0 = analysis.sentences()[0];
  EXPECT_EQ(s0.text.substr(out[0].trigger.begin, out[0].trigger.end - out[0].trigger.begin),
            "fixture");
}

TEST_F(PluginHostExtract, ExtractEventsRecordsErrorAndKeepsOtherPluginsEvent) {
  PluginHost host;
  ASSERT_TRUE(host.load(spec_for("extract_throws", "fixture")).ok());
  // the good extractor under another name (the plugin calls itself "another-name")
  const LoadReport& good = host.load(spec_for("name_other", "another-name"));
  ASSERT_TRUE(good.ok()) << good.message;

  const chronicle::Document doc = document();
  chronicle::DocumentAnalysis analysis(doc, resources_);
  chronicle::BuildOptions options;
  options.type_rank = {"summit", "conference", "talks", "meeting"};
  std::vector<chronicle::ErrorEntry> errors;
  const auto events = chronicle::extract_events(analysis, host, options, errors);

  // one entry per failing plugin and document, not one per sentence
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, "fixture-doc");
  EXPECT_HAS(errors[0].message, "\"fixture\"");
  EXPECT_HAS(errors[0].message, "fixture failure on purpose");

  ASSERT_FALSE(events.empty());
  bool found = false;
  for (const auto& e : events) {
    EXPECT_NE(e.plugin, "fixture") << "output of the failing plugin must be dropped";
    if (e.plugin == "another-name" && e.type == "meeting") {
      found = true;
      EXPECT_EQ(e.participants, std::vector<std::string>{"Fixture Person"});
      ASSERT_FALSE(e.evidence.empty());
      EXPECT_EQ(e.evidence[0].source, "fixture-doc");
    }
  }
  EXPECT_TRUE(found);
}

// --- sentence gates (ABI 1.1, 1.2) -------------------------------------------------------

// The first token of each sentence a plugin proposed a candidate for (the gated fixture
// proposes one at the first token of every sentence it is given).
std::vector<std::string> sentences_seen(const PluginHost& host, const std::string& text) {
  chronicle::Document doc;
  doc.id = "gate-doc";
  doc.origin = "gate-doc.txt";
  doc.published = date::sys_days{date::year{2025} / date::February / 17};
  doc.text = text;
  static const auto resources =
      chronicle::Resources::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en");
  chronicle::DocumentAnalysis analysis(doc, resources);
  std::vector<std::string> seen;
  for (const auto& s : analysis.sentences()) {
    std::vector<chronicle::sdk::EventCandidate> out;
    std::vector<std::string> plugin_of;
    std::vector<chronicle::ExtractFailure> failures;
    host.extract(s.view, out, plugin_of, failures);
    EXPECT_TRUE(failures.empty());
    for (const auto& c : out)
      seen.emplace_back(s.text.substr(c.trigger.begin, c.trigger.end - c.trigger.begin));
    // the same candidates when the gate reads the tokens' hashes (the tokenizer's)
    std::vector<chronicle::sdk::EventCandidate> hashed;
    host.extract(s.view, hashed, plugin_of, failures, s.tokens.hashes);
    EXPECT_EQ(hashed.size(), out.size());
    // and when the gate, read once beforehand (callees), is passed in
    std::vector<chronicle::sdk::EventCandidate> read_once;
    host.extract(s.view, read_once, plugin_of, failures,
                 host.callees(s.tokens.tokens, s.tokens.hashes));
    EXPECT_EQ(read_once.size(), out.size());
  }
  return seen;
}

TEST(PluginHostGate, GatedPluginSeesOnlySentencesWithAllTheWordsOfAPhraseOfItsLists) {
  const fs::path dir = fs::temp_directory_path() /
                       ("chronicle-gate-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path lexicon = dir / "gated.yaml";
  {
    std::ofstream f(lexicon);
    f << "triggers: [fixture, \"second look\"]\nmore:\n  triggers: [wednesday]\n"
         "other: [officials]\n";
  }
  PluginHost host;
  PluginSpec spec = spec_for("gated");
  spec.lexicon = lexicon;
  const LoadReport& r = host.load(spec);
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.abi, host_abi());
  ASSERT_EQ(host.plugins().size(), 1u);
  EXPECT_EQ(host.plugins()[0]->sentence_gate,
            (std::vector<std::string>{"triggers", "more.triggers"}));
  // a word of a list the gate does not name ("officials") opens nothing, nor one word of
  // a longer phrase ("second" of "second look"); all the words of one do, in any order
  EXPECT_EQ(sentences_seen(host,
                           "Zero fixture talk here.\n\n"
                           "Officials said nothing.\n\n"
                           "Aides took a second glance.\n\n"
                           "Nobody came.\n\n"
                           "Critics look at it a second time.\n\n"
                           "They met on Wednesday.\n"),
            (std::vector<std::string>{"Zero", "Critics", "They"}));
  fs::remove_all(dir);
}

// may_propose: the same answer as "would extract() call an extractor on this sentence",
// and the document gate built on it reads a document with no trigger no further.
TEST(PluginHostGate, MayProposeAndTheDocumentGate) {
  const fs::path dir =
      fs::temp_directory_path() / ("chronicle-may-propose-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path lexicon = dir / "gated.yaml";
  {
    std::ofstream f(lexicon);
    f << "triggers: [fixture, \"second look\"]\nmore:\n  triggers: [wednesday]\n";
  }
  static const auto resources =
      chronicle::Resources::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en");
  chronicle::Document doc;
  doc.id = "gate-doc";
  doc.published = date::sys_days{date::year{2025} / date::February / 17};
  doc.text =
      "Officials said nothing on Monday.\n\nCritics look at it a second time.\n\n"
      "Aides took a second glance.\n";
  const chronicle::DocumentAnalysis plain(doc, resources);
  ASSERT_EQ(plain.sentences().size(), 3u);
  auto tokens = [&](std::size_t i) { return plain.sentences()[i].tokens.tokens; };

  PluginHost none;  // no plugin: nothing can be proposed
  EXPECT_FALSE(none.may_propose(tokens(1)));
  PluginHost host;
  PluginSpec spec = spec_for("gated");
  spec.lexicon = lexicon;
  ASSERT_TRUE(host.load(spec).ok());
  EXPECT_FALSE(host.may_propose(tokens(0)));
  EXPECT_TRUE(host.may_propose(tokens(1)));  // "second look", in any order
  EXPECT_FALSE(host.may_propose(tokens(2)));
  // the same answers from the tokens' hashes (the tokenizer's) as from their words
  for (std::size_t i = 0; i < plain.sentences().size(); ++i) {
    const chronicle::TokenList& list = plain.sentences()[i].tokens;
    ASSERT_NE(list.hashes, nullptr);
    EXPECT_EQ(host.may_propose(list.tokens, list.hashes), host.may_propose(list.tokens)) << i;
  }
  EXPECT_EQ(sentences_seen(host, doc.text), (std::vector<std::string>{"Critics"}));

  const chronicle::SentenceGate gate = [&](std::span<const chronicle::sdk::Token> t) {
    return host.may_propose(t);
  };
  const chronicle::DocumentAnalysis passed(doc, resources, /*entities=*/true, gate);
  EXPECT_TRUE(passed.passed_gate());
  EXPECT_EQ(passed.gate_opened_at(), 1u);  // the first sentence refused, the second let through
  EXPECT_EQ(passed.sentences().size(), 3u);
  EXPECT_EQ(passed.sentences()[0].timexes.size(), 1u);  // "Monday": read as without a gate
  chronicle::Document other = doc;
  other.text = "Officials said nothing on Monday.\n\nAides took a second glance.\n";
  const chronicle::DocumentAnalysis stopped(other, resources, /*entities=*/true, gate);
  EXPECT_FALSE(stopped.passed_gate());
  EXPECT_TRUE(stopped.sentences().empty());
  std::vector<chronicle::ErrorEntry> errors;
  EXPECT_TRUE(chronicle::extract_events(stopped, host, {}, errors).empty());
  EXPECT_TRUE(errors.empty());
  // a heading is no sentence an extractor is called on: it lets nothing through
  other.text = "# The fixture\n\nOfficials said nothing on Monday.\n";
  const chronicle::DocumentAnalysis heading(other, resources, /*entities=*/true, gate);
  EXPECT_FALSE(heading.passed_gate());

  // a plugin without a gate (ABI 1.0) sees every sentence: every one may propose
  PluginHost open;
  ASSERT_TRUE(open.load(spec_for("abi_1_0")).ok());
  EXPECT_TRUE(open.may_propose(tokens(0)));
  EXPECT_TRUE(open.may_propose(tokens(2)));
  const chronicle::SentenceGate open_gate = [&](std::span<const chronicle::sdk::Token> t) {
    return open.may_propose(t);
  };
  EXPECT_TRUE(chronicle::DocumentAnalysis(other, resources, true, open_gate).passed_gate());
  fs::remove_all(dir);
}

// The gated fixtures with one lexicon: "fixture" and "second look" in "triggers",
// "wednesday" in "more.triggers"; the sentences each is called on.
class PluginHostGateKinds : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("chronicle-gate-kinds-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "gated.yaml")
        << "triggers: [fixture, \"second look\"]\nmore:\n  triggers: [wednesday]\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> seen(const char* which, const std::string& abi) {
    PluginHost host;
    PluginSpec spec = spec_for(which);
    spec.lexicon = dir_ / "gated.yaml";
    const LoadReport& r = host.load(spec);
    EXPECT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.abi, abi);
    return sentences_seen(host, kText);
  }
  static constexpr const char* kText =
      "Zero fixture talk here.\n\n"
      "Critics look at it a second time.\n\n"
      "They took a second look.\n\n"
      "A look, a second.\n\n"
      "They met on Wednesday.\n";
  fs::path dir_;
};

TEST_F(PluginHostGateKinds, InOrderGateLetsThroughOnlyConsecutivePhrases) {
  // ABI 1.2, CHRONICLE_PLUGIN_PHRASE_GATED: "second look" as written, not its words apart
  EXPECT_EQ(seen("gated_in_order", host_abi()),
            (std::vector<std::string>{"Zero", "They", "They"}));
  // CHRONICLE_PLUGIN_GATED: the words of a phrase anywhere in the sentence
  EXPECT_EQ(seen("gated", host_abi()),
            (std::vector<std::string>{"Zero", "Critics", "They", "A", "They"}));
}

TEST_F(PluginHostGateKinds, PluginBuiltForAbi11KeepsItsWordsInAnyOrder) {
  // its block ends before gate_in_order: what lies there (a 1) is not read
  EXPECT_EQ(seen("abi_1_1", "1.1"), (std::vector<std::string>{"Zero", "Critics", "They", "A", "They"}));
}

TEST(PluginHostGate, PluginBuiltForAbi10LoadsAndSeesEverySentence) {
  PluginHost host;
  const LoadReport& r = host.load(spec_for("abi_1_0"));
  ASSERT_TRUE(r.ok()) << r.message;
  EXPECT_EQ(r.abi, "1.0");
  ASSERT_EQ(host.plugins().size(), 1u);
  // what follows a 1.0 info block is no gate
  EXPECT_TRUE(host.plugins()[0]->sentence_gate.empty());
  EXPECT_EQ(sentences_seen(host, "Nothing here.\n\nThe fixture came.\n"),
            (std::vector<std::string>{"fixture"}));
}

TEST_F(PluginHostExtract, NoFailuresWithOnlyTheGoodPlugin) {
  PluginHost host;
  ASSERT_TRUE(host.load(spec_for("good")).ok());
  const chronicle::Document doc = document();
  chronicle::DocumentAnalysis analysis(doc, resources_);
  std::vector<chronicle::ErrorEntry> errors;
  const auto events = chronicle::extract_events(analysis, host, {}, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].plugin, "fixture");
  EXPECT_EQ(events[0].type, "meeting");
}

}  // namespace

TEST(PluginHost, SecondPluginWithTheSameNameIsRefused) {
  PluginHost host;
  ASSERT_TRUE(host.load(spec_for("good")).ok());
  const LoadReport& r = host.load(spec_for("extract_throws"));
  EXPECT_EQ(r.error, chronicle::LoadError::duplicate);
  EXPECT_HAS(r.message, "already loaded");
  EXPECT_HAS(r.message, "libfixture_good.so");
  EXPECT_EQ(host.plugins().size(), 1u);
}

// A plugin gated in order beside one gated in any order, their phrases sharing a word
// ("look"): each sees the sentences its own gate lets through, no more and no fewer, and
// may_propose says yes where either does.
TEST(PluginHostGate, InOrderAndAnyOrderPluginsSharingWords) {
  const fs::path dir =
      fs::temp_directory_path() / ("chronicle-gate-mix-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "any.yaml")
      << "triggers: [fixture, \"second look\"]\nmore:\n  triggers: []\n";
  std::ofstream(dir / "ordered.yaml") << "triggers: [\"look back\", \"second glance\"]\n";
  PluginHost host;
  PluginSpec any = spec_for("gated");
  any.lexicon = dir / "any.yaml";
  PluginSpec ordered = spec_for("gated_in_order_named", "fixture_ordered");
  ordered.lexicon = dir / "ordered.yaml";
  ASSERT_TRUE(host.load(any).ok());
  const LoadReport& r = host.load(ordered);
  ASSERT_TRUE(r.ok()) << r.message;
  const std::string text =
      "Zero fixture talk here.\n\n"            // any order: "fixture"
      "Critics look at it a second time.\n\n"  // any order: "second", "look" apart
      "Some look back now.\n\n"                // in order: "look back"
      "Back then, few look.\n\n"               // neither: "look back" not as written
      "Aides took a second glance.\n\n"        // in order: "second glance"
      "A glance, a second.\n\n"                // neither
      "Many look back at a second look.\n";    // both
  EXPECT_EQ(sentences_seen(host, text),
            (std::vector<std::string>{"Zero", "Critics", "Some", "Aides", "Many", "Many"}));
  // may_propose, sentence by sentence: yes where a plugin above saw the sentence
  chronicle::Document doc;
  doc.id = "gate-mix";
  doc.origin = "gate-mix.txt";
  doc.published = date::sys_days{date::year{2025} / date::February / 17};
  doc.text = text;
  const auto resources =
      chronicle::Resources::load(fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en");
  chronicle::DocumentAnalysis analysis(doc, resources);
  std::vector<bool> proposed;
  for (const auto& s : analysis.sentences()) proposed.push_back(host.may_propose(s.tokens.tokens));
  EXPECT_EQ(proposed, (std::vector<bool>{true, true, true, false, true, false, true}));
  // callees: which plugins (bit 0 the any-order one, bit 1 the in-order one), from the
  // words as from the tokenizer's hashes; none() where may_propose says no
  std::vector<std::uint64_t> present;
  for (const auto& s : analysis.sentences()) {
    const PluginHost::Callees c = host.callees(s.tokens.tokens);
    EXPECT_TRUE(c.all_gated);
    EXPECT_EQ(c.none(), !host.may_propose(s.tokens.tokens));
    EXPECT_EQ(host.callees(s.tokens.tokens, s.tokens.hashes).gated_present, c.gated_present);
    present.push_back(c.gated_present);
  }
  EXPECT_EQ(present, (std::vector<std::uint64_t>{1, 1, 2, 0, 2, 0, 3}));
  fs::remove_all(dir);
}
