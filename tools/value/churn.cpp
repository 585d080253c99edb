// crmkit churn fit FILE: an L2 logistic churn model (coefficients by feature, standard
// errors, odds ratios, metrics, lift); crmkit churn score FILE: churn probability per
// customer from a saved model. FILE is any CSV with the feature (and label) columns.
#include <memory>
#include <nlohmann/json.hpp>

#include "common/progress.hpp"
#include "crmkit/value/churn.hpp"
#include "value/mining.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

struct FitCommand {
  std::string path, label, features, save;
  LogOptions log;
  FormatOptions format;
  ScalingArgs scaling;
  value::ChurnOptions churn;
};

struct ScoreCommand {
  std::string path, model_file;
  LogOptions log;
  FormatOptions format;
};

void print_fit(const value::ChurnFit& f, Format format) {
  const value::ChurnMetrics& m = f.metrics;
  const std::pair<const char*, double> metrics[] = {
      {"customers", static_cast<double>(m.customers)}, {"churn_rate", m.churn_rate},
      {"log_loss", m.log_loss}, {"auc", m.auc}, {"threshold", m.threshold},
      {"precision", m.precision}, {"recall", m.recall}, {"accuracy", m.accuracy}};
  if (format == Format::json) {
    nlohmann::ordered_json coef = nlohmann::ordered_json::array(), lift = nlohmann::ordered_json::array(),
                           calibration = nlohmann::ordered_json::array(),
                           out = nlohmann::ordered_json::object();
    for (const value::Coefficient& c : f.model.coefficients())
      coef.push_back({{"name", c.name}, {"estimate", json_number(c.estimate)},
                      {"std_error", json_number(c.standard_error)}, {"z", json_number(c.z)},
                      {"odds_ratio", json_number(c.odds_ratio)}});
    for (const value::LiftRow& r : m.lift)
      lift.push_back({{"decile", r.decile}, {"customers", r.customers},
                      {"mean_probability", json_number(r.mean_probability)},
                      {"churn_rate", json_number(r.churn_rate)}, {"lift", json_number(r.lift)},
                      {"cumulative_lift", json_number(r.cumulative_lift)}});
    for (const value::CalibrationRow& r : m.calibration)
      calibration.push_back({{"lower", json_number(r.lower)}, {"upper", json_number(r.upper)},
                             {"customers", r.customers}, {"mean_probability", json_number(r.mean_probability)},
                             {"observed_rate", json_number(r.observed_rate)}});
    out["l2"] = json_number(f.model.l2());
    out["balanced"] = f.model.balanced();
    out["scaling"] = crmkit::name_of(f.model.scaler().scaling());
    out["iterations"] = f.iterations;
    out["coefficients"] = coef;
    for (const auto& [name, v] : metrics) out[name] = json_number(v);
    out["lift"] = lift;
    out["calibration"] = calibration;
    write_json(standard_output(), out);
    return;
  }
  Sink& sink = standard_output();
  if (format == Format::table)
    sink.write("churn model: L2 " + number_text(f.model.l2()) + (f.model.balanced() ? ", balanced classes" : "") +
               ", " + crmkit::name_of(f.model.scaler().scaling()) + " scaling (coefficients per scaled unit), " +
               std::to_string(f.iterations) + " Newton steps\n\n");
  {
    Rows coef(sink, format, {"feature", "estimate", "std_error", "z", "odds_ratio"});
    for (const value::Coefficient& c : f.model.coefficients())
      coef.add({c.name, c.estimate, c.standard_error, c.z, c.odds_ratio});
    coef.finish();
  }
  sink.write("\n");
  {
    Rows table(sink, format, {"metric", "value"});
    for (const auto& [name, v] : metrics) table.add({std::string(name), v});
    table.finish();
  }
  sink.write("\n");
  Rows lift(sink, format, {"decile", "customers", "mean_probability", "churn_rate", "lift", "cumulative_lift"});
  for (const value::LiftRow& r : m.lift)
    lift.add({std::int64_t{r.decile}, static_cast<std::int64_t>(r.customers), r.mean_probability, r.churn_rate,
              r.lift, r.cumulative_lift});
  lift.finish();
}

