// Complaint quality and analytics (issue 23): time distributions, SLA compliance, reopen
// rate, empowerment, satisfaction, recovery costs, handler review and the iceberg on a small
// hand-built log over a business calendar (Monday-Friday 09:00-17:00 UTC), every expected
// figure worked out by hand in the comments; and the CFPB sample replayed into a desk,
// checked against an independent pass over the CSV written here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "crmkit/complaint/analytics.hpp"
#include "crmkit/complaint/cfpb.hpp"
#include "error_of.hpp"
#include "temp_dir.hpp"

using namespace crmkit::complaint;
using crmkit::Error;
using crmkit::ErrorCode;
using crmkit_test::error_of;
using crmkit_test::TempDir;
namespace fs = std::filesystem;

namespace {

DeskOptions business_desk() {
  DeskOptions o;
  o.sla.mode = ClockMode::business_time;  // the default calendar: Monday-Friday 09:00-17:00 UTC
  return o;
}

struct Log {
  std::vector<CaseEventRecord> events;
  void add(const std::string& when, const std::string& id, CaseEvent e, const std::string& actor,
           const std::string& department = "", const std::string& note = "") {
    CaseEventRecord r;
    r.time = parse_time(when);
    r.case_id = id;
    r.event = e;
    r.actor = actor;
    r.department = department;
    r.note = note;
    events.push_back(r);
  }
  void open(const std::string& when, const std::string& id, Channel ch, const std::string& customer,
            const std::string& category, Priority p = Priority::normal) {
    add(when, id, CaseEvent::open, "front");
    events.back().channel = ch;
    events.back().customer = customer;
    events.back().category = category;
    events.back().priority = p;
  }
  // share, probe, check, act, satisfy ten minutes apart from `day`T`hh`:`mm`+10, then close at `close`.
  void steps(const std::string& day, int hour, const std::string& id, const std::string& actor, const std::string& close) {
    int minute = 10;
    for (CaseEvent e : {CaseEvent::share, CaseEvent::probe, CaseEvent::check, CaseEvent::act, CaseEvent::satisfy}) {
      char when[32];
      std::snprintf(when, sizeof when, "%sT%02d:%02d:00Z", day.c_str(), hour + minute / 60, minute % 60);
      add(when, id, e, actor);
      minute += 10;
    }
    add(close, id, CaseEvent::close, actor, "", "customer accepted");
  }
};

// Monday 2026-05-04 is day 0 of the week; Friday 2026-05-01 precedes it.
//   A (phone, ann, billing):  open Mon 08:00, listen Mon 10:00, close Tue 12:00.
//   B (phone, bob, delivery): open Fri 16:00, listen Mon 09:30, close Mon 11:00.
//   C (phone, ann, billing):  open Mon 12:00, listen 12:30, wait 13:00 .. resume Tue 13:00,
//                             escalated to manager Tue 13:05, mike listens 13:10, close Tue 15:00.
//   D (phone, dan, delivery, critical): open Tue 09:00, nothing else.
//   E (email, eve, billing):  open Mon 14:00, listen 15:00, close 16:00, reopen 16:30.
Log hand_log() {
  Log l;
  l.open("2026-05-04T08:00:00Z", "A", Channel::phone, "ann", "billing");
  l.add("2026-05-04T10:00:00Z", "A", CaseEvent::listen, "alice");
  l.steps("2026-05-04", 10, "A", "alice", "2026-05-05T12:00:00Z");
  l.open("2026-05-01T16:00:00Z", "B", Channel::phone, "bob", "delivery");
  l.add("2026-05-04T09:30:00Z", "B", CaseEvent::listen, "alice");
  l.steps("2026-05-04", 10, "B", "alice", "2026-05-04T11:00:00Z");
  l.open("2026-05-04T12:00:00Z", "C", Channel::phone, "ann", "billing");
  l.add("2026-05-04T12:30:00Z", "C", CaseEvent::listen, "carl");
  l.add("2026-05-04T13:00:00Z", "C", CaseEvent::wait, "carl");
  l.add("2026-05-05T13:00:00Z", "C", CaseEvent::resume, "carl");
  l.add("2026-05-05T13:05:00Z", "C", CaseEvent::escalate, "carl", "manager", "your case goes to our manager Mike");
  l.add("2026-05-05T13:10:00Z", "C", CaseEvent::listen, "mike");
  l.steps("2026-05-05", 13, "C", "mike", "2026-05-05T15:00:00Z");
  l.open("2026-05-05T09:00:00Z", "D", Channel::phone, "dan", "delivery", Priority::critical);
  l.open("2026-05-04T14:00:00Z", "E", Channel::email, "eve", "billing");
  l.add("2026-05-04T15:00:00Z", "E", CaseEvent::listen, "erin");
  l.steps("2026-05-04", 15, "E", "erin", "2026-05-04T16:00:00Z");
  l.add("2026-05-04T16:30:00Z", "E", CaseEvent::reopen, "erin");
  return l;
}

void load(Desk& desk, const Log& log) {
  const SubmitResult r = desk.submit(log.events);
  std::string refused;
  for (const Refusal& x : r.refused) refused += x.message + "\n";
  INFO(refused);
  REQUIRE(r.refused.empty());
}

const Count& count_of(const std::vector<Count>& v, const std::string& key) {
  for (const Count& c : v)
    if (c.key == key) return c;
  FAIL("no count for " + key);
  return v.front();
}

}  // namespace

