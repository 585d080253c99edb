// crmkit csi FILE...: the customer satisfaction index (0-100) of each survey wave with its
// bootstrap confidence interval, and the change from wave to wave.
#include <memory>
#include <regex>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/quality/csi.hpp"
#include "quality/item_terms.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;

struct CsiCommand {
  std::vector<std::string> paths;
  std::string prefix;
  quality::CsiOptions options;
  SurveyOptions survey;
  FormatOptions format;
};

void run(const CsiCommand& o) {
  const quality::Instrument instrument = o.survey.instrument_in_use();
  const std::size_t k = instrument.item_count();
  quality::CsiOptions options = o.options;
  options.scale = instrument.scale;
  if (!options.weights.empty() && options.weights.size() != k)
    throw UsageError("--weights: " + std::to_string(options.weights.size()) +
                     " given; instrument '" + instrument.name + "' has " + std::to_string(k) +
                     " items");
  // Each wave scored as the instrument says (reverse coding, --missing), kept alive here.
  std::vector<quality::ScoredAnswers> scored;
  std::vector<std::string> names;
  for (const std::string& path : o.paths) {
    Input input(path, o.survey.csv());
    const SurveyAnswers a = read_survey_answers(input.reader(), instrument, {{o.prefix, true}});
    scored.push_back(quality::score_answers(instrument, a.view(0, k), o.survey.missing_options()));
    names.push_back(a.source);
  }
  std::vector<quality::Answers> waves;
  for (const quality::ScoredAnswers& s : scored) waves.push_back(s.view());
  // The core names a wave by its index ("wave 1: ..."): restated with the file, and its
  // items with their columns.
  std::vector<std::string> item_columns;
  for (const std::string& id : instrument.item_ids()) item_columns.push_back(o.prefix + id);
  std::vector<quality::CsiWave> t;
  try {
    t = quality::csi_tracking(waves, options);
  } catch (const crmkit::Error& e) {
    std::string what = e.what();
    std::string where;
    std::smatch m;
    if (std::regex_search(what, m, std::regex("^wave (\\d+): ")) && std::stoul(m[1]) < names.size()) {
      where = names[std::stoul(m[1])];
      what = m.suffix().str();
    }
    throw in_item_terms(crmkit::Error(e.code(), what), {"column", item_columns}, where);
  }

  Sink& out = standard_output();
  const std::vector<std::string> columns = {"wave", "respondents", "csi", "lower", "upper",
                                            "change", "change_lower", "change_upper"};
  if (o.format.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t w = 0; w < t.size(); ++w)
      list.push_back({{"wave", names[w]},
                      {"respondents", t[w].csi.respondents},
                      {"csi", json_number(t[w].csi.index)},
                      {"lower", json_number(t[w].csi.lower)},
                      {"upper", json_number(t[w].csi.upper)},
                      {"change", json_number(t[w].change)},
                      {"change_lower", json_number(t[w].change_lower)},
                      {"change_upper", json_number(t[w].change_upper)}});
    write_json(out, {{"level", json_number(options.level)},
                     {"resamples", options.resamples},
                     {"seed", options.seed},
                     {"waves", list}});
    return;
  }
  Rows rows(out, o.format.small(), columns);
  for (std::size_t w = 0; w < t.size(); ++w)
    rows.add({names[w], static_cast<std::int64_t>(t[w].csi.respondents), t[w].csi.index,
              t[w].csi.lower, t[w].csi.upper, t[w].change, t[w].change_lower, t[w].change_upper});
  rows.finish();
}

}  // namespace

void add_csi(CLI::App& app) {
  auto o = std::make_shared<CsiCommand>();
  CLI::App* cmd = app.add_subcommand(
      "csi", "customer satisfaction index 0-100 per survey wave, with confidence intervals");
  cmd->footer(
      "Each FILE is one survey wave (in time order), one row per respondent, with the\n"
      "instrument's items (SERVQUAL unless --instrument) in the columns PREFIX<item id>.\n"
      "CSI = (weighted mean of the item means - scale min) / (max - min) x 100; the interval\n"
      "is a percentile bootstrap over respondents, wave w seeded with --seed + w, so a run\n"
      "repeats exactly. change is each wave's CSI minus the previous wave's.");
  cmd->add_option("FILE", o->paths, "survey waves (- for standard input)")->required();
  const quality::CsiOptions defaults;
  CLI::App* g = cmd->add_option_group("CSI");
  g->add_option("--prefix", o->prefix, "answer columns PREFIX<item id>")->default_val("P");
  g->add_option("--weights", o->options.weights,
                "one weight >= 0 per item, comma-separated (default: equal)")
      ->delimiter(',');
  g->add_option("--level", o->options.level, "confidence level")
      ->default_val(defaults.level)
      ->check(CLI::Range(0.0, 1.0));
  g->add_option("--resamples", o->options.resamples, "bootstrap resamples (0: no interval)")
      ->default_val(defaults.resamples)
      ->check(CLI::Range(std::size_t{0}, std::size_t{10'000'000}));
  g->add_option("--seed", o->options.seed, "bootstrap seed")->default_val(defaults.seed);
  add_survey_options(*cmd, o->survey, BundledInstrument::servqual);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
