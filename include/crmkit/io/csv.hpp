// A streaming CSV reader: constant memory (one buffer holding the current record), quoted
// fields with "" escapes and embedded newlines, LF or CRLF line ends, a UTF-8 byte-order
// mark, a header row mapped by column name, any single-character delimiter or runs of
// blanks (the CDNOW files). Every error names file, line and column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crmkit {
inline namespace v0 {
namespace io {

struct CsvOptions {
  // Field separator. kWhitespace splits on runs of spaces and tabs and ignores blanks at
  // the start and end of a line; kAuto picks ',', '\t', ';' or whitespace from the first line.
  static constexpr char kWhitespace = ' ';
  static constexpr char kAuto = '\0';
  char delimiter = kAuto;
  bool has_header = true;
  char quote = '"';
  // Limits that keep memory bounded on a hostile file, checked before anything grows past
  // them; exceeding one is a parse_error naming the line and the option. A record (one
  // line, or several for quoted newlines) longer than max_record_bytes (1..2^30); a
  // record with more than max_fields fields (each costs a 12-byte index entry, so a 16 MiB
  // line of commas would otherwise take 200 MB); more than max_records records (for the
  // readers that keep every row, such as surveys, decision and event files).
  std::size_t max_record_bytes = std::size_t{16} << 20;
  std::size_t max_fields = 10000;
  std::uint64_t max_records = std::uint64_t{100} * 1000 * 1000;

  // Comma-separated with a header: the fixed layout of crmkit's own file formats.
  static CsvOptions comma() {
    CsvOptions o;
    o.delimiter = ',';
    return o;
  }
};

class CsvReader {
 public:
  // Opens a file; io_error naming the path if it cannot be read.
  CsvReader(const std::string& path, CsvOptions options = {});
  // Reads from a stream the caller keeps alive (standard input, a pipe); `name` is used in
  // messages. Every byte is read once: the header and the auto-detected delimiter come from
  // the data already buffered, so a pipe or FIFO works like a file.
  CsvReader(std::istream& in, std::string name, CsvOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Column names (empty without a header). A name given twice is a parse_error at open.
  const std::vector<std::string>& header() const noexcept { return header_; }
  // Index of a named column; parse_error listing the columns when absent.
  std::size_t column(std::string_view name) const;
  // Index of an optional column, none when the header lacks it.
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Index of a column given as a name (with a header) or a 1-based number (without one).
  std::size_t column_ref(std::string_view ref) const;

  // Advances to the next record; false at the end of input. Blank lines are skipped; a
  // record with a different number of fields than the header (or the first record) is an
  // error.
  bool next();
  std::size_t size() const noexcept { return fields_.size(); }
  std::string_view field(std::size_t i) const;

  // Where the current record starts (1-based line) and where field i starts (1-based byte).
  std::int64_t line() const noexcept { return record_line_; }
  std::int64_t column_number(std::size_t i) const;
  const std::string& name() const noexcept { return name_; }
  // Delimiter in use (resolved when kAuto).
  char delimiter() const noexcept { return options_.delimiter; }
  // The options in use (delimiter resolved).
  const CsvOptions& options() const noexcept { return options_; }
  // True when the reader opened a file by name (which could be opened again), false for a
  // caller's stream.
  bool from_file() const noexcept { return owned_ != nullptr; }

  // "NAME:LINE:COL: what" for field i of the current record, as a parse_error.
  [[noreturn]] void fail(std::size_t i, const std::string& what) const;
  // Field i as a finite or non-finite double (blanks around it ignored); fails on non-numbers.
  double number(std::size_t i) const;
  // Digits after the decimal point of field i as written ("12.50" -> 2, "7" -> 0), -1 when
  // it has an exponent: the precision at which sums of such amounts are exact.
  int decimals(std::size_t i) const;

 private:
  struct Span {
    std::uint32_t begin;  // offset from the record start
    std::uint32_t length;
    bool quoted;
  };
  enum class Scan { record, need_more, end };

  void start();
  Scan scan_record();
  bool refill();
  void unquote(Span& s);

  std::unique_ptr<std::ifstream> owned_;
  std::istream* in_ = nullptr;
  std::string name_;
  CsvOptions options_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;    // start of unread data in buf_
  std::size_t end_ = 0;    // end of valid data in buf_
  bool eof_ = false;
  std::size_t record_ = 0;         // offset of the current record in buf_
  std::size_t record_bytes_ = 0;   // its raw length
  std::int64_t record_line_ = 0;
  std::int64_t next_line_ = 1;
  std::int64_t record_lines_ = 0;  // line ends inside the current record
  std::uint64_t records_ = 0;       // records returned so far (the header included)
  std::vector<Span> fields_;
  std::vector<std::string> header_;
  std::size_t expected_fields_ = 0;
};

}  // namespace io
}  // namespace v0
}  // namespace crmkit
