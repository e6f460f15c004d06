// Engine-internal: the rules that decide whether two mentions or reports can be one event
// and which type the event takes. In-document merge (timeline.cpp) and cross-article
// merge (merge.cpp) share them.
#pragma once

#include <chronicle/timeline.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace chronicle::detail {

// CHRONICLE_DEBUG set: candidate events and the tense of each temporal expression go to
// stderr. Read once.
inline bool debug_trace() {
  static const bool on = std::getenv("CHRONICLE_DEBUG") != nullptr;
  return on;
}

// meeting, talks, summit and conference are kin: one event may be called all four.
inline bool types_compatible(const std::string& a, const std::string& b) {
  auto gathering = [](std::string_view t) {
    return t == "meeting" || t == "talks" || t == "summit" || t == "conference";
  };
  return a == b || (gathering(a) && gathering(b));
}

// Two places can be one event's when either is unknown, they are the same, or one is the
// other's country.
inline bool places_compatible(const Event& a, const Event& b) {
  if (a.location.empty() || b.location.empty()) return true;
  return a.location == b.location || a.country == b.location || b.country == a.location;
}

// Position in events.type_rank counted from the end (0: not listed).
inline int type_rank(const BuildOptions& o, const std::string& t) {
  auto it = std::find(o.type_rank.begin(), o.type_rank.end(), t);
  return it == o.type_rank.end() ? 0 : static_cast<int>(o.type_rank.end() - it);
}

// The type an event takes from its mentions' (type, count) votes, in the order given:
// summit and conference outrank the rest, then the most votes, then type_rank, then the
// first listed. `fallback` when there are no votes.
template <class Votes>
std::string winning_type(const Votes& votes, const BuildOptions& o, std::string fallback) {
  std::string best = std::move(fallback);
  int best_votes = -1;
  for (const auto& [t, k] : votes) {
    const bool strong = t == "summit" || t == "conference";
    const bool best_strong = best_votes >= 0 && (best == "summit" || best == "conference");
    if (best_votes < 0 || (strong && !best_strong) ||
        (strong == best_strong &&
         (k > best_votes || (k == best_votes && type_rank(o, t) > type_rank(o, best))))) {
      best = t;
      best_votes = k;
    }
  }
  return best;
}

}  // namespace chronicle::detail
