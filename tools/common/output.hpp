// The one output module of the CLI: every byte a command prints goes through a Sink (checked
// writes, checked close), and every result through Rows (aligned table, CSV or JSON) or
// write_json (nested results).
//
// Numbers are printed shortest-round-trip (std::to_chars): reading the text back gives the
// same double. Non-finite values are empty in CSV and tables and `null` in JSON. JSON text
// is made by nlohmann-json; bytes that are not UTF-8 (an id column in Latin-1, say) become
// U+FFFD instead of invalid JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace crmkit_cli {

enum class Format { table, csv, json };

// Standard output or a file, written through one buffer. A failed write or close throws
// crmkit::Error(io_error) naming the destination and the system's reason, so a full disk
// or a closed pipe is an error (exit 1), never a silently truncated result.
class Sink {
 public:
  Sink();                                  // standard output
  explicit Sink(const std::string& path);  // a file, created or truncated
  ~Sink();                                 // closes without checking: call close() first
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void write(std::string_view text);
  // Flushes and closes; throws when the system reports that anything was not written.
  void close();
  const std::string& name() const noexcept { return name_; }

 private:
  void flush();
  int fd_;
  bool owned_;
  std::string name_;
  std::string buffer_;
};

// Standard output of this run (closed and checked by main after the command).
Sink& standard_output();

// A cell of a result row: text, a number (non-finite: missing), or a count.
using Cell = std::variant<std::string, double, std::int64_t>;

// Shortest text that reads back as the same double; "" for NaN and infinities.
std::string number_text(double v);
// An amount that is a sum of amounts written with `decimals` digits after the point, at that
// precision: 74.02000000000001 -> 74.02. Unknown precision (< 0) or values too large to be
// rounded exactly are returned unchanged.
double at_precision(double v, int decimals);
// A mean of `count` such amounts: their sum at that precision, divided by count (the
// division is correctly rounded, so 49.35 / 2 prints as 24.675, not 24.675000000000004).
double mean_at_precision(double mean, double count, int decimals);
// A number as JSON: integers as integers, non-finite as null.
nlohmann::ordered_json json_number(double v);

// Rows with named columns, in one of the three formats. CSV and JSON stream each row as it
// is added; the table format keeps the rows and aligns them at finish().
class Rows {
 public:
  Rows(Sink& sink, Format format, std::vector<std::string> columns);
  void add(const std::vector<Cell>& cells);
  void finish();

 private:
  Sink& sink_;
  Format format_;
  std::vector<std::string> columns_;
  std::vector<std::string> json_keys_;  // "\"name\": " per column
  std::vector<std::vector<std::string>> table_;  // table format: formatted cells
  std::vector<bool> right_align_;               // table format: numeric columns
  std::string line_;
  bool first_ = true;
};

// A nested result (fit, concentration) as indented JSON.
void write_json(Sink& sink, const nlohmann::ordered_json& value);

}  // namespace crmkit_cli
