#include "crmkit/io/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <istream>

#include "crmkit/error.hpp"

namespace crmkit {
inline namespace v0 {
namespace io {

namespace {

constexpr std::size_t kInitialBuffer = std::size_t{1} << 20;
// Offsets within a record are 32-bit; this also bounds what a caller may configure.
constexpr std::size_t kMaxRecordLimit = std::size_t{1} << 30;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string quote_for_message(std::string_view s) {
  constexpr std::size_t kShown = 40;
  std::string out = "'" + std::string(s.substr(0, kShown)) + "'";
  if (s.size() > kShown) out.insert(out.size() - 1, "...");
  return out;
}

}  // namespace

CsvReader::CsvReader(const std::string& path, CsvOptions options)
    : owned_(std::make_unique<std::ifstream>(path, std::ios::binary)),
      name_(path),
      options_(options) {
  if (!*owned_) throw Error(ErrorCode::io_error, path + ": cannot open file for reading");
  in_ = owned_.get();
  start();
}

CsvReader::CsvReader(std::istream& in, std::string name, CsvOptions options)
    : in_(&in), name_(std::move(name)), options_(options) {
  start();
}

CsvReader::~CsvReader() = default;

void CsvReader::start() {
  require(options_.max_record_bytes > 0 && options_.max_record_bytes <= kMaxRecordLimit,
          "max_record_bytes must be in 1..2^30");
  require(options_.max_fields > 0, "max_fields must be at least 1");
  require(options_.max_records > 0, "max_records must be at least 1");
  require(options_.quote != '\n' && options_.quote != '\r', "quote must not be a line end");
  buf_.resize(std::min(kInitialBuffer, options_.max_record_bytes + 2));
  refill();
  if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;

  if (options_.delimiter == CsvOptions::kAuto) {
    // The first line decides: the first of , TAB ; that occurs in it, else blanks.
    std::string_view head(buf_.data() + pos_, end_ - pos_);
    head = head.substr(0, head.find('\n'));
    options_.delimiter = CsvOptions::kWhitespace;
    for (char candidate : {',', '\t', ';'})
      if (head.find(candidate) != std::string_view::npos) {
        options_.delimiter = candidate;
        break;
      }
  }
  require(options_.delimiter != '\n' && options_.delimiter != '\r' &&
              options_.delimiter != options_.quote,
          "delimiter must differ from the quote and line ends");

  if (options_.has_header) {
    if (!next()) throw Error(ErrorCode::parse_error, name_ + ": empty file (no header line)");
    header_.reserve(fields_.size());
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const std::string_view name = field(i);
      // A duplicated name would make mapping by name pick one of the two silently.
      auto same = std::find(header_.begin(), header_.end(), name);
      if (same != header_.end())
        fail(i, "column name " + quote_for_message(name) + " appears twice (also column " +
                    std::to_string(same - header_.begin() + 1) + ")");
      header_.emplace_back(name);
    }
  }
}

bool CsvReader::refill() {
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) {
    // The pending record fills the buffer: grow, within the configured bound.
    if (buf_.size() > options_.max_record_bytes) return false;
    buf_.resize(std::min(buf_.size() * 2, options_.max_record_bytes + 2));
  }
  in_->read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
  std::size_t got = static_cast<std::size_t>(in_->gcount());
  if (in_->bad()) throw Error(ErrorCode::io_error, name_ + ": read error");
  end_ += got;
  if (got == 0) eof_ = true;
  return true;
}

CsvReader::Scan CsvReader::scan_record() {
  const char* b = buf_.data();
  const char d = options_.delimiter;
  const char q = options_.quote;
  const bool ws = d == CsvOptions::kWhitespace;
  std::size_t p = pos_;
  fields_.clear();
  record_lines_ = 0;
  if (p >= end_) return eof_ ? Scan::end : Scan::need_more;

  auto fail_here = [&](const std::string& what) {
    throw Error(ErrorCode::parse_error, name_ + ":" + std::to_string(next_line_ + record_lines_) +
                                            ":" + std::to_string(p - pos_ + 1) + ": " + what);
  };

  for (;;) {
    if (ws) {
      while (p < end_ && is_blank(b[p])) ++p;
      if (p >= end_) {
        if (!eof_) return Scan::need_more;
        break;
      }
      if (b[p] == '\n' || b[p] == '\r') goto line_end;
    }
    {
      const std::size_t field_start = p;
      const std::int64_t lines_before_field = record_lines_;
      bool quoted = false;
      if (b[p] == q) {
        quoted = true;
        for (++p;; ++p) {
          if (p >= end_) {
            if (!eof_) return Scan::need_more;
            p = field_start;  // report where the open quote is
            record_lines_ = lines_before_field;
            fail_here("quoted field is not closed before the end of the file");
          }
          if (b[p] == q) {
            if (p + 1 >= end_ && !eof_) return Scan::need_more;
            if (p + 1 < end_ && b[p + 1] == q) {
              ++p;
              continue;
            }
            ++p;
            break;
          }
          if (b[p] == '\n') ++record_lines_;
        }
      } else {
        while (p < end_ && b[p] != d && b[p] != '\n' && b[p] != '\r' && !(ws && b[p] == '\t')) ++p;
        if (p >= end_ && !eof_) return Scan::need_more;
      }
      if (fields_.size() == options_.max_fields) {
        p = field_start;
        fail_here("more than " + std::to_string(options_.max_fields) + " fields in one record (the max_fields limit)");
      }
      fields_.push_back(Span{static_cast<std::uint32_t>(field_start - pos_),
                             static_cast<std::uint32_t>(p - field_start), quoted});
    }
    if (p >= end_) break;  // end of file ends the record
    if (b[p] == '\n' || b[p] == '\r') goto line_end;
    if (ws && is_blank(b[p])) continue;
    if (b[p] != d) fail_here("unexpected character after a closing quote");
    ++p;
    if (p >= end_ && !eof_) return Scan::need_more;
    if (p >= end_ || b[p] == '\n' || b[p] == '\r')  // a delimiter before the line end:
      fields_.push_back(Span{static_cast<std::uint32_t>(p - pos_), 0, false});  // empty field
    if (p >= end_) break;
    if (b[p] == '\n' || b[p] == '\r') goto line_end;
  }
  goto done;

line_end:
  if (b[p] == '\r') {
    if (p + 1 >= end_ && !eof_) return Scan::need_more;
    ++p;
    if (p < end_ && b[p] == '\n') ++p;
  } else {
    ++p;
  }
  ++record_lines_;

done:
  record_ = pos_;
  record_bytes_ = p - pos_;
  pos_ = p;
  return Scan::record;
}

bool CsvReader::next() {
  for (;;) {
    Scan s = scan_record();
    if (s == Scan::end) return false;
    if (s == Scan::need_more) {
      if (!refill())
        throw Error(ErrorCode::parse_error,
                    name_ + ":" + std::to_string(next_line_) +
                        ":1: record longer than the limit of " +
                        std::to_string(options_.max_record_bytes) + " bytes");
      continue;
    }
    record_line_ = next_line_;
    next_line_ += std::max<std::int64_t>(record_lines_, 1);
    bool blank = fields_.empty() || (fields_.size() == 1 && fields_[0].length == 0 && !fields_[0].quoted);
    if (blank) continue;
    if (records_ == options_.max_records)
      throw Error(ErrorCode::parse_error, name_ + ":" + std::to_string(record_line_) + ": more than " +
                                              std::to_string(options_.max_records) + " records (the max_records limit)");
    ++records_;
    for (Span& f : fields_)
      if (f.quoted) unquote(f);
    if (expected_fields_ == 0) {
      expected_fields_ = fields_.size();
    } else if (fields_.size() != expected_fields_) {
      fail(std::min(fields_.size(), expected_fields_) - 1,
           "expected " + std::to_string(expected_fields_) + " fields, found " +
               std::to_string(fields_.size()));
    }
    return true;
  }
}

void CsvReader::unquote(Span& s) {
  char* base = buf_.data() + record_ + s.begin;
  const char q = options_.quote;
  // Between the quotes, "" stands for one quote; the result is never longer, so the copy
  // is done in place.
  std::size_t out = 0;
  for (std::size_t in = 1; in + 1 < s.length; ++in) {
    base[out++] = base[in];
    if (base[in] == q) ++in;
  }
  s.length = static_cast<std::uint32_t>(out);
}

std::string_view CsvReader::field(std::size_t i) const {
  if (i >= fields_.size())
    throw Error(ErrorCode::invalid_argument,
                name_ + ":" + std::to_string(record_line_) + ": no field " + std::to_string(i + 1) +
                    " (the record has " + std::to_string(fields_.size()) + ")");
  const Span& s = fields_[i];
  return std::string_view(buf_.data() + record_ + s.begin, s.length);
}

std::int64_t CsvReader::column_number(std::size_t i) const {
  return i < fields_.size() ? static_cast<std::int64_t>(fields_[i].begin) + 1 : 1;
}

void CsvReader::fail(std::size_t i, const std::string& what) const {
  throw Error(ErrorCode::parse_error, name_ + ":" + std::to_string(record_line_) + ":" +
                                          std::to_string(column_number(i)) + ": " + what);
}

double CsvReader::number(std::size_t i) const {
  std::string_view text = trim_blanks(field(i));
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size())
    fail(i, quote_for_message(field(i)) + " is not a number");
  if (ec == std::errc::result_out_of_range) fail(i, quote_for_message(field(i)) + " is out of range");
  return v;
}

