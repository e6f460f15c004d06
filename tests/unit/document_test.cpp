// Documents: text files with optional YAML front matter, and JSONL lines. Errors name
// the input (file, file:line) and say how to fix it.
#include <chronicle/calendar.h>
#include <chronicle/document.h>
#include <chronicle/errors.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "../test_support.h"

namespace {

using chronicle::testing::sh_quote;
using chronicle::testing::slurp;

using chronicle::Document;
using chronicle::DocumentError;
using chronicle::parse_json_document;
using chronicle::parse_text_document;
using chronicle::ReadOptions;

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

ReadOptions with_date(date::sys_days d) {
  ReadOptions o;
  o.published = d;
  return o;
}

// Runs `f`, expects a DocumentError, returns it (where + what).
template <class F>
DocumentError expect_error(F&& f) {
  try {
    f();
  } catch (const DocumentError& e) {
    return e;
  }
  ADD_FAILURE() << "no DocumentError thrown";
  return DocumentError("<none>", "<none>");
}

// Reads JSONL `lines` as the file `name`: the documents accepted and the failures, in order.
struct JsonlRead {
  std::vector<Document> docs;
  std::vector<chronicle::DocumentFailure> failures;
};
JsonlRead read_lines(const std::string& lines, const std::string& name = "in.jsonl") {
  std::istringstream in(lines);
  JsonlRead r;
  chronicle::read_jsonl(
      in, name, {}, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](chronicle::DocumentFailure&& f) { r.failures.push_back(std::move(f)); });
  return r;
}

// --- text documents -----------------------------------------------------------------

// Every member of a Document, by a structured binding: a member added to Document makes
// this fail to compile until it is named here, and so in swap() below.
auto members(const Document& d) {
  const auto& [id, published, title, dateline, text, origin, warnings, source_bytes, ascii] = d;
  return std::tie(id, published, title, dateline, text, origin, warnings, source_bytes, ascii);
}

TEST(DocumentSwap, ExchangesEveryMember) {
  Document a{"a",           date::sys_days{date::year{2025} / 2 / 17},
             "title a",     "RIYADH, Feb 17",
             "text a",      "a.jsonl:1",
             {"warning a"}, 11,
             true};
  Document b{"b",     std::nullopt, "title b", "",   "text b, longer than a short string's buffer",
             "b.txt", {},           22,        false};
  const Document a0 = a, b0 = b;
  swap(a, b);
  EXPECT_TRUE(members(a) == members(b0));
  EXPECT_TRUE(members(b) == members(a0));
  swap(a, a);
  EXPECT_TRUE(members(a) == members(b0));
}

TEST(TextDocument, FrontMatterFieldsAndBodyOffsets) {
  const std::string body = "ALGIERS, March 4 - Officials met on Tuesday.\nThey talked.\n";
  const std::string content =
      "---\n"
      "published: 2025-02-17\n"
      "title: Talks in Algiers\n"
      "id: algiers-talks\n"
      "dateline: ALGIERS, March 4\n"
      "---\n" +
      body;
  const Document d = parse_text_document(content, "news/a.md", "a", {});
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2025, 2, 17));
  EXPECT_EQ(d.title, "Talks in Algiers");
  EXPECT_EQ(d.id, "algiers-talks");
  EXPECT_EQ(d.dateline, "ALGIERS, March 4");
  EXPECT_EQ(d.origin, "news/a.md");
  // offsets in the output point into the body, not into the file
  EXPECT_EQ(d.text, body);
  EXPECT_EQ(d.text.find("Officials"), body.find("Officials"));
  EXPECT_TRUE(d.warnings.empty());
}

TEST(TextDocument, DctAcceptedForPublished) {
  const Document d = parse_text_document(
      "---\ndct: 2015-02-22\n---\nPeace talks postponed until Monday.\n", "b.txt", "b", {});
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2015, 2, 22));
  EXPECT_EQ(d.id, "b");  // no id: the default (file stem)
  EXPECT_TRUE(d.title.empty());
  EXPECT_EQ(d.text, "Peace talks postponed until Monday.\n");
}

