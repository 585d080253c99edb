#include "crmkit/complaint/event_file.hpp"

#include <optional>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"

namespace crmkit {
inline namespace v0 {
namespace complaint {

namespace {

std::optional<std::size_t> optional_column(const io::CsvReader& reader, const char* name) {
  for (std::size_t i = 0; i < reader.header().size(); ++i)
    if (reader.header()[i] == name) return i;
  return std::nullopt;
}

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
  const auto channel = optional_column(reader, "channel"), customer = optional_column(reader, "customer"),
             category = optional_column(reader, "category"), priority = optional_column(reader, "priority"),
             department = optional_column(reader, "department"), note = optional_column(reader, "note");
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
    out.push_back(std::move(line));
  }
  return out;
}

io::CsvOptions comma() {
  io::CsvOptions options;
  options.delimiter = ',';
  return options;
}

}  // namespace

std::vector<EventLine> read_case_events(const std::string& path) {
  io::CsvReader reader(path, comma());
  return read(reader);
}

std::vector<EventLine> read_case_events(std::istream& in, const std::string& name) {
  io::CsvReader reader(in, name, comma());
  return read(reader);
}

}  // namespace complaint
}  // namespace v0
}  // namespace crmkit
