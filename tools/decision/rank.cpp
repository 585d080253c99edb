// crmkit rank DECISION.csv: ranks alternatives on weighted criteria (WSM, WPM, WASPAS,
// TOPSIS, VIKOR, PROMETHEE II), optionally with the sensitivity of the choice.
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/decision/sensitivity.hpp"
#include "decision/files.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
using crmkit::Error;
using json = nlohmann::ordered_json;

struct RankCommand {
  std::string path, method, normalization;
  std::vector<double> weights;
  std::vector<std::string> cost, preferences;
  decision::RankOptions options;
  bool sensitivity = false;
  decision::MonteCarloOptions monte_carlo;
  FormatOptions format;
};

// A core error restated in the file's terms: an alternative's line, or the header's line 1
// for a criterion (a column).
Error in_file_terms(const Error& e, const DecisionFile& f) {
  static const std::regex named(R"(alternative '([^']*)')"), numbered(R"(alternative (\d+) \(0-based\))");
  const std::string message = e.what();
  std::smatch m;
  std::int64_t line = 0;
  if (std::regex_search(message, m, named)) {
    const auto& names = f.matrix.alternative_names;
    for (std::size_t i = names.size(); i-- > 0;)  // the last: a repeated name's second line
      if (names[i] == m[1].str()) {
        line = f.lines[i];
        break;
      }
  } else if (std::regex_search(message, m, numbered)) {
    const std::size_t i = std::stoul(m[1].str());
    if (i < f.lines.size()) line = f.lines[i];
  } else if (message.find("criterion '") != std::string::npos) {
    line = 1;
  }
  return Error(e.code(), f.name + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message);
}

std::size_t criterion_index(const DecisionFile& f, const std::string& name, const char* option) {
  const auto& names = f.matrix.criterion_names;
  for (std::size_t j = 0; j < names.size(); ++j)
    if (names[j] == name) return j;
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  throw UsageError(std::string(option) + ": no criterion '" + name + "' in " + f.name + " (criteria: " + list + ")");
}

// --preference COLUMN=FUNCTION[:T1[:T2]]: the thresholds each function takes, in order.
void apply_preference(const DecisionFile& f, const std::string& text, std::vector<decision::PreferenceCriterion>& out) {
  const auto eq = text.find('=');
  if (eq == std::string::npos)
    throw UsageError("--preference " + text + ": expected COLUMN=FUNCTION[:T1[:T2]], e.g. price=linear:5:20");
  decision::PreferenceCriterion& c = out[criterion_index(f, text.substr(0, eq), "--preference")];
  std::stringstream rest(text.substr(eq + 1));
  std::string function, number;
  std::getline(rest, function, ':');
  try {
    c.function = crmkit::parse_enum<decision::PreferenceFunction>(function);
  } catch (const Error& e) {
    throw UsageError(std::string("--preference: ") + e.what());
  }
  using PF = decision::PreferenceFunction;
  std::vector<double*> slots;
  if (c.function == PF::u_shape) slots = {&c.q};
  if (c.function == PF::v_shape) slots = {&c.p};
  if (c.function == PF::level || c.function == PF::linear) slots = {&c.q, &c.p};
  if (c.function == PF::gaussian) slots = {&c.s};
  std::size_t given = 0;
  while (std::getline(rest, number, ':')) {
    if (given == slots.size())
      throw UsageError("--preference " + text + ": " + function + " takes " + std::to_string(slots.size()) + " thresholds");
    try {
      std::size_t used = 0;
      *slots[given++] = std::stod(number, &used);
      if (used != number.size()) throw std::invalid_argument(number);
    } catch (const std::exception&) {
      throw UsageError("--preference " + text + ": '" + number + "' is not a number");
    }
  }
  if (given != slots.size())
    throw UsageError("--preference " + text + ": " + function + " takes " + std::to_string(slots.size()) +
                     " thresholds (u-shape q, v-shape p, level and linear q:p, gaussian s)");
}

// The score columns of each method, as (JSON key, values).
std::vector<std::pair<std::string, const std::vector<double>*>> score_columns(const decision::RankResult& r) {
  switch (r.method) {
    case decision::RankMethod::waspas: return {{"wsm", &r.wsm}, {"wpm", &r.wpm}, {"score", &r.scores}};
    case decision::RankMethod::topsis:
      return {{"distance_best", &r.distance_best}, {"distance_worst", &r.distance_worst}, {"closeness", &r.scores}};
    case decision::RankMethod::vikor: return {{"S", &r.vikor_s}, {"R", &r.vikor_r}, {"Q", &r.scores}};
    case decision::RankMethod::promethee:
      return {{"phi_plus", &r.phi_plus}, {"phi_minus", &r.phi_minus}, {"phi", &r.scores}};
    default: return {{"score", &r.scores}};
  }
}

