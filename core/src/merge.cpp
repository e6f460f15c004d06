// Cross-article merge (see merge.h). Everything here is a function of the set of
// reports: they are sorted by a key made of their own content before any decision.
#include <chronicle/calendar.h>
#include <chronicle/errors.h>
#include <chronicle/merge.h>

#include "event_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace chronicle {
namespace {

using Day = date::sys_days;

// An undated report stands for a window near its article's date, on the side its status
// gives: [date - 14 days, date] for what occurred, [date, date + 60 days] for what is to
// come, [date - 3 days, date + 3 days] for what is under way, [date - 14 days, date + 14
// days] for the rest (cancelled).
constexpr date::days kUndatedBefore{14};
constexpr date::days kUndatedAfter{60};
constexpr date::days kUndatedOngoing{3};
constexpr date::days kUndatedAround{14};
// Two undated reports: only from articles this close (a planned event told undated in
// August is not the one told undated, under way, in September).
constexpr date::days kUndatedClose{7};
// Two different days for one event: close enough to be the same event, in conflict.
constexpr date::days kSlack{1};
// A window of a month or less is a date of the event's own ("in June", "next week"); a
// year or a season is not precise enough to tie a report to an undated one.
constexpr long kOwnDays = 31;
// A week or less: precise enough for one shared name to link two reports.
constexpr long kPreciseDays = 7;

const std::string kNoSource;

inline const std::string& source_of(const Event& a) {
  return a.evidence.empty() ? kNoSource : a.evidence.front().source;
}

// The fields a timeline file carries; the rest is in-document bookkeeping.
Event report_of(Event&& e) {
  Event a;
  a.type = std::move(e.type);
  a.status = e.status;
  a.when = std::move(e.when);
  a.summary = std::move(e.summary);
  a.participants = std::move(e.participants);
  a.location = std::move(e.location);
  a.country = std::move(e.country);
  a.plugin = std::move(e.plugin);
  a.evidence = std::move(e.evidence);
  return a;
}

std::string opt_day(const std::optional<Day>& d) { return d ? cal::iso_day(*d) : "-"; }

// Everything a report says, as one string: the last tie-break and the duplicate test.
std::string fingerprint(const Event& a) {
  const char sep = '\x1f';
  std::string f = a.type + sep + status_name(a.status) + sep + a.when.text + sep + a.when.value +
                  sep + opt_day(a.when.earliest) + sep + opt_day(a.when.latest) + sep +
                  granularity_name(a.when.granularity) + sep + (a.when.approx ? "1" : "0") + sep +
                  a.summary + sep + a.location + sep + a.country + sep + a.plugin + sep;
  for (const auto& p : a.participants) f += p + '\x1e';
  f += sep;
  for (const auto& ev : a.evidence)
    f += ev.source + '\x1e' + std::to_string(ev.start) + '\x1e' + std::to_string(ev.end) + '\x1e' +
         ev.sentence + '\x1d';
  return f;
}

struct Window {
  std::optional<Day> lo, hi;
};

struct Report {
  Event event;
  Day published;  // of its source
  // who it names and the names among them (named(), names_of()): views of its
  // participants, set once the reports are in their final places (merge_timelines())
  std::vector<std::string_view> named, names;
  Window window;  // match_window(), set with `named`
};

// A report's sort key: its article's date, source, window and first offset (views of the
// report's own strings: a key is made once, and read while the report stays in place).
struct ReportKey {
  Day published;
  std::string_view source;
  std::optional<Day> earliest, latest;
  std::size_t start = 0;
  std::size_t at = 0;  // the report's place among those keyed
};

ReportKey key_of(const Report& r, std::size_t at) {
  const Event& a = r.event;
  return {r.published,
          source_of(a),
          a.when.earliest,
          a.when.latest,
          a.evidence.empty() ? 0 : a.evidence.front().start,
          at};
}

// -1, 0, 1 as x's sort key is before, equal to or after y's (kx and ky their keys), then
// (only on a tie: the fingerprint holds a copy of every sentence, so it is made when
// needed, not kept) everything it says.
int report_compare(const Report& x, const ReportKey& kx, const Report& y, const ReportKey& ky) {
  if (kx.published != ky.published) return kx.published < ky.published ? -1 : 1;
  if (const int c = kx.source.compare(ky.source); c != 0) return c < 0 ? -1 : 1;
  if (kx.earliest != ky.earliest) return kx.earliest < ky.earliest ? -1 : 1;
  if (kx.latest != ky.latest) return kx.latest < ky.latest ? -1 : 1;
  if (kx.start != ky.start) return kx.start < ky.start ? -1 : 1;
  const int c = fingerprint(x.event).compare(fingerprint(y.event));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool has_date(const Event& a) { return !a.when.value.empty(); }

// Days the event's own window covers; "very many" when a bound is open.
long own_days(const Event& a) {
  if (!a.when.earliest || !a.when.latest) return 1L << 40;
  return (*a.when.latest - *a.when.earliest).count() + 1;
}

// A dated report: its own window. An undated one: the side of its article's date that its
// status gives (see the constants above).
Window match_window(const Report& r) {
  const Event& a = r.event;
  if (has_date(a)) return {a.when.earliest, a.when.latest};
  const Day p = r.published;
  switch (a.status) {
    case sdk::Status::occurred: return {p - kUndatedBefore, p};
    case sdk::Status::planned:
    case sdk::Status::speculative:
    case sdk::Status::postponed: return {p, p + kUndatedAfter};
    case sdk::Status::ongoing: return {p - kUndatedOngoing, p + kUndatedOngoing};
    default: return {p - kUndatedAround, p + kUndatedAround};
  }
}

bool near(const Window& a, const Window& b, date::days slack) {
  if (a.lo && b.hi && *a.lo > *b.hi + slack) return false;
  if (b.lo && a.hi && *b.lo > *a.hi + slack) return false;
  return true;
}

// The windows of two reports agree on the events' own dates: two dated reports overlap
// (two days a day apart are a conflict, `exact` false); a dated report and an undated one
// only when the dated window is a month or less and meets the undated report's side of its
// article's date; two undated reports only from articles a week apart whose sides meet.
bool windows_fit(const Report& x, const Report& y, bool& exact) {
  const Event& a = x.event;
  const Event& b = y.event;
  const Window& wa = x.window;
  const Window& wb = y.window;
  exact = near(wa, wb, date::days{0});
  if (has_date(a) && has_date(b)) {
    if (exact) return true;
    return near(wa, wb, kSlack) && a.when.granularity == Granularity::day &&
           b.when.granularity == Granularity::day;
  }
  if (has_date(a) != has_date(b)) return exact && own_days(has_date(a) ? a : b) <= kOwnDays;
  const auto gap = x.published > y.published ? x.published - y.published
                                             : y.published - x.published;
  return exact && gap <= kUndatedClose;
}

// Everyone a report names, groups as written too, but for the place it is at (a visit
// lists its destination country: two visits to Japan share no one by that).
std::vector<std::string_view> named(const Event& a) {
  std::vector<std::string_view> out;
  for (const auto& p : a.participants)
    if (p != a.country && p != a.location) out.push_back(p);
  return out;
}

// A name of someone or something: its first and last words are capitalised ("George
// Shultz", "Group of Seven", "G-7", "U.S."); "Soviet leaders", "the ministers" or
// "congressional and Reagan administration officials" are groups as written, not names.
bool is_name(std::string_view p) {
  if (p.empty()) return false;
  auto upper = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isupper(u) || std::isdigit(u);
  };
  const std::size_t last = p.find_last_of(' ');
  return upper(p.front()) && upper(p[last == std::string::npos ? 0 : last + 1]);
}

std::vector<std::string_view> names_of(const Event& a) {
  std::vector<std::string_view> out = named(a);
  out.erase(std::remove_if(out.begin(), out.end(), [](const auto& p) { return !is_name(p); }),
            out.end());
  return out;
}

std::size_t shared_of(const std::vector<std::string_view>& a,
                      const std::vector<std::string_view>& b) {
  std::size_t n = 0;
  for (const auto& p : a) n += std::find(b.begin(), b.end(), p) != b.end();
  return n;
}

// 0 when the two reports cannot be one event, else a score (higher: more alike).
//  - kin types, places that agree (equal, or one holds the other), windows that fit;
//  - and either the same people: most of those the side naming fewer names are on the
//    other, among them a name (not only groups as written), and two names, or, when no
//    window is longer than a month, one when both name a place, or one that is all each
//    side names when both windows are a week or less ("the IMF" on both sides of a month
//    are many IMF meetings; an undated side needs two names or a place);
//  - or the same place when one side names no one: both dated, on overlapping windows of
//    a month or less, and of the same type unless neither names anyone ("talks" with
//    officials in Washington today and "a Washington meeting yesterday" are two events).
//    Two sides that each name someone but share no one are two events.
int pair_score(const Report& x, const Report& y) {
  const Event& a = x.event;
  const Event& b = y.event;
  if (!detail::types_compatible(a.type, b.type) || !detail::places_compatible(a, b)) return 0;
  bool exact = false;
  if (!windows_fit(x, y, exact)) return 0;
  // who is named, groups as written too ("Conable and economic ministers" and "Conable
  // and Suharto" share one of two), and the names among them ("Soviet leaders" on both
  // sides links nothing by itself)
  const auto& pa = x.named;
  const auto& pb = y.named;
  const std::size_t shared = shared_of(pa, pb);
  const std::size_t shared_names = shared_of(x.names, y.names);
  const std::size_t fewer = std::min(pa.size(), pb.size());
  const bool both_places = !a.location.empty() && !b.location.empty();
  const bool precise_a = has_date(a) && own_days(a) <= kPreciseDays;
  const bool precise_b = has_date(b) && own_days(b) <= kPreciseDays;
  const bool single = pa.size() == 1 && pb.size() == 1;
  // a window longer than a month ("in 2023", "this autumn") says little about which
  // event it is: only two shared names link it
  const bool wide =
      (has_date(a) && own_days(a) > kOwnDays) || (has_date(b) && own_days(b) > kOwnDays);
  bool people = false;
  if (shared_names > 0 && 2 * shared > fewer)
    people = shared_names >= 2 || (!wide && (both_places || (single && precise_a && precise_b)));
  const bool place = both_places && fewer == 0 && has_date(a) && has_date(b) && exact && !wide &&
                     (a.type == b.type || (pa.empty() && pb.empty()));
  if (!people && !place) return 0;
  return 1 + 4 * static_cast<int>(shared_names) + (both_places ? 2 : 0) +
         (a.type == b.type ? 1 : 0) + (exact ? 1 : 0);
}

int status_weight(sdk::Status s) {
  switch (s) {
    case sdk::Status::cancelled: return 6;
    case sdk::Status::postponed: return 5;
    case sdk::Status::occurred: return 4;
    case sdk::Status::ongoing: return 3;
    case sdk::Status::planned: return 2;
    case sdk::Status::speculative: return 1;
    default: return 0;
  }
}

// One entry from its reports, given in canonical order.
// The members' events are moved into the entry: each report belongs to one entry.
Event combine(const std::vector<Report*>& members, const BuildOptions& o) {
  if (members.size() == 1) return std::move(members.front()->event);
  const std::vector<const Report*> rs(members.begin(), members.end());
  Event e;
  // type: summit and conference outrank the rest, then the most reports, then the rank
  std::map<std::string, int> votes;
  for (const auto* r : rs) ++votes[r->event.type];
  e.type = detail::winning_type(votes, o, std::string());
  // when: the narrowest window consistent with every dated report; else a conflict
  std::vector<const Report*> dated, undated;
  for (const auto* r : rs) (r->event.when.value.empty() ? undated : dated).push_back(r);
  auto narrowest = [](const std::vector<const Report*>& v) {
    const Report* n = v.front();
    for (const auto* r : v)
      if (r->event.when.width() < n->event.when.width()) n = r;
    return n;
  };
  auto intersect = [](const std::vector<const Report*>& v, std::optional<Day>& lo,
                      std::optional<Day>& hi) {
    lo.reset();
    hi.reset();
    for (const auto* r : v) {
      const auto& w = r->event.when;
      if (w.earliest && (!lo || *w.earliest > *lo)) lo = w.earliest;
      if (w.latest && (!hi || *w.latest < *hi)) hi = w.latest;
    }
    return !(lo && hi && *lo > *hi);
  };
  std::optional<Day> lo, hi;
  std::vector<const Report*> dated_kept;  // the dated reports that agree on the window kept
  if (dated.empty()) {
    e.when = rs.front()->event.when;
    if (intersect(undated, lo, hi)) e.when.earliest = lo, e.when.latest = hi;
  } else {
    // the day most dated reports agree on (a window holds its start), then the
    // narrowest agreement, then the earliest; the reports that hold it are consistent
    auto holds = [](const When& w, const std::optional<Day>& p) {
      if (!p) return !w.earliest;  // "before ...": unbounded start
      return (!w.earliest || *w.earliest <= *p) && (!w.latest || *p <= *w.latest);
    };
    std::vector<const Report*> best;
    long best_width = 0;
    std::optional<Day> best_at;
    for (const auto* cand : dated) {
      const auto& p = cand->event.when.earliest;
      std::vector<const Report*> agree;
      for (const auto* r : dated)
        if (holds(r->event.when, p)) agree.push_back(r);
      std::optional<Day> alo, ahi;
      intersect(agree, alo, ahi);
      const long w = alo && ahi ? (*ahi - *alo).count() : 1L << 40;
      if (best.empty() || agree.size() > best.size() ||
          (agree.size() == best.size() && (w < best_width || (w == best_width && p < best_at)))) {
        best = std::move(agree);
        best_width = w;
        best_at = p;
      }
    }
    intersect(best, lo, hi);
    e.when = narrowest(best)->event.when;
    dated_kept = best;
    std::optional<Day> ulo = lo, uhi = hi;
    for (const auto* r : undated) {  // undated reports narrow it only when they agree
      const auto& w = r->event.when;
      if (w.earliest && (!ulo || *w.earliest > *ulo)) ulo = w.earliest;
      if (w.latest && (!uhi || *w.latest < *uhi)) uhi = w.latest;
    }
    if (!(ulo && uhi && *ulo > *uhi)) lo = ulo, hi = uhi;
    e.when.earliest = lo;
    e.when.latest = hi;
    if (best.size() < dated.size()) {
      // the readings that disagree: the one kept (with all that agree with it), the others
      using Key = std::tuple<std::optional<Day>, std::optional<Day>, std::string>;
      std::map<Key, std::vector<std::string>> groups;
      const When& kept = e.when;
      auto& mine = groups[Key{kept.earliest, kept.latest, kept.value}];
      for (const auto* r : dated) {
        if (std::find(best.begin(), best.end(), r) != best.end()) {
          mine.push_back(source_of(r->event));
        } else {
          const auto& w = r->event.when;
          groups[Key{w.earliest, w.latest, w.value}].push_back(source_of(r->event));
        }
      }
      Conflict c;
      c.field = "when";
      for (auto& [k, srcs] : groups) {
        c.values.push_back(std::get<2>(k));
        std::sort(srcs.begin(), srcs.end());
        c.sources.push_back(std::move(srcs));
      }
      e.conflicts.push_back(std::move(c));
    }
  }
  // status: the latest article's word, among the reports whose window fits the entry's
  // (a dated report that agrees with the window kept; an undated one whose article's date
  // its status allows: told as over after the start, under way within the window, to come
  // before the end); on one day, the strongest
  {
    auto fits = [&](const Report* r) {
      const Event& a = r->event;
      if (has_date(a))
        return dated_kept.empty() ||
               std::find(dated_kept.begin(), dated_kept.end(), r) != dated_kept.end();
      const Day p = r->published;
      const auto& lo = e.when.earliest;
      const auto& hi = e.when.latest;
      switch (a.status) {
        case sdk::Status::occurred: return !lo || p >= *lo;
        case sdk::Status::ongoing: return (!lo || p + kSlack >= *lo) && (!hi || p <= *hi + kSlack);
        case sdk::Status::planned:
        case sdk::Status::speculative:
        case sdk::Status::postponed: return !hi || p <= *hi;
        default: return true;
      }
    };
    const Report* s = nullptr;
    for (const auto* r : rs)
      if (fits(r) && (!s || std::make_tuple(r->published, status_weight(r->event.status)) >
                                std::make_tuple(s->published, status_weight(s->event.status))))
        s = r;
    if (!s) s = rs.front();
    e.status = s->event.status;
  }
  // place: the most specific, then the most reported, then the first report
  {
    std::map<std::string, std::pair<int, std::size_t>> seen;  // location -> (count, first)
    for (std::size_t i = 0; i < rs.size(); ++i) {
      const auto& l = rs[i]->event.location;
      if (l.empty()) continue;
      auto [it, fresh] = seen.try_emplace(l, 0, i);
      ++it->second.first;
    }
    const Report* best = nullptr;
    std::tuple<bool, int, long> best_key{};
    for (const auto& [l, cf] : seen) {
      const Report* r = rs[cf.second];
      const std::tuple<bool, int, long> key{r->event.country != l, cf.first,
                                            -static_cast<long>(cf.second)};
      if (!best || key > best_key) best = r, best_key = key;
    }
    if (best) {
      e.location = best->event.location;
      e.country = best->event.country;
    }
    if (e.country.empty())
      for (const auto* r : rs)
        if (!r->event.country.empty()) {
          e.country = r->event.country;
          break;
        }
    // two places neither of which holds the other
    std::vector<std::string> apart;
    for (const auto& [l, cf] : seen) {
      const Event& x = rs[cf.second]->event;
      if (!detail::places_compatible(x, best->event)) apart.push_back(l);
    }
    if (!apart.empty()) {
      Conflict c;
      c.field = "location";
      for (const auto& [l, cf] : seen) {
        c.values.push_back(l);
        std::vector<std::string> srcs;
        for (const auto* r : rs)
          if (r->event.location == l) srcs.push_back(source_of(r->event));
        std::sort(srcs.begin(), srcs.end());
        c.sources.push_back(std::move(srcs));
      }
      e.conflicts.push_back(std::move(c));
    }
  }
  for (const auto* r : rs)
    for (const auto& p : r->event.participants)
      if (std::find(e.participants.begin(), e.participants.end(), p) == e.participants.end())
        e.participants.push_back(p);
  if (e.type == "visit" && !e.country.empty()) {
    auto it = std::find(e.participants.begin(), e.participants.end(), e.country);
    if (it != e.participants.end()) {
      e.participants.erase(it);
      e.participants.push_back(e.country);
    }
  }
  {
    const Report* s = nullptr;
    for (const auto* r : rs)
      if (r->event.type == e.type &&
          (!s || r->event.participants.size() > s->event.participants.size()))
        s = r;
    e.summary = s->event.summary;
    e.plugin = s->event.plugin;
  }
  e.versions.reserve(members.size());
  for (auto* r : members) {
    e.evidence.insert(e.evidence.end(), r->event.evidence.begin(), r->event.evidence.end());
    e.versions.push_back(std::move(r->event));
  }
  return e;
}

// Natural order: digit runs compare as numbers ("f:9" before "f:10").
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i]));
    const bool db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      std::string_view x(a.data() + i, ie - i), y(b.data() + j, je - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie, j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i, ++j;
    }
  }
  if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
  return a < b;
}