TEST_CASE("time distributions in calendar and business time, by hand") {
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str(), business_desk());
  load(desk, hand_log());
  AnalyticsOptions o;
  o.now = parse_time("2026-05-08T09:00:00Z");  // Friday morning
  const ComplaintReport r = analyse(desk, o);
  CHECK(r.cases == 5);
  // First response (opening -> first listen), hours, for A, B, C, E:
  //   calendar A 2, B Fri 16:00 -> Mon 09:30 = 65.5, C 0.5, E 1 -> sorted 0.5 1 2 65.5:
  //   median (1 + 2) / 2 = 1.5; p90 at position 1 + 0.9 * 3 = 3.7: 2 + 0.7 * 63.5 = 46.45.
  //   business A 09-10 = 1, B Fri 16-17 + Mon 09-09:30 = 1.5, C 0.5, E 1 -> 0.5 1 1 1.5:
  //   median 1; p90 1 + 0.7 * 0.5 = 1.35.
  CHECK(r.times.first_response_calendar.cases == 4);
  CHECK(r.times.first_response_calendar.median_hours == Approx(1.5));
  CHECK(r.times.first_response_calendar.p90_hours == Approx(46.45));
  CHECK(r.times.first_response_business.median_hours == Approx(1.0));
  CHECK(r.times.first_response_business.p90_hours == Approx(1.35));
  // Resolution (opening -> close) of the closed cases A, B, C (E was reopened):
  //   calendar A Mon 08:00 -> Tue 12:00 = 28, B Fri 16:00 -> Mon 11:00 = 67, C 27 - 24 h
  //   waiting = 3 -> 3 28 67: median 28, p90 at 1 + 0.9 * 2 = 2.8: 28 + 0.8 * 39 = 59.2.
  //   business A Mon 09-17 + Tue 09-12 = 11, B 1 + 2 = 3, C Mon 12-17 + Tue 09-15 = 11 less
  //   the pause's Mon 13-17 + Tue 09-13 = 8 -> 3 -> 3 3 11: median 3, p90 3 + 0.8 * 8 = 9.4.
  CHECK(r.times.resolution_calendar.cases == 3);
  CHECK(r.times.resolution_calendar.median_hours == Approx(28));
  CHECK(r.times.resolution_calendar.p90_hours == Approx(59.2));
  CHECK(r.times.resolution_business.median_hours == Approx(3));
  CHECK(r.times.resolution_business.p90_hours == Approx(9.4));
}

