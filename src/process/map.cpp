// Reading process maps: the CSV contract of include/crmkit/process/map.hpp.
#include "crmkit/process/map.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <istream>
#include <memory>

#include "crmkit/error.hpp"
#include "crmkit/io/csv.hpp"

namespace crmkit {
inline namespace v0 {
namespace process {

namespace {

constexpr const char* kRequired[] = {"step", "department", "duration", "cost", "value_adding", "next"};
constexpr const char* kOptional[] = {"role", "necessary", "rework", "duplicate_of", "note"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

[[noreturn]] void bad_next(std::string_view text, const std::string& what) {
  throw Error(ErrorCode::parse_error,
              "next '" + std::string(text) + "': " + what +
                  " (write B for a sequence, B&C for a parallel split, B:0.8|C:0.2 for a decision)");
}

// Splits on `separator`, every part trimmed and non-empty.
std::vector<std::string_view> parts(std::string_view text, char separator, std::string_view whole) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    const std::string_view part = trim(text.substr(start, end - start));
    if (part.empty()) bad_next(whole, std::string("an empty step name around '") + separator + "'");
    out.push_back(part);
    if (end == text.size()) return out;
    start = end + 1;
  }
}

void add_unique(Step& step, std::string_view name, double probability, std::string_view whole) {
  for (const Next& n : step.next)
    if (n.step == name) bad_next(whole, "names '" + std::string(name) + "' twice");
  step.next.push_back({std::string(name), probability});
}

// A duration in minutes: fixed ("20") or a triangular distribution "MIN/MODE/MAX", which
// enters as its mean (MIN + MODE + MAX) / 3: every figure of the analysis is an expectation.
double duration(const io::CsvReader& reader, std::size_t i) {
  const std::string_view text = trim(reader.field(i));
  if (text.find('/') == std::string_view::npos) return reader.number(i);
  double v[3];
  std::size_t start = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    const std::size_t end = k < 2 ? text.find('/', start) : text.size();
    const std::string_view part = trim(text.substr(start, end == std::string_view::npos ? 0 : end - start));
    const auto r = std::from_chars(part.data(), part.data() + part.size(), v[k]);
    if (end == std::string_view::npos || part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() ||
        !std::isfinite(v[k]))
      reader.fail(i, "'" + std::string(text) + "' is not a duration (minutes, or MIN/MODE/MAX for a triangular "
                                              "distribution)");
    start = end + 1;
  }
  if (!(0 <= v[0] && v[0] <= v[1] && v[1] <= v[2]))
    reader.fail(i, "triangular duration '" + std::string(text) + "' needs 0 <= MIN <= MODE <= MAX");
  return (v[0] + v[1] + v[2]) / 3;
}

bool yes_no(const io::CsvReader& reader, std::size_t i, bool blank) {
  std::string text(trim(reader.field(i)));
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  if (text.empty()) return blank;
  if (text == "yes" || text == "true" || text == "1" || text == "y") return true;
  if (text == "no" || text == "false" || text == "0" || text == "n") return false;
  reader.fail(i, "'" + std::string(reader.field(i)) + "' is not yes or no");
}

ProcessMap read(io::CsvReader& reader) {
  const std::vector<std::string>& header = reader.header();
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto known = [&](const auto& list) {
      return std::find(std::begin(list), std::end(list), header[c]) != std::end(list);
    };
    if (!known(kRequired) && !known(kOptional))
      throw Error(ErrorCode::parse_error,
                  reader.name() + ":1: unknown column '" + header[c] +
                      "' (a process map has step, department, duration, cost, value_adding, "
                      "next and optionally role, necessary, rework, duplicate_of, note)");
  }
  std::size_t col[6];
  for (std::size_t k = 0; k < 6; ++k) col[k] = reader.column(kRequired[k]);
  const auto optional = [&](const char* name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? header.size() : static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t role = optional("role"), necessary = optional("necessary"),
                    rework = optional("rework"), duplicate = optional("duplicate_of"),
                    note = optional("note");
  const auto text = [&](std::size_t c) {
    return c < header.size() ? std::string(trim(reader.field(c))) : std::string();
  };

  ProcessMap map;
  map.source = reader.name();
  while (reader.next()) {
    Step s;
    s.line = reader.line();
    s.name = text(col[0]);
    if (s.name.empty()) reader.fail(col[0], "a step needs a name");
    if (s.name.find_first_of("&|:") != std::string::npos)
      reader.fail(col[0], "step name '" + s.name + "' contains &, | or :, which separate steps in `next`");
    s.department = text(col[1]);
    if (s.department.empty()) reader.fail(col[1], "step '" + s.name + "' needs a department");
    s.duration = duration(reader, col[2]);
    s.cost = reader.number(col[3]);
    s.value_adding = yes_no(reader, col[4], false);
    try {
      parse_next(reader.field(col[5]), s);
    } catch (const Error& e) {
      reader.fail(col[5], e.what());
    }
    s.role = text(role);
    if (necessary < header.size()) s.necessary = yes_no(reader, necessary, true);
    if (rework < header.size()) s.rework = yes_no(reader, rework, false);
    s.duplicate_of = text(duplicate);
    s.note = text(note);
    map.steps.push_back(std::move(s));
  }
  if (map.steps.empty())
    throw Error(ErrorCode::parse_error, reader.name() + ": no steps (the first row is the start)");
  return map;
}

}  // namespace

const NameTable& names(Flow) {
  static constexpr const char* kNames[] = {"end", "sequence", "parallel", "decision"};
  static constexpr NameTable table("process flow", kNames);
  return table;
}

void parse_next(std::string_view whole, Step& step) {
  const std::string_view text = trim(whole);
  step.next.clear();
  if (text.empty()) {
    step.flow = Flow::end;
    return;
  }
  const bool has_and = text.find('&') != std::string_view::npos;
  const bool has_decision = text.find_first_of(":|") != std::string_view::npos;
  if (has_and && has_decision) bad_next(whole, "a split (&) and a decision (| and :) cannot be mixed");
  if (has_and) {
    step.flow = Flow::parallel;
    for (std::string_view p : parts(text, '&', whole)) add_unique(step, p, 1, whole);
    return;
  }
  if (!has_decision) {
    step.flow = Flow::sequence;
    step.next.push_back({std::string(text), 1});
    return;
  }
  step.flow = Flow::decision;
  for (std::string_view p : parts(text, '|', whole)) {
    const std::size_t colon = p.rfind(':');
    if (colon == std::string_view::npos)
      bad_next(whole, "branch '" + std::string(p) + "' has no probability");
    const std::string_view name = trim(p.substr(0, colon)), number = trim(p.substr(colon + 1));
    double probability = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), probability);
    if (name.empty() || number.empty() || ec != std::errc() || end != number.data() + number.size())
      bad_next(whole, "branch '" + std::string(p) + "' is not STEP:PROBABILITY");
    add_unique(step, name, probability, whole);
  }
}

std::string format_next(const Step& step) {
  std::string out;
  for (const Next& n : step.next) {
    if (!out.empty()) out += step.flow == Flow::parallel ? "&" : "|";
    out += n.step;
    if (step.flow == Flow::decision) {
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, n.probability);
      out += ":" + std::string(buf, r.ptr);
    }
  }
  return out;
}

ProcessMap read_process_map(const std::string& path) {
  io::CsvReader reader(path, io::CsvOptions::comma());
  return read(reader);
}

ProcessMap read_process_map(std::istream& in, const std::string& name) {
  io::CsvReader reader(in, name, io::CsvOptions::comma());
  return read(reader);
}

std::string where(const ProcessMap& map, std::size_t i) {
  const Step& s = map.steps[i];
  std::string place;
  if (!map.source.empty()) place = map.source + (s.line > 0 ? ":" + std::to_string(s.line) : "") + ": ";
  return place + "step '" + s.name + "'";
}

}  // namespace process
}  // namespace v0
}  // namespace crmkit