// The ids' order made a number: the eight bytes of an id after the `shared` bytes all the
// ids begin with, big-endian, zeros past its end. Two ids whose numbers differ are in the
// order of their numbers; ids of an equal number are compared in full (IdKey).
struct IdHeads {
  explicit IdHeads(const std::vector<Source>& sources) {
    if (sources.empty()) return;
    shared = sources.front().id.size();
    for (const Source& s : sources) {
      const std::string_view id = s.id, first = sources.front().id;
      std::size_t n = 0;
      while (n < shared && n < id.size() && id[n] == first[n]) ++n;
      shared = n;
    }
  }
  std::uint64_t operator()(std::string_view id) const {
    std::uint64_t head = 0;
    for (std::size_t k = shared; k < shared + 8; ++k)
      head = head << 8 | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
    return head;
  }
  std::size_t shared = 0;
};

// An id and its IdHeads number: compare() is -1, 0, 1 as the id is before, equal to or
// after the other's.
struct IdKey {
  std::uint64_t head;
  std::string_view id;
  int compare(const IdKey& o) const {
    if (head != o.head) return head < o.head ? -1 : 1;
    const int c = id.compare(o.id);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
};

// Sorts sources by (published, id, title). The keys are sorted, not the sources: a key is
// a few words and moves as one, where a Source is two strings (a corpus has a source per
// article). Sources equal in all three fields are alike, so the order is the same as a
// sort of the sources themselves would give.
void sort_sources(std::vector<Source>& sources, const IdHeads& id_head) {
  struct Key {
    Day published;
    IdKey id;
    std::string_view title;
    std::size_t at;
  };
  std::vector<Key> keys;
  keys.reserve(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i)
    keys.push_back(
        {sources[i].published, {id_head(sources[i].id), sources[i].id}, sources[i].title, i});
  auto less = [](const Key& a, const Key& b) {
    if (a.published != b.published) return a.published < b.published;
    if (const int c = a.id.compare(b.id); c != 0) return c < 0;
    return a.title < b.title;
  };
  if (std::is_sorted(keys.begin(), keys.end(), less)) return;
  std::sort(keys.begin(), keys.end(), less);
  std::vector<Source> sorted;
  sorted.reserve(sources.size());
  for (const Key& k : keys) sorted.push_back(std::move(sources[k.at]));
  sources.swap(sorted);
}

}  // namespace

