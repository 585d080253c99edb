#include "crmkit/quality/instrument.hpp"

#include <cctype>
#include <cmath>
#include <charconv>
#include <fstream>
#include <iterator>
#include <set>

#include "crmkit/error.hpp"
#include "detail/format.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

namespace {

std::string scale_text(const Scale& scale) {
  return detail::format_number(scale.min) + "-" + detail::format_number(scale.max);
}

// Items "first".."first + texts.size() - 1" with the given wording.
std::vector<Item> numbered_items(int first, std::initializer_list<const char*> texts,
                                 bool reverse_coded = false) {
  std::vector<Item> items;
  int id = first;
  for (const char* text : texts) items.push_back({std::to_string(id++), text, reverse_coded});
  return items;
}

}  // namespace

std::size_t Instrument::item_count() const noexcept {
  std::size_t n = 0;
  for (const Dimension& d : dimensions) n += d.items.size();
  return n;
}

std::vector<std::string> Instrument::item_ids() const {
  std::vector<std::string> ids;
  ids.reserve(item_count());
  for (const Dimension& d : dimensions)
    for (const Item& item : d.items) ids.push_back(item.id);
  return ids;
}

std::size_t Instrument::item_index(std::string_view id) const {
  std::size_t i = 0;
  for (const Dimension& d : dimensions)
    for (const Item& item : d.items) {
      if (item.id == id) return i;
      ++i;
    }
  throw Error(ErrorCode::invalid_argument,
              "instrument '" + name + "' has no item '" + std::string(id) + "'");
}

std::size_t Instrument::first_item(std::size_t d) const {
  require(d <= dimensions.size(), "dimension index " + std::to_string(d) + " is past the " +
                                      std::to_string(dimensions.size()) + " dimensions");
  std::size_t i = 0;
  for (std::size_t k = 0; k < d; ++k) i += dimensions[k].items.size();
  return i;
}

std::size_t Instrument::dimension_index(std::string_view dimension) const {
  for (std::size_t d = 0; d < dimensions.size(); ++d)
    if (dimensions[d].name == dimension) return d;
  std::string known;
  for (const Dimension& d : dimensions) known += (known.empty() ? "" : ", ") + d.name;
  throw Error(ErrorCode::invalid_argument, "instrument '" + name + "' has no dimension '" +
                                               std::string(dimension) +
                                               "' (dimensions: " + known + ")");
}

void validate(const Instrument& instrument) {
  const Scale& s = instrument.scale;
  require(std::isfinite(s.min) && std::isfinite(s.max) && s.min < s.max,
          "scale " + scale_text(s) + " of instrument '" + instrument.name +
              "': expected finite bounds with min < max");
  require(!instrument.dimensions.empty(),
          "instrument '" + instrument.name + "' has no dimensions");
  std::set<std::string_view> dimension_names;
  std::set<std::string_view> ids;
  for (const Dimension& d : instrument.dimensions) {
    require(!d.name.empty(), "instrument '" + instrument.name + "' has a dimension without a name");
    require(dimension_names.insert(d.name).second,
            "instrument '" + instrument.name + "' names dimension '" + d.name + "' twice");
    require(!d.items.empty(), "dimension '" + d.name + "' has no items");
    for (const Item& item : d.items) {
      require(!item.id.empty(), "dimension '" + d.name + "' has an item without an id");
      require(ids.insert(item.id).second,
              "instrument '" + instrument.name + "' uses item id '" + item.id + "' twice");
    }
  }
}

const NameTable& names(ServqualVersion) {
  static constexpr const char* kNames[] = {"1991", "1988"};
  static constexpr NameTable table("SERVQUAL version", kNames);
  return table;
}

const NameTable& names(MissingPolicy) {
  static constexpr const char* kNames[] = {"listwise", "pairwise", "dimension-mean"};
  static constexpr NameTable table("missing-answer policy", kNames);
  return table;
}

