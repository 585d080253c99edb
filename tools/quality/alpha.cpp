// crmkit alpha FILE: Cronbach's alpha (raw and standardised), alpha if an item is deleted and
// corrected item-total correlations, for named columns (--items) or for every dimension of
// an instrument (--prefix).
#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/error.hpp"
#include "crmkit/quality/reliability.hpp"
#include "quality/item_terms.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;

struct AlphaCommand {
  std::string path, prefix;
  std::vector<std::string> items, reverse;
  SurveyOptions survey;
  FormatOptions format;
};

// One scale whose reliability is reported: a dimension, or the --items columns.
struct ScaleResult {
  std::string name;
  std::vector<std::string> items;
  quality::ReliabilityResult result;
  bool computable = true;  // false: fewer than 2 items
};

quality::ReliabilityOptions reliability_options(const quality::MissingOptions& missing) {
  quality::ReliabilityOptions o;
  o.missing = missing.policy == quality::MissingPolicy::pairwise ? quality::MissingPolicy::pairwise
                                                                  : quality::MissingPolicy::listwise;
  return o;
}

// Columns [first, last) of a respondents x width matrix, as a matrix of their own.
std::vector<double> columns(const std::vector<double>& m, std::size_t width, std::size_t first,
                            std::size_t last) {
  std::vector<double> out;
  const std::size_t rows = width ? m.size() / width : 0;
  out.reserve(rows * (last - first));
  for (std::size_t r = 0; r < rows; ++r)
    out.insert(out.end(), m.begin() + static_cast<std::ptrdiff_t>(r * width + first),
               m.begin() + static_cast<std::ptrdiff_t>(r * width + last));
  return out;
}

// `where`: the file, for messages.
ScaleResult measure(std::string name, std::vector<std::string> items,
                    const std::vector<double>& values, const quality::ReliabilityOptions& options,
                    const std::string& where) {
  ScaleResult s{std::move(name), std::move(items), {}, true};
  if (s.items.size() < 2) {
    s.computable = false;
    return s;
  }
  s.result = with_item_terms({"column", s.items}, where + ": " + s.name, [&] {
    return quality::reliability({values.data(), values.size() / s.items.size(), s.items.size()},
                                options);
  });
  return s;
}

std::vector<ScaleResult> named_items(const AlphaCommand& o, Input& input) {
  if (!o.survey.instrument.empty() || !o.survey.servqual_version.empty() || !o.prefix.empty())
    throw UsageError("--items names the columns itself: --instrument, --servqual-version and "
                     "--prefix do not apply");
  const quality::MissingOptions missing = o.survey.missing_options();
  if (missing.policy == quality::MissingPolicy::dimension_mean)
    throw UsageError("--missing dimension-mean needs an instrument's dimensions (--prefix); "
                     "with --items use listwise or pairwise");
  if (!o.reverse.empty() && o.survey.scale.empty())
    throw UsageError("--reverse needs --scale MIN-MAX (a reversed answer is min + max - answer)");
  std::vector<std::size_t> reversed;
  for (const std::string& column : o.reverse) {
    const auto at = std::find(o.items.begin(), o.items.end(), column);
    if (at == o.items.end()) throw UsageError("--reverse " + column + ": not one of the --items columns");
    reversed.push_back(static_cast<std::size_t>(at - o.items.begin()));
  }
  quality::Scale scale;
  if (!o.survey.scale.empty()) {
    try {
      scale = quality::parse_scale(o.survey.scale);
    } catch (const crmkit::Error& e) {
      throw UsageError(std::string("--scale: ") + e.what());
    }
  }
  crmkit::io::SurveyTable t = crmkit::io::read_survey(input.reader(), o.items);
  const std::size_t k = o.items.size();
  if (!o.survey.scale.empty()) {
    if (const auto off = quality::first_answer_off_scale(scale, {t.values.data(), t.respondents, k})) {
      std::ostringstream text;
      text << input.name() << ":" << t.line[off->respondent] << ": column " << o.items[off->item]
           << ": answer " << t.values[off->respondent * k + off->item] << " is outside the scale "
           << o.survey.scale;
      throw crmkit::Error(crmkit::ErrorCode::invalid_argument, text.str());
    }
    for (std::size_t i : reversed)
      for (std::size_t r = 0; r < t.respondents; ++r) t.values[r * k + i] = scale.reverse(t.values[r * k + i]);
  }
  return {measure("items", o.items, t.values, reliability_options(missing), input.name())};
}

