#include "crmkit/value/rfm.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace value {
namespace {

SegmentRule rule(const char* name, ScoreRange r, ScoreRange f) {
  return SegmentRule{name, r, f, ScoreRange{}};
}

bool in(int score, ScoreRange range) { return score >= range.min && score <= range.max; }

std::string trim(std::string_view s) {
  const auto not_space = [](char c) { return !std::isspace(static_cast<unsigned char>(c)); };
  const auto b = std::find_if(s.begin(), s.end(), not_space);
  const auto e = std::find_if(s.rbegin(), s.rend(), not_space).base();
  return b < e ? std::string(b, e) : std::string();
}

[[noreturn]] void parse_fail(const std::string& rule_text, const std::string& why) {
  throw Error(ErrorCode::parse_error, "segment rule '" + rule_text + "': " + why);
}

// "A" or "A-B" with one-digit scores.
ScoreRange parse_range(const std::string& text, const std::string& rule_text) {
  const auto digit = [&](char c) {
    if (c < '1' || c > '9') parse_fail(rule_text, "score range '" + text + "' is not A or A-B with A, B in 1..9");
    return c - '0';
  };
  if (text.size() == 1) return ScoreRange{digit(text[0]), digit(text[0])};
  if (text.size() == 3 && text[1] == '-') return ScoreRange{digit(text[0]), digit(text[2])};
  parse_fail(rule_text, "score range '" + text + "' is not A or A-B with A, B in 1..9");
}

// Bins before anything else, so that a bad number of bins is blamed on bins, not on the
// first segment rule that cannot match it. `cuts`: the cut list the bins come from, if any.
void require_rfm_bins(int bins, const char* cuts) {
  require_lazy(bins >= kMinRfmBins && bins <= kMaxRfmBins, [&] {
    const std::string range = std::to_string(kMinRfmBins) + ".." + std::to_string(kMaxRfmBins);
    if (*cuts)
      return std::string(cuts) + " has " + std::to_string(bins - 1) + " values: bins - 1 " +
             "cuts are needed, with bins in " + range + " (scores are one digit)";
    return "bins = " + std::to_string(bins) + ": must be in " + range + " (scores are one digit)";
  });
}

void validate_rules(const std::vector<SegmentRule>& rules, int bins) {
  require(rules.size() < 255, "segments: " + std::to_string(rules.size()) + " rules, at most 254");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const SegmentRule& r = rules[i];
    const std::string where = "segments[" + std::to_string(i) + "] '" + r.name + "'";
    require(!r.name.empty(), "segments[" + std::to_string(i) + "] has no name");
    require(r.name != kOtherSegment, where + ": the name is reserved for unmatched customers");
    for (std::size_t j = 0; j < i; ++j) require(rules[j].name != r.name, where + ": duplicate name");
    const std::pair<const char*, ScoreRange> dims[] = {
        {"recency", r.recency}, {"frequency", r.frequency}, {"monetary", r.monetary}};
    for (const auto& [dim, range] : dims) {
      require(range.min >= 1 && range.min <= range.max && range.max <= 9,
              where + ": " + dim + " range " + std::to_string(range.min) + "-" +
                  std::to_string(range.max) + " is not 1 <= min <= max <= 9");
      // A rule that can never match is a configuration mistake (e.g. 5-bin rules, 3 bins).
      require(range.min <= bins, where + ": " + dim + " range starts at " +
                                     std::to_string(range.min) + ", above the top score " +
                                     std::to_string(bins));
    }
  }
}

}  // namespace

SegmentFit segment_fit(const std::vector<SegmentRule>& rules, int bins) {
  require_rfm_bins(bins, "");
  SegmentFit fit;
  for (const SegmentRule& r : rules)
    if (r.recency.min > bins || r.frequency.min > bins || r.monetary.min > bins)
      fit.unreachable.push_back(r.name);
  for (int r = 1; r <= bins; ++r)
    for (int f = 1; f <= bins; ++f)
      for (int m = 1; m <= bins; ++m)
        if (segment_of(r, f, m, rules) == rules.size()) fit.unmatched.push_back(rfm_code(r, f, m));
  return fit;
}

