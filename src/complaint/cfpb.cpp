#include "crmkit/complaint/cfpb.hpp"

#include <charconv>
#include <map>
#include <set>
#include <unordered_set>

#include <date/date.h>

#include "complaint/store.hpp"
#include "crmkit/io/csv.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace {

void create_table(sqlite3* db, const std::string& path) {
  store::exec(db, path,
              "CREATE TABLE IF NOT EXISTS imported_complaints(case_id TEXT PRIMARY KEY, line INTEGER NOT NULL,"
              " channel TEXT NOT NULL, product TEXT NOT NULL, issue TEXT NOT NULL, company TEXT NOT NULL,"
              " response TEXT NOT NULL, timely INTEGER NOT NULL, disputed INTEGER NOT NULL, received INTEGER NOT NULL,"
              " sent INTEGER NOT NULL, sent_before_received INTEGER NOT NULL)",
              "creating the imported complaints table");
}

// "8/30/2013" -> that day 00:00 UTC; empty when it is not a valid M/D/YYYY date.
std::optional<Time> parse_us_date(std::string_view text) {
  int part[3] = {0, 0, 0};
  const char* p = text.data();
  const char* end = p + text.size();
  for (int i = 0; i < 3; ++i) {
    const auto [next, ec] = std::from_chars(p, end, part[i]);
    if (ec != std::errc() || next == p) return std::nullopt;
    p = next;
    if (i < 2) {
      if (p == end || *p != '/') return std::nullopt;
      ++p;
    }
  }
  if (p != end || part[2] < 1900 || part[2] > 2999) return std::nullopt;
  const date::year_month_day day{date::year{part[2]}, date::month{static_cast<unsigned>(part[0])},
                                 date::day{static_cast<unsigned>(part[1])}};
  if (!day.ok()) return std::nullopt;
  return Time(date::sys_days(day).time_since_epoch());
}

std::optional<Channel> channel_of(std::string_view via) {
  if (via == "Web") return Channel::web;
  if (via == "Phone") return Channel::phone;
  if (via == "Email") return Channel::email;
  if (via == "Postal mail" || via == "Fax" || via == "Referral") return Channel::letter;
  return std::nullopt;
}

std::optional<bool> yes_no(std::string_view text) {
  if (text == "Yes") return true;
  if (text == "No") return false;
  return std::nullopt;
}

struct Row {
  ImportedComplaint facts;
  CaseEventRecord open;
};

