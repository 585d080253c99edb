// The quality pillar's demo section, on the bundled sample surveys (data/quality/, seeded
// and synthetic) and the ECSI mobile-phone data: SERVQUAL in the three-column format (a
// radar chart), the five gaps per dimension (a bar chart) with the remedies to start with,
// importance-performance analysis (a scatter with quadrants), CSI across three waves (a line
// chart with bootstrap intervals), the customer-orientation self-audit, and the published
// reliability of two ECSI blocks.
#include <cmath>
#include <string>
#include <vector>

#include "common/input.hpp"
#include "crmkit/io/svg.hpp"
#include "crmkit/quality/csi.hpp"
#include "crmkit/quality/ipa.hpp"
#include "crmkit/quality/reliability.hpp"
#include "demo/demo.hpp"
#include "quality/charts.hpp"
#include "quality/gap_sources.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace io = crmkit::io;
namespace quality = crmkit::quality;

std::string signed_fixed(double v, int decimals) {
  return std::isnan(v) ? "n/a" : (v > 0 ? "+" : "") + fixed(v, decimals);
}

// A survey file's answers under the given prefixes, for the bundled SERVQUAL.
SurveyAnswers read(const std::string& path, const quality::Instrument& instrument,
                   const std::vector<Prefix>& prefixes) {
  Input input(path, {});
  return read_survey_answers(input.reader(), instrument, prefixes);
}

std::string servqual_part(const std::string& dir, const quality::Instrument& servqual,
                          std::string& summary) {
  const std::size_t k = servqual.item_count();
  const SurveyAnswers a = read(dir + "/quality/servqual_sample.csv", servqual, {{"E", true}, {"P", true}, {"A", true}});
  const quality::ServqualResult r =
      quality::servqual(servqual, {a.view(0, k), a.view(1, k), a.view(2, k), nullptr});
  std::vector<std::vector<std::string>> rows;
  std::string below;
  for (std::size_t d = 0; d < servqual.dimensions.size(); ++d) {
    const quality::ServqualLine& l = r.dimensions[d];
    rows.push_back({servqual.dimensions[d].name, fixed(l.adequate.mean, 2), fixed(l.expected.mean, 2),
                    fixed(l.perceived.mean, 2), signed_fixed(l.gap.mean, 2), signed_fixed(l.msa.mean, 2),
                    crmkit::name_of(l.zone)});
    if (l.zone == quality::ZonePosition::below) below += (below.empty() ? "" : ", ") + servqual.dimensions[d].name;
  }
  summary = "SERVQUAL gap " + signed_fixed(r.gap.mean_of_dimensions, 2) + " (mean of 5 dimensions)" +
            (below.empty() ? "" : ", below the zone of tolerance: " + below);
  return "<p>SERVQUAL in the three-column format (<code>quality/servqual_sample.csv</code>, " +
         std::to_string(r.respondents) + " respondents, 1-7): the adequate (A), desired (E) and "
         "perceived (P) service per dimension; gap = P - E (the measure of service superiority), "
         "MSA = P - A; a dimension whose perception falls below the adequate level is below "
         "the zone of tolerance. Overall gap: " + signed_fixed(r.gap.mean_of_items, 3) +
         " (mean of 22 item gaps), " + signed_fixed(r.gap.mean_of_dimensions, 3) +
         " (mean of 5 dimension gaps).</p>\n" +
         html_table({"dimension", "A", "E", "P", "gap P - E", "MSA P - A", "zone"}, rows) +
         servqual_radar(servqual, r);
}

