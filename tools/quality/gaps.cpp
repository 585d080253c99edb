// crmkit gaps FILE...: the five-gap model per dimension from the surveys of customers,
// managers, standards, audits and promises: gaps 1-5, the gap that contributes most to
// gap 5, and the remedies to start with.
#include <array>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/error.hpp"
#include "crmkit/quality/gaps.hpp"
#include "quality/gap_sources.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;
using quality::kGapSources;
using quality::kGaps;

struct GapsCommand {
  std::vector<std::string> paths;
  std::array<std::string, kGapSources> prefix;
  SurveyOptions survey;
  FormatOptions format;
};

nlohmann::ordered_json gaps_json(const quality::DimensionGaps& d) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (std::size_t g = 0; g < kGaps; ++g)
    j[crmkit::name_of(static_cast<quality::Gap>(g))] = json_number(d.gap[g]);
  j["main_contributor"] = d.main_contributor
                              ? nlohmann::ordered_json(crmkit::name_of(*d.main_contributor))
                              : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json ranked = nlohmann::ordered_json::array();
  for (quality::Gap g : d.ranked) ranked.push_back(crmkit::name_of(g));
  j["ranked"] = ranked;
  nlohmann::ordered_json remedies = nlohmann::ordered_json::array();
  for (const quality::GapRemedy& r : d.remedies)
    remedies.push_back({{"gap", crmkit::name_of(r.gap)}, {"remedy", r.text}});
  j["remedies"] = remedies;
  return j;
}

std::string contributor_text(const quality::DimensionGaps& d) {
  return d.main_contributor ? std::string(crmkit::name_of(*d.main_contributor)) : std::string();
}

void run(const GapsCommand& o) {
  const quality::Instrument instrument = o.survey.instrument_in_use();
  const GapSources s = read_gap_sources(o.paths, o.prefix, o.survey, instrument);
  const std::size_t k = instrument.item_count();
  quality::GapSurveys surveys;
  for (std::size_t i = 0; i < kGapSources; ++i)
    if (!s.files[i].empty()) surveys.source[i] = {s.answers[i].data(), s.respondents[i], k};
  const quality::GapReport report =
      quality::five_gaps(quality::gap_means(instrument, surveys, o.survey.missing_options()));

  Sink& out = standard_output();
  if (o.format.json) {
    nlohmann::ordered_json sources = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < kGapSources; ++i)
      sources[crmkit::name_of(static_cast<quality::GapSource>(i))] =
          s.files[i].empty() ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json{{"prefix", o.prefix[i]},
                                                      {"files", s.files[i]},
                                                      {"respondents", s.respondents[i]}};
    nlohmann::ordered_json dimensions = nlohmann::ordered_json::array();
    for (std::size_t d = 0; d < report.dimensions.size(); ++d) {
      nlohmann::ordered_json j = {{"dimension", report.dimensions[d]}};
      j.update(gaps_json(report.per_dimension[d]));
      dimensions.push_back(j);
    }
    write_json(out, {{"sources", sources},
                     {"dimensions", dimensions},
                     {"overall", gaps_json(report.overall)}});
    return;
  }
  static_assert(kGaps == 5, "one column per gap below");
  Rows rows(out, o.format.small(),
            {"dimension", "gap1", "gap2", "gap3", "gap4", "gap5", "main_contributor"});
  const auto add = [&](const std::string& name, const quality::DimensionGaps& d) {
    rows.add({name, d.gap[0], d.gap[1], d.gap[2], d.gap[3], d.gap[4], contributor_text(d)});
  };
  for (std::size_t d = 0; d < report.dimensions.size(); ++d)
    add(report.dimensions[d], report.per_dimension[d]);
  add("overall", report.overall);
  rows.finish();
  if (o.format.csv) return;

  // What the table leaves empty, and what to do first.
  std::string missing;
  for (std::size_t i = 0; i < kGapSources; ++i)
    if (s.files[i].empty())
      missing += (missing.empty() ? "" : ", ") + std::string(crmkit::name_of(
                                                     static_cast<quality::GapSource>(i))) +
                 " (" + o.prefix[i] + ")";
  if (!missing.empty())
    out.write("\nnot measured: " + missing + "; gaps that need them are not computable (empty)\n");
  const quality::DimensionGaps& overall = report.overall;
  if (!overall.main_contributor) {
    out.write("\nno computable gap of 1-4 falls short overall\n");
    return;
  }
  out.write("\nmain contributor to gap 5 overall: " + contributor_text(overall) + " (" +
            quality::gap_title(*overall.main_contributor) + ")\nremedies, by shortfall:\n");
  for (quality::Gap g : overall.ranked) {
    const auto& remedies = quality::gap_remedies(g);
    out.write("  " + std::string(crmkit::name_of(g)) + " (" + quality::gap_title(g) + ", " +
              number_text(overall.gap[static_cast<std::size_t>(g)]) + ")" +
              (remedies.empty() ? ": the material lists no remedy\n" : ":\n"));
    for (const std::string& text : remedies) out.write("    " + text + "\n");
  }
}

}  // namespace

void add_gaps(CLI::App& app) {
  auto o = std::make_shared<GapsCommand>();
  CLI::App* cmd = app.add_subcommand(
      "gaps", "the five-gap model: gaps 1-5 per dimension, the main cause, the remedies");
  cmd->footer(
      "Each FILE is a survey CSV, one row per respondent, holding any of six sources as\n"
      "answers to the instrument's items (SERVQUAL unless --instrument), one column per item:\n"
      "  E<id> customer expectations        M<id> management's perception of them\n"
      "  S<id> service specifications       D<id> service delivered (audits)\n"
      "  C<id> service promised             P<id> customer perceptions\n"
      "A source's columns must all be present or all absent in a file; a source found in\n"
      "several FILEs gathers their rows. Per dimension: gap1 = M - E, gap2 = S - M,\n"
      "gap3 = D - S, gap4 = D - C, gap5 = P - E (means of the item means; negative = falling\n"
      "short). A gap whose sources are missing is not computable (empty, null in JSON). The\n"
      "main contributor is the gap of 1-4 with the largest shortfall; its remedies come\n"
      "first.");
  cmd->add_option("FILE", o->paths, "surveys (- for standard input)")->required();
  CLI::App* g = cmd->add_option_group("Sources");
  const char* letters = "EMSDCP";
  for (std::size_t i = 0; i < kGapSources; ++i) {
    const std::string name = crmkit::name_of(static_cast<quality::GapSource>(i));
    g->add_option("--" + name + "-prefix", o->prefix[i], name + " columns PREFIX<item id>")
        ->default_val(std::string(1, letters[i]));
  }
  add_survey_options(*cmd, o->survey, BundledInstrument::servqual);
  add_format_options(*cmd, o->format, true);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