void run_fit(FitCommand o) {
  if (o.label.empty()) throw UsageError("churn fit: --label COL is required (1 = churned, 0 = stayed)");
  if (o.features.empty()) throw UsageError("churn fit: --features COLS is required");
  o.churn.scaling = o.scaling.options();
  const std::vector<std::string> features = name_list(o.features, "--features");
  const Customers c = read_feature_file(o.path, o.log, features, {o.label});
  const value::ChurnFit fit = for_feature_rows(c, [&] {
    const value::FeatureTable table = feature_table(c, features, "--features");
    Progress progress("fitting the churn model on " + std::to_string(c.size()) + " customers");
    return value::fit_churn(table, c.column(o.label, "--label").data(), o.churn);
  });
  if (!o.save.empty()) fit.model.save(o.save);
  print_fit(fit, o.format.small());
}

void run_score(const ScoreCommand& o) {
  const value::ChurnModel model = value::ChurnModel::load(o.model_file);
  const std::vector<std::string>& features = model.feature_names();
  const Customers c = read_feature_file(o.path, o.log, features);
  const std::vector<double> p =
      for_feature_rows(c, [&] { return model.predict(feature_table(c, features, o.model_file.c_str())); });
  Rows rows(standard_output(), o.format.rows(), {"customer_id", "churn_probability"});
  for (std::size_t i = 0; i < c.size(); ++i) rows.add({c.ids[i], p[i]});
  rows.finish();
}

}  // namespace

void add_churn(CLI::App& app) {
  CLI::App* churn = app.add_subcommand("churn", "churn model: fit (logistic, L2) and score");
  churn->require_subcommand(1);

  auto f = std::make_shared<FitCommand>();
  CLI::App* fit = churn->add_subcommand("fit", "fit an L2 logistic churn model");
  fit->footer(
      "Logistic regression by Newton's method minimising sum of log-losses + (l2 / 2) |b|^2,\n"
      "the intercept not penalised: --l2 is 1 / C of scikit-learn's LogisticRegression.\n"
      "Features are scaled first (--scaling, saved with the model), so coefficients and odds\n"
      "ratios are per scaled unit (one standard deviation under zscore). Prints coefficients,\n"
      "standard errors, z, odds ratios, metrics on the fitted rows and lift by decile.\n\n"
      "FILE is any CSV whose header names the --features and --label columns (label 1 =\n"
      "churned, 0 = stayed), with customer_id (--customer) for messages.");
  add_file_argument(*fit, f->path, "customers");
  const value::ChurnOptions defaults;
  CLI::App* g = fit->add_option_group("Churn model");
  g->add_option("--label", f->label, "label column: 1 = churned, 0 = stayed");
  g->add_option("--features", f->features, "feature columns, comma-separated");
  g->add_option("--l2", f->churn.l2, "L2 penalty lambda (= 1/C of scikit-learn)")->default_val(defaults.l2)
      ->check(CLI::NonNegativeNumber);
  g->add_flag("--balanced", f->churn.balanced, "weight classes n / (2 n_class) (rare churn)");
  g->add_option("--threshold", f->churn.threshold, "probability counted as predicted churn")
      ->default_val(defaults.threshold)->check(CLI::Range(0.0, 1.0));
  g->add_option("--save", f->save, "save the model (archive envelope) for `churn score`");
  add_scaling_options(*fit, f->scaling);
  add_log_options(*fit, f->log, MergeDefault::off);
  add_format_options(*fit, f->format, true);
  fit->callback([f] { run_fit(*f); });

  auto s = std::make_shared<ScoreCommand>();
  CLI::App* score = churn->add_subcommand("score", "churn probability per customer from a saved model");
  score->footer("FILE is any CSV whose header names the model's features. Prints customer_id,\n"
                "churn_probability (CSV, or --json).");
  add_file_argument(*score, s->path, "customers");
  score->add_option("--model-file", s->model_file, "model saved by `churn fit --save`")->required();
  add_log_options(*score, s->log, MergeDefault::off);
  add_format_options(*score, s->format, false);
  score->callback([s] { run_score(*s); });
}

}  // namespace crmkit_cli