TEST_CASE("SLA compliance per channel and priority, reopen rate, empowerment, volumes") {
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str(), business_desk());
  load(desk, hand_log());
  AnalyticsOptions o;
  o.now = parse_time("2026-05-08T09:00:00Z");
  const ComplaintReport r = analyse(desk, o);
  // Phone first response 24 working hours: A, B, C met; D opened Tue 09:00 is due Thu 17:00
  // (Tue, Wed, Thu x 8 h) and still unanswered on Friday: breached -> 3 of 4. E (e-mail) met.
  REQUIRE(r.sla_by_channel.size() == 2);
  CHECK(r.sla_by_channel[0].key == "email");
  CHECK(r.sla_by_channel[0].first_response.hits == 1);
  CHECK(r.sla_by_channel[0].first_response.total == 1);
  CHECK(r.sla_by_channel[1].key == "phone");
  CHECK(r.sla_by_channel[1].first_response.hits == 3);
  CHECK(r.sla_by_channel[1].first_response.total == 4);
  CHECK(*r.sla_by_channel[1].first_response.rate() == Approx(0.75));
  // Resolution: critical 24 working hours, D breached as above; normal 168 h: A, B, C met,
  // E reopened and running (not judged yet).
  REQUIRE(r.sla_by_priority.size() == 2);
  CHECK(r.sla_by_priority[0].key == "critical");
  CHECK(r.sla_by_priority[0].resolution.hits == 0);
  CHECK(r.sla_by_priority[0].resolution.total == 1);
  CHECK(r.sla_by_priority[1].key == "normal");
  CHECK(r.sla_by_priority[1].resolution.hits == 3);
  CHECK(r.sla_by_priority[1].resolution.total == 3);
  // Ever closed: A, B, C, E; reopened: E -> 1 / 4. Closed now: A, B, C; escalated: C -> 2 / 3.
  CHECK(r.reopened.hits == 1);
  CHECK(r.reopened.total == 4);
  CHECK(r.empowerment.hits == 2);
  CHECK(r.empowerment.total == 3);
  CHECK(count_of(r.by_channel, "phone").count == 4);
  CHECK(count_of(r.by_issue, "billing").count == 3);
  REQUIRE(r.by_period.size() == 1);  // B opened on Friday 1 May: all five in May
  CHECK(count_of(r.by_period, "2026-05").count == 5);
  // Pareto: billing 3 (60%), delivery 2 (100%): 80% is reached by the second cause.
  REQUIRE(r.pareto.size() == 2);
  CHECK(r.pareto[0].cause == "billing");
  CHECK(r.pareto[0].cumulative == Approx(0.6));
  CHECK(r.vital_few == 2);
}

TEST_CASE("the iceberg and revenue at risk, by hand") {
  // 4 complainants (ann has two cases) at the default 5%: 4 / 0.05 = 80 dissatisfied, 76
  // silent, 80 * 9 = 720 told. Values ann 100, bob 300, zed 200: mean 200; ann 100 + bob 300
  // + dan and eve at the mean 200 each = 800, plus 76 silent * 200 = 15,200: 16,000.
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str(), business_desk());
  load(desk, hand_log());
  AnalyticsOptions o;
  o.customer_value = {{"ann", 100}, {"bob", 300}, {"zed", 200}};
  const Iceberg ice = analyse(desk, o).iceberg;
  CHECK(ice.complainants == 4);
  CHECK(ice.dissatisfied == Approx(80));
  CHECK(ice.silent == Approx(76));
  CHECK(ice.told == Approx(720));
  CHECK(ice.valued);
  CHECK(ice.complainants_valued == 2);
  CHECK(ice.mean_value == Approx(200));
  CHECK(ice.revenue_at_risk == Approx(16000));
  // Configured: 10% complain, 5 told each -> 40 dissatisfied, 36 silent, 200 told.
  const Iceberg other = iceberg(4, {0.1, 5});
  CHECK(other.dissatisfied == Approx(40));
  CHECK(other.silent == Approx(36));
  CHECK(other.told == Approx(200));
  CHECK(error_of([] { iceberg(4, {0, 5}); }).find("complaint share") != std::string::npos);
}

