// crmkit <command> [options] FILE...: the command-line face of the library.
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli.hpp"
#include "crmkit/error.hpp"
#include "crmkit/version.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

// Every command of the program; each lives in tools/cmd_<name>.cpp.
const Command kCommands[] = {
    {"summarize", "per-customer summary (x, t_x, T, spend) of a transaction log",
     crmkit_cli::run_summarize},
    {"clv", "fit a lifetime-value model (BG/NBD, ...) or predict per customer",
     crmkit_cli::run_clv},
    {"rfm", "RFM scores, codes and segments per customer", crmkit_cli::run_rfm},
    {"tiers", "the customer pyramid: key, major, ordinary, small, inferior",
     crmkit_cli::run_tiers},
    {"concentration", "Gini, top-k% value shares, Lorenz curve: is it 80/20?",
     crmkit_cli::run_concentration},
    {"demo", "run every pillar on the bundled data and write out/report.html",
     crmkit_cli::run_demo},
};

void print_usage(std::ostream& out) {
  out << "usage: crmkit <command> [options] FILE...\n       crmkit --version\n\ncommands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name.resize(14, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\n'crmkit <command> --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "crmkit " << CRMKIT_VERSION_STRING << "\n";
    return 0;
  }
  for (const Command& c : kCommands) {
    if (args[0] != c.name) continue;
    try {
      return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const crmkit_cli::UsageError& e) {
      std::cerr << "crmkit: error: " << e.message << " (see 'crmkit " << c.name << " --help')\n";
      return 2;
    } catch (const crmkit::Error& e) {
      std::cerr << "crmkit: error: " << e.what() << "\n";
      return 1;
    } catch (const std::bad_alloc&) {
      std::cerr << "crmkit: error: out of memory\n";
      return 1;
    } catch (const std::exception& e) {
      std::cerr << "crmkit: error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "crmkit: error: unknown command '" << args[0] << "'\n";
  print_usage(std::cerr);
  return 2;
}
