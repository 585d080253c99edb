// crmkit ipa FILE: importance-performance analysis of an instrument's items: each item's
// importance and performance and its quadrant (concentrate here, keep up the good work, low
// priority, possible overkill).
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/quality/ipa.hpp"
#include "quality/item_terms.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;

struct IpaCommand {
  std::string path, performance_prefix, importance_prefix, importance, crosshair, overall;
  SurveyOptions survey;
  FormatOptions format;
};

void run(const IpaCommand& o) {
  quality::IpaOptions options;
  options.importance = crmkit::parse_enum<quality::IpaImportance>(o.importance);
  options.crosshair = crmkit::parse_enum<quality::IpaCrosshair>(o.crosshair);
  const bool stated = options.importance == quality::IpaImportance::stated;
  if (stated && !o.overall.empty())
    throw UsageError("--overall is for derived importance (--importance correlation or "
                     "regression); stated importance reads the " + o.importance_prefix +
                     "<item id> columns");
  if (!stated && o.overall.empty())
    throw UsageError("--importance " + o.importance +
                     " derives importance from an overall-satisfaction column: name it with "
                     "--overall COLUMN");
  const quality::Instrument instrument = o.survey.instrument_in_use();
  options.scale = instrument.scale;
  const std::size_t k = instrument.item_count();

  Input input(o.path, o.survey.csv());
  std::vector<Prefix> prefixes = {{o.performance_prefix, true}};
  if (stated) prefixes.push_back({o.importance_prefix, true});
  std::vector<double> overall;
  const SurveyAnswers a =
      read_survey_answers(input.reader(), instrument, prefixes,
                          stated ? std::vector<std::string>{} : std::vector<std::string>{o.overall},
                          &overall);
  // Performance answers are scored (reverse-coded items reversed, missing answers by
  // --missing); importance ratings say how much an item matters, whatever its wording, so
  // they are read as given.
  const quality::ScoredAnswers p =
      quality::score_answers(instrument, a.view(0, k), o.survey.missing_options());
  std::vector<double> kept_overall;
  for (std::size_t r : p.respondent) kept_overall.push_back(stated ? 0.0 : overall[r]);
  const std::vector<std::string> ids = instrument.item_ids();
  const quality::IpaResult r = with_item_terms({"item", ids}, a.source, [&] {
    return quality::ipa(p.view(), stated ? a.view(1, k) : quality::Answers{}, kept_overall.data(),
                        options);
  });

  std::vector<std::string> item_dimension;
  for (const quality::Dimension& d : instrument.dimensions)
    for (std::size_t i = 0; i < d.items.size(); ++i) item_dimension.push_back(d.name);
  Sink& out = standard_output();
  if (o.format.json) {
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < k; ++i)
      items.push_back({{"item", ids[i]},
                       {"dimension", item_dimension[i]},
                       {"importance", json_number(r.importance[i])},
                       {"performance", json_number(r.performance[i])},
                       {"quadrant", crmkit::name_of(r.quadrant[i])}});
    write_json(out, {{"importance", o.importance},
                     {"crosshair", o.crosshair},
                     {"importance_crosshair", json_number(r.importance_crosshair)},
                     {"performance_crosshair", json_number(r.performance_crosshair)},
                     {"respondents", r.respondents},
                     {"items", items}});
    return;
  }
  if (!o.format.csv)
    out.write("importance " + o.importance + ", crosshair " + o.crosshair + " (importance " +
              number_text(r.importance_crosshair) + ", performance " +
              number_text(r.performance_crosshair) + "), " + std::to_string(r.respondents) +
              " respondents\n\n");
  Rows rows(out, o.format.small(), {"item", "dimension", "importance", "performance", "quadrant"});
  for (std::size_t i = 0; i < k; ++i)
    rows.add({ids[i], item_dimension[i], r.importance[i], r.performance[i],
              std::string(crmkit::name_of(r.quadrant[i]))});
  rows.finish();
}

}  // namespace

void add_ipa(CLI::App& app) {
  auto o = std::make_shared<IpaCommand>();
  CLI::App* cmd = app.add_subcommand(
      "ipa", "importance-performance analysis: which items to concentrate on");
  cmd->footer(
      "FILE is a survey CSV, one row per respondent, with the instrument's items (SERVQUAL\n"
      "unless --instrument) as columns: performance in P<item id> (--performance-prefix) and,\n"
      "for stated importance, importance ratings on the same scale in I<item id>\n"
      "(--importance-prefix). Derived importance (--importance correlation or regression)\n"
      "needs an overall-satisfaction column instead (--overall): the item's correlation with\n"
      "it, or its standardised regression coefficient.\n"
      "Performance and stated importance are item means; the crosshair is at their means\n"
      "(data-means) or the scale midpoint (scale-midpoint, stated importance only). On the\n"
      "crosshair, importance ties count as high and performance ties as low, so an average\n"
      "item is 'concentrate-here'.");
  add_file_argument(*cmd, o->path, "survey");
  const quality::IpaOptions defaults;
  CLI::App* g = cmd->add_option_group("IPA");
  g->add_option("--performance-prefix", o->performance_prefix, "performance columns PREFIX<item id>")
      ->default_val("P");
  g->add_option("--importance-prefix", o->importance_prefix,
                "stated importance columns PREFIX<item id>")
      ->default_val("I");
  g->add_option("--importance", o->importance, "stated, or derived by correlation or regression")
      ->default_val(crmkit::name_of(defaults.importance))
      ->check(choices_of<quality::IpaImportance>());
  g->add_option("--crosshair", o->crosshair, "where the quadrants meet")
      ->default_val(crmkit::name_of(defaults.crosshair))
      ->check(choices_of<quality::IpaCrosshair>());
  g->add_option("--overall", o->overall, "overall-satisfaction column (derived importance)");
  add_survey_options(*cmd, o->survey, BundledInstrument::servqual);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
