// The seed article against its expected reading (../shared/seed/riyadh-talks.expected.yaml):
// every required event with the same type, status, date bounds, location and participants,
// and nothing from the page boilerplate.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace {

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

std::string scalar(const YAML::Node& n) {
  return n && !n.IsNull() ? n.as<std::string>() : std::string("null");
}

std::set<std::string> names(const YAML::Node& n) {
  std::set<std::string> out;
  for (const auto& x : n) out.insert(x.as<std::string>());
  return out;
}

class SeedTimeline : public ::testing::Test {
 protected:
  void SetUp() override {
    expected_path_ = std::string(CHRONICLE_SHARED_DIR) + "/seed/riyadh-talks.expected.yaml";
    if (!std::filesystem::exists(expected_path_))
      GTEST_SKIP() << "shared data not found at " << CHRONICLE_SHARED_DIR
                   << " (the seed's expected reading lives there)";
    timeline_ = YAML::Load(run(std::string(CHRONICLE_BINARY) + " extract " +
                               CHRONICLE_SOURCE_DIR + "/examples/riyadh-talks.txt"));
    expected_ = YAML::LoadFile(expected_path_);
  }
  std::string expected_path_;
  YAML::Node timeline_, expected_;
};

TEST_F(SeedTimeline, EveryRequiredEventIsRight) {
  ASSERT_TRUE(timeline_["events"].IsSequence());
  for (const auto& want : expected_["events"]) {
    if (want["optional"] && want["optional"].as<bool>()) continue;
    const std::string type = want["type"].as<std::string>();
    const std::string evidence = want["evidence"].as<std::string>();
    SCOPED_TRACE(type + ": " + evidence);
    std::optional<YAML::Node> found;
    for (const auto& ev : timeline_["events"]) {
      if (ev["type"].as<std::string>() != type) continue;
      for (const auto& e : ev["evidence"]) {
        std::string s = e["sentence"].as<std::string>();
        // the expected evidence uses straight apostrophes
        for (std::size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(p, 3, "'");
        if (s.find(evidence) != std::string::npos) found = YAML::Node(ev);
      }
    }
    ASSERT_TRUE(found.has_value()) << "no " << type << " event with that evidence";
    const YAML::Node& ev = *found;
    EXPECT_EQ(ev["status"].as<std::string>(), want["status"].as<std::string>());
    EXPECT_EQ(scalar(ev["when"]["earliest"]), scalar(want["earliest"]));
    if (!want["latest"].IsNull()) EXPECT_EQ(scalar(ev["when"]["latest"]), scalar(want["latest"]));
    if (!want["value"].IsNull() && scalar(want["value"]).size() == 10)
      EXPECT_EQ(scalar(ev["when"]["value"]), scalar(want["value"]));
    EXPECT_EQ(scalar(ev["location"]), scalar(want["location"]));
    EXPECT_EQ(names(ev["participants"]), names(want["participants"]));
  }
}

TEST_F(SeedTimeline, NothingFromTheBoilerplate) {
  for (const auto& ev : timeline_["events"])
    for (const auto& e : ev["evidence"]) {
      const std::string s = e["sentence"].as<std::string>();
      EXPECT_EQ(s.find("Newsletter"), std::string::npos);
      EXPECT_EQ(s.find("Leave A Comment"), std::string::npos);
      EXPECT_EQ(s.find("Subscribe"), std::string::npos);
      EXPECT_EQ(s.find("Live Tv"), std::string::npos);
    }
}

TEST_F(SeedTimeline, OrderedByDate) {
  std::vector<std::string> keys;
  for (const auto& ev : timeline_["events"]) {
    std::string k = scalar(ev["when"]["earliest"]);
    if (k == "null") k = scalar(ev["when"]["latest"]);
    keys.push_back(k);
  }
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  // the call comes first, the Saudi visit on 2025-02-19 after the Riyadh meeting
  ASSERT_FALSE(timeline_["events"].size() == 0);
  EXPECT_EQ(timeline_["events"][0]["type"].as<std::string>(), "call");
}

}  // namespace
