// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).
#include <chronicle/calendar.h>
#include <chronicle/export.h>

#include <nlohmann/json.hpp>

#include <set>

namespace chronicle {
namespace {

using Json = nlohmann::ordered_json;

enum class Parts { year, month, day };

// The parts of a bound that the granularity knows.
Parts known_parts(Granularity g) {
  switch (g) {
    case Granularity::month:
    case Granularity::quarter:
    case Granularity::half:
    case Granularity::season: return Parts::month;
    case Granularity::year:
    case Granularity::decade:
    case Granularity::century: return Parts::year;
    default: return Parts::day;  // day, time, week, weekend, unknown: concrete days
  }
}

Json date_json(date::sys_days d, Parts p) {
  const date::year_month_day y{d};
  Json j = Json::object();
  j["year"] = static_cast<int>(y.year());
  if (p != Parts::year) j["month"] = static_cast<unsigned>(y.month());
  if (p == Parts::day) j["day"] = static_cast<unsigned>(y.day());
  return j;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

}  // namespace

std::string to_timelinejs(const Timeline& tl) {
  Json root = Json::object();
  {
    Json text = Json::object();
    text["headline"] = tl.sources.size() == 1 && !tl.sources.front().title.empty()
                           ? tl.sources.front().title
                           : std::string("Chronicle timeline");
    std::vector<std::string> ids;
    for (const auto& s : tl.sources)
      ids.push_back(detail::html_escape(s.id) + " (" + cal::iso_day(s.published) + ")");
    text["text"] = "<p>Sources: " + join(ids, ", ") + "</p>";
    root["title"] = {{"text", std::move(text)}};
  }
  Json events = Json::array();
  for (const auto& e : tl.events) {
    const When& w = e.when;
    if (!w.earliest && !w.latest) continue;  // TimelineJS needs a start_date
    Json x = Json::object();
    if (w.earliest) {
      const Parts p = known_parts(w.granularity);
      x["start_date"] = date_json(*w.earliest, p);
      if (w.latest) {
        Json end = date_json(*w.latest, p);
        if (end != x["start_date"]) x["end_date"] = std::move(end);
      }
    } else {
      x["start_date"] = date_json(*w.latest, Parts::day);
    }
    if (w.approx || !w.earliest || !w.latest) x["display_date"] = detail::describe_when(w);
    std::string body = "<p><b>" + std::string(status_name(e.status)) + "</b>";
    std::string where = e.location;
    if (!e.country.empty() && e.country != e.location)
      where += (where.empty() ? "" : ", ") + e.country;
    if (!where.empty()) body += " \u00b7 " + detail::html_escape(where);
    body += "</p>";
    if (!e.participants.empty())
      body += "<p>" + detail::html_escape(join(e.participants, ", ")) + "</p>";
    for (const auto& ev : e.evidence)
      body += "<blockquote>" + detail::html_escape(ev.sentence) + " <cite>" + detail::html_escape(ev.source) +
              "</cite></blockquote>";
    x["text"] = {{"headline", detail::html_escape(e.summary.empty() ? e.type : e.summary)},
                 {"text", body}};
    x["group"] = e.type;
    x["unique_id"] = e.id;
    events.push_back(std::move(x));
  }
  root["events"] = std::move(events);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace chronicle