TEST(TextDocument, WithoutFrontMatterTheWholeFileIsText) {
  const std::string content = "Officials met on Tuesday.\n---\nNot front matter.\n";
  const Document d = parse_text_document(content, "c.txt", "c", with_date(day(2025, 2, 17)));
  EXPECT_EQ(d.text, content);
  EXPECT_EQ(d.id, "c");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2025, 2, 17));
}

TEST(TextDocument, PublishedOptionOverridesFrontMatter) {
  const Document d = parse_text_document("---\npublished: 2025-02-17\n---\nText.\n", "d.txt", "d",
                                         with_date(day(2024, 12, 31)));
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2024, 12, 31));
}

TEST(TextDocument, NoDateAnywhereNamesFileAndBothWays) {
  const auto e = expect_error([] { parse_text_document("Officials met.\n", "e.txt", "e", {}); });
  EXPECT_EQ(e.where(), "e.txt");
  const std::string what = e.what();
  EXPECT_HAS(what, "no publication date");
  EXPECT_HAS(what, "published:");
  EXPECT_HAS(what, "--published");
}

TEST(TextDocument, ByteOrderMarkIsStripped) {
  const Document plain = parse_text_document("\xEF\xBB\xBFOfficials met.\n", "f.txt", "f",
                                             with_date(day(2025, 2, 17)));
  EXPECT_EQ(plain.text, "Officials met.\n");
  // a BOM before the front matter must not hide it
  const Document fm =
      parse_text_document("\xEF\xBB\xBF---\npublished: 2025-02-17\n---\nBody.\n", "g.txt", "g", {});
  ASSERT_TRUE(fm.published.has_value());
  EXPECT_EQ(*fm.published, day(2025, 2, 17));
  EXPECT_EQ(fm.text, "Body.\n");
}

TEST(TextDocument, CrlfFrontMatter) {
  const Document d = parse_text_document(
      "---\r\npublished: 2025-02-17\r\ntitle: T\r\n---\r\nBody.\r\n", "h.txt", "h", {});
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2025, 2, 17));
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.text, "Body.\r\n");
}

TEST(TextDocument, DashesInsideFrontMatterValueDoNotCloseIt) {
  const Document d = parse_text_document(
      "---\npublished: 2025-02-17\ntitle: A ---- B\n---\nBody.\n", "i.txt", "i", {});
  EXPECT_EQ(d.title, "A ---- B");
  EXPECT_EQ(d.text, "Body.\n");
}

TEST(TextDocument, UnclosedFrontMatterNamesOriginLineOne) {
  const auto e = expect_error([] {
    parse_text_document("---\npublished: 2025-02-17\nBody without a closing line.\n", "j.md", "j",
                        {});
  });
  EXPECT_EQ(e.where(), "j.md:1:1");
  const std::string what = e.what();
  EXPECT_HAS(what, "j.md:1:1");
  EXPECT_HAS(what, "never closed");
  EXPECT_HAS(what, "---");
}

TEST(TextDocument, FrontMatterListIsAClearError) {
  const auto e = expect_error(
      [] { parse_text_document("---\n- published\n- 2025-02-17\n---\nBody.\n", "k.md", "k", {}); });
  const std::string what = e.what();
  EXPECT_HAS(e.where(), "k.md");
  EXPECT_HAS(what, "must be a map");
  EXPECT_HAS(what, "published:");
}

TEST(TextDocument, FrontMatterInvalidYamlNamesLine) {
  const auto e = expect_error([] {
    parse_text_document("---\npublished: 2025-02-17\ntitle: [unclosed\n---\nBody.\n", "l.md", "l",
                        {});
  });
  EXPECT_HAS(e.where(), "l.md:");
  EXPECT_HAS(std::string(e.what()), "not valid YAML");
}

TEST(TextDocument, MalformedFrontMatterDateNamesValueAndLine) {
  const auto e = expect_error([] {
    parse_text_document("---\ntitle: T\npublished: 2025-13-01\n---\nBody.\n", "m.md", "m", {});
  });
  EXPECT_EQ(e.where(), "m.md:3");
  const std::string what = e.what();
  EXPECT_HAS(what, "\"2025-13-01\"");
  EXPECT_HAS(what, "YYYY-MM-DD");
}

