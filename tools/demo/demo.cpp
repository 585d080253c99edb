// crmkit demo: runs every pillar on the bundled data and writes an HTML report.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "common/progress.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/svg.hpp"
#include "crmkit/version.h"
#include "demo/demo.hpp"

namespace crmkit_cli {

namespace fs = std::filesystem;

namespace {

using SectionFn = DemoSection (*)(const DemoContext&);
// Customer value (who is worth what today) comes before lifetime value (what they will be
// worth): the report reads from the data the business has to the models built on it.
const SectionFn kSections[] = {demo_customer_summaries, demo_customer_value, demo_lifetime_value,
                                demo_service_quality, demo_satisfaction_index, demo_decisions, demo_contact_centre,
                                demo_service_process, demo_segments_and_churn,
                                demo_complaints};

struct DemoCommand {
  std::string data, out = "out";
  FormatOptions format;
};

// --data, $CRMKIT_DATA_DIR, ./data, then <prefix>/share/crmkit/data next to the program.
std::string find_data_dir(const std::string& given) {
  std::vector<fs::path> candidates;
  if (!given.empty()) {
    candidates.push_back(given);
  } else {
    if (const char* env = std::getenv("CRMKIT_DATA_DIR")) candidates.emplace_back(env);
    candidates.emplace_back("data");
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "crmkit" / "data");
  }
  std::string tried;
  for (const fs::path& p : candidates) {
    if (fs::exists(p / "cdnow" / "CDNOW_sample.txt")) return p.string();
    tried += (tried.empty() ? "" : ", ") + p.string();
  }
  throw crmkit::Error(crmkit::ErrorCode::io_error,
                      "bundled data not found (looked in: " + tried + "); pass --data DIR");
}

void run(const DemoCommand& o) {
  const DemoContext context{find_data_dir(o.data)};
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) throw crmkit::Error(crmkit::ErrorCode::io_error, o.out + ": cannot create folder: " + ec.message());

  std::string body;
  std::vector<DemoSection> sections;
  for (SectionFn section : kSections) {
    Progress progress("demo: section " + std::to_string(sections.size() + 1) + " of " +
                      std::to_string(std::size(kSections)));
    sections.push_back(section(context));
    const DemoSection& s = sections.back();
    body += "<section>\n<h2>" + crmkit::io::escape_xml(s.title) + "</h2>\n" + s.html + "</section>\n";
  }
  const fs::path report = fs::path(o.out) / "report.html";
  Sink file(report.string());
  // The report names the bundled files by their place in the data folder, never by this
  // machine's paths: it is meant to be passed around.
  file.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             "<title>crmkit demo report</title>\n<style>body{font-family:sans-serif;max-width:980px;"
             "margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
             "#ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}.wide{overflow-x:auto}"
             ".wide svg{max-width:none!important}</style></head><body>\n"
             "<h1>crmkit " CRMKIT_VERSION_STRING " demo report</h1>\n"
             "<p>Data: the data sets bundled with crmkit (<code>data/</code>; provenance in "
             "each folder's README).</p>\n" +
             body + "</body></html>\n");
  file.close();

  Sink& out = standard_output();
  if (o.format.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const DemoSection& s : sections) list.push_back({{"title", s.title}, {"summary", s.summary}});
    write_json(out, {{"sections", list}, {"report", report.string()}});
    return;
  }
  for (const DemoSection& s : sections) out.write(s.title + ": " + s.summary + "\n");
  out.write("report: " + report.string() + "\n");
}

}  // namespace

std::string html_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
  using crmkit::io::escape_xml;
  std::string out = "<table>\n<tr>";
  for (const std::string& h : header) out += "<th>" + escape_xml(h) + "</th>";
  out += "</tr>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const std::string& cell : row) out += "<td>" + escape_xml(cell) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string wide_figure(const std::string& svg) { return "<div class=\"wide\">" + svg + "</div>\n"; }

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(v));
  std::string digits = buf;
  const std::size_t point = digits.find('.');
  std::size_t integer_end = point == std::string::npos ? digits.size() : point;
  for (std::size_t i = integer_end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return (std::signbit(v) && digits.find_first_not_of("0.,") != std::string::npos ? "-" : "") + digits;
}

void add_demo(CLI::App& app) {
  auto o = std::make_shared<DemoCommand>();
  CLI::App* cmd = app.add_subcommand("demo", "run every pillar on the bundled data and write OUT/report.html");
  cmd->add_option("--data", o->data, "folder of the bundled data (default: $CRMKIT_DATA_DIR, ./data "
                                     "or the installed copy)");
  cmd->add_option("--out", o->out, "output folder")->capture_default_str();
  add_format_options(*cmd, o->format, false);
  cmd->callback([o] { run(*o); });
}

}  // namespace crmkit_cli
