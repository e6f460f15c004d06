// Runs tests/corpus/en/events.yaml through the whole pipeline with the bundled plugins:
// each case is a short text pinned to a publication date and the events it must (or must
// not) yield.
#include <chronicle/analysis.h>
#include <chronicle/calendar.h>
#include <chronicle/config.h>
#include <chronicle/document.h>
#include <chronicle/export.h>
#include <chronicle/plugin_host.h>
#include <chronicle/timeline.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "../corpus_documents.h"

namespace {

struct Expected {
  std::string type, status, earliest, latest, location;
  std::vector<std::string> participants;  // every one must be there
  bool only_participants = false;         // `only_participants:` nobody else either
};

struct EventCase {
  std::size_t index = 0;
  std::string ref, text, dateline, note;
  std::vector<Expected> events;  // empty: no event at all
  bool exact_count = true;
};

void PrintTo(const EventCase& c, std::ostream* os) { *os << '"' << c.text << "\" @" << c.ref; }

std::string str(const YAML::Node& n, const char* key) {
  return n[key] && !n[key].IsNull() ? n[key].as<std::string>() : std::string("null");
}

std::vector<EventCase> load_cases() {
  std::vector<EventCase> out;
  const YAML::Node root = YAML::LoadFile(CHRONICLE_CORPUS_DIR "/en/events.yaml");
  for (const auto& n : root["cases"]) {
    EventCase c;
    c.index = out.size();
    c.ref = n["ref"].as<std::string>();
    c.text = n["text"].as<std::string>();
    if (n["dateline"]) c.dateline = n["dateline"].as<std::string>();
    if (n["known_gap"]) c.note = n["known_gap"].as<std::string>();
    for (const auto& e : n["events"]) {
      Expected x;
      x.type = str(e, "type");
      x.status = e["status"] ? str(e, "status") : "";
      x.earliest = e["earliest"] ? str(e, "earliest") : "";
      x.latest = e["latest"] ? str(e, "latest") : "";
      x.location = e["location"] ? str(e, "location") : "";
      if (e["participants"])
        for (const auto& p : e["participants"]) x.participants.push_back(p.as<std::string>());
      if (e["only_participants"]) {
        x.only_participants = true;
        for (const auto& p : e["only_participants"]) x.participants.push_back(p.as<std::string>());
      }
      c.events.push_back(x);
    }
    out.push_back(c);
  }
  return out;
}

class Pipeline {
 public:
  static Pipeline& get() {
    static Pipeline p;
    return p;
  }
  std::shared_ptr<const chronicle::Resources> resources;
  chronicle::PluginHost host;
  chronicle::BuildOptions options;
  std::size_t configured = 0;  // plugins the default config loads

