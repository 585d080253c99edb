// crmkit audit FILE: the customer-orientation self-audit (or any instrument scored as
// category sums, e.g. employee satisfaction with --instrument): each category's score,
// maximum and percentage, weakest first.
#include <memory>
#include <nlohmann/json.hpp>

#include "common/input.hpp"
#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/quality/audit.hpp"
#include "quality/survey.hpp"

namespace crmkit_cli {

namespace {

namespace quality = crmkit::quality;

struct AuditCommand {
  std::string path, prefix = "Q";
  SurveyOptions survey;
  FormatOptions format;
};

void run(const AuditCommand& o) {
  const quality::Instrument instrument = o.survey.instrument_in_use();
  const quality::MissingOptions missing = o.survey.missing_options();
  Input input(o.path, o.survey.csv());
  const SurveyAnswers answers = read_survey_answers(input.reader(), instrument, {{o.prefix, true}});
  const quality::CategoryScores s =
      quality::category_scores(instrument, answers.view(0, instrument.item_count()), missing);
  const std::size_t dims = s.categories.size();

  Sink& out = standard_output();
  if (o.format.json) {
    nlohmann::ordered_json categories = nlohmann::ordered_json::array();
    for (std::size_t rank = 0; rank < dims; ++rank) {
      const std::size_t d = s.weakest[rank];
      categories.push_back({{"rank", rank + 1},
                            {"category", s.categories[d]},
                            {"items", s.items[d]},
                            {"mean_score", json_number(s.mean_score[d])},
                            {"maximum", json_number(s.maximum[d])},
                            {"percentage", json_number(s.mean_percentage[d])},
                            {"scored", s.scored[d]}});
    }
    nlohmann::ordered_json respondents = nlohmann::ordered_json::array();
    for (std::size_t r = 0; r < s.respondents; ++r) {
      nlohmann::ordered_json scores = nlohmann::ordered_json::object();
      for (std::size_t d = 0; d < dims; ++d)
        scores[s.categories[d]] = {{"score", json_number(s.score[r * dims + d])},
                                   {"percentage", json_number(s.percentage[r * dims + d])}};
      respondents.push_back({{"line", answers.line[r]},
                             {"total", json_number(s.total[r])},
                             {"total_percentage", json_number(s.total_percentage[r])},
                             {"categories", scores}});
    }
    write_json(out, {{"instrument", instrument.name},
                     {"respondents", s.respondents},
                     {"missing", crmkit::name_of(missing.policy)},
                     {"categories", categories},
                     {"total", {{"mean_score", json_number(s.mean_total)},
                                {"maximum", json_number(s.total_maximum)},
                                {"percentage", json_number(s.mean_total_percentage)},
                                {"scored", s.scored_total}}},
                     {"by_respondent", respondents}});
    return;
  }
  out.write(instrument.name + ": " + std::to_string(s.respondents) +
            " respondents (missing answers: " + crmkit::name_of(missing.policy) +
            "); categories weakest first; scores are means over respondents, rounded to 4 "
            "decimals (--json: full)\n\n");
  Rows rows(out, Format::table, {"rank", "category", "items", "score", "maximum", "percent", "scored"});
  for (std::size_t rank = 0; rank < dims; ++rank) {
    const std::size_t d = s.weakest[rank];
    rows.add({static_cast<std::int64_t>(rank + 1), s.categories[d],
              static_cast<std::int64_t>(s.items[d]), for_table(s.mean_score[d]), s.maximum[d],
              for_table(s.mean_percentage[d]), static_cast<std::int64_t>(s.scored[d])});
  }
  rows.add({std::string(), std::string("total"), static_cast<std::int64_t>(instrument.item_count()),
            for_table(s.mean_total), s.total_maximum, for_table(s.mean_total_percentage),
            static_cast<std::int64_t>(s.scored_total)});
  rows.finish();
}

}  // namespace

void add_audit(CLI::App& app) {
  auto o = std::make_shared<AuditCommand>();
  CLI::App* cmd = app.add_subcommand("audit", "customer-orientation self-audit: category scores, weakest first");
  cmd->footer(
      "FILE is a survey CSV, one row per respondent, with the columns <prefix><item id>:\n"
      "Q1..Q40 for the bundled 40-item self-audit (1-5 scale). A category's score is the sum\n"
      "of its answers, its maximum 5 x items (35/25/20/35/20/35/30), its percentage score /\n"
      "maximum x 100. An unanswered item never counts as 0: under --missing pairwise the\n"
      "category has no score for that respondent, dimension-mean fills the blank from the\n"
      "respondent's other answers in the category, listwise drops the respondent.\n"
      "Any instrument can be scored this way with --instrument (employee satisfaction, say).");
  add_file_argument(*cmd, o->path, "survey");
  cmd->add_option_group("Audit")
      ->add_option("--prefix", o->prefix, "column prefix of the answers")
      ->default_val(o->prefix);
  add_survey_options(*cmd, o->survey, BundledInstrument::audit);
  add_format_options(*cmd, o->format, false);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