TEST_CASE("a review by the handler is refused; quality scores per handler by hand") {
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str(), business_desk());
  load(desk, hand_log());
  Review by_handler;
  by_handler.case_id = "A";
  by_handler.reviewer = "alice";
  by_handler.time = parse_time("2026-05-06T09:00:00Z");
  const std::string message = error_of([&] { record_review(desk, by_handler); });
  CHECK(message.find("reviewer 'alice' handled the case") != std::string::npos);
  // Nobody else who acted may review either (the front desk opened it).
  by_handler.reviewer = "front";
  CHECK(error_of([&] { record_review(desk, by_handler); }).find("handled the case") != std::string::npos);

  Review a = by_handler;
  a.reviewer = "rita";
  a.steps = {5, 5, 4, 4, 3, 3};  // 24 / 30 = 80, less 10 for one taboo = 70
  a.taboos = {Taboo::another_department};
  record_review(desk, a);
  Review b = a;
  b.case_id = "B";
  b.steps = {5, 5, 5, 5, 5, 5};  // 100
  b.taboos.clear();
  record_review(desk, b);
  Review open = b;
  open.case_id = "D";
  try {
    record_review(desk, open);
    FAIL("an open case was reviewed");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_state);
  }
  Review twice = b;
  twice.taboos = {Taboo::joking, Taboo::joking};
  CHECK(error_of([&] { record_review(desk, twice); }).find("flagged twice") != std::string::npos);
  Review high = b;
  high.steps[2] = 6;
  CHECK(error_of([&] { record_review(desk, high); }).find("step probe is 6") != std::string::npos);

  const auto quality = handler_quality(reviews(desk));  // alice closed A and B: (70 + 100) / 2
  REQUIRE(quality.size() == 1);
  CHECK(quality[0].handler == "alice");
  CHECK(quality[0].period == "2026-05");
  CHECK(quality[0].reviews == 2);
  CHECK(quality[0].score == Approx(85));
  CHECK(quality[0].taboos == 1);
  REQUIRE(reviews(desk).size() == 2);
  CHECK(reviews(desk)[0].taboos == std::vector<Taboo>{Taboo::another_department});
}

TEST_CASE("satisfaction on close comes from the customer only; recovery costs per case and cause") {
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str(), business_desk());
  load(desk, hand_log());
  SatisfactionAnswer s;
  s.case_id = "A";
  s.time = parse_time("2026-05-05T13:00:00Z");
  s.respondent = "alice";  // the handler
  s.score = 4;
  CHECK(error_of([&] { submit_satisfaction(desk, s); }).find("is a handler of the case") != std::string::npos);
  s.respondent = "bob";  // another customer
  CHECK(error_of([&] { submit_satisfaction(desk, s); }).find("not the case's customer") != std::string::npos);
  s.respondent = "ann";
  s.score = 6;
  CHECK(error_of([&] { submit_satisfaction(desk, s); }).find("outside the scale") != std::string::npos);
  s.score = 4;  // on 1..5: (4 - 1) / 4 = 0.75
  submit_satisfaction(desk, s);
  for (const char* id : {"A", "D"}) {  // answered already; not closed
    SatisfactionAnswer again = s;
    again.case_id = id;
    again.respondent = id == std::string("A") ? "ann" : "dan";
    try {
      submit_satisfaction(desk, again);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_state);
    }
  }

  Recovery r;
  r.case_id = "A";
  r.time = parse_time("2026-05-05T12:30:00Z");
  r.actor = "alice";
  r.apology = true;
  r.remedy = "refund of the double charge";
  r.compensation_minor = 1500;
  r.currency = "EUR";
  r.timely = r.feelings = true;
  r.follow_up = parse_time("2026-05-12T10:00:00Z");
  record_recovery(desk, r);
  Recovery c = r;
  c.case_id = "C";
  c.compensation_minor = 700;
  c.apology = false;
  record_recovery(desk, c);
  Recovery b = r;
  b.case_id = "B";
  b.compensation_minor = 0;
  b.currency.clear();
  record_recovery(desk, b);
  Recovery bad = r;
  bad.currency = "eur";
  CHECK(error_of([&] { record_recovery(desk, bad); }).find("ISO 4217") != std::string::npos);
  bad = r;
  bad.follow_up = parse_time("2026-05-01T00:00:00Z");
  CHECK(error_of([&] { record_recovery(desk, bad); }).find("follow-up") != std::string::npos);

  const RecoveryCosts costs = recovery_costs(desk);
  REQUIRE(costs.by_cause.size() == 2);  // billing: A 1500 + C 700 EUR; delivery: B without money
  CHECK(costs.by_cause[0].key == "billing");
  CHECK(costs.by_cause[0].currency == "EUR");
  CHECK(costs.by_cause[0].minor == 2200);
  CHECK(costs.by_cause[0].recoveries == 2);
  CHECK(costs.by_cause[1].key == "delivery");
  CHECK(costs.by_cause[1].minor == 0);
  REQUIRE(costs.by_case.size() == 3);
  CHECK(costs.by_case[2].key == "C");
  CHECK(costs.by_case[2].minor == 700);
  REQUIRE(recoveries(desk).size() == 3);
  CHECK(*recoveries(desk)[0].follow_up == *r.follow_up);

  const ComplaintReport full = analyse(desk);
  CHECK(full.satisfaction.answers == 1);
  CHECK(*full.satisfaction.mean == Approx(0.75));
  CHECK(full.recovery.recoveries == 3);
  CHECK(full.recovery.apology.hits == 2);
  CHECK(full.recovery.proactive.hits == 0);
}