void run(RankCommand& o) {
  if (o.sensitivity && o.format.csv)
    throw UsageError("--sensitivity prints several tables: use the default table output or --json");
  const DecisionFile f = read_decision(o.path);
  decision::DecisionMatrix m = f.matrix;
  m.directions.assign(m.criteria, decision::Direction::benefit);
  for (const std::string& c : o.cost) m.directions[criterion_index(f, c, "--cost")] = decision::Direction::cost;
  o.options.method = crmkit::parse_enum<decision::RankMethod>(o.method);
  o.options.normalization = crmkit::parse_enum<decision::Normalization>(o.normalization);
  if (!o.preferences.empty()) {
    if (o.options.method != decision::RankMethod::promethee)
      throw UsageError("--preference applies to --method promethee");
    o.options.preferences.resize(m.criteria);
    for (const std::string& p : o.preferences) apply_preference(f, p, o.options.preferences);
  }
  try {
    decision::validate(m);
  } catch (const Error& e) {
    throw in_file_terms(e, f);
  }
  // Weights and method options come from the command line: their errors exit 2.
  try {
    decision::validate_weights(m, o.weights);
  } catch (const Error& e) {
    throw UsageError(std::string("--weights: ") + e.what());
  }
  try {
    decision::validate_options(m, o.options);
  } catch (const Error& e) {
    throw UsageError(e.what());
  }

  decision::RankResult r;
  decision::WeightSensitivity ws;
  decision::RankAcceptability ra;
  try {
    r = decision::rank(m, o.weights, o.options);
    if (o.sensitivity) {
      ws = decision::weight_sensitivity(m, o.weights, o.options);
      ra = decision::rank_acceptability(m, o.weights, o.options, o.monte_carlo);
    }
  } catch (const Error& e) {
    throw in_file_terms(e, f);
  }

  const auto columns = score_columns(r);
  const bool vikor = r.method == decision::RankMethod::vikor;
  std::vector<bool> in_compromise(m.alternatives, false);
  for (std::size_t i : r.compromise) in_compromise[i] = true;
  Sink& out = standard_output();
  if (o.format.json) {
    json doc = {{"method", crmkit::name_of(r.method)}};
    if (r.normalization != decision::Normalization::automatic)
      doc["normalization"] = crmkit::name_of(r.normalization);
    json weights = json::object(), alternatives = json::array();
    for (std::size_t j = 0; j < m.criteria; ++j) weights[m.criterion_names[j]] = json_number(o.weights[j]);
    doc["weights"] = weights;
    for (std::size_t i = 0; i < m.alternatives; ++i) {
      json a = {{"alternative", m.alternative_names[i]}};
      for (const auto& [key, values] : columns) a[key] = json_number((*values)[i]);
      a["rank"] = r.ranks[i];
      if (vikor) a["compromise"] = bool(in_compromise[i]);
      alternatives.push_back(a);
    }
    doc["alternatives"] = alternatives;
    if (vikor) {
      json set = json::array();
      for (std::size_t i : r.compromise) set.push_back(m.alternative_names[i]);
      doc["acceptable_advantage"] = r.acceptable_advantage;
      doc["acceptable_stability"] = r.acceptable_stability;
      doc["compromise"] = set;
    }
    if (o.sensitivity) {
      json intervals = json::array(), acceptability = json::array();
      for (std::size_t j = 0; j < m.criteria; ++j) {
        const decision::WeightInterval& iv = ws.criteria[j];
        intervals.push_back({{"criterion", m.criterion_names[j]}, {"weight", json_number(iv.weight)},
                             {"top_low", json_number(iv.top_low)}, {"top_high", json_number(iv.top_high)},
                             {"ranking_low", json_number(iv.ranking_low)},
                             {"ranking_high", json_number(iv.ranking_high)}});
      }
      for (std::size_t i = 0; i < m.alternatives; ++i) {
        json shares = json::array(), central = json::object();
        for (std::size_t k = 1; k <= m.alternatives; ++k) shares.push_back(json_number(ra.share(i, k)));
        for (std::size_t j = 0; j < m.criteria; ++j)
          central[m.criterion_names[j]] = json_number(ra.central_weights[i * m.criteria + j]);
        acceptability.push_back({{"alternative", m.alternative_names[i]}, {"ranks", shares}, {"central_weights", central}});
      }
      json flip = nullptr;
      if (ws.has_flip)
        flip = {{"criterion", m.criterion_names[ws.flip_criterion]}, {"weight", json_number(ws.flip_weight)},
                {"change", json_number(ws.flip_change)}, {"winner", m.alternative_names[ws.flip_winner]}};
      doc["sensitivity"] = {{"exact", ws.exact}, {"weight_intervals", intervals}, {"smallest_flip", flip},
                            {"draws", ra.draws}, {"seed", o.monte_carlo.seed},
                            {"distribution", crmkit::name_of(o.monte_carlo.distribution)},
                            {"rank_acceptability", acceptability}};
    }
    write_json(out, doc);
    return;
  }

  std::vector<std::string> header = {"alternative"};
  for (const auto& c : columns) header.push_back(c.first);
  header.push_back("rank");
  if (vikor) header.push_back("compromise");
  {
    Rows table(out, o.format.small(), header);
    for (std::size_t i = 0; i < m.alternatives; ++i) {
      std::vector<Cell> row = {m.alternative_names[i]};
      for (const auto& c : columns) row.push_back((*c.second)[i]);
      row.push_back(static_cast<std::int64_t>(r.ranks[i]));
      if (vikor) row.push_back(std::string(in_compromise[i] ? "yes" : "no"));
      table.add(row);
    }
    table.finish();
  }
  if (!o.sensitivity) return;
  out.write(std::string("\nweight intervals (") + (ws.exact ? "exact" : "numeric search") +
            "; the other weights rescaled proportionally)\n");
  {
    Rows table(out, Format::table, {"criterion", "weight", "top_low", "top_high", "ranking_low", "ranking_high"});
    for (std::size_t j = 0; j < m.criteria; ++j) {
      const decision::WeightInterval& iv = ws.criteria[j];
      table.add({m.criterion_names[j], iv.weight, iv.top_low, iv.top_high, iv.ranking_low, iv.ranking_high});
    }
    table.finish();
  }
  if (ws.has_flip)
    out.write("smallest change that flips the winner: " + m.criterion_names[ws.flip_criterion] + " from " +
              number_text(o.weights[ws.flip_criterion]) + " to " + number_text(ws.flip_weight) + " puts " +
              m.alternative_names[ws.flip_winner] + " first\n");
  else
    out.write("no single weight change flips the winner\n");
  out.write("\nrank acceptability (" + std::to_string(ra.draws) + " " + crmkit::name_of(o.monte_carlo.distribution) +
            " weight draws, seed " + std::to_string(o.monte_carlo.seed) + "): share of draws at each rank\n");
  std::vector<std::string> ranks = {"alternative"};
  for (std::size_t k = 1; k <= m.alternatives; ++k) ranks.push_back("rank_" + std::to_string(k));
  Rows table(out, Format::table, ranks);
  for (std::size_t i = 0; i < m.alternatives; ++i) {
    std::vector<Cell> row = {m.alternative_names[i]};
    for (std::size_t k = 1; k <= m.alternatives; ++k) row.push_back(ra.share(i, k));
    table.add(row);
  }
  table.finish();
}

}  // namespace