Instrument servqual_instrument(ServqualVersion version, Scale scale) {
  // 1988: responsiveness and empathy statements were worded negatively.
  const bool negative = version == ServqualVersion::v1988;
  Instrument servqual{"SERVQUAL", scale, {}};
  servqual.dimensions = {
      {"tangibles",
       numbered_items(1, {"modern-looking equipment", "visually appealing facilities",
                          "neat-appearing employees", "visually appealing materials"})},
      {"reliability",
       numbered_items(5, {"does what it promises by the promised time",
                          "sincere interest in solving a problem",
                          "performs the service right the first time",
                          "provides the service at the promised time",
                          "insists on error-free records"})},
      {"responsiveness",
       numbered_items(10, {"tells exactly when services will be performed",
                           "prompt service", "always willing to help",
                           "never too busy to respond to requests"},
                      negative)},
      {"assurance",
       numbered_items(14, {"employees' behaviour instils confidence",
                           "customers feel safe in transactions", "consistently courteous",
                           "knowledge to answer questions"})},
      {"empathy",
       numbered_items(18, {"individual attention", "convenient operating hours",
                           "personal attention from employees",
                           "customer's best interests at heart",
                           "understands customers' specific needs"},
                      negative)},
  };
  validate(servqual);
  return servqual;
}

Instrument customer_orientation_audit() {
  Instrument audit{"customer-orientation self-audit", {1, 5}, {}};
  audit.dimensions = {
      {"company philosophy and climate",
       numbered_items(1, {"committed to creating satisfied customers",
                          "rather right the first time than fixed later",
                          "show by action that satisfaction matters",
                          "aim to exceed customer needs",
                          "customer-mindedness counts for promotion",
                          "pursue total quality", "customer needs before internal needs"})},
      {"partnering with customers",
       numbered_items(8, {"act as consultant and partner when marketing",
                          "advertising avoids exaggeration", "know what customers value",
                          "design products and services from customer feedback",
                          "strive to lead the industry"})},
      {"finding and solving customer problems",
       numbered_items(13, {"listen to complaints", "regularly ask customers to rate us",
                           "regularly analyse complaints for problems",
                           "find procedures and systems that work against customers"})},
      {"communication and customer information",
       numbered_items(17, {"know what quality means to customers",
                           "employees meet customers in many settings",
                           "understand customer expectations clearly",
                           "regularly inform customers so they form concrete expectations",
                           "key managers understand customer needs",
                           "shared view of who the real customers are",
                           "frequent contact with customers"})},
      {"accommodating customers",
       numbered_items(24, {"customers find us easy to do business with",
                           "employees encouraged to accommodate customers",
                           "we try to resolve complaints",
                           "customers can easily voice complaints"})},
      {"capability and empowerment",
       numbered_items(28, {"company respects employees", "employees know the products",
                           "front-line staff have enough resources",
                           "junior staff can quickly decide to give needed extra service",
                           "employees find the work stimulating",
                           "employees take some part in decisions",
                           "staff cross-trained to cover for each other"})},
      {"process and product improvement",
       numbered_items(35, {"units cooperate to reach goals",
                           "study other companies to improve", "improve continuously",
                           "systematically shorten the R&D-to-production cycle",
                           "fix quality problems at once", "invest in new ideas"})},
  };
  validate(audit);
  return audit;
}

const std::vector<std::string>& employee_satisfaction_dimensions() {
  static const std::vector<std::string> kDimensions = {
      "job", "workplace", "working conditions", "organisation and personnel", "company image"};
  return kDimensions;
}

Instrument employee_satisfaction_instrument(const std::vector<std::vector<Item>>& items,
                                            Scale scale) {
  const auto& dimensions = employee_satisfaction_dimensions();
  require(items.size() == dimensions.size(),
          "employee satisfaction takes items for its " + std::to_string(dimensions.size()) +
              " dimensions (job, workplace, working conditions, organisation and personnel, "
              "company image); got " + std::to_string(items.size()) + " lists");
  Instrument instrument{"employee satisfaction", scale, {}};
  for (std::size_t d = 0; d < dimensions.size(); ++d)
    instrument.dimensions.push_back({dimensions[d], items[d]});
  validate(instrument);
  return instrument;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
      return false;
  return true;
}

// One finite number, the whole of `text`.
bool read_number(std::string_view text, double& out) {
  text = trim(text);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size() &&
         std::isfinite(out);
}

}  // namespace

