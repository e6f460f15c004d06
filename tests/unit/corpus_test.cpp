// Runs tests/corpus/en/relative_dates.yaml through the whole pipeline (sentence split,
// clause tense, tagging, resolution): one parameterised test per case.
#include <chronicle/analysis.h>
#include <chronicle/calendar.h>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#ifndef CHRONICLE_CORPUS_DIR
#error "CHRONICLE_CORPUS_DIR must name tests/corpus"
#endif
#ifndef CHRONICLE_CONFIG_DIR
#error "CHRONICLE_CONFIG_DIR must name the config/ directory"
#endif

namespace {

struct CorpusCase {
  std::size_t index = 0;
  std::string ref, text;
  std::string expr;  // positive case
  std::string none;  // negative case: must not be tagged
  std::optional<std::string> value, earliest, latest, granularity, type, approx;
};

// Keeps test listings readable (gtest would dump the bytes of the struct).
void PrintTo(const CorpusCase& c, std::ostream* os) { *os << '"' << c.text << "\" @" << c.ref; }

std::optional<std::string> get(const YAML::Node& n, const char* key) {
  if (!n[key]) return std::nullopt;
  if (n[key].IsNull()) return std::string("null");
  return n[key].as<std::string>();
}

std::vector<CorpusCase> load_cases(const std::string& file) {
  std::vector<CorpusCase> out;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    ADD_FAILURE() << file << ": " << e.what();
    return out;
  }
  for (const auto& n : root["cases"]) {
    CorpusCase c;
    c.index = out.size();
    c.ref = n["ref"].as<std::string>();
    c.text = n["text"].as<std::string>();
    if (n["expr"]) c.expr = n["expr"].as<std::string>();
    if (n["none"]) c.none = n["none"].as<std::string>();
    c.value = get(n, "value");
    c.earliest = get(n, "earliest");
    c.latest = get(n, "latest");
    c.granularity = get(n, "granularity");
    c.type = get(n, "type");
    c.approx = get(n, "approx");
    out.push_back(std::move(c));
  }
  return out;
}

const std::vector<CorpusCase>& relative_dates() {
  static const std::vector<CorpusCase> cases =
      load_cases(std::string(CHRONICLE_CORPUS_DIR) + "/en/relative_dates.yaml");
  return cases;
}

const chronicle::Resources& resources() {
  static const std::shared_ptr<const chronicle::Resources> r =
      chronicle::Resources::load(CHRONICLE_CONFIG_DIR "/lexicons/en");
  return *r;
}

std::string granularity_name(chronicle::Granularity g) {
  using G = chronicle::Granularity;
  switch (g) {
    case G::unknown: return "unknown";
    case G::time: return "time";
    case G::day: return "day";
    case G::week: return "week";
    case G::weekend: return "weekend";
    case G::month: return "month";
    case G::quarter: return "quarter";
    case G::half: return "half";
    case G::season: return "season";
    case G::year: return "year";
    case G::decade: return "decade";
    case G::century: return "century";
  }
  return "?";
}

std::string type_name(chronicle::TimexType t) {
  switch (t) {
    case chronicle::TimexType::date: return "date";
    case chronicle::TimexType::time: return "time";
    case chronicle::TimexType::duration: return "duration";
    case chronicle::TimexType::set: return "set";
  }
  return "?";
}

std::string bound(const std::optional<date::sys_days>& d) {
  return d ? chronicle::cal::iso_day(*d) : std::string("null");
}

std::string describe(const std::vector<chronicle::TimexResult>& found) {
  std::string s;
  for (const auto& t : found) s += " [" + t.text + " = " + t.resolved.value + "]";
  return s.empty() ? " (none)" : s;
}

class RelativeDates : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(RelativeDates, Resolves) {
  const CorpusCase& c = GetParam();
  date::sys_days ref{};
  ASSERT_TRUE(chronicle::cal::parse_iso_day(c.ref, ref)) << "bad ref " << c.ref;
  const auto found = chronicle::find_timexes(c.text, ref, resources());
  SCOPED_TRACE("case " + std::to_string(c.index) + ": \"" + c.text + "\" ref " + c.ref +
               "; found" + describe(found));

  if (!c.none.empty()) {
    const auto at = c.text.find(c.none);
    ASSERT_NE(at, std::string::npos) << "'none' is not in the text";
    for (const auto& t : found) {
      EXPECT_FALSE(t.begin < at + c.none.size() && at < t.end)
          << "'" << c.none << "' tagged as part of '" << t.text << "'";
    }
    return;
  }

  const chronicle::TimexResult* hit = nullptr;
  for (const auto& t : found)
    if (t.text == c.expr) {
      hit = &t;
      break;
    }
  ASSERT_NE(hit, nullptr) << "no timex with text '" << c.expr << "'";
  if (c.value) {
    EXPECT_EQ(hit->resolved.value, *c.value);
  }
  if (c.earliest) {
    EXPECT_EQ(bound(hit->resolved.earliest), *c.earliest);
  }
  if (c.latest) {
    EXPECT_EQ(bound(hit->resolved.latest), *c.latest);
  }
  if (c.granularity) {
    EXPECT_EQ(granularity_name(hit->resolved.granularity), *c.granularity);
  }
  if (c.type) {
    EXPECT_EQ(type_name(hit->type), *c.type);
  }
  if (c.approx) {
    EXPECT_EQ(hit->resolved.approx ? "true" : "false", *c.approx);
  }
}

std::string case_name(const ::testing::TestParamInfo<CorpusCase>& info) {
  const CorpusCase& c = info.param;
  std::string name = "Case" + std::to_string(c.index) + (c.none.empty() ? "" : "Not");
  for (char ch : c.none.empty() ? c.expr : c.none)
    if (std::isalnum(static_cast<unsigned char>(ch))) name += ch;
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, RelativeDates, ::testing::ValuesIn(relative_dates()),
                         case_name);

TEST(CorpusFile, HasEnoughCases) {
  std::size_t positive = 0, negative = 0;
  for (const auto& c : relative_dates()) (c.none.empty() ? positive : negative)++;
  EXPECT_GE(positive + negative, 100u);
  EXPECT_GE(negative, 15u);
}

}  // namespace
