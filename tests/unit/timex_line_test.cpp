// `chronicle timex` writes a plain-ASCII document's line itself and leaves the others to
// nlohmann::json: every line must be the bytes nlohmann::json's dump() gives for the same
// object, whichever wrote it (quotes, backslashes, tabs, CR/LF and control characters
// escaped alike; non-ASCII ids and texts; documents without expressions).
#include "../test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

class TimexLine : public chronicle::testing::CliTest {
 protected:
  TimexLine() : CliTest("timex-line") {}
};

TEST_F(TimexLine, SameBytesAsNlohmannDump) {
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"quote\"and\\backslash",
       "On Monday,\tMarch 3, 1987 the \x01 talks began; by \"next week\" they ended.\n"
       "On Tuesday\r\nJanuary 5 too."},
      {"nothing", "Nothing here."},
      {"caf\xC3\xA9", "He met on Friday, 2 March 1987, at the caf\xC3\xA9 \xE2\x80\x94 last week."},
      {"control\x1F", "A \x7F char on Monday and \x0B on Tuesday, March 3."},
  };
  std::string jsonl;
  for (const auto& [id, text] : docs)
    jsonl += nlohmann::json{{"id", id}, {"published", "1987-03-05"}, {"text", text}}.dump() + "\n";
  const auto in = write("docs.jsonl", jsonl);
  const auto r = run("timex --threads 1 " + chronicle::testing::sh_quote(in.string()));
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::size_t n = 0, timexes = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(line, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    ASSERT_LT(n, docs.size());
    EXPECT_EQ(j["id"], docs[n].first);
    timexes += j["timexes"].size();
    ++n;
  }
  EXPECT_EQ(n, docs.size());
  EXPECT_GE(timexes, 6u);
  EXPECT_TRUE(r.out.find("\"Monday,\\tMarch 3, 1987\"") != std::string::npos) << r.out;
  EXPECT_TRUE(r.out.find("\"Tuesday\\r\\nJanuary 5\"") != std::string::npos) << r.out;
  EXPECT_TRUE(r.out.find("\"control\\u001f\"") != std::string::npos) << r.out;
}

}  // namespace