 private:
  Pipeline() {
    resources = chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
    const chronicle::Config cfg = chronicle::parse_config(
        chronicle::embedded_default_config(), "<embedded>", CHRONICLE_CONFIG_DIR, ".",
        {CHRONICLE_PLUGIN_DIR});
    for (const auto& spec : cfg.plugins) host.load(spec);
    configured = cfg.plugins.size();
    options = cfg.build;
  }
};

class EventCorpus : public ::testing::TestWithParam<EventCase> {};

TEST_P(EventCorpus, Extracts) {
  const EventCase& c = GetParam();
  if (!c.note.empty()) GTEST_SKIP() << "known gap: " << c.note;
  auto& p = Pipeline::get();
  ASSERT_EQ(p.host.plugins().size(), p.configured) << "the bundled plugins did not all load";
  chronicle::Document doc;
  doc.id = "case";
  doc.text = c.text;
  doc.dateline = c.dateline;
  date::sys_days pub;
  ASSERT_TRUE(chronicle::cal::parse_iso_day(c.ref, pub));
  doc.published = pub;
  chronicle::DocumentAnalysis a(doc, p.resources);
  std::vector<chronicle::ErrorEntry> errors;
  auto events = chronicle::extract_events(a, p.host, p.options, errors);
  chronicle::order_events(events);
  std::string got;
  for (const auto& e : events) {
    got += "\n  " + e.type + "/" + chronicle::status_name(e.status) + " [" +
           (e.when.earliest ? chronicle::cal::iso_day(*e.when.earliest) : "null") + ".." +
           (e.when.latest ? chronicle::cal::iso_day(*e.when.latest) : "null") + "] @" +
           (e.location.empty() ? "null" : e.location) + " {";
    for (const auto& x : e.participants) got += x + "; ";
    got += "}";
  }
  SCOPED_TRACE("got:" + got);
  ASSERT_EQ(events.size(), c.events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const auto& x = c.events[i];
    EXPECT_EQ(e.type, x.type);
    if (!x.status.empty()) EXPECT_EQ(chronicle::status_name(e.status), x.status);
    if (!x.earliest.empty())
      EXPECT_EQ(e.when.earliest ? chronicle::cal::iso_day(*e.when.earliest) : "null", x.earliest);
    if (!x.latest.empty())
      EXPECT_EQ(e.when.latest ? chronicle::cal::iso_day(*e.when.latest) : "null", x.latest);
    if (!x.location.empty()) EXPECT_EQ(e.location.empty() ? "null" : e.location, x.location);
    for (const auto& want : x.participants)
      EXPECT_NE(std::find(e.participants.begin(), e.participants.end(), want),
                e.participants.end())
          << "missing participant " << want;
    if (x.only_participants) EXPECT_EQ(e.participants.size(), x.participants.size());
  }
}

std::string case_name(const ::testing::TestParamInfo<EventCase>& info) {
  std::string name = "Case" + std::to_string(info.param.index);
  for (char ch : info.param.text) {
    if (name.size() > 40) break;
    if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(En, EventCorpus, ::testing::ValuesIn(load_cases()), case_name);

}  // namespace

namespace {

// The pinned cases, then the first `reuters` Reuters and `modern` modern-news articles when
// ../shared is there.
std::vector<chronicle::Document> check_documents(int reuters, int modern) {
  std::vector<chronicle::Document> docs = chronicle::testing::corpus_case_documents();
  const std::filesystem::path shared(CHRONICLE_SHARED_DIR);
  for (const auto& [set, most] : {std::pair{"data/reuters21578/reuters.jsonl", reuters},
                                  std::pair{"data/modern-news/articles.jsonl", modern}}) {
    if (!std::filesystem::exists(shared / set)) continue;
    const int limit = most;  // (a copy: clang 14 lambdas cannot capture a structured binding)
    int n = 0;
    chronicle::read_path(
        shared / set, {},
        [&](chronicle::Document&& d) {
          if (n++ < limit && d.published) docs.push_back(std::move(d));
        },
        [](chronicle::DocumentFailure&&) {});
  }
  return docs;
}

// An analysis' events, in order, as JSON, and how many.
std::pair<std::string, std::size_t> events_json(const Pipeline& p,
                                                const chronicle::DocumentAnalysis& a) {
  std::vector<chronicle::ErrorEntry> errors;
  chronicle::Timeline t;
  t.events = chronicle::extract_events(a, p.host, p.options, errors);
  chronicle::order_events(t.events);
  EXPECT_TRUE(errors.empty());
  return {chronicle::to_json(t), t.events.size()};
}

}  // namespace

// The document gate (`extract`): a document none of whose sentences holds the words of a
// trigger of some plugin is read no further than its tokens. Its events, and every other
// document's, are those of the analysis without the gate. Documents: the pinned cases,
// and the first Reuters and modern articles when ../shared is there.
TEST(DocumentGate, SameEventsAsWithoutIt) {
  auto& p = Pipeline::get();
  ASSERT_EQ(p.host.plugins().size(), p.configured) << "the bundled plugins did not all load";
  const std::vector<chronicle::Document> docs = check_documents(400, 150);
  const chronicle::SentenceGate gate = [&](std::span<const chronicle::sdk::Token> t) {
    return p.host.may_propose(t);
  };
  auto events_of = [&](const chronicle::DocumentAnalysis& a) { return events_json(p, a); };
  std::size_t gated_out = 0, with_events = 0;
  for (const auto& d : docs) {
    const chronicle::DocumentAnalysis gated(d, p.resources, /*entities=*/true, gate);
    const auto got = events_of(gated);
    const chronicle::DocumentAnalysis full(d, p.resources);
    const auto want = events_of(full);
    EXPECT_EQ(got.first, want.first) << d.id << ": " << d.text.substr(0, 200);
    if (!gated.passed_gate()) {
      ++gated_out;
      EXPECT_TRUE(gated.sentences().empty());
    } else {
      EXPECT_EQ(gated.sentences().size(), full.sentences().size());
    }
    if (want.second > 0) ++with_events;
  }
  // (both ways are taken: the comparison means something)
  EXPECT_GT(gated_out, docs.size() / 10) << "of " << docs.size();
  EXPECT_GT(with_events, docs.size() / 20) << "of " << docs.size();
}

// An analysis that reads a sentence's clauses only where something reads them
// (ClausesRead::needed, `extract`) gives the events, temporal expressions and entities of
// the one that reads every sentence's. Documents: the pinned cases, and the first Reuters
// and modern articles when ../shared is there.
TEST(ClauseReading, SameAnswersAsEverySentence) {
  auto& p = Pipeline::get();
  ASSERT_EQ(p.host.plugins().size(), p.configured) << "the bundled plugins did not all load";
  const std::vector<chronicle::Document> docs = check_documents(400, 300);
  const chronicle::SentenceGate gate = [&](std::span<const chronicle::sdk::Token> t) {
    return p.host.may_propose(t);
  };
  auto events_of = [&](const chronicle::DocumentAnalysis& a) { return events_json(p, a); };
  // the temporal expressions and entities of every sentence, as text
  auto readings_of = [](const chronicle::DocumentAnalysis& a) {
    std::string out;
    for (const auto& s : a.sentences()) {
      for (const auto& tr : s.timexes)
        out += tr.text + "=" + tr.resolved.value + (tr.resolved.approx ? "~" : "") + " ";
      for (const auto& m : s.mentions) out += std::string(m.value) + " ";
      for (const auto& e : s.entities)
        out += std::string(e.name) + "/" + std::to_string(static_cast<int>(e.kind)) + "/" +
               std::to_string(e.first_token) + (e.pronoun ? "p" : "") + " ";
      out += "\n";
    }
    return out;
  };
  std::size_t with_events = 0, unread = 0, sentences = 0;
  for (const auto& d : docs) {
    const chronicle::DocumentAnalysis lazy(d, p.resources, /*entities=*/true, gate,
                                           chronicle::ClausesRead::needed);
    const chronicle::DocumentAnalysis full(d, p.resources, /*entities=*/true, gate);
    EXPECT_EQ(readings_of(lazy), readings_of(full)) << d.id;
    const auto got = events_of(lazy);
    const auto want = events_of(full);
    EXPECT_EQ(got.first, want.first) << d.id << ": " << d.text.substr(0, 200);
    if (want.second > 0) ++with_events;
    // (every sentence read by now holds the full analysis' clauses)
    ASSERT_EQ(lazy.sentences().size(), full.sentences().size());
    for (std::size_t si = 0; si < full.sentences().size(); ++si) {
      ++sentences;
      const auto& ls = lazy.sentences()[si];
      if (!ls.clauses_read) {
        ++unread;
        continue;
      }
      const auto& fs = full.sentences()[si];
      EXPECT_EQ(ls.clauses.size(), fs.clauses.size()) << d.id << " sentence " << si;
      EXPECT_EQ(ls.clause_verb, fs.clause_verb) << d.id << " sentence " << si;
    }
  }
  // (both ways are taken: the comparison means something)
  EXPECT_GT(with_events, docs.size() / 20) << "of " << docs.size();
  EXPECT_GT(unread, sentences / 4) << "of " << sentences;
}

// A frame asked of a sentence whose clauses the analysis left unread (a plugin host called
// directly, not through extract_events) reads them first: the frame of the analysis that
// reads every sentence's.
TEST(ClauseReading, FrameOfAnUnreadSentence) {
  auto& p = Pipeline::get();
  const std::vector<chronicle::Document> docs = check_documents(0, 0);
  std::size_t asked = 0;
  for (const auto& d : docs) {
    const chronicle::DocumentAnalysis lazy(d, p.resources, /*entities=*/true, {},
                                           chronicle::ClausesRead::needed);
    const chronicle::DocumentAnalysis full(d, p.resources);
    ASSERT_EQ(lazy.sentences().size(), full.sentences().size());
    for (std::size_t si = 0; si < lazy.sentences().size(); ++si) {
      const auto& ls = lazy.sentences()[si];
      if (ls.clauses_read || ls.tokens.tokens.empty()) continue;
      ++asked;
      const std::size_t last = ls.tokens.tokens.size() - 1;
      for (const auto form :
           {chronicle::sdk::TriggerForm::verb, chronicle::sdk::TriggerForm::noun}) {
        const chronicle::sdk::Frame got = lazy.frame(ls.view, last / 2, last / 2, form);
        const chronicle::sdk::Frame want =
            full.frame(full.sentences()[si].view, last / 2, last / 2, form);
        EXPECT_EQ(got.agents, want.agents) << d.id << " sentence " << si;
        EXPECT_EQ(got.counterparts, want.counterparts) << d.id << " sentence " << si;
        EXPECT_EQ(got.place, want.place) << d.id << " sentence " << si;
        EXPECT_EQ(got.time, want.time) << d.id << " sentence " << si;
        EXPECT_EQ(got.status, want.status) << d.id << " sentence " << si;
      }
    }
  }
  EXPECT_GT(asked, 10u);
}