void keep_timeline_fields(Event& event) {
  if (event.versions.empty()) event = report_of(std::move(event));
}

Timeline merge_timelines(std::vector<Timeline> parts, const BuildOptions& options) {
  Timeline out;
  // sources and errors are moved out of the parts: a corpus-sized list is not held twice
  std::size_t n_sources = 0, n_errors = 0;
  for (const auto& t : parts) n_sources += t.sources.size(), n_errors += t.errors.size();
  out.sources.reserve(n_sources);
  out.errors.reserve(n_errors);
  for (auto& t : parts) {
    std::move(t.sources.begin(), t.sources.end(), std::back_inserter(out.sources));
    std::vector<Source>().swap(t.sources);
    std::move(t.errors.begin(), t.errors.end(), std::back_inserter(out.errors));
    std::vector<ErrorEntry>().swap(t.errors);
  }
  // (the ids of the sources kept below are among these: their shared start holds for them)
  const IdHeads id_head(out.sources);
  sort_sources(out.sources, id_head);
  out.sources.erase(std::unique(out.sources.begin(), out.sources.end(),
                                [](const Source& a, const Source& b) {
                                  return a.published == b.published && a.id == b.id &&
                                         a.title == b.title;
                                }),
                    out.sources.end());
  out.sources.shrink_to_fit();
  std::sort(out.errors.begin(), out.errors.end(), [](const ErrorEntry& a, const ErrorEntry& b) {
    if (a.where != b.where) return natural_less(a.where, b.where);
    return a.message < b.message;
  });
  out.errors.erase(std::unique(out.errors.begin(), out.errors.end(),
                               [](const ErrorEntry& a, const ErrorEntry& b) {
                                 return a.where == b.where && a.message == b.message;
                               }),
                   out.errors.end());

  // the reports, in an order made of their content alone: their keys are sorted (a Report
  // is a whole Event, a key a few words), and the reports are read in that order where
  // they are (`unsorted` stays in place until they are combined)
  std::vector<Report> unsorted;
  auto add = [&](Event&& ev) { unsorted.emplace_back().event = report_of(std::move(ev)); };
  std::size_t n_reports = 0;
  for (const auto& t : parts)
    for (const auto& e : t.events) n_reports += e.versions.empty() ? 1 : e.versions.size();
  unsorted.reserve(n_reports);
  // reports are moved out of the parts: a corpus-sized timeline is not held twice
  for (auto& t : parts) {
    for (auto& e : t.events) {
      if (e.versions.empty())
        add(std::move(e));
      else
        for (auto& v : e.versions) add(std::move(v));
    }
    std::vector<Event>().swap(t.events);
  }
  std::vector<Timeline>().swap(parts);
  {
    // each report's article date: the earliest of its source id's (Day::max() for an id no
    // source has), by the ids of the reports (views of their strings, which stay in place)
    std::unordered_map<std::string_view, Day> published;
    published.reserve(unsorted.size());
    for (const Report& r : unsorted) published.emplace(source_of(r.event), Day::max());
    for (const Source& src : out.sources)
      if (auto it = published.find(src.id); it != published.end() && src.published < it->second)
        it->second = src.published;
    for (Report& r : unsorted) r.published = published.find(source_of(r.event))->second;
  }
  std::vector<Report*> reports;
  {
    std::vector<ReportKey> keys;
    keys.reserve(unsorted.size());
    for (std::size_t i = 0; i < unsorted.size(); ++i) keys.push_back(key_of(unsorted[i], i));
    auto compare = [&](const ReportKey& a, const ReportKey& b) {
      return report_compare(unsorted[a.at], a, unsorted[b.at], b);
    };
    // (reports that compare equal say the same in every field kept: any of them may stand
    // for the others, so the sort need not be stable)
    std::sort(keys.begin(), keys.end(),
              [&](const ReportKey& a, const ReportKey& b) { return compare(a, b) < 0; });
    reports.reserve(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k)
      if (k == 0 || compare(keys[k - 1], keys[k]) != 0) reports.push_back(&unsorted[keys[k].at]);
  }
  // (the reports stay where they are until they are combined: views of their names hold)
  for (Report* r : reports)
    r->named = named(r->event), r->names = names_of(r->event), r->window = match_window(*r);

  // greedy clustering in that order; candidates come from shared names and places
  std::vector<std::vector<std::size_t>> clusters;
  // the clusters by a participant, a location and a country of theirs (views of the
  // reports' own strings, which stay in place until the index is cleared)
  using Index = std::unordered_map<std::string_view, std::vector<std::size_t>>;
  Index by_participant, by_location, by_country;
  std::vector<std::size_t> cand;  // the clusters a report may join
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& r = *reports[i];
    const Event& a = r.event;
    cand.clear();  // (in ascending order, once each, after the look-ups)
    auto look = [&](const Index& index, std::string_view key) {
      auto it = index.find(key);
      if (it != index.end()) cand.insert(cand.end(), it->second.begin(), it->second.end());
    };
    for (const auto& p : a.participants) look(by_participant, p);
    if (!a.location.empty()) look(by_location, a.location), look(by_country, a.location);
    if (!a.country.empty()) look(by_location, a.country);
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    int best = -1, best_score = 0;
    for (std::size_t c : cand) {
      int score = 0;
      bool same_source = false;  // or places apart, or unlike any member
      for (std::size_t m : clusters[c]) {
        // one source, one report per entry; and no two places that exclude each other
        if (source_of(reports[m]->event) == source_of(a) ||
            !detail::places_compatible(reports[m]->event, a)) {
          same_source = true;
          break;
        }
        // every member must be like the new report, so entries do not chain together
        // ("IMF talks" of Zambia, of Poland, of Brazil ...)
        const int ps = pair_score(*reports[m], r);
        if (ps == 0) {
          same_source = true;
          break;
        }
        score = std::max(score, ps);
      }
      if (!same_source && score > best_score) best = static_cast<int>(c), best_score = score;
    }
    std::size_t c;
    if (best >= 0) {
      c = static_cast<std::size_t>(best);
    } else {
      c = clusters.size();
      clusters.emplace_back();
    }
    clusters[c].push_back(i);
    auto put = [&](Index& index, std::string_view key) {
      auto& v = index[key];
      if (v.empty() || v.back() != c) v.push_back(c);
    };
    for (const auto& p : a.participants) put(by_participant, p);
    if (!a.location.empty()) put(by_location, a.location);
    if (!a.country.empty()) put(by_country, a.country);
  }
  Index().swap(by_participant), Index().swap(by_location), Index().swap(by_country);

  // the entries by their windows' bounds, then their first reports: the keys are sorted,
  // then each entry is moved once to its place
  std::vector<Event> entries;
  struct EntryKey {
    Day first_day, last_day;
    std::size_t first;  // the entry's first report (no two entries share one)
    std::size_t at;     // the entry's place in `entries`
  };
  std::vector<EntryKey> order;
  entries.reserve(clusters.size());
  order.reserve(clusters.size());
  std::vector<Report*> rs;
  for (const auto& c : clusters) {
    rs.clear();
    for (std::size_t m : c) rs.push_back(reports[m]);
    entries.push_back(combine(rs, options));
    const When& w = entries.back().when;
    const Day far = Day::max();
    order.push_back({w.earliest ? *w.earliest
                     : w.latest ? *w.latest
                                : far,
                     w.latest ? *w.latest : far, c.front(), entries.size() - 1});
  }
  std::vector<Report*>().swap(reports);
  std::vector<Report>().swap(unsorted);  // moved into the entries
  std::vector<std::vector<std::size_t>>().swap(clusters);
  std::sort(order.begin(), order.end(), [](const EntryKey& x, const EntryKey& y) {
    return std::tie(x.first_day, x.last_day, x.first) < std::tie(y.first_day, y.last_day, y.first);
  });
  out.events.reserve(entries.size());
  for (const EntryKey& k : order) {
    Event& e = entries[k.at];
    e.id = "e" + std::to_string(out.events.size() + 1);
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace chronicle