Scale parse_scale(std::string_view text) {
  text = trim(text);
  // A leading '-' belongs to MIN: "-3-3" is -3 to 3.
  const std::size_t dash = text.find('-', 1);
  Scale scale;
  require(dash != std::string_view::npos && read_number(text.substr(0, dash), scale.min) &&
              read_number(text.substr(dash + 1), scale.max),
          "scale '" + std::string(text) + "': expected MIN-MAX, e.g. 1-5");
  require(scale.min < scale.max, "scale '" + std::string(text) + "': MIN must be below MAX");
  return scale;
}

Instrument parse_instrument(std::string_view text, const std::string& source) {
  Instrument instrument{"instrument", {}, {}};
  bool named = false, scaled = false;
  std::size_t items = 0, line_number = 0;
  std::set<std::string> ids;
  auto fail = [&](const std::string& what) -> Error {
    return Error(ErrorCode::parse_error, source + ":" + std::to_string(line_number) + ": " + what);
  };
  while (!text.empty()) {
    ++line_number;
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      throw fail("expected 'key: value' (keys: instrument, scale, dimension, item)");
    const std::string_view key = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "instrument") {
      if (named) throw fail("the instrument is named twice");
      if (value.empty()) throw fail("empty instrument name");
      instrument.name = std::string(value);
      named = true;
    } else if (key == "scale") {
      if (scaled) throw fail("the scale is given twice");
      try {
        instrument.scale = parse_scale(value);
      } catch (const Error& e) {
        throw fail(e.what());
      }
      scaled = true;
    } else if (key == "dimension") {
      if (value.empty()) throw fail("empty dimension name");
      for (const Dimension& d : instrument.dimensions)
        if (d.name == value) throw fail("dimension '" + std::string(value) + "' is named twice");
      if (!instrument.dimensions.empty() && instrument.dimensions.back().items.empty())
        throw fail("dimension '" + instrument.dimensions.back().name + "' has no items");
      instrument.dimensions.push_back({std::string(value), {}});
    } else if (key == "item") {
      if (instrument.dimensions.empty()) throw fail("an item before the first 'dimension:'");
      if (++items > kMaxInstrumentItems)
        throw fail("more than " + std::to_string(kMaxInstrumentItems) + " items");
      std::string_view fields[3];
      std::size_t count = 0;
      for (std::string_view rest = value;; ++count) {
        const std::size_t bar = rest.find('|');
        if (count == 3) throw fail("an item has at most three parts: ID | wording | reverse");
        fields[count] = trim(rest.substr(0, bar));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
      if (!valid_id(fields[0]))
        throw fail("item id '" + std::string(fields[0]) +
                   "': expected 1-64 letters, digits, '_', '-' or '.'");
      if (count == 2 && fields[2] != "reverse")
        throw fail("third part of an item is 'reverse', not '" + std::string(fields[2]) + "'");
      if (!ids.insert(std::string(fields[0])).second)
        throw fail("item id '" + std::string(fields[0]) + "' is used twice");
      instrument.dimensions.back().items.push_back(
          {std::string(fields[0]), std::string(fields[1]), count == 2});
    } else {
      throw fail("unknown key '" + std::string(key) +
                 "' (keys: instrument, scale, dimension, item)");
    }
  }
  try {
    validate(instrument);
  } catch (const Error& e) {
    throw Error(ErrorCode::parse_error, source + ": " + e.what());
  }
  return instrument;
}

Instrument read_instrument(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path + ": cannot open the instrument file");
  constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
  std::string text(kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw Error(ErrorCode::io_error, path + ": read error");
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxBytes)
    throw Error(ErrorCode::parse_error, path + ": an instrument file is at most 1 MiB");
  return parse_instrument(text, path);
}

std::optional<AnswerPosition> first_answer_off_scale(const Scale& scale, const Answers& answers) {
  require(answers.respondents == 0 || answers.data != nullptr,
          "answers: null pointer for " + std::to_string(answers.respondents) + " respondents");
  for (std::size_t r = 0; r < answers.respondents; ++r)
    for (std::size_t i = 0; i < answers.items; ++i) {
      const double x = answers(r, i);
      if (!std::isnan(x) && !(x >= scale.min && x <= scale.max)) return AnswerPosition{r, i};
    }
  return std::nullopt;
}