std::string gaps_part(const std::string& dir, const quality::Instrument& servqual, std::string& summary) {
  const std::array<std::string, quality::kGapSources> prefixes = {"E", "M", "S", "D", "C", "P"};
  const GapSources s = read_gap_sources({dir + "/quality/analysis_customers.csv", dir + "/quality/analysis_managers.csv",
                                         dir + "/quality/analysis_provider.csv"},
                                        prefixes, SurveyOptions{}, servqual);
  quality::GapSurveys surveys;
  for (std::size_t i = 0; i < quality::kGapSources; ++i)
    if (!s.files[i].empty()) surveys.source[i] = {s.answers[i].data(), s.respondents[i], servqual.item_count()};
  const quality::GapReport report = quality::five_gaps(quality::gap_means(servqual, surveys));
  std::vector<io::CategorySeries> bars(quality::kGaps);
  for (std::size_t g = 0; g < quality::kGaps; ++g) {
    bars[g].name = "gap " + std::to_string(g + 1) + " (" + quality::gap_title(static_cast<quality::Gap>(g)) + ")";
    for (const quality::DimensionGaps& d : report.per_dimension) bars[g].values.push_back(d.gap[g]);
  }
  io::ChartOptions chart;
  chart.title = "The five gaps per SERVQUAL dimension";
  chart.y_label = "gap (scale points)";
  std::string remedies;
  const quality::DimensionGaps& overall = report.overall;
  for (std::size_t i = 0; i < overall.remedies.size() && i < 3; ++i)
    remedies += "<li>" + io::escape_xml(overall.remedies[i].text) + " (gap " +
                std::to_string(static_cast<int>(overall.remedies[i].gap) + 1) + ")</li>";
  const std::string main = overall.main_contributor
                               ? "gap " + std::to_string(static_cast<int>(*overall.main_contributor) + 1) + " (" +
                                     quality::gap_title(*overall.main_contributor) + ")"
                               : "none of gaps 1-4";
  summary = "gap 5 " + signed_fixed(overall.gap[4], 2) + ", main contributor " + main;
  return "<p>The five-gap model from the customers' expectations and perceptions, the managers' "
         "view of what customers expect, and the provider's standards, delivery audit and "
         "promises (<code>quality/analysis_*.csv</code>): gap 1 = M - E, gap 2 = S - M, gap 3 = "
         "D - S, gap 4 = D - C, gap 5 = P - E. Over all dimensions gap 5 is " +
         signed_fixed(overall.gap[4], 3) + "; the largest shortfall among gaps 1-4 is " + main +
         ". Remedies to start with, from the course material:</p>\n<ul>" + remedies + "</ul>\n" +
         io::grouped_bar_chart(report.dimensions, bars, chart);
}

std::string ipa_part(const std::string& dir, const quality::Instrument& servqual) {
  const std::size_t k = servqual.item_count();
  const SurveyAnswers a = read(dir + "/quality/analysis_customers.csv", servqual, {{"P", true}, {"I", true}});
  quality::IpaOptions options;
  options.scale = servqual.scale;
  const quality::IpaResult r = quality::ipa(a.view(0, k), a.view(1, k), nullptr, options);
  std::vector<std::string> labels;
  std::size_t concentrate = 0;
  for (std::size_t i = 0; i < k; ++i) {
    labels.push_back("P" + servqual.item_ids()[i]);
    concentrate += r.quadrant[i] == quality::IpaQuadrant::concentrate_here;
  }
  io::ChartOptions chart;
  chart.title = "Importance-performance analysis of the 22 SERVQUAL items";
  chart.x_label = "performance (mean, 1-7)";
  chart.y_label = "stated importance (mean, 1-7)";
  return "<p>Importance-performance analysis (stated importance <code>I1..I22</code>, crosshair "
         "at the data means): " + std::to_string(concentrate) +
         " items fall in \"concentrate here\" (important, performing below average).</p>\n" +
         io::ipa_chart(labels, r.performance, r.importance, r.performance_crosshair, r.importance_crosshair, chart);
}

