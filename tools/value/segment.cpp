// crmkit segment FILE: k-means segments of customers (k chosen over a range), their
// profiles, and with --assign each customer's segment. FILE is any CSV with the feature
// columns, or a transaction log (summarised first).
#include <memory>
#include <nlohmann/json.hpp>

#include "common/progress.hpp"
#include "crmkit/value/segment.hpp"
#include "value/mining.hpp"

namespace crmkit_cli {

namespace {

namespace value = crmkit::value;

struct SegmentCommand {
  std::string path, k = "2..8", features, value_column, save, selection;
  bool assign = false;
  LogOptions log;
  FormatOptions format;
  ScalingArgs scaling;
  value::KMeansOptions kmeans;
};

// "K" or "LO..HI".
void parse_k(const std::string& text, value::KMeansOptions& o) {
  const std::size_t dots = text.find("..");
  try {
    std::size_t used = 0;
    if (dots == std::string::npos) {
      o.k_min = o.k_max = std::stoi(text, &used);
      if (used == text.size()) return;
    } else {
      o.k_min = std::stoi(text.substr(0, dots), &used);
      std::size_t used_hi = 0;
      o.k_max = std::stoi(text.substr(dots + 2), &used_hi);
      if (used == dots && used_hi == text.size() - dots - 2) return;
    }
  } catch (const std::exception&) {
  }
  throw UsageError("--k '" + text + "': expected a number of segments (4) or a range (2..8)");
}

void run(SegmentCommand o) {
  parse_k(o.k, o.kmeans);
  o.kmeans.selection = crmkit::parse_enum<value::KSelection>(o.selection);
  o.kmeans.scaling = o.scaling.options();
  const std::vector<std::string> features = o.features.empty() ? kLogFeatures : name_list(o.features, "--features");
  std::vector<std::string> extra;
  if (!o.value_column.empty()) {
    o.kmeans.value_column = o.value_column;
    if (std::find(features.begin(), features.end(), o.value_column) == features.end()) extra.push_back(o.value_column);
  }
  const Customers c = read_feature_file(o.path, o.log, features, extra);
  const value::SegmentResult r = for_feature_rows(c, [&] {
    value::FeatureTable table = feature_table(c, features, "--features");
    for (const std::string& name : extra) {  // the value column rides along for the profiles
      const std::vector<double>& column = c.column(name, "--value");
      table.values.insert(table.values.end(), column.begin(), column.end());
      table.names.push_back(name);
    }
    o.kmeans.features = features;
    Progress progress("k-means on " + std::to_string(c.size()) + " customers");
    return value::segment(table, o.kmeans);
  });
  if (!o.save.empty()) r.model.save(o.save);

  const Format format = o.format.small();
  if (format == Format::json) {
    nlohmann::ordered_json scores = nlohmann::ordered_json::array(), profiles = nlohmann::ordered_json::array();
    for (const value::KScore& s : r.scores)
      scores.push_back({{"k", s.k}, {"inertia", json_number(s.inertia)}, {"silhouette", json_number(s.silhouette)},
                        {"iterations", s.iterations}, {"converged", s.converged}});
    for (std::size_t s = 0; s < r.profiles.size(); ++s) {
      nlohmann::ordered_json mean = nlohmann::ordered_json::object();
      for (std::size_t j = 0; j < features.size(); ++j) mean[features[j]] = json_number(r.profiles[s].mean[j]);
      profiles.push_back({{"segment", s}, {"customers", r.profiles[s].size}, {"share", json_number(r.profiles[s].share)},
                          {"value_share", json_number(r.profiles[s].value_share)}, {"mean", mean}});
    }
    nlohmann::ordered_json out = {{"k", r.model.k()}, {"inertia", json_number(r.inertia)},
                                  {"silhouette", json_number(r.silhouette)}, {"features", features},
                                  {"scaling", crmkit::name_of(o.kmeans.scaling.scaling)},
                                  {"scores", scores}, {"profiles", profiles}};
    if (o.assign) {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < c.size(); ++i) rows.push_back({{"customer_id", c.ids[i]}, {"segment", r.labels[i]}});
      out["assignments"] = rows;
    }
    write_json(standard_output(), out);
    return;
  }
  Sink& sink = standard_output();
  if (o.assign) {  // per-customer rows: CSV
    std::vector<std::string> columns = {"customer_id"};
    columns.insert(columns.end(), features.begin(), features.end());
    columns.push_back("segment");
    Rows rows(sink, Format::csv, columns);
    for (std::size_t i = 0; i < c.size(); ++i) {
      std::vector<Cell> cells(features.size() + 2);
      cells[0] = c.ids[i];
      for (std::size_t j = 0; j < features.size(); ++j) cells[j + 1] = c.column(features[j], "--features")[i];
      cells.back() = std::int64_t{r.labels[i]};
      rows.add(cells);
    }
    rows.finish();
    return;
  }
  if (format == Format::table)
    sink.write("k = " + std::to_string(r.model.k()) + " segments of " + std::to_string(c.size()) +
               " customers (inertia " + number_text(r.inertia) + ", silhouette " + number_text(r.silhouette) +
               "; " + crmkit::name_of(o.kmeans.scaling.scaling) + " scaling)\n\n");
  {
    Rows scores(sink, format, {"k", "inertia", "silhouette", "chosen"});
    for (const value::KScore& s : r.scores)
      scores.add({std::int64_t{s.k}, s.inertia, s.silhouette, std::string(s.k == r.model.k() ? "*" : "")});
    scores.finish();
  }
  sink.write("\n");
  std::vector<std::string> columns = {"segment", "customers", "share", "value_share"};
  for (const std::string& name : features) columns.push_back("mean_" + name);
  Rows profiles(sink, format, columns);
  for (std::size_t s = 0; s < r.profiles.size(); ++s) {
    std::vector<Cell> cells = {static_cast<std::int64_t>(s), static_cast<std::int64_t>(r.profiles[s].size),
                               r.profiles[s].share, r.profiles[s].value_share};
    for (double m : r.profiles[s].mean) cells.push_back(m);
    profiles.add(cells);
  }
  profiles.finish();
}

}  // namespace