TEST(TextDocument, MalformedDctNamesItsOwnLine) {
  const auto e = expect_error([] {
    parse_text_document("---\ntitle: T\nid: x\ndct: 2025-02-30\n---\nBody.\n", "p.md", "p", {});
  });
  EXPECT_EQ(e.where(), "p.md:4");
  EXPECT_HAS(std::string(e.what()), "\"2025-02-30\"");
}

TEST(TextDocument, FrontMatterValueThatIsAListIsRejected) {
  const auto e = expect_error([] {
    parse_text_document("---\npublished: 2025-02-17\ntitle: [a, b]\n---\nBody.\n", "n.md", "n", {});
  });
  EXPECT_HAS(std::string(e.what()), "`title` must be a single value");
}

TEST(TextDocument, InvalidUtf8IsRepairedWithAWarning) {
  const Document d =
      parse_text_document("Caf\xE9 talks.\n", "o.txt", "o", with_date(day(2025, 2, 17)));
  EXPECT_EQ(d.text, "Caf\xEF\xBF\xBD talks.\n");
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_HAS(d.warnings[0], "1 byte(s)");
  EXPECT_HAS(d.warnings[0], "U+FFFD");
}

TEST(TextDocument, InvalidUtf8InTheFrontMatterIdIsRepaired) {
  // found by fuzz.extract: the id reached the YAML timeline with its 0xFF bytes
  const Document d = parse_text_document(
      "---\nid: wire-a3\xFF\xFF\npublished: 2025-03-12\n---\nTalks.\n", "w.md", "w", {});
  EXPECT_EQ(d.id, "wire-a3\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(d.origin.find('\xFF'), std::string::npos) << d.origin;
}

// --- JSONL lines ----------------------------------------------------------------------

TEST(JsonDocument, GoodLine) {
  const Document d = parse_json_document(
      R"({"id":"riyadh","published":"2025-02-17","title":"Talks","dateline":"RIYADH","text":"Officials met."})",
      "in.jsonl:3", {});
  EXPECT_EQ(d.id, "riyadh");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2025, 2, 17));
  EXPECT_EQ(d.title, "Talks");
  EXPECT_EQ(d.dateline, "RIYADH");
  EXPECT_EQ(d.text, "Officials met.");
  EXPECT_HAS(d.origin, "in.jsonl:3");
  EXPECT_HAS(d.origin, "riyadh");
}

TEST(JsonDocument, DctKeyAccepted) {
  const Document d =
      parse_json_document(R"({"id":"x","dct":"2015-02-22","text":"Talks."})", "in.jsonl:1", {});
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(*d.published, day(2015, 2, 22));
}

TEST(JsonDocument, MissingIdFallsBackToOrigin) {
  const Document d =
      parse_json_document(R"({"published":"2025-02-17","text":"T."})", "in.jsonl:7", {});
  EXPECT_EQ(d.id, "in.jsonl:7");
}

TEST(JsonDocument, MissingTextNamesLineAndKey) {
  const auto e = expect_error(
      [] { parse_json_document(R"({"id":"x","published":"2025-02-17"})", "in.jsonl:2", {}); });
  EXPECT_EQ(e.where(), "in.jsonl:2");
  EXPECT_HAS(std::string(e.what()), "missing \"text\"");
}

TEST(JsonDocument, NullTextIsMissing) {
  const auto e = expect_error([] {
    parse_json_document(R"({"id":"x","published":"2025-02-17","text":null})", "in.jsonl:4", {});
  });
  EXPECT_EQ(e.where(), "in.jsonl:4");
  EXPECT_HAS(std::string(e.what()), "missing \"text\"");
}

TEST(JsonDocument, NonObjectLine) {
  const auto e = expect_error([] { parse_json_document(R"(["a", "b"])", "in.jsonl:5", {}); });
  EXPECT_EQ(e.where(), "in.jsonl:5");
  EXPECT_HAS(std::string(e.what()), "must be a JSON object");
}

