#include "quality/charts.hpp"

#include <cmath>

#include "common/output.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/svg.hpp"

namespace crmkit_cli {

namespace io = crmkit::io;
namespace quality = crmkit::quality;
using crmkit::Error;
using crmkit::ErrorCode;

namespace {

std::vector<std::string> dimension_names(const quality::Instrument& instrument) {
  std::vector<std::string> names;
  for (const quality::Dimension& d : instrument.dimensions) names.push_back(d.name);
  return names;
}

// A radar needs three spokes and a value on each.
void require_radar(const std::vector<std::string>& axes, const std::vector<io::CategorySeries>& series) {
  if (axes.size() < 3)
    throw Error(ErrorCode::invalid_argument,
                "--chart: a radar chart needs at least 3 dimensions; the instrument has " +
                    std::to_string(axes.size()));
  for (const io::CategorySeries& s : series)
    for (std::size_t d = 0; d < axes.size(); ++d)
      if (!std::isfinite(s.values[d]))
        throw Error(ErrorCode::invalid_argument,
                    "--chart: dimension '" + axes[d] + "' has no " + s.name + " score to draw");
}

}  // namespace

std::string servqual_radar(const quality::Instrument& instrument, const quality::ServqualResult& r) {
  const std::vector<std::string> axes = dimension_names(instrument);
  std::vector<io::CategorySeries> series(2);
  series[0].name = r.has_adequate ? "desired (E)" : "expected (E)";
  series[1].name = "perceived (P)";
  for (const quality::ServqualLine& d : r.dimensions) {
    series[0].values.push_back(d.expected.mean);
    series[1].values.push_back(d.perceived.mean);
  }
  if (r.has_adequate) {
    series.push_back({"adequate (A)", {}, {}, {}, true});
    for (const quality::ServqualLine& d : r.dimensions) series.back().values.push_back(d.adequate.mean);
  }
  require_radar(axes, series);
  io::ChartOptions options;
  options.title = instrument.name + ": expected and perceived service by dimension";
  return io::radar_chart(axes, series, {instrument.scale.min, instrument.scale.max}, options);
}

std::string category_radar(const quality::Instrument& instrument, const quality::CategoryScores& s) {
  std::vector<io::CategorySeries> series(1);
  series[0].name = "mean % of maximum";
  series[0].values = s.mean_percentage;
  require_radar(s.categories, series);
  io::ChartOptions options;
  options.title = instrument.name + ": score as % of each category's maximum";
  return io::radar_chart(s.categories, series, {0, 100}, options);
}

void write_chart(const std::string& path, const std::string& svg) {
  Sink sink(path);
  sink.write(svg);
  sink.close();
}

}  // namespace crmkit_cli
