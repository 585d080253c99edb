// crmkit pls FILE --model ecsi|acsi|SPEC_FILE: a satisfaction index model by PLS path
// modelling (path coefficients, R^2, weights, loadings, reliability, 0-100 index, IPMA),
// with optional bootstrap standard errors and intervals.
#include <algorithm>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/progress.hpp"
#include "crmkit/io/survey.hpp"
#include "crmkit/quality/pls.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;

// "MIN-MAX" as --scale takes it, for the default shown in --help.
std::string scale_text(const quality::Scale& s) {
  const auto text = [](double v) {
    std::string t = std::to_string(v);
    t.erase(t.find_last_not_of('0') + 1);
    if (t.back() == '.') t.pop_back();
    return t;
  };
  return text(s.min) + "-" + text(s.max);
}

struct PlsCommand {
  std::string path, model = "ecsi", scale = scale_text(quality::PlsOptions{}.scale),
              delimiter = delimiter_name(crmkit::io::CsvOptions{}.delimiter);
  quality::PlsOptions options;
  std::string scheme = crmkit::name_of(quality::PlsOptions{}.scheme);
  std::string index = crmkit::name_of(quality::PlsOptions{}.index);
  quality::PlsBootstrapOptions bootstrap = [] {
    quality::PlsBootstrapOptions b;
    b.resamples = 0;  // the command bootstraps only when asked
    return b;
  }();
  FormatOptions format;
};

nlohmann::ordered_json estimate_json(const quality::PlsEstimate& e) {
  return {{"std_error", json_number(e.std_error)}, {"t", json_number(e.t)},
          {"lower", json_number(e.lower)},         {"upper", json_number(e.upper)},
          {"bca_lower", json_number(e.bca_lower)}, {"bca_upper", json_number(e.bca_upper)}};
}

void run(PlsCommand& o) {
  o.options.scheme = crmkit::parse_enum<quality::PlsScheme>(o.scheme);
  o.options.index = crmkit::parse_enum<quality::PlsIndexMethod>(o.index);
  try {
    o.options.scale = quality::parse_scale(o.scale);
  } catch (const crmkit::Error& e) {
    throw UsageError(std::string("--scale: ") + e.what());
  }
  const quality::PlsSpec spec = quality::pls_spec(o.model);
  crmkit::io::CsvOptions csv;
  csv.delimiter = parse_delimiter(o.delimiter);
  Input input(o.path, csv);
  const std::vector<std::string> columns = input.reader().header();
  const crmkit::io::SurveyTable t = crmkit::io::read_survey(input.reader(), columns);
  const quality::PlsData data{{t.values.data(), t.respondents, columns.size()}, columns};
  const quality::PlsResult r = quality::pls_fit(spec, data, o.options);
  quality::PlsBootstrap boot;
  if (o.bootstrap.resamples > 0) {
    Progress progress("bootstrap, " + std::to_string(o.bootstrap.resamples) + " resamples");
    boot = quality::pls_bootstrap(spec, data, o.options, o.bootstrap);
  }
  const bool booted = o.bootstrap.resamples > 0;
  const std::size_t L = r.latent.size();
  Sink& out = standard_output();

  if (o.format.json) {
    // Path coefficients keyed "From->To", as path models name them; their bootstrap
    // estimates under the same keys.
    nlohmann::ordered_json paths = nlohmann::ordered_json::object(), path_bootstrap = nlohmann::ordered_json::object();
    nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
    for (std::size_t p = 0; p < spec.paths.size(); ++p) {
      const std::string key = spec.paths[p].from + "->" + spec.paths[p].to;
      paths[key] = json_number(r.path_coefficient[p]);
      if (booted) path_bootstrap[key] = estimate_json(boot.paths[p]);
    }
    for (std::size_t b = 0; b < L; ++b) {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < r.indicator.size(); ++i) {
        if (r.block_of[i] != b) continue;
        nlohmann::ordered_json j = {{"indicator", r.indicator[i]}, {"weight", json_number(r.weights[i])},
                                    {"loading", json_number(r.loadings[i])},
                                    {"index_weight", json_number(r.index_weights[i])}};
        if (booted) {
          j["weight_bootstrap"] = estimate_json(boot.weights[i]);
          j["loading_bootstrap"] = estimate_json(boot.loadings[i]);
        }
        items.push_back(j);
      }
      nlohmann::ordered_json htmt = nlohmann::ordered_json::object();
      for (std::size_t c = 0; c < L; ++c)
        if (c != b) htmt[r.latent[c]] = json_number(r.htmt[b * L + c]);
      blocks.push_back({{"name", r.latent[b]},
                        {"mode", crmkit::name_of(spec.blocks[b].mode)},
                        {"r2", json_number(r.r2[b])},
                        {"r2_adjusted", json_number(r.r2_adjusted[b])},
                        {"alpha_raw", json_number(r.alpha_raw[b])},
                        {"alpha_standardised", json_number(r.alpha_standardised[b])},
                        {"rho_c", json_number(r.rho_c[b])},
                        {"rho_a", json_number(r.rho_a[b])},
                        {"ave", json_number(r.ave[b])},
                        {"index", json_number(r.index_mean[b])},
                        {"ipma_importance", json_number(r.ipma_importance[b])},
                        {"total_effect_on_target", json_number(b == r.ipma_target ? NAN : r.total_effects[b * L + r.ipma_target])},
                        {"htmt", htmt},
                        {"indicators", items}});
    }
    nlohmann::ordered_json vif = nlohmann::ordered_json::array();
    for (const quality::PlsPath& p : spec.paths) {
      const auto at = [&](const std::string& n) { return std::size_t(std::find(r.latent.begin(), r.latent.end(), n) - r.latent.begin()); };
      vif.push_back({{"from", p.from}, {"to", p.to}, {"vif", json_number(r.vif[at(p.from) * L + at(p.to)])}});
    }
    nlohmann::ordered_json doc = {{"model", o.model},
                                  {"scheme", crmkit::name_of(o.options.scheme)},
                                  {"index_method", crmkit::name_of(o.options.index)},
                                  {"respondents", r.respondents},
                                  {"iterations", r.iterations},
                                  {"gof", json_number(r.gof)},
                                  {"ipma_target", r.latent[r.ipma_target]},
                                  {"paths", paths},
                                  {"path_bootstrap", booted ? path_bootstrap : nlohmann::ordered_json(nullptr)},
                                  {"inner_vif", vif},
                                  {"blocks", blocks}};
    if (booted) {
      doc["bootstrap"] = {{"resamples", boot.resamples}, {"seed", o.bootstrap.seed}, {"level", o.bootstrap.level}};
    }
    write_json(out, doc);
    return;
  }
  std::vector<std::string> heads = {"from", "to", "coefficient"};
  if (booted) heads.insert(heads.end(), {"std_error", "t", "lower", "upper", "bca_lower", "bca_upper"});
  Rows paths(out, o.format.small(), heads);
  for (std::size_t p = 0; p < spec.paths.size(); ++p) {
    // Tables round to 4 decimals (for_table); CSV keeps full precision.
    const auto cell = [&](double v) { return o.format.csv ? v : for_table(v); };
    std::vector<Cell> row = {spec.paths[p].from, spec.paths[p].to, cell(r.path_coefficient[p])};
    if (booted) {
      const quality::PlsEstimate& e = boot.paths[p];
      for (double v : {e.std_error, e.t, e.lower, e.upper, e.bca_lower, e.bca_upper}) row.push_back(cell(v));
    }
    paths.add(row);
  }
  paths.finish();
  if (o.format.csv) return;
  out.write("\n");
  Rows blocks(out, Format::table, {"block", "r2", "r2_adjusted", "alpha", "alpha_std", "rho_c", "rho_a", "ave",
                                   "index", "ipma_importance"});
  for (std::size_t b = 0; b < L; ++b)
  {
    std::vector<Cell> row = {r.latent[b]};
    for (double v : {r.r2[b], r.r2_adjusted[b], r.alpha_raw[b], r.alpha_standardised[b], r.rho_c[b], r.rho_a[b],
                     r.ave[b], r.index_mean[b], r.ipma_importance[b]})
      row.push_back(for_table(v));
    blocks.add(row);
  }
  blocks.finish();
  out.write("\nGoF " + std::to_string(r.gof) + "; IPMA target " + r.latent[r.ipma_target] + "; index method " +
            crmkit::name_of(o.options.index) + "; " + std::to_string(r.iterations) + " iterations\n");
}

}  // namespace

