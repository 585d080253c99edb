#include "crmkit/complaint/recovery.hpp"

#include <cmath>
#include <map>
#include <set>

#include "complaint/store.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace {

void create_tables(sqlite3* db, const std::string& path) {
  store::exec(db, path,
              "CREATE TABLE IF NOT EXISTS recoveries(seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, time INTEGER NOT NULL,"
              " actor TEXT NOT NULL, apology INTEGER NOT NULL, remedy TEXT NOT NULL, compensation INTEGER NOT NULL,"
              " currency TEXT NOT NULL, follow_up INTEGER, principles INTEGER NOT NULL);"
              // No respondent column: the respondent is the case's customer, whose reference lives
              // only in the desk's customers table, so that an erasure removes it everywhere.
              "CREATE TABLE IF NOT EXISTS satisfaction(case_id TEXT PRIMARY KEY, time INTEGER NOT NULL,"
              " score REAL NOT NULL, scale_min REAL NOT NULL, scale_max REAL NOT NULL, comment TEXT NOT NULL)",
              "creating the recovery and satisfaction tables");
}

bool valid_currency(const std::string& c) {
  if (c.size() != 3) return false;
  for (char ch : c)
    if (ch < 'A' || ch > 'Z') return false;
  return true;
}

// Whether `who` is the actor of any event of the case.
bool acted_on(const ComplaintCase& c, const std::string& who) {
  for (const AuditEntry& a : c.audit)
    if (a.actor == who) return true;
  return false;
}

}  // namespace

void record_recovery(Desk& desk, const Recovery& r) {
  const ComplaintCase c = desk.get(r.case_id);
  require(!r.actor.empty(), "recovery for case '" + r.case_id + "': actor is empty");
  require(r.compensation_minor >= 0, "recovery for case '" + r.case_id + "': compensation is negative");
  require(r.compensation_minor == 0 ? r.currency.empty() || valid_currency(r.currency) : valid_currency(r.currency),
          "recovery for case '" + r.case_id + "': currency '" + r.currency +
              "' is not a three-letter ISO 4217 code (e.g. EUR); compensation needs one");
  require(r.time >= c.opened, "recovery for case '" + r.case_id + "' at " + format_time(r.time) + " precedes its opening");
  require(!r.follow_up || *r.follow_up >= r.time,
          "recovery for case '" + r.case_id + "': the follow-up contact precedes the recovery");
  const std::int64_t principles = (r.preventive ? 1 : 0) | (r.timely ? 2 : 0) | (r.proactive ? 4 : 0) | (r.feelings ? 8 : 0);
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_tables(db, path);
    store::transaction(db, path, [&] {
      store::Query q(db, path,
                     "INSERT INTO recoveries(case_id, time, actor, apology, remedy, compensation, currency, follow_up,"
                     " principles) VALUES(?,?,?,?,?,?,?,?,?)");
      q.bind(1, r.case_id).bind(2, r.time).bind(3, r.actor).bind(4, std::int64_t{r.apology});
      q.bind(5, r.remedy).bind(6, r.compensation_minor).bind(7, r.currency).bind(9, principles);
      if (r.follow_up) q.bind(8, *r.follow_up);
      q.run("writing a recovery");
    });
  });
}

std::vector<Recovery> recoveries(const Desk& desk) {
  std::vector<Recovery> out;
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_tables(db, path);
    store::Query q(db, path,
                   "SELECT case_id, time, actor, apology, remedy, compensation, currency, follow_up, principles,"
                   " follow_up IS NULL FROM recoveries ORDER BY seq");
    while (q.row("reading recoveries")) {
      Recovery r;
      r.case_id = q.text(0);
      r.time = q.time(1);
      r.actor = q.text(2);
      r.apology = q.integer(3) != 0;
      r.remedy = q.text(4);
      r.compensation_minor = q.integer(5);
      r.currency = q.text(6);
      if (q.integer(9) == 0) r.follow_up = q.time(7);
      const std::int64_t p = q.integer(8);
      r.preventive = p & 1;
      r.timely = p & 2;
      r.proactive = p & 4;
      r.feelings = p & 8;
      out.push_back(std::move(r));
    }
  });
  return out;
}

