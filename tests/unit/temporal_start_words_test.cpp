// tag() does not try the temporal rules at a word that starts no phrase of the grammar's
// tables; tag_every_word() tries them everywhere. They must agree on every sentence: the
// relative-date and event corpora, the examples and, when ../shared is beside the
// checkout, the TempEval-3 and MEANTIME texts. A rule that starts at a word no lexicon
// list holds fails here (give its first word a lexicon entry).
#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/temporal.h>
#include <chronicle/text.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const chronicle::Resources& resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return *r;
}

std::string describe(const std::vector<chronicle::TimexMatch>& ms) {
  const chronicle::Anchor anchor{chronicle::cal::sys_days{date::year{2000} / 1 / 1}, std::nullopt};
  std::string out;
  for (const auto& m : ms) {
    out += std::to_string(m.first_token) + "-" + std::to_string(m.last_token) + ":" +
           std::to_string(static_cast<int>(m.type)) + (m.possessive ? "'s" : "") + "=" +
           chronicle::resolve(*m.rel, anchor, chronicle::Tense::none).value + " ";
  }
  return out;
}

// Every sentence of `text`: the fast and the exhaustive tagging agree. Returns sentences.
std::size_t check_text(const std::string& text, const std::string& where) {
  const auto& r = resources();
  std::size_t n = 0;
  for (const auto& span : chronicle::split_sentences(text, r.segmenter)) {
    const std::string_view s = std::string_view(text).substr(span.begin, span.end - span.begin);
    const auto tl = chronicle::tokenize(s);
    const auto fast = r.grammar->tag(tl.tokens);
    const auto every = r.grammar->tag_every_word(tl.tokens);
    EXPECT_EQ(describe(fast), describe(every)) << where << ": \"" << s << "\"";
    ++n;
  }
  return n;
}

TEST(TemporalStartWords, CorporaAndExamples) {
  std::size_t sentences = 0;
  for (const char* name : {"relative_dates.yaml", "events.yaml"}) {
    const YAML::Node root = YAML::LoadFile(std::string(CHRONICLE_CORPUS_DIR "/en/") + name);
    for (const auto& c : root["cases"])
      if (c["text"]) sentences += check_text(c["text"].as<std::string>(), name);
  }
  for (const auto& e : fs::directory_iterator(CHRONICLE_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".txt" && e.path().extension() != ".md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    sentences += check_text(ss.str(), e.path().filename().string());
  }
  EXPECT_GT(sentences, 300u);
}

TEST(TemporalStartWords, SharedTempEvalAndMeantime) {
  const fs::path shared = CHRONICLE_SHARED_DIR;
  const std::vector<fs::path> sets{
      shared / "data/tempeval3/timebank.jsonl", shared / "data/tempeval3/aquaint.jsonl",
      shared / "data/tempeval3/platinum.jsonl", shared / "data/meantime/meantime_en.jsonl"};
  if (!fs::exists(sets.front()))
    GTEST_SKIP() << sets.front() << " not found: ../shared is not beside the checkout";
  std::size_t sentences = 0;
  for (const auto& p : sets) {
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const auto j = nlohmann::json::parse(line);
      sentences += check_text(j.value("text", std::string()), p.filename().string());
    }
  }
  EXPECT_GT(sentences, 1000u);
}

}  // namespace