void add_segment(CLI::App& app) {
  auto o = std::make_shared<SegmentCommand>();
  CLI::App* cmd = app.add_subcommand("segment", "k-means customer segments, k chosen by silhouette or elbow");
  cmd->footer(
      "k-means (k-means++ seeds, restarts, seeded) on the --features columns, scaled as\n"
      "--scaling says; k is chosen over the --k range. Prints the chosen k, inertia and\n"
      "silhouette per k, and segment profiles (size, value share, feature means); with\n"
      "--assign, one CSV row per customer with its segment (0 = the largest segment).\n\n"
      "FILE is any CSV whose header names the features (and customer_id, --customer), or\n"
      "a transaction log, summarised first: days_since_last, purchases, total_value,\n"
      "frequency, recency, T, monetary_value (default features: days_since_last,\n"
      "purchases, total_value).");
  add_file_argument(*cmd, o->path, "customers or transaction log");
  const value::KMeansOptions defaults;
  CLI::App* g = cmd->add_option_group("k-means");
  g->add_option("--k", o->k, "segments, or a range to choose from (2..8)")->default_val(o->k);
  g->add_option("--features", o->features, "feature columns, comma-separated");
  g->add_option("--seed", o->kmeans.seed, "random seed (the result does not depend on threads)")
      ->default_val(defaults.seed);
  g->add_option("--n-init", o->kmeans.n_init, "k-means++ restarts per k")->default_val(defaults.n_init)
      ->check(CLI::PositiveNumber);
  g->add_option("--max-iterations", o->kmeans.max_iterations, "Lloyd iterations per restart")
      ->default_val(defaults.max_iterations)->check(CLI::PositiveNumber);
  g->add_option("--selection", o->selection, "how k is chosen")
      ->default_val(crmkit::name_of(defaults.selection))
      ->check(choices_of<value::KSelection>());
  g->add_option("--silhouette-sample", o->kmeans.silhouette_sample, "customers drawn for the silhouette (0 = all)")
      ->default_val(defaults.silhouette_sample);
  g->add_option("--threads", o->kmeans.threads, "threads (0 = every core)")->default_val(defaults.threads)
      ->check(CLI::NonNegativeNumber);
  g->add_option("--value", o->value_column, "column whose shares per segment are reported, e.g. total_value");
  g->add_flag("--assign", o->assign, "print each customer's segment (CSV) instead of the profiles");
  g->add_option("--save", o->save, "save the model (archive envelope) for scoring new customers");
  add_scaling_options(*cmd, o->scaling);
  add_log_options(*cmd, o->log, MergeDefault::off);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
