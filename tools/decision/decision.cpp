// crmkit decision FILE: shows a decision record (a saved archive, or JSON written by hand)
// with its missing steps; --save writes it as an archive.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/decision/record.hpp"
#include "crmkit/io/archive.hpp"

namespace crmkit_cli {

namespace {

namespace decision = crmkit::decision;
namespace io = crmkit::io;
using crmkit::Error;
using crmkit::ErrorCode;
using json = nlohmann::json;

struct DecisionCommand {
  std::string path, save;
};

constexpr std::uint64_t kMaxRecordFile = 64u << 20;

// The steps present in `j`, in order, through the record's setters (so the same rules hold).
decision::DecisionRecord from_json(const json& j) {
  decision::DecisionRecord r;
  if (j.contains("statement")) r.set_statement(j.at("statement").get<std::string>());
  if (j.contains("criteria")) {
    std::vector<decision::RecordCriterion> criteria;
    for (const json& c : j.at("criteria"))
      criteria.push_back({c.at("name").get<std::string>(),
                          crmkit::parse_enum<decision::Direction>(c.value("direction", "benefit")),
                          c.value("unit", ""), c.value("parent", "")});
    r.set_criteria(std::move(criteria));
  }
  if (j.contains("weights")) r.set_weights(j.at("weights").get<std::vector<double>>(), j.value("weight_method", ""));
  if (j.contains("alternatives")) r.set_alternatives(j.at("alternatives").get<std::vector<std::string>>());
  if (j.contains("evaluations")) {
    std::vector<double> values;
    for (const json& row : j.at("evaluations"))
      for (const json& v : row) values.push_back(v.get<double>());
    r.set_evaluations(std::move(values));
  }
  if (j.contains("biases"))
    for (const auto& [bias, note] : j.at("biases").items())
      r.note_bias(crmkit::parse_enum<decision::Bias>(bias), note.get<std::string>());
  if (j.contains("choice")) {
    const json& c = j.at("choice");
    std::size_t index = 0;
    if (c.is_string()) {
      const auto& names = r.alternatives();
      index = static_cast<std::size_t>(std::find(names.begin(), names.end(), c.get<std::string>()) - names.begin());
      if (index == names.size())
        throw Error(ErrorCode::invalid_argument, "choice '" + c.get<std::string>() + "' is not an alternative");
    } else {
      index = c.get<std::size_t>();
    }
    r.choose(index, j.value("rationale", ""));
  }
  return r;
}

void run(const DecisionCommand& o) {
  const std::string bytes = io::read_file(o.path, kMaxRecordFile);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  decision::DecisionRecord record;
  if (first != std::string::npos && bytes[first] == '{') {
    try {
      record = from_json(json::parse(bytes));
    } catch (const json::exception& e) {
      throw Error(ErrorCode::parse_error, o.path + ": not a decision record in JSON: " + e.what());
    } catch (const Error& e) {
      throw Error(e.code(), o.path + ": " + e.what());
    }
  } else {
    try {
      record = io::from_bytes<decision::DecisionRecord>(bytes);
    } catch (const Error& e) {
      throw Error(e.code(), o.path + ": " + e.what());
    }
  }
  if (!o.save.empty()) io::save(o.save, record);
  Sink& out = standard_output();
  out.write(decision::describe(record));
  const std::vector<decision::DecisionStep> missing = record.missing_steps();
  std::string steps;
  for (decision::DecisionStep s : missing)
    steps += (steps.empty() ? "" : ", ") + std::to_string(static_cast<int>(s) + 1) + " " + crmkit::name_of(s);
  out.write(missing.empty() ? "complete: every step is done\n" : "missing steps: " + steps + "\n");
}

}  // namespace

void add_decision(CLI::App& app) {
  auto o = std::make_shared<DecisionCommand>();
  CLI::App* cmd = app.add_subcommand("decision", "show a decision record and its missing steps");
  cmd->footer(
      "FILE is a saved decision record (the archive written by the C, C++ or Python API or\n"
      "by --save) or JSON with any of: statement, criteria [{name, direction, unit, parent}],\n"
      "weights, weight_method, alternatives, evaluations (one row per alternative), choice\n"
      "(a name or index), rationale, biases {bias: note}. The six steps are checked as they\n"
      "are set: a choice before steps 1-5 is an error naming what is missing. Biases:\n"
      "prior-hypothesis, representativeness, illusion-of-control, reasoning-by-analogy,\n"
      "escalating-commitment, groupthink.");
  cmd->add_option("FILE", o->path, "decision record (archive or JSON)")->required();
  cmd->add_option("--save", o->save, "write the record as an archive to this file");
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
