// Partitions of an input read elsewhere (scale/chronicle_dask.py): `--origin FILE=NAME:LINE`
// names a piece of a file as the original, `--list-ids` and `--taken-ids` carry the ids
// earlier pieces took, and merging the pieces' timelines gives the bytes of one run.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../test_support.h"

namespace {

using chronicle::testing::CliRun;
using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

namespace fs = std::filesystem;

class Partition : public chronicle::testing::CliTest {
 protected:
  Partition() : CliTest("partition") {}

  std::string q(const fs::path& p) const { return sh_quote(p.string()); }
};

std::string line(const std::string& id, const std::string& text) {
  std::string j = "{";
  if (!id.empty()) j += "\"id\": \"" + id + "\", ";
  return j + "\"published\": \"2025-02-17\", \"text\": \"" + text + "\"}\n";
}

// Six documents: a repeated id in each half, a line without id (its origin is its id), a
// broken line, a document without text.
const std::vector<std::string> kLines = {
    line("talks", "Sergey Lavrov met Marco Rubio in Riyadh on Tuesday."),
    line("visit", "Emmanuel Macron will visit Washington next week."),
    "{\"id\": \"broken\", \"published\": \"2025-0\n",
    line("talks", "Donald Trump and Vladimir Putin spoke by phone on Wednesday."),
    line("", "Keir Starmer will meet Olaf Scholz in Berlin on Friday."),
    "{\"id\": \"notext\", \"published\": \"2025-02-17\"}\n",
    line("talks", "Lavrov and Rubio met again in Riyadh on Tuesday, officials said."),
};

std::string join(std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += kLines[i];
  return s;
}

TEST_F(Partition, MergedPiecesEqualOneRunWithOriginalNamesLinesAndIds) {
  const fs::path whole = write("news.jsonl", join(0, kLines.size()));
  const CliRun all = run("extract --threads 1 " + q(whole));
  ASSERT_EQ(all.code, 1) << all.err;
  // the pieces: lines 1-3 and 4-7, copied away under other names
  const fs::path a = write("a.jsonl", join(0, 3)), b = write("b.jsonl", join(3, kLines.size()));
  const std::string name = whole.string();
  const CliRun ids =
      run("extract --list-ids " + q(a) + " --origin " + q(a.string() + "=" + name + ":1"));
  EXPECT_EQ(ids.code, 1) << ids.err;  // the broken line
  write("taken.jsonl", ids.out);
  const CliRun pa = run("extract --threads 1 " + q(a) + " -o " + q(dir_ / "a.yaml") + " --origin " +
                        q(a.string() + "=" + name + ":1"));
  const CliRun pb =
      run("extract --threads 1 " + q(b) + " -o " + q(dir_ / "b.yaml") + " --origin " +
          q(b.string() + "=" + name + ":4") + " --taken-ids " + q(dir_ / "taken.jsonl"));
  EXPECT_EQ(pa.code, 1) << pa.err;
  EXPECT_EQ(pb.code, 1) << pb.err;
  for (const std::string& order : {"a.yaml b.yaml", "b.yaml a.yaml"}) {
    std::string files;
    std::istringstream in(order);
    for (std::string f; in >> f;) files += " " + q(dir_ / f);
    const CliRun m = run("merge" + files);
    ASSERT_EQ(m.code, 0) << m.err;
    EXPECT_EQ(m.out, all.out) << order;
  }
  // what the second piece says names the original file and line
  EXPECT_NE(pb.err.find(name + ":6: missing \"text\""), std::string::npos) << pb.err;
  EXPECT_NE(pb.err.find("\"talks#2\""), std::string::npos) << pb.err;
  EXPECT_NE(pb.err.find("already used by " + name + ":1 (id talks)"), std::string::npos) << pb.err;
  EXPECT_NE(all.out.find("talks#3"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("id: \"" + name + ":5\""), std::string::npos) << all.out;
}

TEST_F(Partition, ListIdsGivesEachDocumentsIdAfterRenamingAndItsOrigin) {
  const fs::path f = write("n.jsonl", join(0, kLines.size()));
  const CliRun r = run("extract --list-ids " + q(f));
  EXPECT_EQ(r.code, 1);
  const std::string n = f.string();
  EXPECT_EQ(r.out, "{\"id\":\"talks\",\"origin\":\"" + n +
                       ":1 (id talks)\"}\n"
                       "{\"id\":\"visit\",\"origin\":\"" +
                       n +
                       ":2 (id visit)\"}\n"
                       "{\"id\":\"talks#2\",\"origin\":\"" +
                       n +
                       ":4 (id talks)\"}\n"
                       "{\"id\":\"" +
                       n + ":5\",\"origin\":\"" + n + ":5 (id " + n +
                       ":5)\"}\n"
                       "{\"id\":\"talks#3\",\"origin\":\"" +
                       n + ":7 (id talks)\"}\n");
  EXPECT_NE(r.err.find(n + ":3: not valid JSON"), std::string::npos) << r.err;
}

TEST_F(Partition, TextFileReadsUnderItsOriginalNameAndStem) {
  const fs::path f = write(
      "copy.txt", "---\npublished: 2025-02-17\n---\nLavrov met Rubio in Riyadh on Tuesday.\n");
  const CliRun r = run("extract --list-ids " + q(f) + " --origin " +
                       q(f.string() + "=archive/2025/riyadh.txt:1"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "{\"id\":\"riyadh\",\"origin\":\"archive/2025/riyadh.txt\"}\n");
  // a taken id with an origin: the warning names it
  write("taken.jsonl",
        "{\"id\": \"riyadh\", \"origin\": \"other.jsonl:9\"}\n\n"
        "{\"id\": \"riyadh#2\"}\n");
  const CliRun t =
      run("extract --threads 1 " + q(f) + " --origin " +
          q(f.string() + "=archive/2025/riyadh.txt:1") + " --taken-ids " + q(dir_ / "taken.jsonl"));
  EXPECT_EQ(t.code, 0) << t.err;
  EXPECT_NE(t.out.find("id: \"riyadh#3\""), std::string::npos) << t.out;
  EXPECT_NE(t.err.find("already used by other.jsonl:9"), std::string::npos) << t.err;
}

TEST_F(Partition, BadOriginOrTakenIdsIsAUsageErrorWithTheFix) {
  const fs::path f = write("n.jsonl", join(0, 2));
  for (const std::string& bad : std::vector<std::string>{
           f.string() + "=x.jsonl", f.string() + "=x.jsonl:0", f.string() + "=x.jsonl:1a",
           std::string("=x.jsonl:1"), f.string() + "=:3"}) {
    const CliRun r = run("extract " + q(f) + " --origin " + q(bad));
    EXPECT_EQ(r.code, 2) << bad;
    EXPECT_NE(r.err.find("give FILE=NAME:LINE"), std::string::npos) << bad << ": " << r.err;
  }
  const CliRun other = run("extract " + q(f) + " --origin " + q("elsewhere.jsonl=x.jsonl:1"));
  EXPECT_EQ(other.code, 2);
  EXPECT_NE(other.err.find("is not one of the inputs"), std::string::npos) << other.err;
  // the inputs after --origin are still inputs
  const CliRun after =
      run("extract --list-ids --origin " + q(f.string() + "=x.jsonl:1") + " " + q(f) + " " + q(f));
  EXPECT_EQ(after.code, 0) << after.err;
  EXPECT_NE(after.out.find("\"visit#2\""), std::string::npos) << after.out;
  write("taken.jsonl", "{\"id\": \"a\"}\n[1, 2]\n");
  const CliRun t = run("extract " + q(f) + " --taken-ids " + q(dir_ / "taken.jsonl"));
  EXPECT_EQ(t.code, 2);
  EXPECT_NE(t.err.find("taken.jsonl:2: each line must be"), std::string::npos) << t.err;
  const CliRun missing = run("extract " + q(f) + " --taken-ids " + q(dir_ / "none.jsonl"));
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("none.jsonl: cannot open"), std::string::npos) << missing.err;
}

}  // namespace