TEST(JsonDocument, NotJson) {
  const auto e = expect_error([] { parse_json_document("not json at all", "in.jsonl:6", {}); });
  EXPECT_EQ(e.where(), "in.jsonl:6");
  EXPECT_HAS(std::string(e.what()), "not valid JSON");
}

// found by the jsonl fuzz target: nlohmann::json throws out_of_range, not parse_error
TEST(JsonDocument, NumberTooLargeIsAnErrorNotACrash) {
  const auto e = expect_error([] {
    parse_json_document(R"({"id":"x","published":"2025-02-17","n":-60e1929,"text":"T."})",
                        "in.jsonl:7", {});
  });
  EXPECT_EQ(e.where(), "in.jsonl:7");
  EXPECT_HAS(std::string(e.what()), "not valid JSON");
  EXPECT_HAS(std::string(e.what()), "number overflow");
}

TEST(JsonDocument, WrongTypeNamesKeyAndType) {
  const auto e = expect_error([] {
    parse_json_document(R"({"id":"x","published":20250217,"text":"T."})", "in.jsonl:8", {});
  });
  EXPECT_EQ(e.where(), "in.jsonl:8");
  const std::string what = e.what();
  EXPECT_HAS(what, "\"published\" must be a string");
  EXPECT_HAS(what, "number");
}

TEST(JsonDocument, BadDateNamesValueAndDocument) {
  const auto e = expect_error([] {
    parse_json_document(R"({"id":"x","published":"2025-02-30","text":"T."})", "in.jsonl:9", {});
  });
  EXPECT_HAS(e.where(), "in.jsonl:9");
  EXPECT_HAS(e.where(), "x");
  const std::string what = e.what();
  EXPECT_HAS(what, "\"2025-02-30\"");
  EXPECT_HAS(what, "YYYY-MM-DD");
}

TEST(JsonDocument, NoDateWithoutOptionIsAnError) {
  const auto e =
      expect_error([] { parse_json_document(R"({"id":"x","text":"T."})", "in.jsonl:10", {}); });
  EXPECT_HAS(e.where(), "in.jsonl:10");
  EXPECT_HAS(std::string(e.what()), "no publication date");
  // --published fills it in
  const Document d =
      parse_json_document(R"({"id":"x","text":"T."})", "in.jsonl:10", with_date(day(2025, 1, 2)));
  EXPECT_EQ(*d.published, day(2025, 1, 2));
}

}  // namespace