std::string csi_part(const std::string& dir, const quality::Instrument& servqual, std::string& summary) {
  const std::size_t k = servqual.item_count();
  std::vector<SurveyAnswers> files;
  std::vector<quality::Answers> waves;
  for (int w = 1; w <= 3; ++w)
    files.push_back(read(dir + "/quality/csi_wave" + std::to_string(w) + ".csv", servqual, {{"P", true}}));
  for (const SurveyAnswers& f : files) waves.push_back(f.view(0, k));
  quality::CsiOptions options;
  options.scale = servqual.scale;
  const std::vector<quality::CsiWave> t = quality::csi_tracking(waves, options);
  io::CategorySeries line{"CSI with 95% bootstrap interval", {}, {}, {}, false};
  std::vector<std::string> labels;
  for (std::size_t w = 0; w < t.size(); ++w) {
    labels.push_back("wave " + std::to_string(w + 1));
    line.values.push_back(t[w].csi.index);
    line.lower.push_back(t[w].csi.lower);
    line.upper.push_back(t[w].csi.upper);
  }
  io::ChartOptions chart;
  chart.title = "Customer satisfaction index across survey waves";
  chart.y_label = "CSI (0-100)";
  summary = "CSI " + fixed(t.front().csi.index, 1) + " -> " + fixed(t.back().csi.index, 1);
  return "<p>A 0-100 customer satisfaction index (equal item weights, (mean - 1) / 6 x 100) in "
         "three survey waves (<code>quality/csi_wave*.csv</code>), with seeded bootstrap "
         "intervals; the last wave changed by " + signed_fixed(t.back().change, 1) + " (" +
         fixed(t.back().change_lower, 1) + " to " + fixed(t.back().change_upper, 1) + ").</p>\n" +
         io::category_line_chart(labels, {line}, chart, io::Range{0, 100});
}

std::string audit_part(const std::string& dir) {
  const quality::Instrument audit = quality::customer_orientation_audit();
  const SurveyAnswers a = read(dir + "/quality/audit_sample.csv", audit, {{"Q", true}});
  const quality::CategoryScores s = quality::category_scores(audit, a.view(0, audit.item_count()));
  const std::size_t weakest = s.weakest.front();
  return "<p>The customer-orientation self-audit (<code>quality/audit_sample.csv</code>, " +
         std::to_string(s.respondents) + " managers, 40 items scored 1-5): each category's score "
         "as a share of its maximum; the weakest is " + s.categories[weakest] + " (" +
         fixed(s.mean_percentage[weakest], 1) + "%).</p>\n" + category_radar(audit, s);
}

std::string reliability_part(const std::string& dir) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [block, columns] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"Image", {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"}}, {"Satisfaction", {"CUSA1", "CUSA2", "CUSA3"}}}) {
    Input input(dir + "/ecsi_mobi/mobi.csv", {});
    const crmkit::io::SurveyTable table = crmkit::io::read_survey(input.reader(), columns);
    const quality::ReliabilityResult r =
        quality::reliability({table.values.data(), table.respondents, columns.size()});
    rows.push_back({block, std::to_string(columns.size()), fixed(r.alpha_raw, 3), fixed(r.alpha_standardised, 3)});
  }
  return "<p>Reliability of two blocks of the ECSI mobile-phone survey "
         "(<code>ecsi_mobi/mobi.csv</code>, 250 respondents; published standardised alphas 0.723 "
         "and 0.779):</p>\n" +
         html_table({"block", "items", "alpha (raw)", "alpha (standardised)"}, rows);
}

}  // namespace

DemoSection demo_service_quality(const DemoContext& context) {
  const quality::Instrument servqual = quality::servqual_instrument();
  std::string servqual_summary, gaps_summary, csi_summary;
  DemoSection s;
  s.title = "Service quality: SERVQUAL, the five gaps, IPA, CSI, the self-audit";
  s.html = servqual_part(context.data_dir, servqual, servqual_summary) +
           gaps_part(context.data_dir, servqual, gaps_summary) + ipa_part(context.data_dir, servqual) +
           csi_part(context.data_dir, servqual, csi_summary) + audit_part(context.data_dir) +
           reliability_part(context.data_dir);
  s.summary = servqual_summary + "; " + gaps_summary + "; " + csi_summary;
  return s;
}

}  // namespace crmkit_cli
