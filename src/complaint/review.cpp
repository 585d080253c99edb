#include "crmkit/complaint/review.hpp"

#include <algorithm>
#include <map>

#include "complaint/store.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

const NameTable& names(HandlingStep) {
  static constexpr const char* kNames[] = {"listen", "share", "probe", "check", "action", "satisfy"};
  static constexpr NameTable table("handling step", kNames);
  return table;
}
const NameTable& names(Taboo) {
  static constexpr const char* kNames[] = {"doubting_tone", "insisting_right",    "rushing_conclusions", "joking",
                                           "shifting_blame", "nit_picking",        "words_deeds_differ",
                                           "another_department", "careless",      "blaming_customer"};
  static constexpr NameTable table("taboo", kNames);
  return table;
}

namespace {

void create_table(sqlite3* db, const std::string& path) {
  // steps: six digits, one per step; taboos: a bit per taboo.
  store::exec(db, path,
              "CREATE TABLE IF NOT EXISTS reviews(seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, time INTEGER NOT NULL,"
              " reviewer TEXT NOT NULL, handler TEXT NOT NULL, steps TEXT NOT NULL, taboos INTEGER NOT NULL,"
              " comment TEXT NOT NULL)",
              "creating the review table");
}

std::string month_of(Time t) { return format_time(t).substr(0, 7); }

}  // namespace

double quality_score(const Review& r) {
  int sum = 0;
  for (int s : r.steps) sum += s;
  const double score = 100.0 * sum / (6.0 * kStepScoreMax) - 10.0 * static_cast<double>(r.taboos.size());
  return std::max(0.0, score);
}

void record_review(Desk& desk, Review r) {
  const ComplaintCase c = desk.get(r.case_id);
  const std::string where = "review of case '" + r.case_id + "'";
  require(!r.reviewer.empty(), where + ": reviewer is empty");
  for (const AuditEntry& a : c.audit)
    require(a.actor != r.reviewer, where + ": reviewer '" + r.reviewer +
                                       "' handled the case: a handler cannot review their own case");
  for (std::size_t i = 0; i < r.steps.size(); ++i)
    require(r.steps[i] >= 0 && r.steps[i] <= kStepScoreMax,
            where + ": score for step " + name_of(static_cast<HandlingStep>(i)) + " is " + std::to_string(r.steps[i]) +
                "; expected 0.." + std::to_string(kStepScoreMax));
  std::int64_t taboos = 0;
  for (Taboo t : r.taboos) {
    require(name_of(t) != nullptr, where + ": unknown taboo " + std::to_string(static_cast<int>(t)));
    const std::int64_t bit = std::int64_t{1} << static_cast<int>(t);
    require((taboos & bit) == 0, where + ": taboo " + name_of(t) + " is flagged twice");
    taboos |= bit;
  }
  if (!is_final(c.state))
    throw Error(ErrorCode::invalid_state, where + ": the case is in state " + name_of(c.state) +
                                              "; only a handled (closed, rejected or withdrawn) case is reviewed");
  r.handler = c.handler;
  std::string steps;
  for (int s : r.steps) steps += static_cast<char>('0' + s);
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_table(db, path);
    store::transaction(db, path, [&] {
      store::Query q(db, path,
                     "INSERT INTO reviews(case_id, time, reviewer, handler, steps, taboos, comment) VALUES(?,?,?,?,?,?,?)");
      q.bind(1, r.case_id).bind(2, r.time).bind(3, r.reviewer);
      q.bind(4, r.handler).bind(5, steps).bind(6, taboos).bind(7, r.comment).run("writing a review");
    });
  });
}

std::vector<Review> reviews(const Desk& desk) {
  std::vector<Review> out;
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_table(db, path);
    store::Query q(db, path, "SELECT case_id, time, reviewer, handler, steps, taboos, comment FROM reviews ORDER BY seq");
    while (q.row("reading reviews")) {
      Review r;
      r.case_id = q.text(0);
      r.time = q.time(1);
      r.reviewer = q.text(2);
      r.handler = q.text(3);
      const std::string steps = q.text(4);
      if (steps.size() != r.steps.size())
        throw Error(ErrorCode::corrupt_data, path + ": review of case '" + r.case_id + "' has damaged step scores");
      for (std::size_t i = 0; i < steps.size(); ++i) r.steps[i] = steps[i] - '0';
      for (std::size_t t = 0; t < names(Taboo{}).size(); ++t)
        if (q.integer(5) & (std::int64_t{1} << t)) r.taboos.push_back(static_cast<Taboo>(t));
      r.comment = q.text(6);
      out.push_back(std::move(r));
    }
  });
  return out;
}

std::vector<HandlerQuality> handler_quality(const std::vector<Review>& reviews) {
  std::map<std::pair<std::string, std::string>, HandlerQuality> groups;
  for (const Review& r : reviews) {
    HandlerQuality& g = groups[{r.handler, month_of(r.time)}];
    g.handler = r.handler;
    g.period = month_of(r.time);
    g.score += quality_score(r);  // a sum until divided below
    g.taboos += r.taboos.size();
    ++g.reviews;
  }
  std::vector<HandlerQuality> out;
  for (auto& [key, g] : groups) {
    g.score /= static_cast<double>(g.reviews);
    out.push_back(g);
  }
  return out;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
