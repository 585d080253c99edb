// crmkit swot SWOT.csv: weighted SWOT with IFE/EFE, the strategic position, TOWS candidate
// strategies and an SVG SWOT matrix.
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/decision/swot.hpp"
#include "decision/files.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
using crmkit::Error;
using json = nlohmann::ordered_json;

struct SwotCommand {
  std::string path, chart;
  std::size_t tows = 0;
  FormatOptions format;
};

const char* const kCells[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};

void run(const SwotCommand& o) {
  const SwotFile f = read_swot(o.path);
  decision::SwotOptions options;
  options.tows_per_group = o.tows;
  decision::SwotResult r;
  try {
    r = decision::swot(f.factors, options);
  } catch (const Error& e) {
    throw Error(e.code(), f.name + ": " + e.what());
  }
  if (!o.chart.empty()) {
    Sink chart(o.chart);  // checked writes: a full disk is an error, not a cut SVG
    chart.write(decision::swot_chart(f.factors, r));
    chart.close();
  }
  const std::vector<decision::SwotFactor>& x = f.factors;
  Sink& out = standard_output();
  if (o.format.json) {
    json factors = json::array(), tows = json::array();
    for (std::size_t i = 0; i < x.size(); ++i) {
      json one = {{"group", crmkit::name_of(x[i].group)}, {"factor", x[i].name},
                  {"weight", json_number(x[i].weight)}, {"rating", json_number(x[i].rating)},
                  {"score", json_number(r.scores[i])}};
      if (!x[i].note.empty()) one["note"] = x[i].note;
      factors.push_back(one);
    }
    for (const decision::TowsPair& p : r.tows)
      tows.push_back({{"type", crmkit::name_of(p.type)}, {"internal", x[p.internal].name},
                      {"external", x[p.external].name}, {"score", json_number(p.score)}});
    write_json(out, {{"IFE", json_number(r.ife)}, {"EFE", json_number(r.efe)},
                     {"ie_cell", kCells[r.ie_cell - 1]}, {"strategy", crmkit::name_of(r.strategy)},
                     {"internal_net", json_number(r.internal_net)}, {"external_net", json_number(r.external_net)},
                     {"quadrant", crmkit::name_of(r.quadrant)}, {"factors", factors}, {"tows", tows}});
    return;
  }
  Rows table(out, o.format.small(), {"group", "factor", "weight", "rating", "score"});
  for (std::size_t i = 0; i < x.size(); ++i)
    table.add({crmkit::name_of(x[i].group), x[i].name, x[i].weight, x[i].rating, r.scores[i]});
  table.finish();
  if (o.format.csv) return;
  out.write("\nIFE " + number_text(r.ife) + ", EFE " + number_text(r.efe) + ": IE cell " + kCells[r.ie_cell - 1] +
            ", " + crmkit::name_of(r.strategy) + "\nS - W " + number_text(r.internal_net) + ", O - T " +
            number_text(r.external_net) + ": " + crmkit::name_of(r.quadrant) + " quadrant\n\n");
  Rows pairs(out, Format::table, {"TOWS", "internal", "external", "score"});
  for (const decision::TowsPair& p : r.tows)
    pairs.add({crmkit::name_of(p.type), x[p.internal].name, x[p.external].name, p.score});
  pairs.finish();
  bool heading = false;
  for (const decision::SwotFactor& factor : x) {
    if (factor.note.empty()) continue;
    if (!heading) out.write("\nnotes\n");
    heading = true;
    out.write("  " + factor.name + ": " + factor.note + "\n");
  }
}

}  // namespace

void add_swot(CLI::App& app) {
  auto o = std::make_shared<SwotCommand>();
  CLI::App* cmd = app.add_subcommand("swot", "weighted SWOT: IFE/EFE, strategic position, TOWS");
  cmd->footer(
      "SWOT is a CSV with columns group (S, W, O or T), factor, weight, rating and optionally\n"
      "note (e.g. the answer to the guiding question). Weights are 0..1 and sum to 1 over the\n"
      "internal factors (S, W) and over the external ones (O, T); ratings are 1..4. A\n"
      "factor's score is weight x rating; IFE and EFE are the internal and external totals\n"
      "(2.5 average). The IE cell (I..IX) names a strategy: grow and build, hold and\n"
      "maintain, or harvest or divest; the quadrant of (S - W, O - T) reads aggressive (SO),\n"
      "turnaround (WO), diversification (ST) or defensive (WT). TOWS pairs the strongest\n"
      "factors of each group into candidate strategies.");
  add_file_argument(*cmd, o->path, "SWOT factors");
  cmd->add_option("--tows", o->tows, "strongest factors of each group paired in TOWS")
      ->default_val(decision::SwotOptions{}.tows_per_group)
      ->check(CLI::Range(std::size_t{1}, std::size_t{100}));
  cmd->add_option("--chart", o->chart, "write the SWOT matrix as SVG to this file");
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
