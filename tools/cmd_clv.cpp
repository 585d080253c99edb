// crmkit clv fit|predict FILE: fit a CLV model and save it; predict per customer from a
// saved model. FILE is a per-customer summary CSV or a transaction log (summarised first).
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli.hpp"
#include "crmkit/error.hpp"
#include "crmkit/value/clv/model.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;
using crmkit::Error;
using crmkit::ErrorCode;

constexpr const char* kFileHelp =
    "FILE is either\n"
    "  a per-customer summary CSV with a header line that has a `frequency` column:\n"
    "    frequency, recency, T (BG/BB: periods), monetary_value (spend model), weights\n"
    "    (optional, customers per row), and an id column (--customer, default customer_id;\n"
    "    rows are numbered from 1 when it is absent); the delimiter is detected; or\n"
    "  a transaction log (any other file, or --no-header), summarised first with the log\n"
    "    options below, exactly as `crmkit summarize` does.\n";

// A summary file is told apart from a log by its header: only a summary has `frequency`.
CustomerColumns read_customers(const Args& args) {
  if (args.positional().size() != 2) throw UsageError{"clv " + args.positional()[0] + " takes exactly one FILE"};
  const std::string& path = args.positional()[1];
  if (!is_customer_file(args, path, {"frequency"}))
    return summary_columns(summarize_log(args, path), path);
  return read_customer_file(args, path,
                            {"frequency", "recency", "T", "periods", "monetary_value", "weights"});
}

// BG/BB counts opportunities: its age column is `periods`, only in a summary file.
const char* age_column(value::ClvModelKind kind) {
  return kind == value::ClvModelKind::bg_bb ? "periods" : "T";
}

value::ClvModelKind model_option(const Args& args) {
  if (!args.has("model")) throw UsageError{"give --model bg-nbd|pareto-nbd|mbg-nbd|bg-bb|gamma-gamma"};
  try {
    return crmkit::parse_enum<value::ClvModelKind>(args.get("model"));
  } catch (const Error& e) {
    throw UsageError{std::string("option --model: ") + e.what()};
  }
}

int print_help(const std::string& usage, const Args& args) {
  std::cout << usage << "\n" << kFileHelp << "\n" << args.help();
  return 0;
}

void print_fit(const value::ClvModel& model, bool json) {
  const value::FitResult& f = model.fit_result();
  const auto& names = model.parameter_names();
  if (json) {
    auto object = [&](const Eigen::VectorXd& v) {
      std::string out = "{";
      for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? ", " : "") + json_string(names[i]) + ": " +
               number_text(v[static_cast<Eigen::Index>(i)]);
      return out + "}";
    };
    std::cout << "{\"model\": " << json_string(crmkit::name_of(model.kind()))
              << ", \"parameters\": " << object(f.params)
              << ", \"standard_errors\": " << object(f.standard_errors)
              << ", \"log_likelihood\": " << number_text(f.log_likelihood)
              << ", \"aic\": " << number_text(f.aic) << ", \"bic\": " << number_text(f.bic)
              << ", \"iterations\": " << f.iterations
              << ", \"converged\": " << (f.converged ? "true" : "false")
              << ", \"gradient_norm\": " << number_text(f.gradient_norm)
              << ", \"customers\": " << number_text(f.customers)
              << ", \"unique_rows\": " << f.unique_rows << "}\n";
    return;
  }
  std::ostringstream out;
  out << crmkit::name_of(model.kind()) << " fit on " << f.customers << " customers ("
      << f.unique_rows << " distinct rows)\n\n"
      << std::left << std::setw(12) << "parameter" << std::right << std::setw(14) << "estimate"
      << std::setw(14) << "std_error" << "\n";
  out << std::fixed << std::setprecision(6);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto j = static_cast<Eigen::Index>(i);
    out << std::left << std::setw(12) << names[i] << std::right << std::setw(14) << f.params[j]
        << std::setw(14) << f.standard_errors[j] << "\n";
  }
  out << std::setprecision(4) << "\nlog_likelihood " << f.log_likelihood << "\nAIC " << f.aic
      << "\nBIC " << f.bic << "\niterations " << f.iterations << " ("
      << (f.converged ? "converged" : "NOT converged") << ", gradient norm " << std::scientific
      << std::setprecision(2) << f.gradient_norm << ")\n";
  std::cout << out.str();
}

