// Many-document runs end to end (issue 5): the same bytes for any --threads, the
// cross-article merge, `chronicle merge` and its algebra, and --format jsonl.
#include <gtest/gtest.h>

#include "../test_support.h"
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

const fs::path kMini = fs::path(CHRONICLE_SOURCE_DIR) / "tests" / "data" / "merge";
const fs::path kReuters =
    fs::path(CHRONICLE_SHARED_DIR) / "data" / "reuters21578" / "reuters.jsonl";

class Scale : public chronicle::testing::CliTest {
 protected:
  Scale() : CliTest("scale") {}

  // Runs `chronicle <args> -o <dir>/<out>` and returns the file's bytes.
  std::string run(const std::string& args, const std::string& out, int* code = nullptr) {
    const fs::path o = dir_ / out;
    const std::string with_o = args + " -o " + sh_quote(o.string());
    const chronicle::testing::CliRun r = CliTest::run(with_o);
    if (code) *code = r.code;
    else EXPECT_LE(r.code, 1) << "chronicle " << with_o << "\n" << r.err;
    return slurp(o);
  }

  std::string extract(const std::vector<fs::path>& inputs, const std::string& out,
                      const std::string& extra = "--threads 2") {
    std::string args = "extract " + extra;
    for (const auto& p : inputs) args += " " + sh_quote(p.string());
    return run(args, out);
  }

  std::string merge(const std::vector<std::string>& files, const std::string& out) {
    std::string args = "merge";
    for (const auto& f : files) args += " " + sh_quote((dir_ / f).string());
    return run(args, out);
  }

  // The documents of the mini corpus, one file each (the JSONL lines split out).
  std::vector<fs::path> mini_documents() {
    std::vector<fs::path> docs;
    for (const auto& e : fs::directory_iterator(kMini)) {
      if (e.path().extension() != ".jsonl") {
        docs.push_back(e.path());
        continue;
      }
      std::ifstream in(e.path());
      std::string line;
      for (int n = 0; std::getline(in, line); ++n)
        docs.push_back(write("mini-" + std::to_string(n) + ".jsonl", line + "\n"));
    }
    std::sort(docs.begin(), docs.end());
    return docs;
  }

  // 60 Reuters articles that speak of talks, meetings or visits, one JSONL file each.
  std::vector<fs::path> reuters_documents() {
    std::vector<fs::path> docs;
    std::ifstream in(kReuters);
    std::string line;
    while (docs.size() < 60 && std::getline(in, line)) {
      const auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text")) continue;
      const std::string text = j["text"].get<std::string>();
      if (text.find(" talks") == std::string::npos && text.find(" met ") == std::string::npos &&
          text.find(" visit") == std::string::npos)
        continue;
      docs.push_back(write("reuters-" + std::to_string(docs.size()) + ".jsonl", line + "\n"));
    }
    return docs;
  }

  // merge(extract(part1), extract(part2)) == extract(all), for random splits; and the
  // merge is commutative and associative, byte for byte.
  void check_algebra(const std::vector<fs::path>& docs) {
    const std::string all = extract(docs, "all.yaml");
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(merge({"all.yaml"}, "all-again.yaml"), all) << "merging one timeline changed it";
    for (unsigned seed : {1u, 2u, 3u}) {
      SCOPED_TRACE("seed " + std::to_string(seed));
      std::mt19937 rng(seed);
      std::vector<std::vector<fs::path>> parts(3);
      for (const auto& d : docs) parts[rng() % 3].push_back(d);
      std::vector<std::string> names;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        names.push_back("part" + std::to_string(i) + ".yaml");
        if (parts[i].empty()) write(names[i], "chronicle: 1\nsources: []\nevents: []\n");
        else extract(parts[i], names[i], i % 2 ? "--threads 1" : "--threads 3");
      }
      EXPECT_EQ(merge({names[0], names[1], names[2]}, "abc.yaml"), all);
      EXPECT_EQ(merge({names[2], names[0], names[1]}, "cab.yaml"), all);
      merge({names[1], names[2]}, "bc.yaml");
      merge({names[0], names[1]}, "ab.yaml");
      const std::string left = merge({names[0], "bc.yaml"}, "a-bc.yaml");
      const std::string right = merge({"ab.yaml", names[2]}, "ab-c.yaml");
      EXPECT_EQ(left, right) << "merge is not associative";
      EXPECT_EQ(left, all) << "merge(a, merge(b, c)) differs from extract(all)";
      // two parts: the wording
      std::vector<fs::path> p1, p2;
      for (const auto& d : docs) (rng() % 2 ? p1 : p2).push_back(d);
      if (!p1.empty() && !p2.empty()) {
        extract(p1, "p1.yaml");
        extract(p2, "p2.yaml");
        EXPECT_EQ(merge({"p1.yaml", "p2.yaml"}, "p12.yaml"), all);
      }
    }
  }
};

