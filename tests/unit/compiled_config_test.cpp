// The compiled form of the shipped lexicons and gazetteer (read at start-up instead of
// parsing their YAML) must load exactly what the YAML gives, and only for unchanged files:
//
// - every shipped YAML file of config/lexicons/en has a compiled form built from the
//   files as they are now, and it holds the lists (lexicons) or places (places.yaml,
//   organizations.yaml) that parsing the YAML gives;
// - an edited file is not matched: its YAML is parsed and the edit is seen;
// - resources loaded from the compiled forms and from the YAML analyse documents alike
//   (every entity and temporal expression of the examples and, with ../shared, of the
//   first Reuters and modern-news articles);
// - resources loaded without entities (`chronicle timex`) give the same temporal
//   expressions as the full ones, and refuse an analysis with entities.
#include "../../core/src/compiled_config.h"

#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <chronicle/extractor_definitions.h>
#include <chronicle/lexicon.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../../core/src/word_index.h"

namespace {

namespace fs = std::filesystem;
using chronicle::detail::CompiledKind;

const fs::path kLexicons = fs::path(CHRONICLE_CONFIG_DIR) / "lexicons" / "en";
const fs::path kDefinitions = fs::path(CHRONICLE_CONFIG_DIR) / "extractors";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CompiledKind kind_of(const fs::path& p) {
  if (p.filename() == "places.yaml") return CompiledKind::places;
  if (p.filename() == "organizations.yaml") return CompiledKind::organizations;
  return CompiledKind::lexicon;
}

std::vector<fs::path> shipped_yaml() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kLexicons))
    if (e.path().extension() == ".yaml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CompiledConfig, EveryShippedFileHasItsCompiledFormWithTheSameData) {
  const auto files = shipped_yaml();
  ASSERT_GE(files.size(), 10u);
  std::set<std::string> names;
  for (const auto& p : files) {
    SCOPED_TRACE(p.string());
    const std::string yaml = read(p);
    const CompiledKind kind = kind_of(p);
    const auto* f = chronicle::detail::find_compiled(kind, yaml);
    ASSERT_NE(f, nullptr) << "no compiled form matches the file: rebuild";
    EXPECT_EQ(f->name, p.filename().string());
    names.insert(f->name);
    if (kind == CompiledKind::lexicon) {
      const auto parsed = chronicle::Lexicon::parse(yaml, p.string());
      const auto compiled = chronicle::Lexicon::from_compact({f->data, f->data_size}, "x");
      EXPECT_TRUE(compiled.same_entries(parsed));
      EXPECT_FALSE(compiled.same_entries(chronicle::Lexicon()));
      // load() takes the compiled form, load(.., false) the YAML: the same entries
      const auto loaded = chronicle::Lexicon::load(p);
      EXPECT_TRUE(loaded.same_entries(chronicle::Lexicon::load(p, false)));
      EXPECT_EQ(loaded.origin(), p.string());
      // views and key lists answer alike
      for (const auto& key : parsed.keys("")) {
        EXPECT_EQ(loaded.list(key), parsed.list(key)) << key;
        EXPECT_EQ(loaded.keys(key), parsed.keys(key)) << key;
        EXPECT_EQ(loaded.terms(key).size, parsed.list(key).size()) << key;
        EXPECT_EQ(loaded.scalar(key), parsed.scalar(key)) << key;
      }
    } else {
      const auto parsed = chronicle::detail::parse_place_file(yaml, p.string(), kind);
      ASSERT_GT(parsed.size(), 50u);
      EXPECT_EQ(chronicle::detail::places_from_compact({f->data, f->data_size}), parsed);
    }
  }
  // the extractor definitions: the lists parsing gives
  for (const auto& e : fs::directory_iterator(kDefinitions)) {
    SCOPED_TRACE(e.path().string());
    const std::string yaml = read(e.path());
    const auto* f = chronicle::detail::find_compiled(CompiledKind::definition, yaml);
    ASSERT_NE(f, nullptr) << "no compiled form matches the file: rebuild";
    EXPECT_EQ(f->name, e.path().filename().string());
    names.insert(f->name);
    const auto parsed = chronicle::detail::parse_extractor_definition(
        yaml, e.path().string(), e.path().stem().string(), chronicle::Lexicon());
    EXPECT_TRUE(
        chronicle::Lexicon::from_compact({f->data, f->data_size}, "x").same_entries(parsed));
  }
  // and nothing compiled that is not shipped
  EXPECT_EQ(names.size(), chronicle::detail::compiled_file_count);
}