void validate_answers(const Instrument& instrument, const Answers& answers) {
  validate(instrument);
  const std::size_t items = instrument.item_count();
  require(answers.items == items, "answers have " + std::to_string(answers.items) +
                                      " columns; instrument '" + instrument.name + "' has " +
                                      std::to_string(items) + " items");
  require(answers.respondents == 0 || answers.data != nullptr,
          "answers: null pointer for " + std::to_string(answers.respondents) + " respondents");
  const std::optional<AnswerPosition> off = first_answer_off_scale(instrument.scale, answers);
  if (!off) return;
  throw Error(ErrorCode::invalid_argument,
              "respondent " + std::to_string(off->respondent) + ", item " +
                  instrument.item_ids()[off->item] + ": answer " +
                  detail::format_number(answers(off->respondent, off->item)) +
                  " is outside the scale " + scale_text(instrument.scale));
}

ScoredAnswers score_answers(const Instrument& instrument, const Answers& answers,
                            const MissingOptions& missing) {
  validate_answers(instrument, answers);
  require(missing.min_answered >= 1, "min_answered must be at least 1");
  const std::size_t items = answers.items;
  std::vector<char> reversed;
  for (const Dimension& d : instrument.dimensions)
    for (const Item& item : d.items) reversed.push_back(item.reverse_coded);

  ScoredAnswers scored;
  scored.items = items;
  scored.values.reserve(answers.respondents * items);
  std::vector<double> row(items);
  for (std::size_t r = 0; r < answers.respondents; ++r) {
    bool complete = true;
    for (std::size_t i = 0; i < items; ++i) {
      const double x = answers(r, i);
      complete = complete && !std::isnan(x);
      row[i] = reversed[i] ? instrument.scale.reverse(x) : x;
    }
    if (missing.policy == MissingPolicy::listwise && !complete) continue;
    if (missing.policy == MissingPolicy::dimension_mean && !complete) {
      for (std::size_t d = 0; d < instrument.dimensions.size(); ++d) {
        const std::size_t first = instrument.first_item(d);
        const std::size_t last = first + instrument.dimensions[d].items.size();
        double sum = 0;
        std::size_t answered = 0;
        for (std::size_t i = first; i < last; ++i)
          if (!std::isnan(row[i])) sum += row[i], ++answered;
        const double fill = answered >= missing.min_answered ? sum / static_cast<double>(answered) : NAN;
        for (std::size_t i = first; i < last; ++i)
          if (std::isnan(row[i]) || answered < missing.min_answered) row[i] = fill;
      }
    }
    scored.values.insert(scored.values.end(), row.begin(), row.end());
    scored.respondent.push_back(r);
  }
  scored.respondents = scored.respondent.size();
  return scored;
}

std::vector<double> dimension_scores(const Instrument& instrument, const Answers& scored) {
  validate(instrument);
  require(scored.items == instrument.item_count(),
          "scored answers have " + std::to_string(scored.items) + " columns; instrument '" +
              instrument.name + "' has " + std::to_string(instrument.item_count()) + " items");
  require(scored.respondents == 0 || scored.data != nullptr, "scored answers: null pointer");
  const std::size_t dimensions = instrument.dimensions.size();
  std::vector<std::size_t> bounds(dimensions + 1);
  for (std::size_t d = 0; d <= dimensions; ++d) bounds[d] = instrument.first_item(d);
  std::vector<double> scores(scored.respondents * dimensions);
  for (std::size_t r = 0; r < scored.respondents; ++r)
    for (std::size_t d = 0; d < dimensions; ++d) {
      double sum = 0;
      std::size_t answered = 0;
      for (std::size_t i = bounds[d]; i < bounds[d + 1]; ++i) {
        const double x = scored(r, i);
        if (!std::isnan(x)) sum += x, ++answered;
      }
      scores[r * dimensions + d] = answered ? sum / static_cast<double>(answered) : NAN;
    }
  return scores;
}

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
