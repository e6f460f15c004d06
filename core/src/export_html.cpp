// One self-contained HTML page with an inline SVG timeline: no scripts, no fonts, no
// links out. Lanes by event type, colour by status, a point for a day, a bar for a
// window, faded when approximate or open, evidence in each mark's <title> (hover).
#include <chronicle/calendar.h>
#include <chronicle/export.h>

#include <algorithm>
#include <map>
#include <set>

namespace chronicle {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

const char* colour(sdk::Status s) {
  switch (s) {
    case sdk::Status::occurred: return "#2b7a2b";
    case sdk::Status::ongoing: return "#1f6fb2";
    case sdk::Status::planned: return "#c77c00";
    case sdk::Status::speculative: return "#8e44ad";
    case sdk::Status::postponed: return "#a0522d";
    case sdk::Status::cancelled: return "#c0392b";
    default: return "#666666";
  }
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Code points, for a label's width estimate.
std::size_t glyphs(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

constexpr double kLeft = 110, kRight = 40, kTop = 40, kRowH = 18, kCharW = 6.6;

}  // namespace

std::string to_html(const Timeline& tl) {
  struct Mark {
    const Event* e;
    date::sys_days lo, hi;
    bool point, faded;
    double x0 = 0, x1 = 0;
    std::size_t row = 0;
  };
  std::vector<Mark> marks;
  std::vector<const Event*> undated;
  for (const auto& e : tl.events) {
    const When& w = e.when;
    if (!w.earliest && !w.latest) {
      undated.push_back(&e);
      continue;
    }
    const date::sys_days lo = w.earliest ? *w.earliest : *w.latest;
    const date::sys_days hi = std::max(lo, w.latest ? *w.latest : lo);
    marks.push_back({&e, lo, hi, lo == hi, w.approx || !w.earliest || !w.latest});
  }
  std::string title = tl.sources.size() == 1 && !tl.sources.front().title.empty()
                          ? tl.sources.front().title
                          : std::string("Chronicle timeline");
  std::string o;
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<title>" + esc(title) + "</title>\n<style>\n"
       "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}\n"
       ".scroll{overflow-x:auto;border:1px solid #ddd}\n"
       "svg text{font:11px sans-serif;fill:#222}\n"
       ".lane{font-weight:bold}\n.mark:hover{stroke:#000;stroke-width:2}\n"
       ".legend span{display:inline-block;margin-right:1em}\n"
       ".legend i{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle}\n"
       "</style>\n</head>\n<body>\n";
  o += "<h1>" + esc(title) + "</h1>\n<p class=\"legend\">";
  for (auto s : {sdk::Status::occurred, sdk::Status::ongoing, sdk::Status::planned,
                 sdk::Status::speculative, sdk::Status::postponed, sdk::Status::cancelled})
    o += std::string("<span><i style=\"background:") + colour(s) + "\"></i>" + status_name(s) + "</span>";
  o += "<span>faded: approximate or open date</span> <span>hover a mark for its evidence</span></p>\n";

  if (!marks.empty()) {
    date::sys_days lo = marks.front().lo, hi = marks.front().hi;
    for (const auto& m : marks) {
      lo = std::min(lo, m.lo);
      hi = std::max(hi, m.hi);
    }
    lo = cal::month_start(lo);
    hi = cal::month_end(hi);
    const double span = static_cast<double>((hi - lo).count() + 1);
    const double px_per_day = std::max(2.0, std::min(40.0, 1000.0 / span));
    double width = kLeft + span * px_per_day + kRight;  // widened below to hold every label
    auto x_of = [&](date::sys_days d) {
      return kLeft + static_cast<double>((d - lo).count()) * px_per_day;
    };
    // lanes by type, in order of first appearance; labels in rows so none overlap
    std::vector<std::string> lanes;
    std::map<std::string, std::vector<double>> row_end;  // per lane: right end of each row
    for (auto& m : marks) {
      if (std::find(lanes.begin(), lanes.end(), m.e->type) == lanes.end()) lanes.push_back(m.e->type);
      m.x0 = x_of(m.lo);
      m.x1 = x_of(m.hi) + px_per_day;
      const double label_w = static_cast<double>(glyphs(m.e->summary)) * kCharW + 8;
      auto& rows = row_end[m.e->type];
      std::size_t r = 0;
      while (r < rows.size() && rows[r] > m.x0) ++r;
      if (r == rows.size()) rows.push_back(0);
      rows[r] = std::max(m.x1, m.x0 + 10) + label_w;
      m.row = r;
    }
    for (const auto& [type, rows] : row_end)
      for (double end : rows) width = std::max(width, end + kRight);
    std::map<std::string, double> lane_top;
    double y = kTop;
    for (const auto& l : lanes) {
      lane_top[l] = y;
      y += static_cast<double>(row_end[l].size()) * kRowH + 12;
    }
    const double height = y + 10;
    o += "<div class=\"scroll\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
         "\" height=\"" + num(height) + "\" role=\"img\" aria-label=\"timeline\">\n";
    // axis: month ticks (years when the span is long)
    const bool by_year = span > 4 * 366;
    o += "<g class=\"axis\">\n<line x1=\"" + num(kLeft) + "\" y1=\"" + num(kTop - 14) + "\" x2=\"" +
         num(x_of(hi) + px_per_day) + "\" y2=\"" + num(kTop - 14) + "\" stroke=\"#999\"/>\n";
    static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (date::sys_days t = by_year ? cal::year_start(lo) : lo; t <= hi;
         t = by_year ? cal::add_years(t, date::years{1}) : cal::add_months(t, date::months{1})) {
      if (t < lo) continue;
      const date::year_month_day ymd{t};
      const std::string label = by_year ? std::to_string(static_cast<int>(ymd.year()))
                                        : std::string(kMon[static_cast<unsigned>(ymd.month()) - 1]) +
                                              " " + std::to_string(static_cast<int>(ymd.year()));
      o += "<line x1=\"" + num(x_of(t)) + "\" y1=\"" + num(kTop - 18) + "\" x2=\"" + num(x_of(t)) +
           "\" y2=\"" + num(height) + "\" stroke=\"#eee\"/>\n<text x=\"" + num(x_of(t) + 2) +
           "\" y=\"" + num(kTop - 20) + "\">" + label + "</text>\n";
    }
    o += "</g>\n";
    for (const auto& l : lanes)
      o += "<text class=\"lane\" x=\"8\" y=\"" + num(lane_top[l] + 12) + "\">" + esc(l) + "</text>\n";
    for (const auto& m : marks) {
      const Event& e = *m.e;
      const double yy = lane_top[e.type] + static_cast<double>(m.row) * kRowH;
      std::string tip = e.summary + "\n" + detail::describe_when(e.when) + " \u00b7 " +
                        status_name(e.status);
      if (!e.participants.empty()) {
        tip += "\n";
        for (std::size_t i = 0; i < e.participants.size(); ++i) tip += (i ? ", " : "") + e.participants[i];
      }
      for (const auto& ev : e.evidence) tip += "\n\u2014 " + ev.sentence + " (" + ev.source + ")";
      o += "<g class=\"event\" data-event=\"" + esc(e.id) + "\">";
      const std::string style = std::string(" fill=\"") + colour(e.status) + "\"" +
                                (m.faded ? " fill-opacity=\"0.4\" stroke-dasharray=\"3 2\" stroke=\"" +
                                               std::string(colour(e.status)) + "\""
                                         : "");
      if (m.point)
        o += "<circle class=\"mark point\" data-event=\"" + esc(e.id) + "\" cx=\"" +
             num((m.x0 + m.x1) / 2) + "\" cy=\"" + num(yy + 8) + "\" r=\"5\"" + style + ">";
      else
        o += "<rect class=\"mark bar\" data-event=\"" + esc(e.id) + "\" x=\"" + num(m.x0) + "\" y=\"" +
             num(yy + 3) + "\" width=\"" + num(m.x1 - m.x0) + "\" height=\"10\" rx=\"3\"" + style + ">";
      o += "<title>" + esc(tip) + "</title>";
      o += m.point ? "</circle>" : "</rect>";
      o += "<text x=\"" + num(std::max(m.x1, m.x0 + 10) + 4) + "\" y=\"" + num(yy + 12) + "\">" +
           esc(e.summary) + "</text></g>\n";
    }
    o += "</svg>\n</div>\n";
  }
  if (!undated.empty()) {
    o += "<h2>Undated</h2>\n<ul class=\"undated\">\n";
    for (const Event* e : undated)
      o += "<li class=\"mark undated\" data-event=\"" + esc(e->id) + "\" title=\"" +
           esc(e->evidence.empty() ? std::string() : e->evidence.front().sentence) + "\">" +
           esc(e->summary) + " (" + esc(e->type) + ", " + status_name(e->status) + ")</li>\n";
    o += "</ul>\n";
  }
  o += "<h2>Sources</h2>\n<ul>\n";
  for (const auto& s : tl.sources)
    o += "<li>" + esc(s.id) + " (" + cal::iso_day(s.published) + ")" +
         (s.title.empty() ? "" : ": " + esc(s.title)) + "</li>\n";
  o += "</ul>\n</body>\n</html>\n";
  return o;
}

}  // namespace chronicle