std::vector<SegmentRule> standard_segment_rules() {
  return {
      rule("champions", {5, 5}, {4, 5}),
      rule("loyal", {3, 4}, {4, 5}),
      rule("potential_loyalist", {4, 5}, {2, 3}),
      rule("new", {5, 5}, {1, 1}),
      rule("promising", {4, 4}, {1, 1}),
      rule("need_attention", {3, 3}, {3, 3}),
      rule("about_to_sleep", {3, 3}, {1, 2}),
      rule("at_risk", {1, 2}, {3, 4}),
      rule("cant_lose", {1, 2}, {5, 5}),
      rule("hibernating", {2, 2}, {1, 2}),
      rule("lost", {1, 1}, {1, 2}),
  };
}

std::vector<SegmentRule> standard_segment_rules(const std::vector<std::string>& names) {
  const std::vector<SegmentRule> all = standard_segment_rules();
  std::vector<SegmentRule> chosen;
  for (const std::string& name : names) chosen.push_back(all[find_segment(all, name)]);
  return chosen;
}

std::size_t find_segment(const std::vector<SegmentRule>& rules, std::string_view name) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].name == name) return i;
  }
  std::string known;
  for (const SegmentRule& r : rules) known += (known.empty() ? "" : ", ") + r.name;
  throw Error(ErrorCode::invalid_argument,
              "unknown segment rule '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<SegmentRule> parse_segment_rules(std::string_view text) {
  std::vector<SegmentRule> rules;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find_first_of(";\n", start);
    if (stop == std::string_view::npos) stop = text.size();
    const std::string rule_text = trim(text.substr(start, stop - start));
    start = stop + 1;
    if (rule_text.empty()) continue;

    const std::size_t colon = rule_text.find(':');
    if (colon == std::string::npos) parse_fail(rule_text, "expected 'name: r=A-B f=A-B m=A-B'");
    SegmentRule r;
    r.name = trim(std::string_view(rule_text).substr(0, colon));
    if (r.name.empty()) parse_fail(rule_text, "the rule has no name");
    std::string rest = rule_text.substr(colon + 1);
    std::size_t pos = 0;
    bool seen[3] = {false, false, false};
    while (true) {
      pos = rest.find_first_not_of(" \t\r", pos);
      if (pos == std::string::npos) break;
      const std::size_t end = std::min(rest.find_first_of(" \t\r", pos), rest.size());
      const std::string term = rest.substr(pos, end - pos);
      pos = end;
      if (term.size() < 3 || term[1] != '=') parse_fail(rule_text, "term '" + term + "' is not r=, f= or m=");
      const std::size_t dim = std::string("rfm").find(term[0]);
      if (dim == std::string::npos) parse_fail(rule_text, "unknown dimension '" + term.substr(0, 1) + "' (r, f or m)");
      if (seen[dim]) parse_fail(rule_text, "dimension '" + term.substr(0, 1) + "' given twice");
      seen[dim] = true;
      ScoreRange* target[] = {&r.recency, &r.frequency, &r.monetary};
      *target[dim] = parse_range(term.substr(2), rule_text);
    }
    rules.push_back(r);
  }
  return rules;
}

std::size_t segment_of(int r, int f, int m, const std::vector<SegmentRule>& rules) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (in(r, rules[i].recency) && in(f, rules[i].frequency) && in(m, rules[i].monetary)) return i;
  }
  return rules.size();
}

int rfm_bins(const RfmOptions& options) {
  const auto bins_of = [&](const std::vector<double>& cuts) {
    return cuts.empty() ? options.bins : static_cast<int>(cuts.size()) + 1;
  };
  const int bins = bins_of(options.days_since_last_cuts);
  require_rfm_bins(bins, options.days_since_last_cuts.empty() ? "" : "days_since_last_cuts");
  require(bins_of(options.purchases_cuts) == bins && bins_of(options.monetary_cuts) == bins,
          "RFM dimensions have different numbers of bins (" + std::to_string(bins) + ", " +
              std::to_string(bins_of(options.purchases_cuts)) + ", " +
              std::to_string(bins_of(options.monetary_cuts)) +
              "): give cuts of bins - 1 values for every dimension that has cuts");
  return bins;
}