// The extractor definitions read from their compiled forms: what parsing them gives; a copy
// under another name, or an edited one, is parsed.
TEST(CompiledConfig, ExtractorDefinitionsReadAlike) {
  const auto compiled = chronicle::load_extractor_definitions(kDefinitions);
  EXPECT_TRUE(compiled.same_entries(chronicle::load_extractor_definitions(kDefinitions, false)));
  EXPECT_EQ(compiled.list("extractors"), std::vector<std::string>{"ceasefire"});
  const fs::path dir =
      fs::temp_directory_path() / ("chronicle-definitions-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kDefinitions / "ceasefire.yaml", dir / "truce.yaml");
  std::string edited = read(kDefinitions / "ceasefire.yaml");
  const std::size_t at = edited.find("specificity: 6");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 14, "specificity: 4");
  std::ofstream(dir / "ceasefire.yaml", std::ios::binary) << edited;
  const auto copies = chronicle::load_extractor_definitions(dir);
  EXPECT_TRUE(copies.same_entries(chronicle::load_extractor_definitions(dir, false)));
  EXPECT_EQ(copies.list("extractors"), (std::vector<std::string>{"ceasefire", "truce"}));
  EXPECT_EQ(copies.list("truce.triggers.nouns"), compiled.list("ceasefire.triggers.nouns"));
  EXPECT_EQ(copies.list("ceasefire.specificity"), std::vector<std::string>{"4"});
  EXPECT_EQ(compiled.list("ceasefire.specificity"), std::vector<std::string>{"6"});
  fs::remove_all(dir);
}

TEST(CompiledConfig, PlaceFileReadsEverySection) {
  const std::string places =
      "countries:\n"
      "  - {name: Ruritania, forms: [Kingdom of Ruritania], adjectives: [Ruritanian]}\n"
      "cities:\n"
      "  - {name: Strelsau, country: Ruritania, forms: [Strelsau City]}\n"
      "  - {name: Ruritania, country: Ruritania}\n"
      "regions:\n"
      "  - {name: Balkans, adjectives: [Balkan]}\n";
  const auto p = chronicle::detail::parse_place_file(places, "p.yaml", CompiledKind::places);
  ASSERT_EQ(p.size(), 3u);  // the city named like a country is left out
  EXPECT_EQ(p[0].country, "Ruritania");
  EXPECT_EQ(p[0].adjectives, std::vector<std::string>{"Ruritanian"});
  EXPECT_EQ(p[1].name, "Strelsau");
  EXPECT_EQ(p[1].forms, std::vector<std::string>{"Strelsau City"});
  EXPECT_EQ(p[2].kind, chronicle::sdk::EntityKind::region);
  EXPECT_EQ(chronicle::detail::places_from_compact(chronicle::detail::compact_places(p)), p);
  const auto o = chronicle::detail::parse_place_file(
      "organizations:\n  - {name: NATO, forms: [North Atlantic Treaty Organization]}\n"
      "metonyms:\n  - {name: Kremlin, country: Russia, forms: [the Kremlin]}\n",
      "o.yaml", CompiledKind::organizations);
  ASSERT_EQ(o.size(), 2u);
  EXPECT_FALSE(o[0].metonym);
  EXPECT_TRUE(o[1].metonym);
  EXPECT_EQ(o[1].country, "Russia");
  EXPECT_EQ(chronicle::detail::places_from_compact(chronicle::detail::compact_places(o)), o);
  try {
    chronicle::detail::parse_place_file("countries: [\n", "bad.yaml", CompiledKind::places);
    FAIL() << "bad YAML accepted";
  } catch (const chronicle::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.yaml:"), std::string::npos) << e.what();
  }
}

TEST(CompiledConfig, AnEditedFileIsParsedAsYaml) {
  const fs::path dir =
      fs::temp_directory_path() / ("chronicle-compiled-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const auto& p : shipped_yaml()) fs::copy_file(p, dir / p.filename());
  {
    std::ofstream(dir / "temporal.yaml", std::ios::app) << "\nedited_for_test: [Alpha, beta]\n";
    std::ofstream(dir / "places.yaml", std::ios::app)
        << "  - {name: Testland Region, forms: [Testlandia]}\n";  // appended to regions:
  }
  const std::string edited = read(dir / "temporal.yaml");
  EXPECT_EQ(chronicle::detail::find_compiled(CompiledKind::lexicon, edited), nullptr);
  // a copy of an unchanged file is still matched, wherever it is
  EXPECT_NE(chronicle::detail::find_compiled(CompiledKind::lexicon, read(dir / "text.yaml")),
            nullptr);
  const auto lex = chronicle::Lexicon::load(dir / "temporal.yaml");
  EXPECT_EQ(lex.list("edited_for_test"), (std::vector<std::string>{"alpha", "beta"}));
  const auto r = chronicle::Resources::load(dir);
  const auto* pe = r->place("Testland Region");
  ASSERT_NE(pe, nullptr);
  EXPECT_EQ(pe->kind, chronicle::sdk::EntityKind::region);
  EXPECT_EQ(chronicle::Resources::load(kLexicons)->place("Testland Region"), nullptr);
  fs::remove_all(dir);
}

// The common words are added to a table sized for all of them at once: the same ids and
// answers as a table grown word by word.
TEST(CompiledConfig, ReservedWordIndexAnswersAlike) {
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i * 7919 % 10007));
  chronicle::detail::WordIndex grown, reserved, late;
  reserved.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i == 100) late.reserve(words.size());  // reserved with words already in
    EXPECT_EQ(grown.add(words[i]), reserved.add(words[i]));
    EXPECT_EQ(grown.add(words[i]), late.add(words[i]));
  }
  EXPECT_EQ(reserved.size(), grown.size());
  for (int i = 0; i < 12000; ++i) {
    const std::string w = "w" + std::to_string(i);
    EXPECT_EQ(reserved.find(w), grown.find(w)) << w;
    EXPECT_EQ(late.find(w), grown.find(w)) << w;
  }
}