// The fast JSONL reader (simdjson) and the reference reader (nlohmann::json) give the same
// document or the same error for every line; the jsonl fuzz target checks this on
// generated lines, these are the cases where the two libraries differ most.
TEST(JsonDocument, FastAndReferenceReadersAgree) {
  const std::vector<std::string> lines = {
      R"({"id":"a","published":"2025-02-17","text":"Talks ended."})",
      R"({"id":"a","id":"b","published":"2025-02-17","text":"T."})",    // repeated key
      R"({"id":"a","published":null,"dct":"2025-02-17","text":"T."})",  // null
      R"({"id":"a","published":"2025-02-17","text":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/"})",
      R"({"id":"a","published":"2025-02-17","text":"nul\u0000byte"})",
      R"({"id":"a","published":"2025-02-30","text":"T."})",  // bad date
      R"({"id":"","published":"2025-02-17","text":"T."})",   // empty id
      R"({"id":"a","published":"2025-02-17","n":123456789012345678901234567890,"text":"T."})",
      "\xEF\xBB\xBF{\"id\":\"a\",\"published\":\"2025-02-17\",\"text\":\"T.\"}",  // BOM
      R"({"id":"a","published":"2025-02-17","text":"T.",})",                      // trailing comma
      R"({"id":"a","published":"2025-02-17","text":"\ud800"})",                   // lone surrogate
      "{\"id\":\"a\",\"published\":\"2025-02-17\",\"text\":\"bad \xFF byte\"}",
      R"({"id":"a","published":"2025-02-17","text":"T."} trailing)",
      R"({"id":"a","published":"2025-02-17","text":7})",
      R"({"id":"a","published":"2025-02-17","dct":5,"text":"T."})",
      R"({"id":"a","published":"2025-02-17","nested":{"text":"no"},"text":"yes"})",
      R"(  {"id":"a","published":"2025-02-17","text":"spaces around"}  )",
      // the plain reader's lines, and lines it leaves to simdjson
      R"({ "id" : "a" , "published" : "2025-02-17" , "text" : "a\nb\tc\bd\fe\rf\/g\"h\\" })",
      R"({"id":"a","published":"2025-02-17","other":"x\ny","text":"T.\n\nMore."})",
      "{\"id\":\"a\",\"published\":\"2025-02-17\",\"text\":\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"}",
      "{\"id\":\"a\",\"published\":\"2025-02-17\",\"text\":\"over\xC0\xAFlong\"}",
      "{\"id\":\"a\",\"published\":\"2025-02-17\",\"text\":\"raw\ttab\"}",
      R"({"i\u0064":"a","published":"2025-02-17","text":"escaped key"})",
      R"({"id":"a","published":"2025-02-17","text":"bad \x escape"})",
      R"({"id":"a","published":nul,"text":"T."})",
      R"({"id":"a","published":"2025-02-17","text":"T.")",
      R"({"id":"a","published":"2025-02-17","text":"unclosed})",
      R"({"id":"a","published":"2025-02-17","text":null})",
      R"({"id":"a","published":"2025-02-17","flag":true,"text":"T."})",
      R"({})",
  };
  for (const auto& line : lines)
    EXPECT_EQ(chronicle::detail::json_readers_disagree(line), "") << line;
  // and the fast reader is the one that answers a plain line, with the same fields
  const Document d = parse_json_document(
      R"({"title":"T","id":"a","id":"b","dateline":"RIYADH","published":"2025-02-17","text":"Talks."})",
      "in.jsonl:9", {});
  EXPECT_EQ(d.id, "b");
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.dateline, "RIYADH");
  EXPECT_EQ(d.origin, "in.jsonl:9 (id b)");
}

// The plain reader copies 32 or 16 bytes a step: escapes, quotes, control bytes and bytes
// beyond ASCII at every offset of a step, alone and two in a row, read as the reference
// reader reads them.
TEST(JsonDocument, ReadersAgreeOnStopBytesAtEveryOffset) {
  const std::vector<std::string> stops = {"\\n", "\\\"",     "\\\\", "\\u0041", "\\x",
                                          "\t",  "\xC3\xA9", "\xFF", "\\n\\n",  "\\\"\\t"};
  for (const auto& stop : stops)
    for (std::size_t k = 0; k <= 70; ++k) {
      const std::string text = std::string(k, 'x') + stop + std::string(70 - k, 'y');
      const std::string line = R"({"id":"a","published":"2025-02-17","text":")" + text + R"("})";
      EXPECT_EQ(chronicle::detail::json_readers_disagree(line), "") << line;
    }
}

