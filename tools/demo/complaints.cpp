// The complaint pillar's demo section: the CFPB sample (data/complaints/) replayed into a
// desk — the Pareto of causes, the distribution of the time complaints took to reach the
// company, and the timely-response rate per channel — and the bundled event log
// (data/complaint/events.csv) for resolution times and SLA compliance on the desk's clocks.
// The desks live in a temporary directory removed at the end.
#include <filesystem>
#include <map>

#include <unistd.h>

#include "crmkit/complaint/analytics.hpp"
#include "crmkit/complaint/event_file.hpp"
#include "crmkit/io/svg.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace complaint = crmkit::complaint;
namespace fs = std::filesystem;

// A fresh directory for the demo's desks, removed when it goes out of scope.
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("crmkit-demo-complaints-" + std::to_string(getpid()));
  ScratchDir() { fs::remove_all(path); }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string percent(double share) { return fixed(100 * share, 1) + "%"; }

// Days to reach the company in bins: 0, 1, 2, 3-5, 6-10, 11-30, over 30.
std::vector<double> lag_histogram(const std::vector<complaint::ImportedComplaint>& rows, std::size_t& counted) {
  static constexpr long kUpper[] = {0, 1, 2, 5, 10, 30};
  std::vector<double> bins(7, 0.0);
  counted = 0;
  for (const complaint::ImportedComplaint& r : rows) {
    if (r.sent_before_received) continue;
    const long days = static_cast<long>((r.sent - r.received).count() / 86400);
    std::size_t b = 0;
    while (b < 6 && days > kUpper[b]) ++b;
    ++bins[b];
    ++counted;
  }
  return bins;
}

}  // namespace

DemoSection demo_complaints(const DemoContext& context) {
  ScratchDir scratch;
  DemoSection s;
  s.title = "Complaints: causes, time to the company, timeliness per channel";
  complaint::Desk cfpb((scratch.path / "cfpb").string());
  const complaint::ImportResult imported =
      complaint::import_cfpb(cfpb, context.data_dir + "/complaints/cfpb_complaints_sample_2013.csv");
  const complaint::ComplaintReport r = complaint::analyse(cfpb);
  s.html = "<p>" + std::to_string(imported.imported) +
           " public complaints to the US Consumer Financial Protection Bureau (2013, "
           "<code>complaints/cfpb_complaints_sample_2013.csv</code>) replayed into a complaint desk. " +
           std::to_string(imported.flagged.size()) +
           " rows were sent to the company a day before they were received (an upstream quirk): they stay "
           "cases but are left out of the time to the company.</p>\n";

  // Pareto: the vital few causes, with their shares and the cumulative share.
  std::vector<std::string> causes;
  std::vector<double> share, cumulative;
  for (const complaint::ParetoRow& p : r.pareto) {
    if (!p.vital) break;
    causes.push_back(p.cause);
    share.push_back(100 * p.share);
    cumulative.push_back(100 * p.cumulative);
  }
  crmkit::io::ChartOptions pareto;
  pareto.title = "Pareto of complaint causes: the " + std::to_string(r.vital_few) + " issues behind 80%";
  pareto.y_label = "% of complaints";
  pareto.width = 900;
  pareto.height = 460;
  s.html += crmkit::io::grouped_bar_chart(causes, {{"share", share, {}, {}, false}, {"cumulative", cumulative, {}, {}, false}},
                                          pareto);

  std::size_t counted = 0;
  const std::vector<complaint::ImportedComplaint> rows = complaint::imported_complaints(cfpb);
  crmkit::io::ChartOptions lag;
  const std::vector<double> bins = lag_histogram(rows, counted);
  lag.title = "Days from receipt to the company (" + std::to_string(counted) + " complaints)";
  lag.x_label = "days";
  lag.y_label = "complaints";
  s.html += "<p>The export has no resolution date, so its time distribution is the time to reach the company "
            "(median " + fixed(r.forwarding_lag.back().median_days, 0) + " day, mean " +
            fixed(r.forwarding_lag.back().mean_days, 2) + " days).</p>\n" +
            crmkit::io::bar_chart({"0", "1", "2", "3-5", "6-10", "11-30", ">30"}, bins, lag);

  // Timeliness per channel: the CFPB's own reply target, met by the company or not.
  std::map<std::string, std::pair<double, double>> timely;  // timely, rows
  for (const complaint::ImportedComplaint& row : rows) {
    timely[row.channel].first += row.timely ? 1 : 0;
    ++timely[row.channel].second;
  }
  std::vector<std::string> channels;
  std::vector<double> rates;
  for (const auto& [channel, t] : timely) {
    channels.push_back(channel + " (" + fixed(t.second, 0) + ")");
    rates.push_back(100 * t.first / t.second);
  }
  crmkit::io::ChartOptions sla;
  sla.title = "Timely company response by channel (SLA compliance, %)";
  sla.y_label = "% timely";
  s.html += crmkit::io::bar_chart(channels, rates, sla);
  std::vector<std::vector<std::string>> disputes;
  for (const complaint::DisputeRate& d : r.dispute_by_response)
    disputes.push_back({d.response, std::to_string(d.disputed.total), percent(*d.disputed.rate())});
  s.html += "<p>Recovery and satisfaction: the consumer disputed the outcome less often when the company gave "
            "relief.</p>\n" + html_table({"company response", "complaints", "disputed"}, disputes);

  // The bundled event log: resolution times on the desk's clocks, calendar and business.
  complaint::DeskOptions business;
  business.sla.mode = complaint::ClockMode::business_time;
  complaint::Desk desk((scratch.path / "desk").string(), business);
  std::vector<complaint::CaseEventRecord> events;
  for (const complaint::EventLine& l : complaint::read_case_events(context.data_dir + "/complaint/events.csv"))
    events.push_back(l.event);
  desk.submit(events);
  const complaint::ComplaintReport d = complaint::analyse(desk);
  const auto dist = [](const std::string& name, const complaint::Distribution& x) {
    return std::vector<std::string>{name, std::to_string(x.cases), fixed(x.median_hours, 2), fixed(x.p90_hours, 2)};
  };
  s.html += "<p>The bundled event log (<code>complaint/events.csv</code>) on a Monday-Friday 09:00-17:00 UTC "
            "business calendar: hours with waiting-on-customer pauses taken out.</p>\n" +
            html_table({"time", "cases", "median h", "p90 h"},
                       {dist("first response, calendar", d.times.first_response_calendar),
                        dist("first response, business", d.times.first_response_business),
                        dist("resolution, calendar", d.times.resolution_calendar),
                        dist("resolution, business", d.times.resolution_business)});
  s.summary = "complaints: " + std::to_string(r.cases) + " CFPB cases, " + std::to_string(r.vital_few) +
              " causes make 80%, timely " + percent(*r.timely.rate());
  return s;
}

}  // namespace crmkit_cli
