// The demo report's "Satisfaction index" section: the ECSI model fitted by PLS on the bundled
// mobile-phone survey, drawn as a path diagram (coefficients on the arrows, R^2 under each
// endogenous block), its reliability table and the importance-performance map for Loyalty.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "crmkit/io/survey.hpp"
#include "crmkit/io/svg.hpp"
#include "crmkit/quality/pls.hpp"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace {

namespace io = crmkit::io;
namespace quality = crmkit::quality;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// The path diagram: blocks in columns by their depth (longest path from an exogenous block),
// alternately high and low so that neighbours do not share a line; an arrow spanning more
// than one column bends away from the blocks it passes (upward on the high row, downward on
// the low one), its coefficient at the curve's midpoint.
std::string path_diagram(const quality::PlsSpec& spec, const quality::PlsResult& r) {
  const std::size_t L = r.latent.size();
  const std::vector<std::size_t> order = quality::validate_pls_spec(spec);
  std::vector<std::size_t> depth(L, 0);
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (const quality::PlsPath& p : spec.paths) {
    const auto at = [&](const std::string& n) {
      return std::size_t(std::find(r.latent.begin(), r.latent.end(), n) - r.latent.begin());
    };
    edges.emplace_back(at(p.from), at(p.to));
  }
  for (std::size_t b : order)
    for (const auto& e : edges)
      if (e.first == b) depth[e.second] = std::max(depth[e.second], depth[b] + 1);
  const std::size_t columns = *std::max_element(depth.begin(), depth.end()) + 1;
  std::vector<std::size_t> in_column(columns, 0);
  const double dx = 130, rx = 54, ry = 22, high = 200, low = 310;
  std::vector<double> x(L), y(L);
  for (std::size_t b : order) {
    x[b] = 70 + dx * double(depth[b]);
    y[b] = (depth[b] % 2 == 0 ? high : low) + 70 * double(in_column[depth[b]]++);
  }
  const double width = 140 + dx * double(columns - 1);
  const double height = *std::max_element(y.begin(), y.end()) + 110;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" +
                    num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" font-family=\"sans-serif\" font-size=\"11\">\n"
                    "<defs><marker id=\"pls-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                    "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n"
                    "<text x=\"" + num(width / 2) + "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" "
                    "font-weight=\"bold\">ECSI path model (PLS, path scheme)</text>\n";
  // The point where the line from the centre of block b towards (tx, ty) leaves its ellipse.
  const auto rim = [&](std::size_t b, double tx, double ty) {
    const double ux = tx - x[b], uy = ty - y[b];
    const double t = 1 / std::sqrt((ux / rx) * (ux / rx) + (uy / ry) * (uy / ry));
    return std::make_pair(x[b] + t * ux, y[b] + t * uy);
  };
  for (std::size_t p = 0; p < edges.size(); ++p) {
    const auto [a, b] = edges[p];
    const double span = double(depth[b] - depth[a]);
    double cx = (x[a] + x[b]) / 2, cy = (y[a] + y[b]) / 2;
    // A bend between the rows must clear the low row's blocks below it: a deeper curve.
    const bool both_high = y[a] <= high && y[b] <= high;
    if (span > 1) cy += both_high ? -std::min(40 * span, 150.0) : std::min((y[a] == y[b] ? 40 : 60) * span, 200.0);
    const auto [x0, y0] = rim(a, cx, cy);
    const auto [x1, y1] = rim(b, cx, cy);
    const double mx = (x0 + 2 * cx + x1) / 4, my = (y0 + 2 * cy + y1) / 4;
    svg += "<path d=\"M" + num(x0) + "," + num(y0) + " Q" + num(cx) + "," + num(cy) + " " + num(x1) + "," +
           num(y1) + "\" fill=\"none\" stroke=\"#555\" stroke-width=\"" +
           num(1 + 4 * std::abs(r.path_coefficient[p])) + "\" marker-end=\"url(#pls-arrow)\"/>\n";
    char label[16];
    std::snprintf(label, sizeof label, "%.2f", r.path_coefficient[p]);
    svg += "<rect x=\"" + num(mx - 14) + "\" y=\"" + num(my - 9) +
           "\" width=\"28\" height=\"13\" fill=\"white\" opacity=\"0.85\"/>\n<text x=\"" + num(mx) + "\" y=\"" +
           num(my + 1) + "\" text-anchor=\"middle\">" + label + "</text>\n";
  }
  for (std::size_t b = 0; b < L; ++b) {
    svg += "<ellipse cx=\"" + num(x[b]) + "\" cy=\"" + num(y[b]) + "\" rx=\"" + num(rx) + "\" ry=\"" + num(ry) +
           "\" fill=\"#dbe7f5\" stroke=\"#1f4e8c\"/>\n<text x=\"" + num(x[b]) + "\" y=\"" + num(y[b] + 4) +
           "\" text-anchor=\"middle\" font-weight=\"bold\">" + io::escape_xml(r.latent[b]) + "</text>\n";
    if (!std::isnan(r.r2[b])) {
      char label[24];
      std::snprintf(label, sizeof label, "R\xC2\xB2 %.2f", r.r2[b]);
      svg += "<text x=\"" + num(x[b]) + "\" y=\"" + num(y[b] + ry + 14) + "\" text-anchor=\"middle\">" + label +
             "</text>\n";
    }
  }
  svg += "<text x=\"" + num(width / 2) + "\" y=\"" + num(height - 14) +
         "\" text-anchor=\"middle\">arrow width and label: standardised path coefficient</text>\n</svg>\n";
  return svg;
}

}  // namespace

