#include "quality/survey.hpp"

#include <algorithm>
#include <sstream>

#include "common/options.hpp"
#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace quality = crmkit::quality;
namespace io = crmkit::io;
using crmkit::Error;
using crmkit::ErrorCode;

quality::Instrument SurveyOptions::instrument_in_use() const {
  quality::Instrument chosen;
  if (!instrument.empty()) {
    if (!servqual_version.empty())
      throw UsageError("--servqual-version applies to the bundled SERVQUAL, not --instrument");
    chosen = quality::read_instrument(instrument);
  } else if (bundled == BundledInstrument::servqual) {
    chosen = quality::servqual_instrument(
        servqual_version.empty() ? quality::ServqualVersion{}
                                 : crmkit::parse_enum<quality::ServqualVersion>(servqual_version));
  } else {
    if (!servqual_version.empty())
      throw UsageError("--servqual-version applies to the bundled SERVQUAL only");
    chosen = quality::customer_orientation_audit();
  }
  if (!scale.empty()) {
    try {
      chosen.scale = quality::parse_scale(scale);
    } catch (const Error& e) {
      throw UsageError(std::string("--scale: ") + e.what());
    }
  }
  return chosen;
}

quality::MissingOptions SurveyOptions::missing_options() const {
  quality::MissingOptions options;
  if (!missing.empty()) options.policy = crmkit::parse_enum<quality::MissingPolicy>(missing);
  if (min_answered < 1) throw UsageError("--min-answered must be at least 1");
  options.min_answered = min_answered;
  return options;
}

io::CsvOptions SurveyOptions::csv() const {
  io::CsvOptions csv;
  csv.delimiter = parse_delimiter(delimiter);
  return csv;
}

void add_survey_options(CLI::App& command, SurveyOptions& o, BundledInstrument bundled) {
  o.bundled = bundled;
  const quality::MissingOptions missing;
  CLI::App* g = command.add_option_group("Survey", "the instrument FILE's answers follow");
  g->add_option("--instrument", o.instrument,
                std::string("instrument definition file (see README); default: the bundled ") +
                    (bundled == BundledInstrument::servqual ? "SERVQUAL"
                                                            : "customer-orientation self-audit"));
  if (bundled == BundledInstrument::servqual)
    g->add_option("--servqual-version", o.servqual_version,
                  "1991 (all statements positive) or 1988 (10-13 and 18-22 reverse-coded)")
        ->default_str(crmkit::name_of(quality::ServqualVersion{}))
        ->check(choices_of<quality::ServqualVersion>());
  g->add_option("--scale", o.scale, "answer scale MIN-MAX, overriding the instrument's (e.g. 1-5)");
  g->add_option("--missing", o.missing, "how unanswered items are treated")
      ->default_str(crmkit::name_of(missing.policy))
      ->check(choices_of<quality::MissingPolicy>());
  o.min_answered = missing.min_answered;
  g->add_option("--min-answered", o.min_answered,
                "dimension-mean: answered items a dimension needs to fill in the rest")
      ->default_val(missing.min_answered);
  o.delimiter = delimiter_name(io::CsvOptions{}.delimiter);
  g->add_option("--delimiter", o.delimiter, "one character, tab, whitespace or auto")
      ->default_val(o.delimiter);
}

SurveyAnswers read_survey_answers(io::CsvReader& reader, const quality::Instrument& instrument,
                                  const std::vector<Prefix>& prefixes,
                                  const std::vector<std::string>& extra,
                                  std::vector<double>* extra_values) {
  quality::validate(instrument);
  const std::vector<std::string> ids = instrument.item_ids();
  const auto& header = reader.header();
  auto present = [&](const std::string& column) {
    return std::find(header.begin(), header.end(), column) != header.end();
  };
  // Which prefixes the file has; the columns to read, prefix by prefix, then the extras.
  std::vector<bool> has(prefixes.size());
  std::vector<std::string> columns;
  for (std::size_t k = 0; k < prefixes.size(); ++k) {
    std::size_t found = 0;
    std::string absent;
    for (const std::string& id : ids) {
      if (present(prefixes[k].prefix + id)) ++found;
      else if (absent.empty()) absent = prefixes[k].prefix + id;
    }
    has[k] = found == ids.size();
    if (found == 0 && !prefixes[k].required) continue;
    if (!has[k])
      throw Error(ErrorCode::parse_error,
                  reader.name() + ":1: no column '" + absent + "' (instrument '" +
                      instrument.name + "' has " + std::to_string(ids.size()) + " items, " +
                      prefixes[k].prefix + ids.front() + ".." + prefixes[k].prefix + ids.back() +
                      ")");
    for (const std::string& id : ids) columns.push_back(prefixes[k].prefix + id);
  }
  columns.insert(columns.end(), extra.begin(), extra.end());
  io::SurveyTable table = io::read_survey(reader, columns);

  SurveyAnswers out;
  out.source = reader.name();
  out.line = std::move(table.line);
  out.respondents = table.respondents;
  if (out.respondents == 0)
    throw Error(ErrorCode::invalid_argument, out.source + ": no respondents (a header and no answers)");
  out.present.assign(has.begin(), has.end());
  out.answers.resize(prefixes.size());
  const std::size_t width = columns.size();
  std::size_t offset = 0;
  for (std::size_t k = 0; k < prefixes.size(); ++k) {
    if (!has[k]) continue;
    std::vector<double>& m = out.answers[k];
    m.reserve(out.respondents * ids.size());
    for (std::size_t r = 0; r < out.respondents; ++r)
      m.insert(m.end(), table.values.begin() + static_cast<std::ptrdiff_t>(r * width + offset),
               table.values.begin() + static_cast<std::ptrdiff_t>(r * width + offset + ids.size()));
    if (const auto off = quality::first_answer_off_scale(instrument.scale,
                                                         out.view(k, ids.size()))) {
      std::ostringstream answer;
      answer << m[off->respondent * ids.size() + off->item];
      const quality::Scale& s = instrument.scale;
      std::ostringstream scale;
      scale << s.min << "-" << s.max;
      throw Error(ErrorCode::invalid_argument,
                  out.source + ":" + std::to_string(out.line[off->respondent]) + ": column " +
                      prefixes[k].prefix + ids[off->item] + ": answer " + answer.str() +
                      " is outside the scale " + scale.str() + " (--scale changes the scale)");
    }
    offset += ids.size();
  }
  if (extra_values) {
    extra_values->clear();
    extra_values->reserve(out.respondents * extra.size());
    for (std::size_t r = 0; r < out.respondents; ++r)
      extra_values->insert(
          extra_values->end(), table.values.begin() + static_cast<std::ptrdiff_t>(r * width + offset),
          table.values.begin() + static_cast<std::ptrdiff_t>(r * width + width));
  }
  return out;
}

}  // namespace crmkit_cli
