#include "contact/common.hpp"

#include <charconv>
#include <limits>
#include <regex>
#include <cmath>
#include <nlohmann/json.hpp>
#include <system_error>

#include "common/input.hpp"
#include "common/options.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double seconds_of(std::string_view text) {
  const std::string_view original = text;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  double unit = 1;
  if (!text.empty() && (text.back() == 's' || text.back() == 'm' || text.back() == 'h')) {
    unit = text.back() == 'h' ? 3600 : text.back() == 'm' ? 60 : 1;
    text.remove_suffix(1);
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw crmkit::Error(crmkit::ErrorCode::parse_error,
                        "expected a duration such as 180s, 30m or 1.5h, found '" + std::string(original) + "'");
  return value * unit;
}

std::string duration_text(double seconds) {
  if (seconds > 0 && std::fmod(seconds, 3600) == 0) return number_text(seconds / 3600) + "h";
  if (seconds > 0 && std::fmod(seconds, 60) == 0) return number_text(seconds / 60) + "m";
  return number_text(seconds) + "s";
}

double option_seconds(const std::string& option, const std::string& text) {
  try {
    return seconds_of(text);
  } catch (const crmkit::Error& e) {
    throw UsageError(option + ": " + e.what());
  }
}

Forecast read_forecast(const std::string& path, double default_length) {
  Input input(path, crmkit::io::CsvOptions{});
  crmkit::io::CsvReader& r = input.reader();
  const std::size_t start = r.column("start"), calls = r.column("calls"), aht = r.column("aht");
  const auto& header = r.header();
  std::size_t length = header.size();
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == "length") length = i;
  Forecast f;
  f.source = r.name();
  const auto duration = [&](std::size_t i) {
    try {
      return seconds_of(r.field(i));
    } catch (const crmkit::Error& e) {
      r.fail(i, e.what());
    }
  };
  while (r.next()) {
    f.lines.push_back(r.line());
    f.start.emplace_back(r.field(start));
    try {
      f.start_day.push_back(crmkit::io::parse_time(r.field(start)));
    } catch (const crmkit::Error& e) {
      r.fail(start, e.what());
    }
    f.length.push_back(length < header.size() ? duration(length) : default_length);
    f.calls.push_back(r.number(calls));
    f.aht.push_back(duration(aht));
  }
  if (f.calls.empty()) throw crmkit::Error(crmkit::ErrorCode::parse_error, f.source + ": no intervals");
  return f;
}

std::int64_t Names::of(std::string_view text) {
  const auto [it, added] = code.emplace(std::string(text), static_cast<std::int64_t>(name.size()));
  if (added) name.emplace_back(text);
  return it->second;
}

crmkit::contact::ContactColumns ContactLog::columns() const {
  return {channel.size(), channel.data(), agent.data(), arrival.data(), answered.data(), abandoned.data(),
          end.data(), ivr.data(), transferred.data(), resolved.data(), satisfaction.data()};
}

ContactLog read_contact_log(const std::string& path) {
  Input input(path, crmkit::io::CsvOptions{});
  crmkit::io::CsvReader& r = input.reader();
  const std::size_t none = r.header().size();
  const auto optional = [&](const char* name) {
    for (std::size_t i = 0; i < r.header().size(); ++i)
      if (r.header()[i] == name) return i;
    return none;
  };
  const std::size_t channel = r.column("channel"), arrival = r.column("arrival");
  const std::size_t agent = optional("agent"), answered = optional("answered"), abandoned = optional("abandoned");
  const std::size_t end = optional("end"), ivr = optional("ivr"), transferred = optional("transferred");
  const std::size_t resolved = optional("first_contact_resolved"), satisfaction = optional("satisfaction");
  const auto blank = [&](std::size_t i) { return i == none || r.field(i).find_first_not_of(' ') == std::string_view::npos; };
  const auto time = [&](std::size_t i) {
    if (blank(i)) return kNaN;
    try {
      return crmkit::io::parse_time(r.field(i));
    } catch (const crmkit::Error& e) {
      r.fail(i, e.what());
    }
  };
  const auto flag = [&](std::size_t i) -> std::uint8_t {
    if (blank(i)) return 0;
    if (r.field(i) == "0" || r.field(i) == "1") return r.field(i) == "1";
    r.fail(i, r.header()[i] + " is '" + std::string(r.field(i)) + "'; expected 0, 1 or empty");
  };
  ContactLog log;
  log.source = r.name();
  while (r.next()) {
    log.lines.push_back(r.line());
    log.channel.push_back(log.channels.of(r.field(channel)));
    log.agent.push_back(blank(agent) ? -1 : log.agents.of(r.field(agent)));
    if (blank(arrival)) r.fail(arrival, "arrival is empty");
    log.arrival.push_back(time(arrival));
    log.answered.push_back(time(answered));
    log.abandoned.push_back(time(abandoned));
    log.end.push_back(time(end));
    log.ivr.push_back(flag(ivr));
    log.transferred.push_back(flag(transferred));
    log.resolved.push_back(flag(resolved));
    log.satisfaction.push_back(blank(satisfaction) ? kNaN : r.number(satisfaction));
  }
  if (log.channel.empty()) throw crmkit::Error(crmkit::ErrorCode::parse_error, log.source + ": no contacts");
  return log;
}

crmkit::Error at_file_line(const crmkit::Error& e, const std::string& row_word, std::size_t first,
                           const std::string& source, const std::vector<long long>& lines) {
  const std::regex where("^" + row_word + " ([0-9]+): ");
  std::smatch m;
  const std::string message = e.what();
  if (!std::regex_search(message, m, where)) return e;
  const std::size_t i = std::stoul(m[1]) - first;
  if (i >= lines.size()) return e;
  return crmkit::Error(e.code(), source + ":" + std::to_string(lines[i]) + ": " + m.suffix().str());
}

void write_figures(Sink& sink, Format format, const Figures& figures) {
  if (format == Format::json) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& [name, cell] : figures) {
      if (const auto* text = std::get_if<std::string>(&cell)) object[name] = *text;
      else if (const auto* number = std::get_if<double>(&cell)) object[name] = json_number(*number);
      else object[name] = std::get<std::int64_t>(cell);
    }
    write_json(sink, object);
    return;
  }
  Rows rows(sink, format, {"figure", "value"});
  for (const auto& [name, cell] : figures) rows.add({name, cell});
  rows.finish();
}

}  // namespace crmkit_cli