DemoSection demo_satisfaction_index(const DemoContext& context) {
  io::CsvReader reader(context.data_dir + "/ecsi_mobi/mobi.csv");
  const std::vector<std::string> columns = reader.header();
  const io::SurveyTable t = io::read_survey(reader, columns);
  const quality::PlsSpec spec = quality::pls_ecsi();
  const quality::PlsResult r = quality::pls_fit(spec, {{t.values.data(), t.respondents, columns.size()}, columns});
  std::vector<std::vector<std::string>> rows;
  for (std::size_t b = 0; b < r.latent.size(); ++b) {
    const auto cell = [](double v) { return std::isnan(v) ? std::string("-") : fixed(v, 3); };
    rows.push_back({r.latent[b], cell(r.r2[b]), cell(r.alpha_standardised[b]), cell(r.rho_c[b]), cell(r.rho_a[b]),
                    cell(r.ave[b]), fixed(r.index_mean[b], 1)});
  }
  std::vector<std::string> labels;
  std::vector<double> performance, importance;
  for (std::size_t b = 0; b < r.latent.size(); ++b) {
    if (b == r.ipma_target || r.ipma_importance[b] == 0) continue;
    labels.push_back(r.latent[b]);
    performance.push_back(r.index_mean[b]);
    importance.push_back(r.ipma_importance[b]);
  }
  const auto mean = [](const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s / double(v.size());
  };
  const std::string target = r.latent[r.ipma_target];
  io::ChartOptions chart;
  chart.title = "Importance-performance map for " + target;
  chart.x_label = "Performance (mean 0-100 index, Fornell)";
  chart.y_label = "Importance (total effect on " + target + ")";
  const std::size_t sat = std::size_t(std::find(r.latent.begin(), r.latent.end(), "Satisfaction") - r.latent.begin());
  DemoSection s;
  s.title = "Satisfaction index (ECSI, PLS path modelling)";
  s.summary = "ECSI on " + std::to_string(r.respondents) + " respondents: satisfaction index " +
              fixed(r.index_mean[sat], 1) + ", R\xC2\xB2 " + fixed(r.r2[sat], 2) + ", GoF " + fixed(r.gof, 3);
  s.html = "<p>The European customer satisfaction index model fitted by PLS path modelling (mode A, path "
           "weighting) to the mobile-phone survey (<code>ecsi_mobi/mobi.csv</code>, " +
           std::to_string(r.respondents) + " respondents, answers 1-10). The coefficients match R's plspm to 4 "
           "decimals. Satisfaction's 0-100 index (ACSI/Fornell weights) is " + fixed(r.index_mean[sat], 1) +
           "; GoF " + fixed(r.gof, 3) + ".</p>\n" + path_diagram(spec, r) +
           html_table({"block", "R\xC2\xB2", "alpha (std.)", "rho_C", "rho_A", "AVE", "index 0-100"}, rows) +
           "<p>Importance: the total effect of each block on " + target +
           " in index points per index point; performance: its mean index. Top left = improve first.</p>\n" +
           io::ipa_chart(labels, performance, importance, mean(performance), mean(importance), chart);
  return s;
}

}  // namespace crmkit_cli