const std::string& segment_name(const std::vector<SegmentRule>& rules, std::size_t i) {
  static const std::string other = kOtherSegment;
  require_lazy(i <= rules.size(), [&] {
    return "segment " + std::to_string(i) + " is out of range (0.." + std::to_string(rules.size()) +
           ", the last being \"other\")";
  });
  return i == rules.size() ? other : rules[i].name;
}

RfmResult score_rfm(const double* days_since_last, const double* purchases,
                    const double* monetary, std::size_t n, const RfmOptions& options) {
  require_column(days_since_last, n, "days_since_last", Sign::non_negative);
  require_column(purchases, n, "purchases", Sign::non_negative);
  require_column(monetary, n, "monetary", Sign::non_negative);

  // Every dimension must score on the same 1..bins scale; settle that and the rules before
  // any per-customer work.
  const int bins = rfm_bins(options);
  validate_rules(options.segments, bins);

  RfmResult result;
  result.bins = bins;
  result.recency_score.resize(n);
  result.frequency_score.resize(n);
  result.monetary_score.resize(n);
  const auto score = [&](const double* values, const std::vector<double>& cuts, Better better,
                         std::vector<std::uint8_t>& out, const char* name) {
    return cuts.empty() ? quantile_scores(values, n, bins, better, out.data(), name)
                        : cut_scores(values, n, cuts, better, out.data(), name);
  };
  result.days_since_last_cuts = score(days_since_last, options.days_since_last_cuts,
                                      Better::lower, result.recency_score, "days_since_last");
  result.purchases_cuts =
      score(purchases, options.purchases_cuts, Better::higher, result.frequency_score, "purchases");
  result.monetary_cuts =
      score(monetary, options.monetary_cuts, Better::higher, result.monetary_score, "monetary");

  // Segment lookup per distinct (r, f, m) cell instead of per customer: at most 9^3 cells,
  // so the per-customer cost is one table read whatever the number of rules.
  std::vector<std::uint8_t> cell_segment(1000);
  for (int r = 1; r <= bins; ++r)
    for (int f = 1; f <= bins; ++f)
      for (int m = 1; m <= bins; ++m)
        cell_segment[rfm_code(r, f, m)] =
            static_cast<std::uint8_t>(segment_of(r, f, m, options.segments));

  result.code.resize(n);
  result.segment.resize(n);
  result.segment_sizes.assign(options.segments.size() + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint16_t code =
        rfm_code(result.recency_score[i], result.frequency_score[i], result.monetary_score[i]);
    result.code[i] = code;
    result.segment[i] = cell_segment[code];
    ++result.segment_sizes[cell_segment[code]];
  }
  for (const SegmentRule& r : options.segments) result.segment_names.push_back(r.name);
  result.segment_names.push_back(kOtherSegment);
  return result;
}

RfmColumns rfm_columns(const SummaryTable& table) {
  require(!table.customers.empty(), "summary table has no customers");
  RfmColumns columns;
  for (const CustomerSummary& c : table.customers) {
    columns.days_since_last.push_back(table.end - c.last);
    columns.purchases.push_back(static_cast<double>(c.purchases));
    columns.monetary.push_back(c.total_value);
  }
  return columns;
}

RfmResult score_rfm(const std::vector<double>& days_since_last, const std::vector<double>& purchases,
                    const std::vector<double>& monetary, const RfmOptions& options) {
  require_size(purchases.size(), days_since_last.size(), "purchases");
  require_size(monetary.size(), days_since_last.size(), "monetary");
  return score_rfm(days_since_last.data(), purchases.data(), monetary.data(),
                   days_since_last.size(), options);
}

}  // namespace value
}  // namespace v0
}  // namespace crmkit
