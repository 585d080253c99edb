// crmkit demo: runs every pillar on the bundled data and writes an HTML report.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli.hpp"
#include "crmkit/error.hpp"
#include "crmkit/io/svg.hpp"
#include "crmkit/version.h"
#include "demo.hpp"

namespace crmkit_cli {

namespace fs = std::filesystem;

namespace {

using SectionFn = DemoSection (*)(const DemoContext&);
// Customer value (who is worth what today) comes before lifetime value (what they will be
// worth): the report reads from the data the business has to the models built on it.
const SectionFn kSections[] = {demo_customer_summaries, demo_customer_value, demo_lifetime_value};

// --data, $CRMKIT_DATA_DIR, ./data, then <prefix>/share/crmkit/data next to the program.
std::string find_data_dir(const Args& args) {
  std::vector<fs::path> candidates;
  if (args.has("data")) candidates.push_back(args.get("data"));
  else {
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

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

int run_demo(const std::vector<std::string>& argv) {
  Args args;
  args.option("data", "folder of the bundled data (default: ./data or the installed copy)")
      .option("out", "output folder (default: out)")
      .flag("help", "show this help");
  args.parse(argv);
  if (args.has("help")) {
    std::cout << "usage: crmkit demo [--data DIR] [--out DIR]\n\n" << args.help();
    return 0;
  }
  if (!args.positional().empty()) throw UsageError{"demo takes no FILE"};
  DemoContext context{find_data_dir(args), args.get("out", "out")};
  fs::create_directories(context.out_dir);

  std::string body;
  for (SectionFn section : kSections) {
    DemoSection s = section(context);
    body += "<section>\n<h2>" + crmkit::io::escape_xml(s.title) + "</h2>\n" + s.html + "</section>\n";
    std::cout << s.title << ": " << s.summary << "\n";
  }
  fs::path report = fs::path(context.out_dir) / "report.html";
  std::ofstream out(report);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>crmkit demo report</title>\n<style>body{font-family:sans-serif;max-width:980px;"
         "margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
         "#ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}</style></head><body>\n"
         "<h1>crmkit " CRMKIT_VERSION_STRING " demo report</h1>\n<p>Data: "
      << crmkit::io::escape_xml(context.data_dir) << "</p>\n"
      << body << "</body></html>\n";
  out.close();
  if (!out) throw crmkit::Error(crmkit::ErrorCode::io_error, report.string() + ": cannot write");
  std::cout << "report: " << fs::absolute(report).string() << "\n";
  return 0;
}

}  // namespace crmkit_cli
