// The same input gives byte-identical output across runs, --threads counts and time zones
// (TZ), in every format; no wall-clock API is used in the code that makes a result.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "../test_support.h"

namespace {

using chronicle::testing::CliRun;
using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

class Determinism : public chronicle::testing::CliTest {
 protected:
  Determinism() : CliTest("determinism") {}
  void TearDown() override {
    if (had_tz_)
      ::setenv("TZ", old_tz_.c_str(), 1);
    else
      ::unsetenv("TZ");
    CliTest::TearDown();
  }
  void set_tz(const std::string& tz) {
    if (const char* t = std::getenv("TZ"); t && !saved_) {
      had_tz_ = true;
      old_tz_ = t;
    }
    saved_ = true;
    ::setenv("TZ", tz.c_str(), 1);
  }

 private:
  bool saved_ = false, had_tz_ = false;
  std::string old_tz_;
};

// Words whose reading depends on the day: were the clock read, they would show it.
const std::string kRelative =
    "---\npublished: 2025-02-17\n---\n"
    "Officials met today in Riyadh and will meet again tomorrow. They talked yesterday, "
    "this week and last night. The summit is due next month; talks were held 3 days ago, at "
    "noon on Tuesday and at 11 p.m. on Sunday. President John Smith met Prime Minister Jane "
    "Doe in Paris this morning.\n";

TEST_F(Determinism, SameBytesAcrossRunsThreadsAndTimeZones) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  write(in / "relative.md", kRelative);
  fs::copy(fs::path(CHRONICLE_SOURCE_DIR) / "examples" / "riyadh-talks.txt",
           in / "riyadh-talks.txt");
  fs::copy(fs::path(CHRONICLE_SOURCE_DIR) / "tests" / "data" / "merge", in / "merge");
  const std::vector<std::string> zones = {"UTC",
                                          "Asia/Tokyo",
                                          "America/Los_Angeles",
                                          "Pacific/Kiritimati",   // UTC+14
                                          "Pacific/Pago_Pago",    // UTC-11
                                          "Asia/Kathmandu",       // UTC+5:45
                                          "Australia/Lord_Howe",  // a half-hour DST shift
                                          "<-1230>+12:30"};       // POSIX rule, no file
  // every zone for the formats that write dates (yaml, ics, timex); the other formats
  // once each, with other thread counts (each run costs a start-up: keep them few)
  auto check = [&](const std::string& cmd, const std::string& tz, unsigned threads,
                   const std::string& want) {
    set_tz(tz);
    const CliRun r =
        run(cmd + " -q --threads " + std::to_string(threads) + " " + sh_quote(in.string()));
    EXPECT_LE(r.code, 1) << cmd << " TZ=" << tz << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << cmd;
    if (!want.empty())
      EXPECT_EQ(r.out, want) << cmd << " differs under TZ=" << tz << " with --threads " << threads;
    return r.out;
  };
  for (const std::string cmd : {"extract --format yaml", "extract --format ics", "timex"}) {
    const std::string first = check(cmd, zones[0], 1, "");
    for (std::size_t z = 1; z < zones.size(); ++z) check(cmd, zones[z], 1 + z % 3, first);
  }
  for (const std::string cmd :
       {"extract --format jsonl", "extract --format html", "extract --format json"}) {
    const std::string first = check(cmd, "UTC", 1, "");
    check(cmd, "Pacific/Kiritimati", 3, first);
  }
}

// The code that makes a result (core and plugins; the CLI's progress line uses a steady
// clock for its rate only) never asks for the date or the time of day.
TEST(WallClock, NeverReadOutsideTheProgressLine) {
  const std::regex clock(
      R"(system_clock|high_resolution_clock|\btime\s*\(|\blocaltime|\bgmtime|\bmktime|\bstrftime|)"
      R"(current_zone|CLOCK_REALTIME|gettimeofday|\bctime\b|__DATE__|__TIME__|utc_clock|file_clock)");
  std::vector<std::string> hits;
  std::size_t files = 0;
  for (const char* sub : {"core", "plugins"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CHRONICLE_SOURCE_DIR) / sub)) {
      const auto ext = e.path().extension();
      if (ext != ".cpp" && ext != ".h" && ext != ".in") continue;
      ++files;
      std::ifstream f(e.path());
      int n = 0;
      for (std::string line; std::getline(f, line);) {
        ++n;
        const auto comment = line.find("//");
        const std::string code = comment == std::string::npos ? line : line.substr(0, comment);
        if (std::regex_search(code, clock))
          hits.push_back(e.path().string() + ":" + std::to_string(n) + ": " + line);
      }
    }
  }
  EXPECT_GT(files, 20u);
  std::string all;
  for (const auto& h : hits) all += h + "\n";
  EXPECT_TRUE(hits.empty()) << "wall-clock use:\n" << all;
}

}  // namespace
