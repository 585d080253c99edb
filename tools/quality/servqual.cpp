// crmkit servqual FILE: SERVQUAL gaps by dimension and item from a survey with expectation
// (E1..E22) and perception (P1..P22) columns; optionally the adequate level (A1..A22, the
// three-column format and the zone of tolerance) and 100-point importance weights
// (W_<dimension>, in FILE or in --weights FILE).
#include <algorithm>
#include <memory>
#include <regex>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/error.hpp"
#include "crmkit/quality/servqual.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;
using crmkit::Error;
using crmkit::ErrorCode;

struct ServqualCommand {
  std::string path, expect = "E", perceive = "P", adequate, weights;
  double confidence = quality::ServqualOptions{}.confidence;
  SurveyOptions survey;
  FormatOptions format;
};

// Weight columns are W_ + the dimension's name exactly as the instrument spells it.
std::vector<std::string> weight_columns(const quality::Instrument& instrument) {
  std::vector<std::string> columns;
  for (const quality::Dimension& d : instrument.dimensions) columns.push_back("W_" + d.name);
  return columns;
}

// The weights of every respondent (respondents x dimensions), from FILE or --weights FILE
// (matched to FILE's respondents row by row); empty when neither has weight columns. The
// source and lines say where a respondent's weights are, for messages.
struct Weights {
  std::vector<double> values;
  std::string source;
  std::vector<std::int64_t> line;
};

Weights read_weights(const ServqualCommand& o, const std::vector<std::string>& columns,
                     std::size_t respondents) {
  Input input(o.weights, o.survey.csv());
  const crmkit::io::SurveyTable table = crmkit::io::read_survey(input.reader(), columns);
  if (table.respondents != respondents)
    throw Error(ErrorCode::invalid_argument,
                input.name() + ": " + std::to_string(table.respondents) + " rows of weights; " +
                    o.path + " has " + std::to_string(respondents) +
                    " respondents (rows are matched in order)");
  return {table.values, input.name(), table.line};
}

// "respondent N: ..." from the core, restated at the file and line of respondent N.
Error at_line(const Error& e, const std::string& source, const std::vector<std::int64_t>& lines) {
  static const std::regex respondent(R"(respondent (\d+)(: |, ))");
  const std::string message = e.what();
  std::smatch m;
  if (std::regex_search(message, m, respondent)) {
    const std::size_t r = std::stoul(m[1].str());
    if (r < lines.size())
      return Error(e.code(), source + ":" + std::to_string(lines[r]) + ": " + m.prefix().str() +
                                 m.suffix().str());
  }
  return e;
}

nlohmann::ordered_json json_of(const quality::Estimate& e) {
  return {{"mean", json_number(e.mean)}, {"sd", json_number(e.sd)}, {"n", e.n},
          {"lower", json_number(e.lower)}, {"upper", json_number(e.upper)}};
}

nlohmann::ordered_json json_lines(const std::vector<std::string>& names,
                                  const std::vector<quality::ServqualLine>& lines,
                                  bool adequate) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const quality::ServqualLine& l = lines[i];
    nlohmann::ordered_json line = {{"name", names[i]},
                                   {"expected", json_of(l.expected)},
                                   {"perceived", json_of(l.perceived)},
                                   {"gap", json_of(l.gap)}};
    if (adequate) {
      line["adequate"] = json_of(l.adequate);
      line["msa"] = json_of(l.msa);
      line["mss"] = json_of(l.gap);
      line["zone"] = crmkit::name_of(l.zone);
    }
    out.push_back(line);
  }
  return out;
}

void table_lines(Sink& out, const std::string& what, const std::vector<std::string>& names,
                 const std::vector<quality::ServqualLine>& lines, bool adequate) {
  std::vector<std::string> columns = {what, "E", "P", "gap", "gap_sd", "gap_lower", "gap_upper", "n"};
  if (adequate) columns.insert(columns.end(), {"A", "MSA", "MSS", "zone"});
  Rows rows(out, Format::table, columns);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const quality::ServqualLine& l = lines[i];
    std::vector<Cell> cells = {names[i],
                               for_table(l.expected.mean),
                               for_table(l.perceived.mean),
                               for_table(l.gap.mean),
                               for_table(l.gap.sd),
                               for_table(l.gap.lower),
                               for_table(l.gap.upper),
                               static_cast<std::int64_t>(l.gap.n)};
    if (adequate)
      cells.insert(cells.end(), {for_table(l.adequate.mean), for_table(l.msa.mean),
                                 for_table(l.gap.mean), std::string(crmkit::name_of(l.zone))});
    rows.add(cells);
  }
  rows.finish();
}

