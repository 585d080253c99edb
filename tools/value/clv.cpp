// crmkit clv fit|predict FILE: fit a lifetime-value model (and save it); predict per
// customer from saved models. FILE is a per-customer summary CSV or a transaction log.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "common/progress.hpp"
#include "crmkit/value/clv/model.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;
using crmkit::Error;

constexpr const char* kFileHelp =
    "FILE is either\n"
    "  a per-customer summary CSV whose header has a `frequency` column: frequency, recency,\n"
    "    T (BG/BB: periods), monetary_value (spend model), weights (optional, customers per\n"
    "    row), and an id column (--customer; rows are numbered from 1 without one); or\n"
    "  a transaction log (any other file, or --no-header), summarised first exactly as\n"
    "    `crmkit summarize` does, but with same-day purchases merged as the models need\n"
    "    (--no-merge-same-day to count every sale).";

const CustomerFileSpec kSpec{{"frequency"},
                             {"frequency", "recency", "T", "periods", "monetary_value", "weights"},
                             {}};

// BG/BB counts opportunities: its age column is `periods`, only in a summary file.
const char* age_column(value::ClvModelKind kind) {
  return kind == value::ClvModelKind::bg_bb ? "periods" : "T";
}

// A customer the models cannot take, said with the option that fixes it.
Error with_fix(const Error& e, const Customers& c, const LogOptions& log) {
  std::string message = e.what();
  if (message.find("with recency 0") != std::string::npos)
    message += c.from_log && !log.merge_same_day
                   ? " (two purchases on the first day: drop --no-merge-same-day)"
                   : " (merge each customer's purchases of one day when making the summary)";
  return Error(e.code(), message);
}

struct FitCommand {
  std::string path, model, save;
  LogOptions log;
  FormatOptions format;
  value::FitOptions fit;
};

void print_fit(const value::ClvModel& model, Format format) {
  const value::FitResult& f = model.fit_result();
  const auto& names = model.parameter_names();
  if (format == Format::json) {
    nlohmann::ordered_json params = nlohmann::ordered_json::object(),
                           errors = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < names.size(); ++i) {
      params[names[i]] = json_number(f.params[static_cast<Eigen::Index>(i)]);
      errors[names[i]] = json_number(f.standard_errors[static_cast<Eigen::Index>(i)]);
    }
    write_json(standard_output(),
               {{"model", crmkit::name_of(model.kind())},
                {"parameters", params},
                {"standard_errors", errors},
                {"log_likelihood", json_number(f.log_likelihood)},
                {"aic", json_number(f.aic)},
                {"bic", json_number(f.bic)},
                {"iterations", f.iterations},
                {"converged", f.converged},
                {"gradient_norm", json_number(f.gradient_norm)},
                {"customers", json_number(f.customers)},
                {"unique_rows", f.unique_rows},
                {"message", f.message}});
    return;
  }
  Sink& out = standard_output();
  if (format == Format::table)
    out.write(std::string(crmkit::name_of(model.kind())) + " fit on " + number_text(f.customers) +
              " customers (" + std::to_string(f.unique_rows) + " distinct rows)\n\n");
  Rows table(out, format, {"parameter", "estimate", "std_error"});
  for (std::size_t i = 0; i < names.size(); ++i)
    table.add({names[i], f.params[static_cast<Eigen::Index>(i)],
               f.standard_errors[static_cast<Eigen::Index>(i)]});
  table.finish();
  if (format == Format::table)
    out.write("\nlog_likelihood " + number_text(f.log_likelihood) + "\nAIC " + number_text(f.aic) +
              "\nBIC " + number_text(f.bic) + "\niterations " + std::to_string(f.iterations) + " (" +
              (f.converged ? "converged" : "NOT converged") + ", gradient norm " +
              number_text(f.gradient_norm) + ")\n");
}

void run_fit(const FitCommand& o) {
  const auto kind = crmkit::parse_enum<value::ClvModelKind>(o.model);
  const Customers c = read_customers(o.path, o.log, kSpec);
  value::ClvModel model(kind);
  const char* name = crmkit::name_of(kind);
  {
    Progress progress(std::string("fitting ") + name);
    try {
      for_customers(c, [&] {
        if (model.is_spend_model())
          model.fit_spend(c.column("frequency", name).data(), c.column("monetary_value", name).data(),
                          c.size(), o.fit, c.optional_column("weights"));
        else
          model.fit(c.column("frequency", name).data(), c.column("recency", name).data(),
                    c.column(age_column(kind), name).data(), c.size(), o.fit,
                    c.optional_column("weights"));
      });
    } catch (const Error& e) {
      throw with_fix(e, c, o.log);
    }
  }
  if (!o.save.empty()) model.save(o.save);
  print_fit(model, o.format.small());
}

struct PredictCommand {
  std::string path, model_file, spend_model_file, discounting;
  LogOptions log;
  FormatOptions format;
  value::ClvOptions clv;
};