std::vector<chronicle::Document> documents() {
  std::vector<chronicle::Document> docs;
  auto read_set = [&](const fs::path& p, std::size_t limit) {
    std::size_t n = 0;
    chronicle::read_path(
        p, {},
        [&](chronicle::Document&& d) {
          if (n++ < limit && d.published) docs.push_back(std::move(d));
        },
        [](chronicle::DocumentFailure&&) {});
  };
  read_set(fs::path(CHRONICLE_SOURCE_DIR) / "examples" / "riyadh-talks.txt", 1);
  const fs::path shared(CHRONICLE_SHARED_DIR);
  if (fs::exists(shared / "data/reuters21578/reuters.jsonl")) {
    read_set(shared / "data/reuters21578/reuters.jsonl", 300);
    read_set(shared / "data/modern-news/articles.jsonl", 100);
  }
  return docs;
}

std::string describe(const chronicle::DocumentAnalysis& a, bool entities) {
  std::string out(a.dateline_city());
  for (const auto& s : a.sentences()) {
    out += "\n";
    for (const auto& t : s.timexes)
      out += " [" + t.text + " " + t.resolved.value +
             // (without entities the tense is read only where the reading needs it)
             (entities ? " t" + std::to_string(static_cast<int>(t.tense)) : std::string()) + "]";
    if (!entities) continue;
    for (const auto& e : s.entities)
      out += " {" + std::string(e.name) + " k" + std::to_string(static_cast<int>(e.kind)) + " " +
             std::string(e.country) + " " + std::to_string(e.first_token) + "-" +
             std::to_string(e.last_token) + "}";
  }
  return out;
}

TEST(CompiledConfig, CompiledAndYamlResourcesAnalyseAlike) {
  const auto compiled = chronicle::Resources::load(kLexicons);
  const auto yaml = chronicle::Resources::load(kLexicons, {.compiled = false});
  const auto temporal = chronicle::Resources::load(kLexicons, {.entities = false});
  EXPECT_TRUE(compiled->titles.same_entries(yaml->titles));
  EXPECT_TRUE(compiled->temporal.same_entries(yaml->temporal));
  EXPECT_TRUE(temporal->titles.same_entries(chronicle::Lexicon()));
  for (const auto& p : chronicle::detail::parse_place_file(read(kLexicons / "places.yaml"),
                                                           "places.yaml", CompiledKind::places)) {
    const auto* a = compiled->place(p.name);
    const auto* b = yaml->place(p.name);
    ASSERT_TRUE(a && b) << p.name;
    EXPECT_EQ(a->name, b->name);
    EXPECT_EQ(a->country, b->country);
    EXPECT_EQ(a->kind, b->kind);
  }
  const auto docs = documents();
  ASSERT_FALSE(docs.empty());
  std::size_t entities = 0;
  for (const auto& d : docs) {
    SCOPED_TRACE(d.id);
    const chronicle::DocumentAnalysis a(d, compiled), b(d, yaml);
    const std::string da = describe(a, true);
    EXPECT_EQ(da, describe(b, true));
    for (const auto& s : a.sentences()) entities += s.entities.size();
    const chronicle::DocumentAnalysis t(d, temporal, /*entities=*/false);
    const chronicle::DocumentAnalysis f(d, compiled, /*entities=*/false);
    EXPECT_EQ(describe(t, false), describe(f, false));
    EXPECT_EQ(describe(t, false), describe(a, false).substr(a.dateline_city().size()));
  }
  EXPECT_GT(entities, 10u);
  EXPECT_THROW(chronicle::DocumentAnalysis(docs.front(), temporal), std::logic_error);
}

}  // namespace
