// Events, their in-document and cross-document merge, and the ordered timeline.
#pragma once

#include <chronicle/analysis.h>
#include <chronicle/plugin_host.h>

#include <date/date.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace chronicle {

struct When {
  std::string text;   // the words that gave the time; empty when none
  std::string value;  // TIMEX3 value; empty when none
  std::optional<date::sys_days> earliest, latest;
  Granularity granularity = Granularity::unknown;
  bool approx = false;

  // How wide the window is, for choosing the narrowest: the days between its bounds, plus
  // one when approximate. A window with an open bound is wider than any closed one, and no
  // value at all is the widest.
  long width() const;
};

struct Evidence {
  std::string source;
  std::string sentence;
  std::size_t start = 0;  // code points into the source text
  std::size_t end = 0;
};

// A disagreement between the reports of one merged event ("Tuesday" vs "Wednesday").
struct Conflict {
  std::string field;                              // when | location
  std::vector<std::string> values;                // sorted
  std::vector<std::vector<std::string>> sources;  // per value, sorted source ids
};

struct Event {
  std::string id;
  std::string type;
  sdk::Status status = sdk::Status::unknown;
  When when;
  std::string summary;
  std::vector<std::string> agents;        // persons and groups on the first side
  std::vector<std::string> counterparts;  // the other side
  std::vector<std::string> participants;  // all, fullest forms, destination country last
  std::string location;
  std::string country;
  std::string plugin;
  std::vector<Evidence> evidence;
  // bookkeeping for merge and ordering
  std::size_t first_sentence = 0;
  std::size_t first_offset = 0;
  int specificity = 0;
  bool status_from_clause = false;
  bool status_from_verb = false;
  std::vector<std::pair<std::string, int>> type_votes;  // mentions per type
  // the words of the event's own name ("east", "asia" for "the East Asia Summit"), empty
  // when no mention names it: two differently named events are never one
  std::vector<std::string> name_words;
  std::string name;  // that name as written ("East Asia Summit"), for the summary
  // cross-article merge (merge.h): each source's own reading when more than one source
  // reports the event (empty for one report), and where those readings disagree
  std::vector<Event> versions;
  std::vector<Conflict> conflicts;
  std::size_t reports() const { return versions.empty() ? 1 : versions.size(); }
};

struct Source {
  std::string id;
  date::sys_days published;
  std::string title;
};

struct ErrorEntry {
  std::string where;
  std::string message;
};

struct Timeline {
  std::vector<Source> sources;
  std::vector<Event> events;
  std::vector<ErrorEntry> errors;
};

struct BuildOptions {
  std::vector<std::string> type_rank;  // most specific first: summit, conference, talks, meeting
};

// Runs the plugins over an analysed document and builds its merged events. An analysis
// made with a gate was made with the host's may_propose: the sentences that gate refused
// are not offered to the plugins again.
std::vector<Event> extract_events(const DocumentAnalysis& analysis, const PluginHost& host,
                                  const BuildOptions& options, std::vector<ErrorEntry>& errors);

// Orders events (earliest, latest, first mention) and numbers them e1, e2, ...
void order_events(std::vector<Event>& events);

const char* status_name(sdk::Status s);
const char* granularity_name(Granularity g);

std::string to_yaml(const Timeline& timeline);
// The same bytes written straight to `out`: a corpus-sized timeline is not held twice.
void write_yaml(std::ostream& out, const Timeline& timeline);

}  // namespace chronicle