RecoveryCosts recovery_costs(const Desk& desk) {
  std::map<std::pair<std::string, std::string>, RecoveryCost> by_case, by_cause;
  std::map<std::string, std::string> cause_of;
  for (const Recovery& r : recoveries(desk)) {
    auto cause = cause_of.find(r.case_id);
    if (cause == cause_of.end()) cause = cause_of.emplace(r.case_id, desk.get(r.case_id).category).first;
    for (auto [table, key] : {std::pair{&by_case, r.case_id}, std::pair{&by_cause, cause->second}}) {
      RecoveryCost& cost = (*table)[{key, r.currency}];
      cost.key = key;
      cost.currency = r.currency;
      cost.minor += r.compensation_minor;
      ++cost.recoveries;
    }
  }
  RecoveryCosts out;
  for (auto& [k, v] : by_case) out.by_case.push_back(v);
  for (auto& [k, v] : by_cause) out.by_cause.push_back(v);
  return out;
}

void submit_satisfaction(Desk& desk, const SatisfactionAnswer& a) {
  const ComplaintCase c = desk.get(a.case_id);
  const std::string where = "satisfaction for case '" + a.case_id + "'";
  require(!a.respondent.empty(), where + ": respondent is empty");
  require(!acted_on(c, a.respondent), where + ": respondent '" + a.respondent + "' is a handler of the case: "
                                                "satisfaction comes from the customer's channel only");
  require(c.customer.empty() || a.respondent == c.customer,
          where + ": respondent '" + a.respondent + "' is not the case's customer");
  require(std::isfinite(a.scale_min) && std::isfinite(a.scale_max) && a.scale_min < a.scale_max,
          where + ": the scale must be finite with minimum < maximum");
  require(std::isfinite(a.score) && a.score >= a.scale_min && a.score <= a.scale_max,
          where + ": score is outside the scale " + std::to_string(a.scale_min) + ".." + std::to_string(a.scale_max));
  if (c.state != CaseState::closed)
    throw Error(ErrorCode::invalid_state, where + ": the case is in state " + name_of(c.state) +
                                              "; satisfaction is asked on close");
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_tables(db, path);
    store::transaction(db, path, [&] {
      store::Query seen(db, path, "SELECT count(*) FROM satisfaction WHERE case_id = ?");
      seen.bind(1, a.case_id);
      if (seen.row("reading satisfaction") && seen.integer(0) != 0)
        throw Error(ErrorCode::invalid_state, where + ": the case already has an answer");
      store::Query q(db, path,
                     "INSERT INTO satisfaction(case_id, time, score, scale_min, scale_max, comment) VALUES(?,?,?,?,?,?)");
      q.bind(1, a.case_id).bind(2, a.time).bind(3, a.score).bind(4, a.scale_min).bind(5, a.scale_max);
      q.bind(6, a.comment).run("writing a satisfaction answer");
    });
  });
}

std::vector<SatisfactionAnswer> satisfaction_answers(const Desk& desk) {
  std::vector<SatisfactionAnswer> out;
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_tables(db, path);
    store::Query q(db, path, "SELECT case_id, time, score, scale_min, scale_max, comment FROM satisfaction ORDER BY case_id");
    while (q.row("reading satisfaction")) {
      SatisfactionAnswer a;
      a.case_id = q.text(0);
      a.time = q.time(1);
      a.score = q.real(2);
      a.scale_min = q.real(3);
      a.scale_max = q.real(4);
      a.comment = q.text(5);
      out.push_back(std::move(a));
    }
  });
  for (SatisfactionAnswer& a : out) a.respondent = desk.get(a.case_id).customer;
  return out;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
