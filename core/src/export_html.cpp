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

std::string esc(std::string_view s) { return detail::html_escape(s, /*apostrophe=*/true); }

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
constexpr double kGap = 36;           // width of a cut in the axis
constexpr int kMaxGapDays = 92;       // longer stretches without events are cut
constexpr double kPxPerEvent = 14;    // many events: the axis grows with their number
constexpr std::size_t kCrowded = 200;   // more marks than this: labels are shortened
constexpr std::size_t kMaxLabel = 36;   // to this many code points

}  // namespace

std::string detail::html_escape(std::string_view s, bool apostrophe) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'':
        out += apostrophe ? "&#39;" : "'";
        break;
      default: out += c;
    }
  }
  return out;
}

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
       "svg text{font:11px sans-serif;fill:#222}\nsvg text.day{font-size:9px;fill:#777}\n"
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
    // The axis is cut where nothing happens for more than three months: each stretch of
    // months with events (a cluster) is drawn to scale, the gaps between them as a narrow
    // break, so one stray date decades away does not flatten everything else.
    struct Cluster {
      date::sys_days lo, hi;
      double x0 = 0, x1 = 0;
    };
    std::vector<std::pair<date::sys_days, date::sys_days>> spans;
    for (const auto& m : marks) spans.emplace_back(cal::month_start(m.lo), cal::month_end(m.hi));
    std::sort(spans.begin(), spans.end());
    std::vector<Cluster> clusters;
    for (const auto& [slo, shi] : spans) {
      if (!clusters.empty() && slo <= clusters.back().hi + date::days{kMaxGapDays}) {
        clusters.back().hi = std::max(clusters.back().hi, shi);
      } else {
        clusters.push_back({slo, shi});
      }
    }
    double days_drawn = 0;
    for (const auto& cl : clusters) days_drawn += static_cast<double>((cl.hi - cl.lo).count() + 1);
    // Each month gets at least its share of a 1000 px axis, and kPxPerEvent for every mark
    // that starts in it: busy months are drawn wider (the month ticks say so), so a
    // thousand events spread out instead of piling up in rows.
    const double base_px_per_day = std::clamp(1000.0 / days_drawn, 2.0, 40.0);
    std::map<date::sys_days, std::size_t> starts;  // month -> marks that start in it
    for (const auto& m : marks) ++starts[cal::month_start(m.lo)];
    struct Month {
      date::sys_days lo, hi;
      double x0, px_per_day;
    };
    std::vector<Month> months;
    {
      double x = kLeft;
      for (auto& cl : clusters) {
        cl.x0 = x;
        for (date::sys_days t = cl.lo; t <= cl.hi; t = cal::add_months(t, date::months{1})) {
          const double days = static_cast<double>((cal::month_end(t) - t).count() + 1);
          const auto it = starts.find(t);
          const double n = it == starts.end() ? 0.0 : static_cast<double>(it->second);
          const double w = std::max(days * base_px_per_day, n * kPxPerEvent);
          months.push_back({t, cal::month_end(t), x, w / days});
          x += w;
        }
        cl.x1 = x;
        x += kGap;
      }
    }
    auto month_of = [&](date::sys_days d) -> const Month& {
      auto it = std::upper_bound(months.begin(), months.end(), d,
                                 [](date::sys_days v, const Month& mo) { return v < mo.lo; });
      return it == months.begin() ? months.front() : *std::prev(it);
    };
    auto x_of = [&](date::sys_days d) {
      const Month& mo = month_of(d);
      return mo.x0 + static_cast<double>((d - mo.lo).count()) * mo.px_per_day;
    };
    double width = clusters.back().x1 + kRight;  // widened below to hold every label
    // many events: labels cut at kMaxLabel code points (the mark's title has the whole)
    const bool crowded = marks.size() > kCrowded;
    auto label_of = [&](const Event& e) {
      if (!crowded || glyphs(e.summary) <= kMaxLabel) return e.summary;
      std::size_t n = 0, i = 0;
      for (; i < e.summary.size(); ++i)
        if ((static_cast<unsigned char>(e.summary[i]) & 0xC0) != 0x80 && n++ == kMaxLabel - 1) break;
      return e.summary.substr(0, i) + "\u2026";
    };
    // lanes by type, in order of first appearance; labels in rows so none overlap
    std::vector<std::string> lanes;
    std::map<std::string, std::vector<double>> row_end;  // per lane: right end of each row
    for (auto& m : marks) {
      if (std::find(lanes.begin(), lanes.end(), m.e->type) == lanes.end()) lanes.push_back(m.e->type);
      m.x0 = x_of(m.lo);
      m.x1 = x_of(m.hi) + month_of(m.hi).px_per_day;
      const double label_w = static_cast<double>(glyphs(label_of(*m.e))) * kCharW + 8;
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
    // zoom without scripts: radio buttons that set the picture's CSS width
    o += "<div class=\"timeline\">\n<style>\n"
         ".timeline>input{position:absolute;opacity:0}\n"
         ".zoom label{border:1px solid #bbb;border-radius:3px;padding:0 .5em;margin-left:.3em;cursor:pointer}\n"
         "#zoom-fit:checked~.scroll svg{width:100%;height:auto}\n"
         "#zoom-half:checked~.scroll svg{width:" + num(width / 2) + "px;height:auto}\n"
         "#zoom-double:checked~.scroll svg{width:" + num(width * 2) + "px;height:auto}\n"
         "#zoom-fit:checked~.zoom label[for=zoom-fit],#zoom-half:checked~.zoom label[for=zoom-half],"
         "#zoom-one:checked~.zoom label[for=zoom-one],#zoom-double:checked~.zoom label[for=zoom-double]"
         "{background:#333;color:#fff}\n"
         "</style>\n"
         "<input type=\"radio\" name=\"zoom\" id=\"zoom-fit\"><input type=\"radio\" name=\"zoom\" "
         "id=\"zoom-half\"><input type=\"radio\" name=\"zoom\" id=\"zoom-one\" checked><input "
         "type=\"radio\" name=\"zoom\" id=\"zoom-double\">\n"
         "<p class=\"zoom\">zoom<label for=\"zoom-fit\">fit</label><label for=\"zoom-half\">50%</label>"
         "<label for=\"zoom-one\">100%</label><label for=\"zoom-double\">200%</label> \u00b7 " +
         std::to_string(marks.size()) + (marks.size() == 1 ? " event" : " events") +
         " \u00b7 scroll sideways for later dates</p>\n";
    o += "<div class=\"scroll\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
         "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
         "\" role=\"img\" aria-label=\"timeline\">\n";
    // axis: month ticks (years when a cluster is long), day ticks when there is room
    static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    o += "<g class=\"axis\">\n";
    for (std::size_t ci = 0; ci < clusters.size(); ++ci) {
      const Cluster& cl = clusters[ci];
      const double x_end = cl.x1;
      o += "<line x1=\"" + num(cl.x0) + "\" y1=\"" + num(kTop - 14) + "\" x2=\"" + num(x_end) +
           "\" y2=\"" + num(kTop - 14) + "\" stroke=\"#999\"/>\n";
      if (ci + 1 < clusters.size()) {
        // the break: a grey band with a zigzag on the axis
        const double g0 = x_end + 4, g1 = x_end + kGap - 4, ym = kTop - 14;
        o += "<rect class=\"gap\" x=\"" + num(g0) + "\" y=\"" + num(kTop - 22) + "\" width=\"" +
             num(g1 - g0) + "\" height=\"" + num(height - kTop + 22) +
             "\" fill=\"#f3f3f3\"/>\n<polyline points=\"" + num(g0) + "," + num(ym) + " " +
             num(g0 + 6) + "," + num(ym - 5) + " " + num(g0 + 12) + "," + num(ym + 5) + " " +
             num(g0 + 18) + "," + num(ym - 5) + " " + num(g1) + "," + num(ym) +
             "\" fill=\"none\" stroke=\"#999\"/>\n";
      }
      const bool by_year = (cl.hi - cl.lo).count() > 4 * 366;
      double last_label_end = -1e9;
      for (date::sys_days t = by_year ? cal::year_start(cl.lo) : cl.lo; t <= cl.hi;
           t = by_year ? cal::add_years(t, date::years{1}) : cal::add_months(t, date::months{1})) {
        if (t < cl.lo) continue;
        const date::year_month_day ymd{t};
        const std::string label =
            by_year ? std::to_string(static_cast<int>(ymd.year()))
                    : std::string(kMon[static_cast<unsigned>(ymd.month()) - 1]) + " " +
                          std::to_string(static_cast<int>(ymd.year()));
        o += "<line x1=\"" + num(x_of(t)) + "\" y1=\"" + num(kTop - 18) + "\" x2=\"" + num(x_of(t)) +
             "\" y2=\"" + num(height) + "\" stroke=\"#eee\"/>\n";
        // a label only where the previous one has ended
        if (x_of(t) + 2 >= last_label_end) {
          o += "<text x=\"" + num(x_of(t) + 2) + "\" y=\"" + num(kTop - 20) + "\">" + label + "</text>\n";
          last_label_end = x_of(t) + 2 + static_cast<double>(label.size()) * kCharW + 4;
        }
      }
      // day numbers: every day with room for them, else the 1st, 8th, 15th, 22nd and 29th
      if (by_year) continue;
      for (const Month& mo : months) {
        if (mo.lo < cl.lo || mo.lo > cl.hi) continue;
        const int step = mo.px_per_day >= 18 ? 1 : mo.px_per_day >= 5 ? 7 : 0;
        if (step == 0) continue;
        for (date::sys_days t = mo.lo; t <= mo.hi; t += date::days{1}) {
          const unsigned d = static_cast<unsigned>(date::year_month_day{t}.day());
          if ((d - 1) % static_cast<unsigned>(step) != 0 || (step == 7 && d > 29)) continue;
          const double xm = x_of(t) + mo.px_per_day / 2;
          o += "<line x1=\"" + num(xm) + "\" y1=\"" + num(kTop - 14) + "\" x2=\"" + num(xm) +
               "\" y2=\"" + num(kTop - 10) + "\" stroke=\"#999\"/><text class=\"day\" x=\"" +
               num(xm) + "\" y=\"" + num(kTop - 2) + "\" text-anchor=\"middle\">" +
               std::to_string(d) + "</text>\n";
        }
      }
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
           esc(label_of(e)) + "</text></g>\n";
    }
    o += "</svg>\n</div>\n</div>\n";
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
