// crmkit ahp MATRIX.csv: AHP priorities and consistency of a pairwise comparison matrix.
#include <charconv>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/decision/ahp.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
namespace io = crmkit::io;
using crmkit::Error;
using crmkit::ErrorCode;

struct AhpCommand {
  std::string path, method, completion, random_index, delimiter;
  bool allow_outside_scale = false;
  std::size_t judgments = 0;
  FormatOptions format;
};

struct PairwiseFile {
  std::string source;  // the file's name in messages ("<stdin>" for -)
  std::vector<std::string> names;
  std::vector<double> values;  // n x n, NaN = blank cell
};

// One finite number, the whole of `text`.
bool parse_number(std::string_view text, double& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

// A judgment cell: blank (missing), a number, or a fraction "1/3".
double judgment(const io::CsvReader& reader, std::size_t i) {
  std::string_view text = reader.field(i);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return NAN;
  double x = 0, y = 0;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos ? parse_number(text, x)
                                      : parse_number(text.substr(0, slash), x) &&
                                            parse_number(text.substr(slash + 1), y) && y != 0) {
    return slash == std::string_view::npos ? x : x / y;
  }
  reader.fail(i, "'" + std::string(text) + "' is not a judgment (a number such as 3 or 0.5, "
                 "a fraction such as 1/3, or blank for a missing judgment)");
}

PairwiseFile read_pairwise(const AhpCommand& o) {
  io::CsvOptions csv;
  csv.delimiter = parse_delimiter(o.delimiter);
  Input input(o.path, csv);
  io::CsvReader& reader = input.reader();
  PairwiseFile m;
  m.source = reader.name();
  m.names.assign(reader.header().begin() + (reader.header().empty() ? 0 : 1), reader.header().end());
  const std::size_t n = m.names.size();
  if (n == 0)
    throw Error(ErrorCode::parse_error, reader.name() + ":1: expected a header: a corner cell, "
                                                        "then one name per element");
  std::size_t row = 0;
  while (reader.next()) {
    if (row == n) reader.fail(0, "more rows than the " + std::to_string(n) + " named in the header");
    const std::string name(reader.field(0));
    if (name != m.names[row])
      reader.fail(0, "row '" + name + "' where the header's order expects '" + m.names[row] + "'");
    for (std::size_t j = 0; j < n; ++j) m.values.push_back(judgment(reader, j + 1));
    ++row;
  }
  if (row < n)
    throw Error(ErrorCode::parse_error, reader.name() + ": " + std::to_string(row) + " rows for the " +
                                            std::to_string(n) + " elements of the header");
  return m;
}

void run(const AhpCommand& o) {
  const PairwiseFile m = read_pairwise(o);
  decision::AhpOptions options;
  options.method = crmkit::parse_enum<decision::PriorityMethod>(o.method);
  options.completion = crmkit::parse_enum<decision::Completion>(o.completion);
  options.random_index = decision::random_index_table(o.random_index);
  options.allow_outside_scale = o.allow_outside_scale;
  options.judgments_to_report = o.judgments;
  decision::AhpResult r;
  try {
    r = decision::ahp(m.values.data(), m.names.size(), options, m.names);
  } catch (const Error& e) {
    throw Error(e.code(), m.source + ": " + e.what());
  }
  Sink& out = standard_output();
  if (o.format.json) {
    nlohmann::ordered_json priorities = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < m.names.size(); ++i) priorities[m.names[i]] = json_number(r.priorities[i]);
    nlohmann::ordered_json judgments = nlohmann::ordered_json::array();
    for (const decision::Judgment& j : r.inconsistent)
      judgments.push_back({{"row", m.names[j.row]},
                           {"column", m.names[j.column]},
                           {"value", json_number(j.value)},
                           {"error", json_number(j.error)},
                           {"consistent_value", json_number(j.consistent_value)},
                           {"scale_value", json_number(j.scale_value)},
                           {"CR_if_changed", json_number(j.cr_if_changed)}});
    write_json(out, {{"method", crmkit::name_of(r.method)},
                     {"priorities", priorities},
                     {"lambda_max", json_number(r.lambda_max)},
                     {"CI", json_number(r.ci)},
                     {"CR", json_number(r.cr)},
                     {"random_index", json_number(r.random_index)},
                     {"random_index_table", r.random_index_table},
                     {"missing", r.missing},
                     {"inconsistent", judgments}});
    return;
  }
  Rows table(out, o.format.small(), {"element", "priority"});
  for (std::size_t i = 0; i < m.names.size(); ++i) table.add({m.names[i], r.priorities[i]});
  table.finish();
  if (o.format.csv) return;
  out.write("\nlambda_max " + number_text(r.lambda_max) + "\nCI " + number_text(r.ci) + "\nCR " +
            number_text(r.cr) + (r.cr > 0.1 ? " (above 0.1: revise the judgments below)" : "") +
            "\nrandom index " + number_text(r.random_index) + " (table " + r.random_index_table +
            ")\n");
  if (r.missing > 0)
    out.write("missing judgments " + std::to_string(r.missing) + " (completed: " +
              crmkit::name_of(options.completion) + ")\n");
  if (r.inconsistent.empty()) return;
  out.write("\n");
  Rows worst(out, Format::table, {"judgment", "given", "consistent", "nearest_scale", "CR_if_changed"});
  for (const decision::Judgment& j : r.inconsistent)
    worst.add({m.names[j.row] + " vs " + m.names[j.column], j.value, j.consistent_value,
               j.scale_value, j.cr_if_changed});
  worst.finish();
}

}  // namespace

void add_ahp(CLI::App& app) {
  auto o = std::make_shared<AhpCommand>();
  CLI::App* cmd = app.add_subcommand("ahp", "AHP priorities and consistency of pairwise judgments");
  cmd->footer(
      "MATRIX is a square CSV: a header row (a corner cell, then the element names) and one\n"
      "row per element in the same order, its name first. A cell a_ij says how many times more\n"
      "important row i is than column j on Saaty's 1-9 scale (3, 1/3, 0.5, ...). Blank cells\n"
      "are missing judgments; a pair given in one triangle only is completed by its\n"
      "reciprocal, a pair missing in both by --completion. CR above 0.1 is Saaty's threshold\n"
      "for revising judgments; the worst ones are listed with the value that would agree with\n"
      "the priorities.");
  add_file_argument(*cmd, o->path, "pairwise comparison matrix");
  const decision::AhpOptions defaults;
  CLI::App* g = cmd->add_option_group("AHP");
  g->add_option("--method", o->method, "priorities by the principal eigenvector or row geometric means")
      ->default_val(crmkit::name_of(defaults.method))
      ->check(choices_of<decision::PriorityMethod>());
  g->add_option("--completion", o->completion, "how judgments missing in both triangles are filled in")
      ->default_val(crmkit::name_of(defaults.completion))
      ->check(choices_of<decision::Completion>());
  g->add_option("--random-index", o->random_index, "random-index table of the consistency ratio")
      ->default_val(defaults.random_index.name)
      ->check(CLI::IsMember(decision::random_index_table_names()));
  g->add_flag("--allow-outside-scale", o->allow_outside_scale,
              "accept judgments outside Saaty's scale 1/9..9");
  g->add_option("--judgments", o->judgments, "how many of the most inconsistent judgments to list")
      ->default_val(defaults.judgments_to_report)
      ->check(CLI::Range(std::size_t{0}, std::size_t{1000}));
  o->delimiter = delimiter_name(io::CsvOptions{}.delimiter);
  g->add_option("--delimiter", o->delimiter, "one character, tab, whitespace or auto")
      ->default_val(o->delimiter);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
