// A DocumentAnalysis fills the sentence vectors the last analysis of its thread emptied
// (and its name storage): an analysis made after others must equal one made first, in a
// thread of its own, for every sentence, expression, mention and entity. The documents
// are analysed in an order that takes a long document's storage to a short one and back.
#include <chronicle/analysis.h>
#include <chronicle/document.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <thread>
#include <vector>

#include "../corpus_documents.h"
#include "../test_support.h"

namespace {

std::shared_ptr<const chronicle::Resources> resources() {
  static const auto r = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return r;
}

std::vector<chronicle::Document> documents() {
  std::vector<chronicle::Document> docs = chronicle::testing::corpus_case_documents();
  // every text again after one made of many of them: longer than any, then shorter
  chronicle::Document all;
  all.id = "all";
  all.published = date::sys_days{date::year{2025} / 2 / 17};
  for (std::size_t k = 0; k < docs.size(); k += 3) all.text += docs[k].text + "\n\n";
  const std::size_t n = docs.size();
  docs.push_back(std::move(all));
  for (std::size_t k = 0; k < n; ++k) docs.push_back(docs[k]);
  return docs;
}

// What an analysis found, as text.
std::string dump(const chronicle::DocumentAnalysis& a, bool entities) {
  std::string out;
  for (const auto& s : a.sentences()) {
    out += "S " + std::to_string(s.span.begin) + "-" + std::to_string(s.span.end) + " " +
           std::to_string(s.tokens.tokens.size()) + " tokens, " + std::to_string(s.clauses.size()) +
           " clauses\n";
    for (const auto& t : s.timexes)
      out += " T " + std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.text + " " +
             t.resolved.value + " " + std::to_string(static_cast<int>(t.tense)) + "\n";
    if (!entities) continue;
    for (const auto& m : s.mentions)
      out += " M " + std::string(m.text) + " " + std::string(m.value) + " " +
             std::to_string(m.latest.time_since_epoch().count()) + "\n";
    for (std::size_t k = 0; k < s.entities.size(); ++k) {
      const auto& e = s.entities[k];
      out += " E " + std::string(e.name) + "|" + std::string(e.country) + "|" +
             std::to_string(static_cast<int>(e.kind)) + " " + std::to_string(e.first_token) + "-" +
             std::to_string(e.last_token) + (s.entity_modifier[k] ? " modifier" : "") + "\n";
    }
    for (std::size_t k = 0; k < s.span_text.size(); ++k) out += " P " + s.span_text[k] + "\n";
  }
  return out;
}

TEST(AnalysisReuse, AnalysesAfterOthersEqualFreshOnes) {
  const auto docs = documents();
  ASSERT_GT(docs.size(), 20u);
  for (const bool entities : {false, true}) {
    // fresh: each analysis in a thread of its own, with nothing left by another
    std::vector<std::string> fresh(docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k)
      std::thread([&] {
        fresh[k] = dump(chronicle::DocumentAnalysis(docs[k], resources(), entities), entities);
      }).join();
    // one after the other in this thread, each filling what the one before left
    for (std::size_t k = 0; k < docs.size(); ++k) {
      const chronicle::DocumentAnalysis a(docs[k], resources(), entities);
      EXPECT_EQ(dump(a, entities), fresh[k]) << "document " << k << (entities ? "" : " (timex)");
    }
  }
}

}  // namespace