void add_pls(CLI::App& app) {
  auto o = std::make_shared<PlsCommand>();
  CLI::App* cmd = app.add_subcommand("pls", "Satisfaction index model by PLS path modelling (ECSI, ACSI, own)");
  cmd->footer(
      "FILE is a survey CSV with a header, one row per respondent, complete answers.\n"
      "--model ecsi|acsi uses the bundled structures on the columns of data/ecsi_mobi;\n"
      "otherwise a model file (README, \"PLS model files\"): lines 'block NAME [A|B]: COL, ...'\n"
      "and 'path FROM -> TO, ...'. The index is 0-100 on --scale; fornell (the ACSI method)\n"
      "applies unstandardised weights normalised to sum 1 to the raw answers. --bootstrap N\n"
      "adds standard errors, t values, percentile and BCa intervals (both cores).");
  add_file_argument(*cmd, o->path, "survey");
  CLI::App* g = cmd->add_option_group("PLS");
  g->add_option("--model", o->model, "ecsi, acsi or a model file")->capture_default_str();
  g->add_option("--scheme", o->scheme, "inner weighting scheme")
      ->check(choices_of<quality::PlsScheme>())->capture_default_str();
  g->add_option("--index", o->index, "0-100 index method")
      ->check(choices_of<quality::PlsIndexMethod>())->capture_default_str();
  g->add_option("--scale", o->scale, "answer scale MIN-MAX for the index")->capture_default_str();
  g->add_option("--target", o->options.ipma_target, "IPMA target block (default: the last block)");
  g->add_option("--tolerance", o->options.tolerance, "largest outer-weight change to stop at")
      ->check(CLI::PositiveNumber)->capture_default_str();
  g->add_option("--max-iterations", o->options.max_iterations, "iteration limit")
      ->check(CLI::PositiveNumber)->capture_default_str();
  g->add_option("--bootstrap", o->bootstrap.resamples, "bootstrap resamples (0: none)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
  g->add_option("--seed", o->bootstrap.seed, "bootstrap seed")->capture_default_str();
  g->add_option("--level", o->bootstrap.level, "confidence level of the intervals")
      ->check(CLI::Range(0.0, 1.0).description("in (0, 1)"))->capture_default_str();
  g->add_option("--delimiter", o->delimiter, "one character, tab, whitespace or auto")->capture_default_str();
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