namespace {

TEST(JsonDocument, AsciiTextIsMarkedAndOtherTextRepaired) {
  const std::string plain(100, 'a');  // past the 64- and 8-byte steps of the check
  Document d = parse_json_document(
      R"({"id":"a","published":"2025-02-17","text":")" + plain + R"("})", "in.jsonl:1", {});
  EXPECT_TRUE(d.ascii);
  EXPECT_EQ(d.text, plain);
  EXPECT_TRUE(d.warnings.empty());
  // a NUL (only escaped in JSON) anywhere is replaced with a space, and counted
  for (const std::size_t at : std::vector<std::size_t>{0, 5, 70, 99}) {
    std::string text = plain;
    text.replace(at, 1, "\\u0000");
    d = parse_json_document(
        R"({"id":"a","published":"2025-02-17","title":"T\u0000","text":")" + text + R"("})",
        "in.jsonl:2", {});
    std::string want = plain;
    want[at] = ' ';
    EXPECT_FALSE(d.ascii) << at;
    EXPECT_EQ(d.text, want) << at;
    EXPECT_EQ(d.title, "T ");
    ASSERT_EQ(d.warnings.size(), 1u) << at;
    EXPECT_EQ(d.warnings[0].rfind("1 byte(s)", 0), 0u) << d.warnings[0];
  }
  d = parse_json_document(R"({"id":"a","published":"2025-02-17","text":"Caf\u00e9 talks."})",
                          "in.jsonl:3", {});
  EXPECT_FALSE(d.ascii);
  EXPECT_EQ(d.text, "Caf\xC3\xA9 talks.");
  EXPECT_TRUE(d.warnings.empty());
}

// The ASCII check steps 64 bytes, 8 bytes and the last bytes at a time: a NUL or a byte
// beyond ASCII is found at every place of texts of every length around those steps.
TEST(JsonDocument, AsciiCheckFindsEveryByteAtEveryPlace) {
  for (std::size_t n = 1; n <= 140; ++n) {
    const std::string plain(n, 'a');
    auto read = [&](const std::string& text) {
      return parse_json_document(R"({"id":"a","published":"2025-02-17","text":")" + text + "\"}",
                                 "in.jsonl:1", {});
    };
    EXPECT_TRUE(read(plain).ascii) << n;
    for (std::size_t at = 0; at < n; ++at)
      for (const char* odd : {"\\u0000", "\\u00e9", "\\u007f"}) {
        std::string text = plain;
        text.replace(at, 1, odd);
        const Document d = read(text);
        EXPECT_EQ(d.ascii, std::string_view(odd) == "\\u007f") << n << " " << at << " " << odd;
      }
  }
}

// read_jsonl fills one document line after line: nothing of a line stays in the next.
TEST(JsonDocument, LinesShareNoFields) {
  const auto [docs, failures] =
      read_lines(R"({"id":"a","published":"2025-02-17","title":"T","dateline":"RIYADH",)"
                 R"("text":"Caf\u00e9 \u0000"})"
                 "\n"
                 R"({"id":"b","text":"No date."})"
                 "\n"
                 R"({"published":"2025-02-18","text":"Talks."})"
                 "\n");
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].where, "in.jsonl:2 (id b)");
  EXPECT_EQ(docs[0].title, "T");
  EXPECT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_FALSE(docs[0].ascii);
  const Document& last = docs[1];
  EXPECT_EQ(last.id, "in.jsonl:3");
  EXPECT_EQ(last.origin, "in.jsonl:3 (id in.jsonl:3)");
  EXPECT_EQ(last.title, "");
  EXPECT_EQ(last.dateline, "");
  EXPECT_EQ(last.text, "Talks.");
  EXPECT_TRUE(last.warnings.empty());
  EXPECT_TRUE(last.ascii);
  EXPECT_EQ(last.published, day(2025, 2, 18));
}

// An id taken from the file name (the line has none) is repaired like the name, on an
// ASCII line too; an id of an ASCII line is kept as it is.
TEST(JsonDocument, IdFromANameThatIsNotUtf8IsRepaired) {
  const auto [docs, failures] =
      read_lines(R"({"published":"2025-02-18","text":"Talks."})"
                 "\n"
                 R"({"id":"a-1","published":"2025-02-18","text":"Talks."})"
                 "\n",
                 "in\xFF.jsonl");
  EXPECT_TRUE(failures.empty());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "in\xEF\xBF\xBD.jsonl:1");
  EXPECT_EQ(docs[0].origin, "in\xEF\xBF\xBD.jsonl:1 (id in\xEF\xBF\xBD.jsonl:1)");
  EXPECT_TRUE(docs[0].ascii);
  EXPECT_EQ(docs[1].id, "a-1");
  EXPECT_EQ(docs[1].origin, "in\xEF\xBF\xBD.jsonl:2 (id a-1)");
}

