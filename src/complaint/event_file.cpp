#include "crmkit/complaint/event_file.hpp"

#include <optional>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace {

template <class Enum>
Enum enum_field(const io::CsvReader& reader, std::size_t i) {
  try {
    return parse_enum<Enum>(reader.field(i));
  } catch (const Error& e) {
    reader.fail(i, e.what());
  }
}

std::vector<EventLine> read(io::CsvReader& reader) {
  const std::size_t time = reader.column("time"), case_id = reader.column("case_id"),
                    event = reader.column("event"), actor = reader.column("actor");
  const auto channel = reader.find_column("channel"), customer = reader.find_column("customer"),
             category = reader.find_column("category"), priority = reader.find_column("priority"),
             department = reader.find_column("department"), note = reader.find_column("note"),
             follows = reader.find_column("follows"), changes = reader.find_column("changes");
  const auto text = [&](const std::optional<std::size_t>& column) {
    return column ? std::string(reader.field(*column)) : std::string();
  };
  std::vector<EventLine> out;
  while (reader.next()) {
    EventLine line;
    line.line = reader.line();
    CaseEventRecord& e = line.event;
    try {
      e.time = parse_time(std::string(reader.field(time)));
    } catch (const Error& error) {
      reader.fail(time, error.what());
    }
    e.case_id = std::string(reader.field(case_id));
    if (e.case_id.empty()) reader.fail(case_id, "case_id is empty");
    e.event = enum_field<CaseEvent>(reader, event);
    e.actor = std::string(reader.field(actor));
    if (e.actor.empty()) reader.fail(actor, "actor is empty");
    if (channel && !reader.field(*channel).empty()) e.channel = enum_field<Channel>(reader, *channel);
    if (priority && !reader.field(*priority).empty()) e.priority = enum_field<Priority>(reader, *priority);
    e.customer = text(customer);
    e.category = text(category);
    e.department = text(department);
    e.note = text(note);
    e.follows = text(follows);
    if (changes && !reader.field(*changes).empty()) {
      try {
        e.changes = parse_changes(std::string(reader.field(*changes)));
      } catch (const Error& error) {
        reader.fail(*changes, error.what());
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace

std::vector<EventLine> read_case_events(const std::string& path) {
  io::CsvReader reader(path, io::CsvOptions::comma());
  return read(reader);
}

std::vector<EventLine> read_case_events(std::istream& in, const std::string& name) {
  io::CsvReader reader(in, name, io::CsvOptions::comma());
  return read(reader);
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
