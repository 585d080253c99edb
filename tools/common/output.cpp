#include "common/output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

#include "crmkit/error.hpp"

namespace crmkit_cli {

namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 16;

[[noreturn]] void fail_io(const std::string& what) {
  throw crmkit::Error(crmkit::ErrorCode::io_error, what + ": " + std::strerror(errno));
}

// Strings through nlohmann-json: escapes, and U+FFFD for bytes that are not UTF-8.
std::string json_string(const std::string& s) {
  return nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string cell_text(const Cell& cell, Format format) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    if (format == Format::json) return json_string(*s);
    if (format == Format::table || s->find_first_of(",\"\r\n") == std::string::npos) return *s;
    std::string quoted = "\"";
    for (char c : *s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  }
  if (const auto* v = std::get_if<double>(&cell)) {
    if (!std::isfinite(*v)) return format == Format::json ? "null" : "";
    return number_text(*v);
  }
  return std::to_string(std::get<std::int64_t>(cell));
}

}  // namespace

Sink::Sink() : fd_(STDOUT_FILENO), owned_(false), name_("standard output") {}

Sink::Sink(const std::string& path) : owned_(true), name_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail_io(path + ": cannot open for writing");
}

Sink::~Sink() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

void Sink::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kBufferBytes) flush();
}

void Sink::flush() {
  const char* p = buffer_.data();
  std::size_t left = buffer_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      buffer_.clear();  // reported once; close() must not report it again
      fail_io("cannot write to " + name_);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void Sink::close() {
  if (fd_ < 0) return;
  flush();
  // close() reports errors some file systems only detect then (NFS, quotas); standard
  // output is closed too, so that its errors are not lost at exit.
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) fail_io("cannot write to " + name_);
}

Sink& standard_output() {
  static Sink out;
  return out;
}

std::string number_text(double v) {
  if (!std::isfinite(v)) return "";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ec == std::errc() ? end : buf);
}

double at_precision(double v, int decimals) {
  if (decimals < 0 || decimals > 15 || !std::isfinite(v)) return v;
  const double scale = std::pow(10.0, decimals);
  const double scaled = v * scale;
  if (std::abs(scaled) >= 9007199254740992.0) return v;  // 2^53: no longer exact
  return std::round(scaled) / scale;
}

double mean_at_precision(double mean, double count, int decimals) {
  if (!(count > 0) || decimals < 0) return mean;
  return at_precision(mean * count, decimals) / count;
}

nlohmann::ordered_json json_number(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && std::abs(v) < 9007199254740992.0) return static_cast<std::int64_t>(v);
  return v;
}

Rows::Rows(Sink& sink, Format format, std::vector<std::string> columns)
    : sink_(sink), format_(format), columns_(std::move(columns)) {
  if (format_ == Format::json) {
    for (const std::string& c : columns_) json_keys_.push_back(json_string(c) + ": ");
    sink_.write("[");
  } else if (format_ == Format::csv) {
    for (std::size_t i = 0; i < columns_.size(); ++i) line_ += (i ? "," : "") + columns_[i];
    sink_.write(line_ + "\n");
  } else {
    table_.push_back(columns_);
    right_align_.assign(columns_.size(), false);
  }
}

void Rows::add(const std::vector<Cell>& cells) {
  line_.clear();
  switch (format_) {
    case Format::json:
      line_ = first_ ? "\n  {" : ",\n  {";
      for (std::size_t i = 0; i < cells.size(); ++i)
        line_ += (i ? ", " : "") + json_keys_[i] + cell_text(cells[i], format_);
      line_ += "}";
      break;
    case Format::csv:
      for (std::size_t i = 0; i < cells.size(); ++i)
        line_ += (i ? "," : "") + cell_text(cells[i], format_);
      line_ += "\n";
      break;
    case Format::table: {
      std::vector<std::string> row;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        row.push_back(cell_text(cells[i], format_));
        if (!std::holds_alternative<std::string>(cells[i])) right_align_[i] = true;
      }
      table_.push_back(std::move(row));
      break;
    }
  }
  first_ = false;
  sink_.write(line_);
}

void Rows::finish() {
  if (format_ == Format::json) {
    sink_.write(first_ ? "]\n" : "\n]\n");
  } else if (format_ == Format::table) {
    std::vector<std::size_t> width(columns_.size(), 0);
    for (const auto& row : table_)
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    for (const auto& row : table_) {
      line_.clear();
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string pad(width[i] - row[i].size(), ' ');
        if (i) line_ += "  ";
        line_ += right_align_[i] ? pad + row[i] : (i + 1 < row.size() ? row[i] + pad : row[i]);
      }
      sink_.write(line_ + "\n");
    }
  }
}

void write_json(Sink& sink, const nlohmann::ordered_json& value) {
  sink.write(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
}

}  // namespace crmkit_cli