std::vector<ScaleResult> dimensions(const AlphaCommand& o, Input& input) {
  if (!o.reverse.empty())
    throw UsageError("--reverse applies to --items; an instrument marks its reverse-coded items");
  const quality::Instrument instrument = o.survey.instrument_in_use();
  const quality::MissingOptions missing = o.survey.missing_options();
  const SurveyAnswers a = read_survey_answers(input.reader(), instrument, {{o.prefix, true}});
  const std::size_t k = instrument.item_count();
  const quality::ScoredAnswers scored = quality::score_answers(instrument, a.view(0, k), missing);
  std::vector<ScaleResult> scales;
  for (std::size_t d = 0; d < instrument.dimensions.size(); ++d) {
    std::vector<std::string> ids;
    for (const quality::Item& item : instrument.dimensions[d].items) ids.push_back(o.prefix + item.id);
    scales.push_back(measure(instrument.dimensions[d].name, ids,
                             columns(scored.values, k, instrument.first_item(d),
                                     instrument.first_item(d + 1)),
                             reliability_options(missing), input.name()));
  }
  return scales;
}

void run(const AlphaCommand& o) {
  if (o.items.empty() == o.prefix.empty())
    throw UsageError("give either --items COLS (one scale of named columns) or --prefix P "
                     "(every dimension of the instrument, columns P<item id>)");
  Input input(o.path, o.survey.csv());
  const std::vector<ScaleResult> scales = o.items.empty() ? dimensions(o, input) : named_items(o, input);
  Sink& out = standard_output();
  const auto figure = [](const ScaleResult& s, double v) { return s.computable ? v : NAN; };

  if (o.format.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const ScaleResult& s : scales) {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      for (std::size_t i = 0; s.computable && i < s.items.size(); ++i)
        items.push_back({{"item", s.items[i]},
                         {"mean", json_number(s.result.item_mean[i])},
                         {"variance", json_number(s.result.item_variance[i])},
                         {"item_total_correlation", json_number(s.result.item_total_correlation[i])},
                         {"alpha_if_deleted", json_number(s.result.alpha_if_deleted[i])}});
      list.push_back({{"scale", s.name},
                      {"items", s.items.size()},
                      {"respondents", s.result.respondents},
                      {"alpha_raw", json_number(figure(s, s.result.alpha_raw))},
                      {"alpha_standardised", json_number(figure(s, s.result.alpha_standardised))},
                      {"mean_correlation", json_number(figure(s, s.result.mean_correlation))},
                      {"item", items}});
    }
    write_json(out, {{"missing", crmkit::name_of(reliability_options(o.survey.missing_options()).missing)},
                     {"scales", list}});
    return;
  }
  const auto item_rows = [&](Format format) {
    Rows rows(out, format, {"scale", "item", "mean", "variance", "item_total_correlation",
                            "alpha_if_deleted"});
    for (const ScaleResult& s : scales)
      for (std::size_t i = 0; s.computable && i < s.items.size(); ++i)
        rows.add({s.name, s.items[i], s.result.item_mean[i], s.result.item_variance[i],
                  s.result.item_total_correlation[i], s.result.alpha_if_deleted[i]});
    rows.finish();
  };
  if (o.format.csv) {
    item_rows(Format::csv);
    return;
  }
  Rows summary(out, Format::table, {"scale", "items", "respondents", "alpha_raw",
                                    "alpha_standardised", "mean_correlation"});
  for (const ScaleResult& s : scales)
    summary.add({s.name, static_cast<std::int64_t>(s.items.size()),
                 static_cast<std::int64_t>(s.result.respondents), figure(s, s.result.alpha_raw),
                 figure(s, s.result.alpha_standardised), figure(s, s.result.mean_correlation)});
  summary.finish();
  out.write("\n");
  item_rows(Format::table);
}

}  // namespace

void add_alpha(CLI::App& app) {
  auto o = std::make_shared<AlphaCommand>();
  CLI::App* cmd = app.add_subcommand(
      "alpha", "Cronbach's alpha, alpha if item deleted, corrected item-total correlations");
  cmd->footer(
      "FILE is a survey CSV, one row per respondent. Either\n"
      "  --items COLS: one scale made of the named columns (e.g. IMAG1,IMAG2,IMAG3);\n"
      "    --scale MIN-MAX checks the answers and --reverse COLS reverses those columns; or\n"
      "  --prefix P: every dimension of the instrument (SERVQUAL unless --instrument), read\n"
      "    from the columns P<item id> (P1..P22), reverse-coded items reversed.\n"
      "alpha_raw uses the covariances, alpha_standardised the correlations. --missing listwise\n"
      "uses complete answers only, pairwise each covariance's answered pairs (psych::alpha's\n"
      "default); dimension-mean fills answers in first (--prefix only), then listwise.\n"
      "A scale of one item has no alpha (empty, null in JSON).");
  add_file_argument(*cmd, o->path, "survey");
  CLI::App* g = cmd->add_option_group("Alpha");
  g->add_option("--items", o->items, "the columns of one scale, comma-separated")->delimiter(',');
  g->add_option("--prefix", o->prefix, "the instrument's answer columns are PREFIX<item id>");
  g->add_option("--reverse", o->reverse, "--items columns to reverse (needs --scale)")->delimiter(',');
  add_survey_options(*cmd, o->survey, BundledInstrument::servqual);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