int CsvReader::decimals(std::size_t i) const {
  const std::string_view text = trim_blanks(field(i));
  if (text.find_first_of("eE") != std::string_view::npos) return -1;
  const std::size_t point = text.find('.');
  return point == std::string_view::npos ? 0 : static_cast<int>(text.size() - point - 1);
}

std::optional<std::size_t> CsvReader::find_column(std::string_view name) const {
  auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header_.begin());
}

std::size_t CsvReader::column(std::string_view name) const {
  if (const auto i = find_column(name)) return *i;
  std::string known;
  for (const std::string& h : header_) known += (known.empty() ? "" : ", ") + h;
  throw Error(ErrorCode::parse_error, name_ + ":1: no column named '" + std::string(name) +
                                          "' (columns: " + known + ")");
}

std::size_t CsvReader::column_ref(std::string_view ref) const {
  if (options_.has_header) return column(ref);
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), n);
  if (ec != std::errc() || end != ref.data() + ref.size() || n == 0)
    throw Error(ErrorCode::invalid_argument,
                name_ + ": without a header, columns are given by 1-based number, not '" +
                    std::string(ref) + "'");
  if (expected_fields_ != 0 && n > expected_fields_)
    throw Error(ErrorCode::parse_error, name_ + ": column " + std::to_string(n) +
                                            " does not exist (records have " +
                                            std::to_string(expected_fields_) + " fields)");
  return n - 1;
}

}  // namespace io
}  // namespace v0
}  // namespace crmkit