void add_rank(CLI::App& app) {
  auto o = std::make_shared<RankCommand>();
  CLI::App* cmd = app.add_subcommand("rank", "rank alternatives on weighted criteria (TOPSIS, VIKOR, PROMETHEE, ...)");
  cmd->footer(
      "DECISION.csv has a header; its first column names the alternatives, every other column\n"
      "is a criterion (more is better unless listed in --cost). --weights gives one weight per\n"
      "criterion in column order, >= 0, summing to 1. Scores: wsm/wpm/waspas score, topsis\n"
      "closeness, vikor S, R and Q (lower Q is better), promethee phi+, phi- and phi. Equal\n"
      "scores share a rank. --sensitivity adds each criterion's weight interval keeping the top\n"
      "choice and the ranking, the smallest weight change that flips the winner, and the rank\n"
      "acceptability of seeded random weights.");
  add_file_argument(*cmd, o->path, "decision matrix CSV");
  const decision::RankOptions defaults;
  const decision::MonteCarloOptions mc;
  CLI::App* g = cmd->add_option_group("Ranking");
  g->add_option("--method", o->method, "ranking method")
      ->default_val(crmkit::name_of(defaults.method))
      ->check(choices_of<decision::RankMethod>());
  g->add_option("--weights", o->weights, "one weight per criterion, comma-separated")->delimiter(',')->required();
  g->add_option("--cost", o->cost, "criteria where less is better, comma-separated")->delimiter(',');
  g->add_option("--normalization", o->normalization,
                "auto: the method's own (max for wsm/wpm/waspas, vector for topsis)")
      ->default_val(crmkit::name_of(defaults.normalization))
      ->check(choices_of<decision::Normalization>());
  g->add_option("--lambda", o->options.waspas_lambda, "WASPAS: weight of the weighted sum, 0..1")
      ->default_val(defaults.waspas_lambda);
  g->add_option("--vikor-v", o->options.vikor_v, "VIKOR: weight of group utility S against regret R, 0..1")
      ->default_val(defaults.vikor_v);
  g->add_option("--preference", o->preferences,
                "PROMETHEE: COLUMN=FUNCTION[:T1[:T2]] (usual, u-shape:q, v-shape:p, level:q:p, "
                "linear:q:p, gaussian:s; default usual)");
  CLI::App* s = cmd->add_option_group("Sensitivity");
  s->add_flag("--sensitivity", o->sensitivity, "add weight intervals, the smallest flip and rank acceptability");
  s->add_option("--draws", o->monte_carlo.draws, "Monte Carlo weight draws")
      ->default_val(mc.draws)
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}));
  s->add_option("--seed", o->monte_carlo.seed, "seed of the weight draws")->default_val(mc.seed);
  s->add_option("--concentration", o->monte_carlo.concentration,
                "Dirichlet concentration c around the weights (larger: closer)")
      ->default_val(mc.concentration);
  s->add_flag_function(
      "--uniform", [o](std::int64_t) { o->monte_carlo.distribution = decision::WeightDistribution::uniform; },
      "draw weights uniformly on the simplex instead (no weight information)");
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