TEST_CASE("a satisfaction answer survives reopening the desk and keeps no customer reference") {
  TempDir dir("crmkit-analytics");
  {
    Desk desk(dir.str(), business_desk());
    load(desk, hand_log());
    SatisfactionAnswer s;
    s.case_id = "B";
    s.respondent = "bob";
    s.score = 2;
    submit_satisfaction(desk, s);
  }
  Desk desk(dir.str(), business_desk());
  REQUIRE(satisfaction_answers(desk).size() == 1);
  CHECK(satisfaction_answers(desk)[0].respondent == "bob");
  CHECK(satisfaction_answers(desk)[0].score == 2);
  // Erasing bob leaves no copy in the answer (its respondent is the case's reference).
  CHECK(desk.erase_customer("bob") == 1);
  CHECK(satisfaction_answers(desk)[0].respondent.empty());
  CHECK(satisfaction_answers(desk)[0].score == 2);
  std::ifstream file(dir.path / "desk.sqlite3", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(bytes.size() > 0);
  CHECK(bytes.find("bob") == std::string::npos);
}

namespace {

// An independent reading of the CFPB CSV: split on commas outside double quotes.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) out.emplace_back();
    else out.back() += ch;
  }
  return out;
}

// M/D/YYYY as YYYYMMDD, so that dates compare as numbers.
long ymd(const std::string& us) {
  const auto a = us.find('/'), b = us.rfind('/');
  return std::stol(us.substr(b + 1)) * 10000 + std::stol(us.substr(0, a)) * 100 + std::stol(us.substr(a + 1, b - a - 1));
}

const std::string kCfpb = std::string(CRMKIT_TEST_DATA_DIR) + "/complaints/cfpb_complaints_sample_2013.csv";

}  // namespace