TEST_F(Scale, OutputIsTheSameForAnyNumberOfThreads) {
  std::vector<fs::path> inputs{kMini};
  std::vector<fs::path> reuters;
  if (fs::exists(kReuters)) reuters = reuters_documents();
  inputs.insert(inputs.end(), reuters.begin(), reuters.end());
  int c1 = 0, c4 = 0;
  std::string args;
  for (const auto& p : inputs) args += " " + sh_quote(p.string());
  const std::string one = run("extract --threads 1" + args, "t1.yaml", &c1);
  const std::string four = run("extract --threads 4" + args, "t4.yaml", &c4);
  EXPECT_EQ(c1, 1);  // the mini corpus has a broken JSONL line
  EXPECT_EQ(c4, 1);
  EXPECT_NE(one.find("reports: 3"), std::string::npos);
  EXPECT_EQ(one, four);
  const std::string j1 = run("extract --format jsonl --threads 1" + args, "t1.jsonl", &c1);
  const std::string j4 = run("extract --format jsonl --threads 4" + args, "t4.jsonl", &c4);
  EXPECT_EQ(j1, j4);
}

TEST_F(Scale, ReportsOfOneMeetingBecomeOneEntryWithTheirConflict) {
  const YAML::Node y = YAML::Load(extract({kMini}, "mini.yaml"));
  std::optional<YAML::Node> meeting;
  for (const auto& e : y["events"])
    if (e["location"].as<std::string>("") == "Geneva") {
      ASSERT_FALSE(meeting) << "two Geneva entries: the reports were not merged";
      meeting = YAML::Node(e);
    }
  ASSERT_TRUE(meeting);
  const YAML::Node& m = *meeting;
  EXPECT_EQ(m["reports"].as<int>(), 3);
  EXPECT_EQ(m["evidence"].size(), 3u);
  EXPECT_EQ(m["versions"].size(), 3u);
  // planned in two articles, "the meeting last week" in a later one: it happened
  EXPECT_EQ(m["status"].as<std::string>(), "occurred");
  // Thursday (and "last week") against Friday: kept as a conflict, Thursday has more reports
  EXPECT_EQ(m["when"]["value"].as<std::string>(), "2025-03-06");
  ASSERT_EQ(m["conflicts"].size(), 1u);
  EXPECT_EQ(m["conflicts"][0]["field"].as<std::string>(), "when");
  EXPECT_EQ(m["conflicts"][0]["values"][0].as<std::string>(), "2025-03-06");
  EXPECT_EQ(m["conflicts"][0]["values"][1].as<std::string>(), "2025-03-07");
  EXPECT_EQ(m["conflicts"][0]["sources"][1][0].as<std::string>(), "wire-a2");
  // the broken line is listed, every good document is in
  EXPECT_EQ(y["sources"].size(), 5u);
  ASSERT_EQ(y["errors"].size(), 1u);
  EXPECT_NE(y["errors"][0]["where"].as<std::string>().find("batch.jsonl:2"), std::string::npos);
}

TEST_F(Scale, JsonlFormatIsOneLinePerDocumentInInputOrder) {
  int code = 0;
  const std::string out = run("extract --format jsonl " + sh_quote(kMini.string()), "o.jsonl", &code);
  EXPECT_EQ(code, 1);
  std::istringstream in(out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(in, line)) {
    const auto j = nlohmann::json::parse(line);
    ids.push_back(j.contains("error") ? "error" : j["id"].get<std::string>());
    if (j.contains("events"))
      for (const auto& e : j["events"]) EXPECT_TRUE(e.contains("evidence"));
  }
  // files in sorted order: a1, a2, a3, batch.jsonl (its line 2 is broken)
  const std::vector<std::string> want{"wire-a1", "wire-a2", "wire-a3", "wire-b1", "error", "wire-b2"};
  EXPECT_EQ(ids, want);
}

TEST_F(Scale, MergeOfSplitsEqualsOneExtractMiniCorpus) { check_algebra(mini_documents()); }

TEST_F(Scale, MergeOfSplitsEqualsOneExtractReuters) {
  if (!fs::exists(kReuters))
    GTEST_SKIP() << kReuters << " not found (../shared is not beside the checkout)";
  check_algebra(reuters_documents());
}

TEST_F(Scale, MergeRejectsAFileThatIsNoTimeline) {
  write("bad.yaml", "just: a map\n");
  int code = 0;
  run("merge " + sh_quote((dir_ / "bad.yaml").string()), "m.yaml", &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(slurp(dir_ / "stderr.txt").find("not a Chronicle timeline"), std::string::npos);
}

}  // namespace