void run_predict(const PredictCommand& o) {
  const value::ClvModel model = value::ClvModel::load(o.model_file);
  if (model.is_spend_model())
    throw UsageError("--model-file holds a gamma-gamma spend model; give it as --spend-model-file "
                     "and a purchase model as --model-file");
  std::optional<value::ClvModel> spend_model;
  if (!o.spend_model_file.empty())
    spend_model = value::ClvModel::load(o.spend_model_file, value::ClvModelKind::gamma_gamma);
  value::ClvOptions options = o.clv;
  options.discounting = crmkit::parse_enum<value::Discounting>(o.discounting);

  // Everything is computed before anything is printed: a bad row leaves no partial table.
  const Customers c = read_customers(o.path, o.log, kSpec);
  const char* name = crmkit::name_of(model.kind());
  const double* x = c.column("frequency", name).data();
  const double* tx = c.column("recency", name).data();
  const double* T = c.column(age_column(model.kind()), name).data();
  const std::size_t n = c.size();
  std::vector<double> expected(n), alive(n), spend, clv;
  {
    Progress progress("predicting for " + std::to_string(n) + " customers");
    try {
      for_customers(c, [&] {
        model.conditional_expected_purchases(options.horizon, x, tx, T, n, expected.data());
        model.p_alive(x, tx, T, n, alive.data());
        if (!spend_model) return;
        spend.resize(n);
        clv.resize(n);
        spend_model->expected_spend(x, c.column("monetary_value", "--spend-model-file").data(), n,
                                    spend.data());
        model.lifetime_value(x, tx, T, spend.data(), n, options, clv.data());
      });
    } catch (const Error& e) {
      throw with_fix(e, c, o.log);
    }
  }

  std::vector<std::string> columns = {"customer_id", "expected_purchases", "p_alive"};
  if (spend_model) {
    columns.push_back("expected_spend");
    columns.push_back("clv");
  }
  Rows out(standard_output(), o.format.rows(), columns);
  std::vector<Cell> row;
  for (std::size_t i = 0; i < n; ++i) {
    row = {c.ids[i], expected[i], alive[i]};
    if (spend_model) {
      row.emplace_back(spend[i]);
      row.emplace_back(clv[i]);
    }
    out.add(row);
  }
  out.finish();
}

void add_fit(CLI::App& clv) {
  auto o = std::make_shared<FitCommand>();
  CLI::App* cmd = clv.add_subcommand("fit", "maximum-likelihood fit: parameters, standard errors, "
                                            "log-likelihood, AIC, BIC");
  cmd->footer(kFileHelp);
  add_file_argument(*cmd, o->path, "customers or transaction log");
  CLI::App* g = cmd->add_option_group("Model");
  g->add_option("--model", o->model, "the model to fit")
      ->required()
      ->check(choices_of<value::ClvModelKind>());
  g->add_option("--save", o->save, "write the fitted model to this file (for clv predict)");
  const value::FitOptions defaults;
  g->add_option("--tolerance", o->fit.tolerance,
                "convergence: largest |gradient| of the mean log-likelihood per customer")
      ->default_val(defaults.tolerance)
      ->check(CLI::PositiveNumber);
  g->add_option("--max-iterations", o->fit.max_iterations, "iterations per start")
      ->default_val(defaults.max_iterations)
      ->check(CLI::Range(1, 1000000));
  g->add_option("--starts", o->fit.starts, "starting points tried")
      ->default_val(defaults.starts)
      ->check(CLI::Range(1, 100));
  g->add_option("--penalty", o->fit.penalty, "L2 penalty on the parameters")
      ->default_val(defaults.penalty)
      ->check(CLI::NonNegativeNumber);
  add_log_options(*cmd, o->log, MergeDefault::on);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run_fit(*o); });
}

void add_predict(CLI::App& clv) {
  auto o = std::make_shared<PredictCommand>();
  CLI::App* cmd = clv.add_subcommand(
      "predict", "per customer: expected purchases, P(alive), expected spend and CLV");
  cmd->footer(std::string(
                  "Prints customer_id, expected_purchases (in the next --horizon time units),\n"
                  "p_alive, and with --spend-model-file expected_spend and clv (expected spend\n"
                  "times the discounted expected purchases of each --period).\n\n") +
              kFileHelp);
  add_file_argument(*cmd, o->path, "customers or transaction log");
  CLI::App* g = cmd->add_option_group("Prediction");
  const value::ClvOptions defaults;
  g->add_option("--model-file", o->model_file, "a purchase model saved by clv fit --save")
      ->required();
  g->add_option("--horizon", o->clv.horizon, "prediction horizon in the data's time unit, e.g. 39")
      ->required()
      ->check(CLI::PositiveNumber);
  g->add_option("--spend-model-file", o->spend_model_file,
                "a gamma-gamma model: adds expected_spend and clv");
  g->add_option("--discount", o->clv.discount_rate, "discount rate per --period, e.g. 0.01")
      ->default_val(defaults.discount_rate)
      ->check(CLI::NonNegativeNumber);
  g->add_option("--period", o->clv.period,
                "time units per discount period, e.g. 4.345 (weeks a month)")
      ->default_val(defaults.period)
      ->check(CLI::PositiveNumber);
  g->add_option("--discounting", o->discounting, "per period, or continuous")
      ->default_val(crmkit::name_of(defaults.discounting))
      ->check(choices_of<value::Discounting>());
  add_log_options(*cmd, o->log, MergeDefault::on);
  add_format_options(*cmd, o->format, false);
  cmd->callback([o] { run_predict(*o); });
}

}  // namespace

void add_clv(CLI::App& app) {
  CLI::App* clv = app.add_subcommand("clv", "fit a lifetime-value model (BG/NBD, ...) or predict per customer");
  clv->require_subcommand(1);
  add_fit(*clv);
  add_predict(*clv);
}

}  // namespace crmkit_cli