// Lines are read in blocks of 64 KiB: a line is whole wherever the blocks part it (one
// that lies in a block is read there, one across blocks copied), with a carriage return
// before its newline, after blank lines, longer than a block, or over the size limit.
TEST(JsonDocument, LinesAcrossReadBlocksAreWhole) {
  std::string in;
  std::vector<std::string> texts;
  for (std::size_t k = 0; in.size() < 5 * 65536; ++k) {
    // lengths that move the line ends against the block ends from line to line
    std::string text(k % 97 == 96 ? 70000 : 900 + (k * 37) % 2300, static_cast<char>('a' + k % 26));
    text[0] = 'T';
    in += R"({"id":"d)" + std::to_string(k) + R"(","published":"2025-02-17","text":")" + text +
          (k % 5 == 0 ? "\"}\r\n" : "\"}\n");
    texts.push_back(text);
    if (k % 7 == 0) in += "  \n";  // a blank line
  }
  in += R"({"id":"last","published":"2025-02-17","text":"End."})";  // no newline at the end
  texts.push_back("End.");
  const auto [docs, failures] = read_lines(in);
  EXPECT_TRUE(failures.empty());
  ASSERT_EQ(docs.size(), texts.size());
  for (std::size_t k = 0; k < docs.size(); ++k) {
    ASSERT_EQ(docs[k].text, texts[k]) << k;
    EXPECT_EQ(docs[k].id, k + 1 < docs.size() ? "d" + std::to_string(k) : "last");
  }
  // with a limit of 50,000 bytes the lines of 70,000 are refused, and the next read whole
  ReadOptions limited;
  limited.max_document_bytes = 50000;
  std::istringstream stream(in);
  std::vector<std::string> read, refused;
  chronicle::read_jsonl(
      stream, "in.jsonl", limited, [&](Document&& d) { read.push_back(d.text); },
      [&](chronicle::DocumentFailure&& f) { refused.push_back(f.where); });
  std::vector<std::string> expected;
  std::size_t long_ones = 0;
  for (const auto& t : texts) {
    if (t.size() > 50000)
      ++long_ones;
    else
      expected.push_back(t);
  }
  EXPECT_GT(long_ones, 0u);
  EXPECT_EQ(refused.size(), long_ones);
  EXPECT_EQ(read, expected);
}

// An id with a NUL (JSON "\\u0000") names a refused document without it, and the
// error keeps its message (a NUL in the name cut the message off, and reading it threw).
TEST(JsonDocument, BadIdInARefusedDocument) {
  const auto [docs, failures] =
      read_lines(R"({"id":"\u0000]ud800","published":"99-12-31x","text":"Talks."})"
                 "\n"
                 R"({"id":"ok","published":"2025-02-18","text":"Talks."})"
                 "\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "ok");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].where.find('\0'), std::string::npos);
  EXPECT_EQ(failures[0].where.rfind("in.jsonl:1 (id ", 0), 0u);
  EXPECT_NE(failures[0].where.find("]ud800)"), std::string::npos);
  EXPECT_NE(failures[0].message.find("publication date \"99-12-31x\""), std::string::npos);
}

// The message is kept apart from "where", whatever "where" holds: a ": " of its own, or nothing.
TEST(DocumentErrorParts, WhereWithColonSpaceOrEmpty) {
  const DocumentError odd("in: x.jsonl:3 (id a: b)", "no publication date: add one");
  EXPECT_EQ(odd.where(), "in: x.jsonl:3 (id a: b)");
  EXPECT_EQ(odd.message(), "no publication date: add one");
  EXPECT_EQ(std::string(odd.what()), "in: x.jsonl:3 (id a: b): no publication date: add one");
  const DocumentError empty("", "cannot open: check the path");
  EXPECT_EQ(empty.where(), "");
  EXPECT_EQ(empty.message(), "cannot open: check the path");
  EXPECT_EQ(std::string(empty.what()), ": cannot open: check the path");
  const DocumentError neither("", "");
  EXPECT_EQ(neither.message(), "");
}

// A refused line of a document whose id holds ": " is reported with the whole message.
TEST(DocumentErrorParts, ReportedMessageOfAnIdWithColonSpace) {
  const auto [docs, failures] =
      read_lines(R"({"id":"a: b","published":"2025-02-30","text":"Talks."})"
                 "\n",
                 "in: x.jsonl");
  EXPECT_TRUE(docs.empty()) << "document accepted";
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].where, "in: x.jsonl:1 (id a: b)");
  EXPECT_EQ(failures[0].message.rfind("publication date \"2025-02-30\"", 0), 0u)
      << failures[0].message;
}

}  // namespace
