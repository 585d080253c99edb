#include "contact/common.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <system_error>

#include "common/input.hpp"
#include "common/options.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"
#include "crmkit/io/time.hpp"

namespace crmkit_cli {

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