TEST_CASE("the CFPB sample: counts, Pareto, flags and dispute rates against an independent pass") {
  std::ifstream in(kCfpb);
  REQUIRE(in);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split_csv(line);
  const auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  std::map<std::string, std::size_t> channel, issue;
  std::map<std::string, std::pair<std::size_t, std::size_t>> dispute;  // disputed, rows
  std::vector<std::int64_t> flagged_lines;
  std::int64_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    const std::vector<std::string> f = split_csv(line);
    REQUIRE(f.size() == header.size());
    ++channel[f[col("submitted_via")]];
    ++issue[f[col("issue")]];
    auto& d = dispute[f[col("company_response_to_consumer")]];
    d.first += f[col("consumer_disputed?")] == "Yes";
    ++d.second;
    if (ymd(f[col("date_sent_to_company")]) < ymd(f[col("date_received")])) flagged_lines.push_back(number);
  }
  // The provenance README's figures, computed there with Python's csv module.
  REQUIRE(flagged_lines.size() == 23);
  REQUIRE(channel["Web"] == 691);

  TempDir dir("crmkit-analytics");
  Desk desk(dir.str());
  const ImportResult first = import_cfpb(desk, kCfpb);
  CHECK(first.rows == 1000);
  CHECK(first.imported == 1000);
  CHECK(first.rejected.empty());
  std::vector<std::int64_t> lines;
  for (const ImportNote& n : first.flagged) lines.push_back(n.line);
  CHECK(lines == flagged_lines);

  const ComplaintReport r = analyse(desk);
  CHECK(r.cases == 1000);
  REQUIRE(r.by_channel.size() == channel.size());
  for (const Count& c : r.by_channel) CHECK(c.count == channel[c.key]);
  REQUIRE(r.by_issue.size() == issue.size());
  for (const Count& c : r.by_issue) CHECK(c.count == issue[c.key]);
  // Pareto: independently, the fewest issues whose counts reach 80% of 1,000.
  std::vector<std::size_t> sizes;
  for (const auto& [k, n] : issue) sizes.push_back(n);
  std::sort(sizes.rbegin(), sizes.rend());
  std::size_t k = 0, running = 0;
  while (running < 800) running += sizes[k++];
  CHECK(r.vital_few == k);
  CHECK(k == 17);  // README: the top 17 reach 812 / 1000
  CHECK(r.pareto[k - 1].cumulative == Approx(static_cast<double>(running) / 1000.0));
  REQUIRE(r.dispute_by_response.size() == dispute.size());
  for (const DisputeRate& d : r.dispute_by_response) {
    CHECK(d.disputed.hits == dispute[d.response].first);
    CHECK(d.disputed.total == dispute[d.response].second);
  }
  // Forwarding lag leaves the 23 flagged rows out: 977 rows remain.
  CHECK(r.forwarding_lag.back().channel == "all");
  CHECK(r.forwarding_lag.back().rows == 977);
  CHECK(r.lag_excluded.size() == 23);

  // Idempotent: a second import adds nothing.
  const ImportResult second = import_cfpb(desk, kCfpb);
  CHECK(second.imported == 0);
  CHECK(second.already_present == 1000);
  CHECK(desk.event_count() == 1000);
  CHECK(imported_complaints(desk).size() == 1000);
}

TEST_CASE("CFPB rows that cannot be read are rejected with line and reason") {
  TempDir dir("crmkit-analytics");
  Desk desk(dir.str());
  std::istringstream in(
      "date_received,product,issue,company,submitted_via,date_sent_to_company,company_response_to_consumer,"
      "timely_response,consumer_disputed?,complaint_id\n"
      "8/30/2013,Mortgage,Billing,Bank,Web,9/3/2013,Closed,Yes,No,1\n"
      "2/30/2013,Mortgage,Billing,Bank,Web,9/3/2013,Closed,Yes,No,2\n"
      "8/30/2013,Mortgage,Billing,Bank,Pigeon,9/3/2013,Closed,Yes,No,3\n"
      "8/30/2013,Mortgage,Billing,Bank,Web,9/3/2013,Closed,Maybe,No,4\n"
      "8/30/2013,Mortgage,Billing,Bank,Web,9/3/2013,Closed,Yes,No,1\n"
      "8/30/2013,Mortgage,Billing,Bank,Web,9/3/2013,Closed,Yes,No,x\n");
  const ImportResult r = import_cfpb(desk, in, "mini.csv");
  CHECK(r.imported == 1);
  REQUIRE(r.rejected.size() == 5);
  CHECK(r.rejected[0].line == 3);
  CHECK(r.rejected[0].reason.find("date_received '2/30/2013'") != std::string::npos);
  CHECK(r.rejected[1].reason.find("submitted_via 'Pigeon'") != std::string::npos);
  CHECK(r.rejected[2].reason.find("timely_response 'Maybe'") != std::string::npos);
  CHECK(r.rejected[3].reason.find("earlier line") != std::string::npos);
  CHECK(r.rejected[4].line == 7);
  CHECK(desk.event_count() == 1);
  std::istringstream wrong("a,b\n1,2\n");
  CHECK(error_of([&] { import_cfpb(desk, wrong, "wrong.csv"); }).find("date_received") != std::string::npos);
}
