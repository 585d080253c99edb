#include "value/mining.hpp"

#include <regex>

#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace value = crmkit::value;

std::vector<std::string> name_list(const std::string& text, const char* option) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    std::string name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (name.empty()) throw UsageError(std::string(option) + " '" + text + "': an empty column name");
    out.push_back(std::move(name));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

Customers read_feature_file(const std::string& path, const LogOptions& log,
                            const std::vector<std::string>& features,
                            const std::vector<std::string>& extra) {
  std::vector<std::string> all = features;
  all.insert(all.end(), extra.begin(), extra.end());
  return read_customers(path, log, {all, all, {}});
}

value::FeatureTable feature_table(const Customers& c, const std::vector<std::string>& features,
                                  const char* option) {
  std::vector<double> values;
  values.reserve(features.size() * c.size());
  for (const std::string& name : features) {
    const std::vector<double>& column = c.column(name, option);
    values.insert(values.end(), column.begin(), column.end());
  }
  return value::make_feature_table(values.data(), c.size(), features);
}

crmkit::Error rows_in_user_terms(const crmkit::Error& e, const Customers& customers) {
  static const std::regex row(R"(\brow (\d+)\b:? ?)");
  const std::string message = e.what();
  std::smatch m;
  if (std::regex_search(message, m, row)) {
    const std::size_t i = std::stoul(m[1].str());
    if (i >= 1 && i <= customers.size())
      return crmkit::Error(e.code(), customers.where(i - 1) + ": " + m.prefix().str() + m.suffix().str());
  }
  return crmkit::Error(e.code(), customers.source + ": " + message);
}

value::ScalingOptions ScalingArgs::options() const {
  value::ScalingOptions o;
  o.scaling = crmkit::parse_enum<value::Scaling>(scaling);
  if (!log1p.empty()) o.log1p = name_list(log1p, "--log1p");
  return o;
}

void add_scaling_options(CLI::App& command, ScalingArgs& args) {
  CLI::App* g = command.add_option_group("Scaling");
  g->add_option("--scaling", args.scaling, "feature scaling, saved with the model")
      ->default_val(crmkit::name_of(value::ScalingOptions{}.scaling))
      ->check(choices_of<value::Scaling>());
  g->add_option("--log1p", args.log1p, "columns taken as log(1 + x) before scaling, e.g. total_value");
}

}  // namespace crmkit_cli