ImportResult import(Desk& desk, io::CsvReader& reader) {
  const std::size_t received = reader.column("date_received"), product = reader.column("product"),
                    issue = reader.column("issue"), company = reader.column("company"),
                    via = reader.column("submitted_via"), sent = reader.column("date_sent_to_company"),
                    response = reader.column("company_response_to_consumer"), timely = reader.column("timely_response"),
                    disputed = reader.column("consumer_disputed?"), id = reader.column("complaint_id");
  ImportResult result;
  std::vector<Row> rows;
  std::set<std::string> seen;
  while (reader.next()) {
    ++result.rows;
    const std::int64_t line = reader.line();
    const std::string raw_id(reader.field(id));
    const bool id_ok = !raw_id.empty() && raw_id.find_first_not_of("0123456789") == std::string::npos;
    const std::string case_id = id_ok ? "cfpb-" + raw_id : std::string();
    const auto reject = [&](const std::string& reason) { result.rejected.push_back({line, case_id, reason}); };
    if (!id_ok) {
      reject("complaint_id '" + raw_id + "' is not a number");
      continue;
    }
    if (!seen.insert(case_id).second) {
      reject("complaint_id " + raw_id + " appears on an earlier line");
      continue;
    }
    const auto received_at = parse_us_date(reader.field(received)), sent_at = parse_us_date(reader.field(sent));
    const auto channel = channel_of(reader.field(via));
    const auto is_timely = yes_no(reader.field(timely)), is_disputed = yes_no(reader.field(disputed));
    if (!received_at) reject("date_received '" + std::string(reader.field(received)) + "' is not a M/D/YYYY date");
    else if (!sent_at) reject("date_sent_to_company '" + std::string(reader.field(sent)) + "' is not a M/D/YYYY date");
    else if (!channel) reject("submitted_via '" + std::string(reader.field(via)) + "' is not a known channel (Web, Phone, Email, Postal mail, Fax, Referral)");
    else if (!is_timely) reject("timely_response '" + std::string(reader.field(timely)) + "' is not Yes or No");
    else if (!is_disputed) reject("consumer_disputed? '" + std::string(reader.field(disputed)) + "' is not Yes or No");
    else if (reader.field(issue).empty()) reject("issue is empty");
    if (!result.rejected.empty() && result.rejected.back().line == line) continue;

    Row row;
    ImportedComplaint& f = row.facts;
    f.case_id = case_id;
    f.line = line;
    f.channel = std::string(reader.field(via));
    f.product = std::string(reader.field(product));
    f.issue = std::string(reader.field(issue));
    f.company = std::string(reader.field(company));
    f.response = std::string(reader.field(response));
    f.timely = *is_timely;
    f.disputed = *is_disputed;
    f.received = *received_at;
    f.sent = *sent_at;
    f.sent_before_received = f.sent < f.received;
    if (f.sent_before_received)
      result.flagged.push_back({line, case_id,
                                "date_sent_to_company " + std::string(reader.field(sent)) + " precedes date_received " +
                                    std::string(reader.field(received)) + ": left out of forwarding-lag statistics"});
    CaseEventRecord& e = row.open;
    e.time = f.received;
    e.case_id = case_id;
    e.event = CaseEvent::open;
    e.actor = "cfpb";
    e.channel = *channel;
    e.category = f.issue;
    e.department = f.company;
    rows.push_back(std::move(row));
  }

  // Facts first, then events: if the host dies in between, importing again completes it.
  std::vector<CaseEventRecord> events;
  for (const Row& row : rows) {
    if (desk.find(row.facts.case_id)) ++result.already_present;
    else events.push_back(row.open);
  }
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_table(db, path);
    store::transaction(db, path, [&] {
      store::Query q(db, path,
                     "INSERT OR REPLACE INTO imported_complaints(case_id, line, channel, product, issue, company, response,"
                     " timely, disputed, received, sent, sent_before_received) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
      for (const Row& row : rows) {
        const ImportedComplaint& f = row.facts;
        q.bind(1, f.case_id).bind(2, f.line).bind(3, f.channel).bind(4, f.product).bind(5, f.issue).bind(6, f.company);
        q.bind(7, f.response).bind(8, std::int64_t{f.timely}).bind(9, std::int64_t{f.disputed});
        q.bind(10, f.received);
        q.bind(11, f.sent).bind(12, std::int64_t{f.sent_before_received});
        q.run("writing an imported complaint");
      }
    });
  });
  const SubmitResult submitted = desk.submit(events, OnRefusal::skip);
  for (const Refusal& r : submitted.refused) {
    const Row& row = *std::find_if(rows.begin(), rows.end(),
                                   [&](const Row& x) { return x.facts.case_id == events[r.index].case_id; });
    result.rejected.push_back({row.facts.line, row.facts.case_id, r.message});
  }
  result.imported = submitted.applied;
  return result;
}

}  // namespace

ImportResult import_cfpb(Desk& desk, const std::string& path) {
  io::CsvReader reader(path, io::CsvOptions{','});
  return import(desk, reader);
}

ImportResult import_cfpb(Desk& desk, std::istream& in, const std::string& name) {
  io::CsvReader reader(in, name, io::CsvOptions{','});
  return import(desk, reader);
}

std::vector<ImportedComplaint> imported_complaints(const Desk& desk) {
  std::vector<ImportedComplaint> out;
  desk.with_store([&](sqlite3* db, const std::string& path) {
    create_table(db, path);
    store::Query q(db, path,
                   "SELECT case_id, line, channel, product, issue, company, response, timely, disputed, received, sent,"
                   " sent_before_received FROM imported_complaints ORDER BY case_id");
    while (q.row("reading imported complaints")) {
      ImportedComplaint f;
      f.case_id = q.text(0);
      f.line = q.integer(1);
      f.channel = q.text(2);
      f.product = q.text(3);
      f.issue = q.text(4);
      f.company = q.text(5);
      f.response = q.text(6);
      f.timely = q.integer(7) != 0;
      f.disputed = q.integer(8) != 0;
      f.received = q.time(9);
      f.sent = q.time(10);
      f.sent_before_received = q.integer(11) != 0;
      out.push_back(std::move(f));
    }
  });
  return out;
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