void run(const ServqualCommand& o) {
  const quality::Instrument instrument = o.survey.instrument_in_use();
  const quality::MissingOptions missing = o.survey.missing_options();
  if (!(o.confidence > 0 && o.confidence < 1))
    throw UsageError("--confidence must lie strictly between 0 and 1");
  for (const std::string* p : {&o.expect, &o.perceive})
    if (p->empty()) throw UsageError("--expect-prefix and --perceive-prefix must not be empty");

  Input input(o.path, o.survey.csv());
  const std::vector<std::string> w_columns = weight_columns(instrument);
  const auto& header = input.reader().header();
  const std::size_t w_in_file = static_cast<std::size_t>(std::count_if(
      w_columns.begin(), w_columns.end(),
      [&](const std::string& c) { return std::find(header.begin(), header.end(), c) != header.end(); }));
  const bool weights_here = o.weights.empty() && w_in_file > 0;  // partial sets: the reader names the absent one
  std::vector<Prefix> prefixes = {{o.expect, true}, {o.perceive, true}};
  if (!o.adequate.empty()) prefixes.push_back({o.adequate, true});
  std::vector<double> weight_values;
  const SurveyAnswers answers =
      read_survey_answers(input.reader(), instrument, prefixes,
                          weights_here ? w_columns : std::vector<std::string>{}, &weight_values);
  Weights weights;
  if (weights_here) weights = {std::move(weight_values), answers.source, answers.line};
  else if (!o.weights.empty()) weights = read_weights(o, w_columns, answers.respondents);

  const std::size_t k = instrument.item_count();
  quality::ServqualSurvey survey{answers.view(0, k), answers.view(1, k),
                                 o.adequate.empty() ? quality::Answers{} : answers.view(2, k),
                                 weights.values.empty() ? nullptr : weights.values.data()};
  quality::ServqualResult r;
  try {
    r = quality::servqual(instrument, survey, {missing, o.confidence});
  } catch (const Error& e) {
    throw at_line(e, weights.source, weights.line);
  }

  std::vector<std::string> dimensions;
  for (const quality::Dimension& d : instrument.dimensions) dimensions.push_back(d.name);
  const std::vector<std::string> items = instrument.item_ids();
  const std::string n_items = std::to_string(items.size()), n_dims = std::to_string(dimensions.size());
  Sink& out = standard_output();
  if (o.format.json) {
    write_json(out, {{"instrument", instrument.name},
                     {"respondents", r.respondents},
                     {"respondents_used", r.respondents_used},
                     {"missing", crmkit::name_of(missing.policy)},
                     {"confidence", o.confidence},
                     {"dimensions", json_lines(dimensions, r.dimensions, r.has_adequate)},
                     {"items", json_lines(items, r.items, r.has_adequate)},
                     {"gap", {{"mean_of_items", json_number(r.gap.mean_of_items)},
                              {"mean_of_dimensions", json_number(r.gap.mean_of_dimensions)}}},
                     {"servperf", {{"mean_of_items", json_number(r.servperf.mean_of_items)},
                                   {"mean_of_dimensions", json_number(r.servperf.mean_of_dimensions)}}},
                     {"weighted_gap", r.has_weights ? json_of(r.weighted_gap) : nullptr}});
    return;
  }
  out.write(instrument.name + ": " + std::to_string(r.respondents) + " respondents, " +
            std::to_string(r.respondents_used) + " used (missing answers: " +
            crmkit::name_of(missing.policy) + "); gap = P - E, interval at " +
            number_text(100 * o.confidence) + "%; rounded to 4 decimals (--json: full)\n\n");
  table_lines(out, "dimension", dimensions, r.dimensions, r.has_adequate);
  out.write("\n");
  table_lines(out, "item", items, r.items, r.has_adequate);
  out.write("\n");
  Rows overall(out, Format::table, {"score", "value", "lower", "upper"});
  const auto line = [&](const std::string& score, double value, double lower = NAN,
                        double upper = NAN) {
    overall.add({score, for_table(value), for_table(lower), for_table(upper)});
  };
  line("gap, mean of " + n_items + " item gaps", r.gap.mean_of_items);
  line("gap, mean of " + n_dims + " dimension gaps", r.gap.mean_of_dimensions);
  if (r.has_weights)
    line("gap, weighted by 100-point importance", r.weighted_gap.mean, r.weighted_gap.lower,
         r.weighted_gap.upper);
  line("SERVPERF, mean of " + n_items + " items", r.servperf.mean_of_items);
  line("SERVPERF, mean of " + n_dims + " dimensions", r.servperf.mean_of_dimensions);
  overall.finish();
}

}  // namespace

void add_servqual(CLI::App& app) {
  auto o = std::make_shared<ServqualCommand>();
  CLI::App* cmd = app.add_subcommand("servqual", "SERVQUAL gaps P - E by dimension and item");
  cmd->footer(
      "FILE is a survey CSV, one row per respondent, with the columns <prefix><item id>:\n"
      "E1..E22 (expected / desired service) and P1..P22 (perceived) for the bundled SERVQUAL.\n"
      "Gaps are P - E; a dimension's gap is the mean of its item gaps; the overall score is\n"
      "given both as the mean of the item gaps and as the mean of the dimension gaps.\n\n"
      "--adequate-prefix A reads A1..A22 (the adequate level): MSA = P - A, MSS = P - E and\n"
      "each dimension and item below, within (boundaries included) or above the zone of\n"
      "tolerance.\n\n"
      "Importance weights: columns W_<dimension> spelled as the instrument names its\n"
      "dimensions (W_tangibles, W_reliability, W_responsiveness, W_assurance, W_empathy), each\n"
      "respondent's 100 points; read from FILE when present there, or from --weights FILE\n"
      "(matched to FILE's respondents row by row; it takes precedence over FILE's columns).\n"
      "A row left blank gives no weighted score.");
  add_file_argument(*cmd, o->path, "survey");
  CLI::App* g = cmd->add_option_group("SERVQUAL");
  g->add_option("--expect-prefix", o->expect, "column prefix of the expectation answers")
      ->default_val(o->expect);
  g->add_option("--perceive-prefix", o->perceive, "column prefix of the perception answers")
      ->default_val(o->perceive);
  g->add_option("--adequate-prefix", o->adequate,
                "column prefix of the adequate-level answers (three-column format)");
  g->add_option("--weights", o->weights,
                "CSV with the W_<dimension> importance columns, one row per respondent of FILE");
  g->add_option("--confidence", o->confidence, "confidence level of the intervals")
      ->default_val(o->confidence);
  add_survey_options(*cmd, o->survey, BundledInstrument::servqual);
  add_format_options(*cmd, o->format, false);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
