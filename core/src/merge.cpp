// Cross-article merge (see merge.h). Everything here is a function of the set of
// reports: they are sorted by a key made of their own content before any decision.
#include <chronicle/calendar.h>
#include <chronicle/errors.h>
#include <chronicle/merge.h>

#include "event_rules.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace chronicle {
namespace {

using Day = date::sys_days;

// Undated reports stand for a window near their article's date.
constexpr date::days kUndatedBefore{14};
constexpr date::days kUndatedAfter{60};
// Two different days for one event: close enough to be the same event, in conflict.
constexpr date::days kSlack{1};

const std::string& source_of(const Event& a) {
  static const std::string none;
  return a.evidence.empty() ? none : a.evidence.front().source;
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

struct Report {
  Event event;
  Day published;  // of its source
  std::string fp;
};

bool report_less(const Report& x, const Report& y) {
  const Event& a = x.event;
  const Event& b = y.event;
  const std::size_t sa = a.evidence.empty() ? 0 : a.evidence.front().start;
  const std::size_t sb = b.evidence.empty() ? 0 : b.evidence.front().start;
  return std::tie(x.published, source_of(a), a.when.earliest, a.when.latest, sa, x.fp) <
         std::tie(y.published, source_of(b), b.when.earliest, b.when.latest, sb, y.fp);
}

struct Window {
  std::optional<Day> lo, hi;
};

Window match_window(const Report& r) {
  const Event& a = r.event;
  if (!a.when.value.empty()) return {a.when.earliest, a.when.latest};
  switch (a.status) {
    case sdk::Status::occurred: {
      const Day p = a.when.latest ? *a.when.latest : r.published;
      return {p - kUndatedBefore, p};
    }
    case sdk::Status::planned:
    case sdk::Status::speculative:
    case sdk::Status::postponed: {
      const Day p = a.when.earliest ? *a.when.earliest : r.published;
      return {p, p + kUndatedAfter};
    }
    default: return {r.published - kUndatedBefore, r.published + kUndatedAfter};
  }
}

bool near(const Window& a, const Window& b, date::days slack) {
  if (a.lo && b.hi && *a.lo > *b.hi + slack) return false;
  if (b.lo && a.hi && *b.lo > *a.hi + slack) return false;
  return true;
}

std::size_t shared_participants(const Event& a, const Event& b) {
  std::size_t n = 0;
  for (const auto& p : a.participants)
    n += std::find(b.participants.begin(), b.participants.end(), p) != b.participants.end();
  return n;
}

// 0 when the two reports cannot be one event, else a score (higher: more alike).
int pair_score(const Report& x, const Report& y) {
  const Event& a = x.event;
  const Event& b = y.event;
  if (!detail::types_compatible(a.type, b.type) || !detail::places_compatible(a, b)) return 0;
  const Window wa = match_window(x), wb = match_window(y);
  const bool exact = near(wa, wb, date::days{0});
  if (!exact) {
    // a day apart: only two reports that each name a day
    if (!near(wa, wb, kSlack) || a.when.value.empty() || b.when.value.empty() ||
        a.when.granularity != Granularity::day || b.when.granularity != Granularity::day)
      return 0;
  }
  const std::size_t shared = shared_participants(a, b);
  const std::size_t fewer = std::min(a.participants.size(), b.participants.size());
  // one shared body ("IMF") links nothing by itself: two shared names, or one shared name
  // in the same place, or a single named side on both
  const bool same_place_named = !a.location.empty() && !b.location.empty();
  const bool people = fewer > 0 && 2 * shared > fewer &&
                      (shared >= 2 || same_place_named ||
                       (a.participants.size() == 1 && b.participants.size() == 1));
  const bool same_place = !a.location.empty() && !b.location.empty();
  // a place alone ("the talks in London") links only reports that agree on a date
  const bool place_link = same_place && fewer == 0 && exact &&
                          (!a.when.value.empty() || !b.when.value.empty());
  if (!people && !place_link) return 0;
  return 1 + 4 * static_cast<int>(shared) + (same_place ? 2 : 0) + (a.type == b.type ? 1 : 0) +
         (exact ? 1 : 0);
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

long width(const When& w) {
  if (!w.earliest || !w.latest) return 1L << 40;
  return (*w.latest - *w.earliest).count();
}

// One entry from its reports, given in canonical order.
Event combine(const std::vector<const Report*>& rs, const BuildOptions& o) {
  if (rs.size() == 1) return rs.front()->event;
  Event e;
  // type: summit and conference outrank the rest, then the most reports, then the rank
  std::map<std::string, int> votes;
  for (const auto* r : rs) ++votes[r->event.type];
  e.type = detail::winning_type(votes, o, std::string());
  // status: the latest article's word; on one day, the strongest
  {
    const Report* s = rs.front();
    for (const auto* r : rs)
      if (std::make_tuple(r->published, status_weight(r->event.status)) >
          std::make_tuple(s->published, status_weight(s->event.status)))
        s = r;
    e.status = s->event.status;
  }
  // when: the narrowest window consistent with every dated report; else a conflict
  std::vector<const Report*> dated, undated;
  for (const auto* r : rs) (r->event.when.value.empty() ? undated : dated).push_back(r);
  auto narrowest = [](const std::vector<const Report*>& v) {
    const Report* n = v.front();
    for (const auto* r : v)
      if (width(r->event.when) < width(n->event.when)) n = r;
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
  for (const auto* r : rs) {
    e.evidence.insert(e.evidence.end(), r->event.evidence.begin(), r->event.evidence.end());
    e.versions.push_back(r->event);
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

}  // namespace

Timeline merge_timelines(std::vector<Timeline> parts, const BuildOptions& options) {
  Timeline out;
  std::map<std::string, Day> published;  // source id -> its (earliest) date
  for (const auto& t : parts)
    for (const auto& s : t.sources) {
      out.sources.push_back(s);
      auto [it, fresh] = published.try_emplace(s.id, s.published);
      if (!fresh && s.published < it->second) it->second = s.published;
    }
  std::sort(out.sources.begin(), out.sources.end(), [](const Source& a, const Source& b) {
    return std::tie(a.published, a.id, a.title) < std::tie(b.published, b.id, b.title);
  });
  out.sources.erase(std::unique(out.sources.begin(), out.sources.end(),
                                [](const Source& a, const Source& b) {
                                  return a.published == b.published && a.id == b.id &&
                                         a.title == b.title;
                                }),
                    out.sources.end());
  for (const auto& t : parts) out.errors.insert(out.errors.end(), t.errors.begin(), t.errors.end());
  std::sort(out.errors.begin(), out.errors.end(), [](const ErrorEntry& a, const ErrorEntry& b) {
    if (a.where != b.where) return natural_less(a.where, b.where);
    return a.message < b.message;
  });
  out.errors.erase(std::unique(out.errors.begin(), out.errors.end(),
                               [](const ErrorEntry& a, const ErrorEntry& b) {
                                 return a.where == b.where && a.message == b.message;
                               }),
                   out.errors.end());

  // the reports, in an order made of their content alone
  std::vector<Report> reports;
  auto add = [&](Event&& ev) {
    Report r;
    r.event = report_of(std::move(ev));
    auto it = published.find(source_of(r.event));
    r.published = it == published.end() ? Day::max() : it->second;
    r.fp = fingerprint(r.event);
    reports.push_back(std::move(r));
  };
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
  std::sort(reports.begin(), reports.end(), report_less);
  reports.erase(std::unique(reports.begin(), reports.end(),
                            [](const Report& a, const Report& b) { return a.fp == b.fp; }),
                reports.end());

  // greedy clustering in that order; candidates come from shared names and places
  std::vector<std::vector<std::size_t>> clusters;
  std::map<std::string, std::vector<std::size_t>> index;  // "P:name", "L:place", "C:country"
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const Report& r = reports[i];
    const Event& a = r.event;
    std::set<std::size_t> cand;
    auto look = [&](const std::string& key) {
      auto it = index.find(key);
      if (it != index.end()) cand.insert(it->second.begin(), it->second.end());
    };
    for (const auto& p : a.participants) look("P:" + p);
    if (!a.location.empty()) look("L:" + a.location), look("C:" + a.location);
    if (!a.country.empty()) look("L:" + a.country);
    int best = -1, best_score = 0;
    for (std::size_t c : cand) {
      int score = 0;
      bool same_source = false;  // or places apart, or unlike any member
      for (std::size_t m : clusters[c]) {
        // one source, one report per entry; and no two places that exclude each other
        if (source_of(reports[m].event) == source_of(a) ||
            !detail::places_compatible(reports[m].event, a)) {
          same_source = true;
          break;
        }
        // every member must be like the new report, so entries do not chain together
        // ("IMF talks" of Zambia, of Poland, of Brazil ...)
        const int ps = pair_score(reports[m], r);
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
    auto put = [&](const std::string& key) {
      auto& v = index[key];
      if (v.empty() || v.back() != c) v.push_back(c);
    };
    for (const auto& p : a.participants) put("P:" + p);
    if (!a.location.empty()) put("L:" + a.location);
    if (!a.country.empty()) put("C:" + a.country);
  }

  std::vector<std::pair<std::size_t, Event>> entries;  // (first report, entry)
  entries.reserve(clusters.size());
  for (const auto& c : clusters) {
    std::vector<const Report*> rs;
    for (std::size_t m : c) rs.push_back(&reports[m]);
    entries.emplace_back(c.front(), combine(rs, options));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) {
    const auto far = Day::max();
    auto key = [&](const std::pair<std::size_t, Event>& p) {
      const When& w = p.second.when;
      const Day k1 = w.earliest ? *w.earliest : w.latest ? *w.latest : far;
      const Day k2 = w.latest ? *w.latest : far;
      return std::make_tuple(k1, k2, p.first);
    };
    return key(x) < key(y);
  });
  out.events.reserve(entries.size());
  for (auto& [first, e] : entries) {
    e.id = "e" + std::to_string(out.events.size() + 1);
    out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace chronicle
