// Survey instruments: dimensions of items on a rating scale, and the answers respondents
// give to them. Every statistic of the quality pillar (SERVQUAL, gaps, IPA, reliability,
// CSI, the self-audit) reads answers through this header, so reverse coding, the scale and
// the missing-answer policy are decided once, here.
//
// Answers are a respondents x items matrix of doubles, row-major (one row per respondent,
// columns in the instrument's item order: dimension by dimension, items in order), NaN for
// an unanswered item. This is the layout of a survey CSV file and of a C-ordered NumPy
// array, so neither is copied to be read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crmkit/names.hpp"

namespace crmkit {
inline namespace v0 {
namespace quality {

// A closed rating scale: answers are real numbers in [min, max] (1-7, 1-5, 1-10, ...).
struct Scale {
  double min = 1;
  double max = 7;
  double midpoint() const noexcept { return (min + max) / 2; }
  double range() const noexcept { return max - min; }
  // A reverse-coded item's answer on the item's own direction: min + max - answer.
  double reverse(double answer) const noexcept { return min + max - answer; }
};

// "MIN-MAX" as a scale ("1-5", "0-10", "-3-3"); invalid_argument unless both are finite
// numbers with MIN < MAX.
Scale parse_scale(std::string_view text);

struct Item {
  std::string id;    // unique within the instrument; survey columns are a prefix + id
  std::string text;  // optional wording, for reports
  // Worded negatively: answers are reversed (Scale::reverse) before any statistic.
  bool reverse_coded = false;
};

struct Dimension {
  std::string name;
  std::vector<Item> items;
};

struct Instrument {
  std::string name;
  Scale scale;
  std::vector<Dimension> dimensions;

  std::size_t item_count() const noexcept;
  // Item ids in column order (dimension by dimension).
  std::vector<std::string> item_ids() const;
  // Column of the item with this id; invalid_argument naming the id when there is none.
  std::size_t item_index(std::string_view id) const;
  // Column of the first item of dimension d (d = dimensions.size() gives item_count()):
  // dimension d's items are columns [first_item(d), first_item(d + 1)).
  std::size_t first_item(std::size_t d) const;
  // Index of the dimension called `name`; invalid_argument listing the names otherwise.
  std::size_t dimension_index(std::string_view name) const;
};

// Throws invalid_argument unless the instrument is usable: a finite scale with min < max,
// at least one dimension, every dimension named (names unique) with at least one item,
// item ids non-empty and unique across the instrument. Messages name the dimension or id.
void validate(const Instrument& instrument);

// A caller's own instrument as text, one statement per line ('#' starts a comment; blank
// lines are skipped; keys are case-sensitive):
//
//   instrument: Branch survey          the name (optional, at most once)
//   scale: 1-5                         the scale (optional, default 1-7), "MIN-MAX"
//   dimension: staff                   starts a dimension; its items follow
//   item: S1                           an item id (letters, digits, '_', '-', '.')
//   item: S2 | friendly greeting       ... with its wording after '|'
//   item: S3 | kept us waiting | reverse    ... reverse-coded
//
// Throws parse_error "SOURCE:LINE: what" for an unknown key, an item before any dimension,
// a malformed scale or id, or more than kMaxInstrumentItems items; then validate()'s checks
// (duplicate ids, empty dimensions) with the line of the offending statement.
inline constexpr std::size_t kMaxInstrumentItems = 10000;
Instrument parse_instrument(std::string_view text, const std::string& source = "instrument");
// The same from a file; io_error naming the path when it cannot be read, parse_error for a
// file larger than 1 MiB.
Instrument read_instrument(const std::string& path);

// ---------------------------------------------------------------------------------------
// Bundled instruments

enum class ServqualVersion {
  // Parasuraman, Berry & Zeithaml (1991): all 22 statements worded positively.
  v1991,
  // Parasuraman, Zeithaml & Berry (1988): statements 10-13 (responsiveness) and 18-22
  // (empathy) worded negatively, so they are reverse-coded here.
  v1988,
};
const NameTable& names(ServqualVersion);

// SERVQUAL's 22 items in five dimensions: tangibles 1-4, reliability 5-9, responsiveness
// 10-13, assurance 14-17, empathy 18-22. Item ids are "1".."22" (survey columns E1..E22,
// P1..P22, A1..A22); the text is a short paraphrase of each statement. The published
// instrument uses a 1-7 scale; another scale may be given.
Instrument servqual_instrument(ServqualVersion version = ServqualVersion::v1991,
                               Scale scale = {1, 7});

// The customer-orientation self-audit of the course material: 40 items in 7 categories on
// a 1-5 scale (1 not at all ... 5 very much); category maxima 35/25/20/35/20/35/30. Item
// ids "1".."40" in the order of the categories.
Instrument customer_orientation_audit();

// The five dimensions of employee satisfaction, in order: "job", "workplace",
// "working conditions", "organisation and personnel", "company image".
const std::vector<std::string>& employee_satisfaction_dimensions();
// An employee-satisfaction instrument from the caller's items: `items[d]` are the items of
// dimension d above (exactly five lists, each non-empty).
Instrument employee_satisfaction_instrument(const std::vector<std::vector<Item>>& items,
                                            Scale scale = {1, 5});

// ---------------------------------------------------------------------------------------
// Answers

// A read-only view of respondents x items answers, row-major, NaN = unanswered.
struct Answers {
  const double* data = nullptr;
  std::size_t respondents = 0;
  std::size_t items = 0;
  double operator()(std::size_t respondent, std::size_t item) const noexcept {
    return data[respondent * items + item];
  }
};

// How unanswered items (NaN) enter the statistics.
enum class MissingPolicy {
  // Statistics use only respondents who answered every item of the instrument.
  listwise,
  // Each statistic uses every answer it can: an item's mean uses that item's answers, a
  // correlation the respondents who answered both items.
  pairwise,
  // A respondent's unanswered item takes the mean of their answered items in the same
  // dimension when at least `min_answered` of that dimension's items are answered; with
  // fewer, the whole dimension counts as unanswered for that respondent.
  dimension_mean,
};
const NameTable& names(MissingPolicy);

struct MissingOptions {
  MissingPolicy policy = MissingPolicy::pairwise;
  std::size_t min_answered = 1;  // dimension_mean only; at least 1
};

// The first answer (row by row) that is neither NaN nor on the instrument's scale, if any:
// lets a reader restate validate_answers' complaint at its own file and line.
struct AnswerPosition {
  std::size_t respondent;
  std::size_t item;
};
std::optional<AnswerPosition> first_answer_off_scale(const Scale& scale, const Answers& answers);

// Throws invalid_argument unless `answers` fits the instrument: items == item_count(), a
// non-null pointer when there are answers, every answer NaN or on the scale. Messages name
// the respondent (0-based row) and the item id, e.g. "respondent 12, item P7: answer 9 is
// outside the scale 1-7".
void validate_answers(const Instrument& instrument, const Answers& answers);

// Answers as the statistics read them: validated, reverse-coded items reversed, missing
// answers resolved by the policy (listwise drops respondents, dimension_mean fills in,
// pairwise leaves NaN). `respondent` maps each kept row to its row in the input.
struct ScoredAnswers {
  std::vector<double> values;  // respondents x items, row-major
  std::size_t respondents = 0;
  std::size_t items = 0;
  std::vector<std::size_t> respondent;
  Answers view() const noexcept { return {values.data(), respondents, items}; }
};
ScoredAnswers score_answers(const Instrument& instrument, const Answers& answers,
                            const MissingOptions& missing = {});

// Each respondent's dimension scores: the mean of their scored answers to the dimension's
// items (respondents x dimensions, row-major); NaN when none is answered. `scored` comes
// from score_answers for the same instrument.
std::vector<double> dimension_scores(const Instrument& instrument, const Answers& scored);

}  // namespace quality
}  // namespace v0
}  // namespace crmkit