int run_fit(const std::vector<std::string>& argv) {
  Args args;
  declare_log_options(args);
  args.option("model", "bg-nbd, pareto-nbd, mbg-nbd, bg-bb or gamma-gamma (required)")
      .option("save", "write the fitted model to this file (for clv predict)")
      .flag("json", "print JSON instead of a table")
      .flag("help", "show this help");
  args.parse(argv);
  if (args.has("help"))
    return print_help("usage: crmkit clv fit FILE --model NAME [--save MODEL] [--json]\n"
                      "Maximum-likelihood fit: parameters (named as in the papers), standard\n"
                      "errors, log-likelihood, AIC, BIC, iterations.\n", args);
  const value::ClvModelKind kind = model_option(args);
  const CustomerColumns c = read_customers(args);
  value::ClvModel model(kind);
  const char* name = crmkit::name_of(kind);
  if (model.is_spend_model()) {
    model.fit_spend(c.column("frequency", name).data(), c.column("monetary_value", name).data(),
                    c.size(), {}, c.optional_column("weights"));
  } else {
    model.fit(c.column("frequency", name).data(), c.column("recency", name).data(),
              c.column(age_column(kind), name).data(), c.size(), {},
              c.optional_column("weights"));
  }
  if (args.has("save")) model.save(args.get("save"));
  print_fit(model, args.has("json"));
  return 0;
}

int run_predict(const std::vector<std::string>& argv) {
  Args args;
  declare_log_options(args);
  args.option("model-file", "a purchase model saved by clv fit --save (required)")
      .option("horizon", "prediction horizon in the data's time unit, e.g. 39 (weeks; required)")
      .option("spend-model-file", "a gamma-gamma model: adds expected_spend and clv columns")
      .option("discount", "discount rate per time unit for clv (default 0), e.g. 0.0027 a week")
      .flag("json", "print JSON instead of CSV")
      .flag("help", "show this help");
  args.parse(argv);
  if (args.has("help"))
    return print_help("usage: crmkit clv predict FILE --model-file MODEL --horizon H\n"
                      "                          [--spend-model-file SPEND] [--discount RATE]\n"
                      "Per customer: customer_id, expected_purchases (in the next H time units),\n"
                      "p_alive; with a spend model also expected_spend and clv (expected spend\n"
                      "times purchases of each time unit discounted by (1 + RATE)^-k).\n", args);
  if (!args.has("model-file")) throw UsageError{"give --model-file MODEL"};
  if (!args.has("horizon")) throw UsageError{"give --horizon H"};
  const double horizon = args.number("horizon", 0);
  const value::ClvModel model = value::ClvModel::load(args.get("model-file"));
  if (model.is_spend_model())
    throw UsageError{"--model-file holds a gamma-gamma spend model; give it as --spend-model-file "
                     "and a purchase model as --model-file"};
  std::optional<value::ClvModel> spend_model;
  if (args.has("spend-model-file"))
    spend_model = value::ClvModel::load(args.get("spend-model-file"), value::ClvModelKind::gamma_gamma);

  // Everything is computed before anything is printed: a bad row leaves no partial table.
  const CustomerColumns c = read_customers(args);
  const char* name = crmkit::name_of(model.kind());
  const double* x = c.column("frequency", name).data();
  const double* tx = c.column("recency", name).data();
  const double* T = c.column(age_column(model.kind()), name).data();
  const std::size_t n = c.size();
  std::vector<double> expected(n), alive(n), spend, clv;
  model.conditional_expected_purchases(horizon, x, tx, T, n, expected.data());
  model.p_alive(x, tx, T, n, alive.data());
  if (spend_model) {
    spend.resize(n);
    clv.resize(n);
    spend_model->expected_spend(x, c.column("monetary_value", "--spend-model-file").data(), n,
                                spend.data());
    value::ClvOptions options;
    options.horizon = horizon;
    options.discount_rate = args.number("discount", 0.0);
    model.lifetime_value(x, tx, T, spend.data(), n, options, clv.data());
  }

  std::vector<std::string> columns = {"customer_id", "expected_purchases", "p_alive"};
  if (spend_model) {
    columns.push_back("expected_spend");
    columns.push_back("clv");
  }
  TableWriter out(std::cout, args.has("json"), columns);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<TableWriter::Cell> row = {TableWriter::text(c.ids[i]),
                                          TableWriter::number(expected[i]),
                                          TableWriter::number(alive[i])};
    if (spend_model) {
      row.push_back(TableWriter::number(spend[i]));
      row.push_back(TableWriter::number(clv[i]));
    }
    out.row(row);
  }
  out.finish();
  return 0;
}

}  // namespace

int run_clv(const std::vector<std::string>& argv) {
  const std::string sub = argv.empty() ? "" : argv[0];
  if (sub == "fit") return run_fit(argv);
  if (sub == "predict") return run_predict(argv);
  if (sub == "--help" || sub == "help") {
    std::cout << "usage: crmkit clv fit FILE --model NAME [--save MODEL] [--json]\n"
                 "       crmkit clv predict FILE --model-file MODEL --horizon H\n"
                 "                          [--spend-model-file SPEND] [--discount RATE]\n\n"
              << kFileHelp << "\n'crmkit clv fit --help' and 'crmkit clv predict --help' list the options.\n";
    return 0;
  }
  throw UsageError{"expected 'clv fit' or 'clv predict'"};
}

}  // namespace crmkit_cli
