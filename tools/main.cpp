// crmkit <command> [options] FILE...: the command-line face of the library, on CLI11.
//
// Exit codes: 0 success (and --help, --version), 1 bad input or a failed write (the
// message names the file, line, customer or option), 2 a wrong command line.
#include <cerrno>
#include <cstring>
#include <iostream>
#include <new>

#include <CLI/CLI.hpp>

#include "common/options.hpp"
#include "common/output.hpp"
#include "crmkit/error.hpp"
#include "crmkit/version.h"

namespace crmkit_cli {

// The one registry of commands: each adds its CLI11 subcommand (options, help, callback)
// from its own file, tools/<pillar>/<command>.cpp.
void add_summarize(CLI::App& app);      // value/summarize.cpp
void add_clv(CLI::App& app);            // value/clv.cpp: clv fit, clv predict
void add_rfm(CLI::App& app);            // value/rfm.cpp
void add_tiers(CLI::App& app);          // value/tiers.cpp
void add_concentration(CLI::App& app);  // value/concentration.cpp
void add_segment(CLI::App& app);        // value/segment.cpp
void add_churn(CLI::App& app);          // value/churn.cpp: churn fit, churn score
void add_ahp(CLI::App& app);            // decision/ahp.cpp
void add_rank(CLI::App& app);           // decision/rank.cpp
void add_group(CLI::App& app);          // decision/group.cpp
void add_swot(CLI::App& app);           // decision/swot.cpp
void add_decision(CLI::App& app);       // decision/decision.cpp
void add_process(CLI::App& app);        // process/process.cpp
void add_demo(CLI::App& app);           // demo/demo.cpp
void add_staff(CLI::App& app);          // contact/staff.cpp
void add_kpi(CLI::App& app);            // contact/kpi.cpp
void add_servqual(CLI::App& app);       // quality/servqual.cpp
void add_audit(CLI::App& app);          // quality/audit.cpp
void add_alpha(CLI::App& app);          // quality/alpha.cpp
void add_ipa(CLI::App& app);            // quality/ipa.cpp
void add_gaps(CLI::App& app);           // quality/gaps.cpp
void add_csi(CLI::App& app);            // quality/csi.cpp
void add_pls(CLI::App& app);            // quality/pls.cpp
void add_complaints(CLI::App& app);     // complaint/complaints.cpp: replay, show, list, states

using AddCommand = void (*)(CLI::App&);
constexpr AddCommand kCommands[] = {
    add_summarize, add_clv, add_rfm, add_tiers, add_concentration,  // value
    add_segment,   add_churn,                                        // value: data mining
    add_ahp,       add_rank,                                         // decision
    add_group,     add_swot,      add_decision,                      // decision: groups, SWOT, record
    add_staff,     add_kpi,                                          // contact
    add_servqual, add_audit,                                         // quality
    add_alpha, add_ipa, add_gaps, add_csi,                           // quality analysis
    add_pls,                                                         // quality: index models
    add_process,                                                     // process
    add_complaints,                                                  // complaint
    add_demo};

}  // namespace crmkit_cli

namespace {

int fail(const std::string& message, int code) {
  std::cerr << "crmkit: error: " << message << "\n";
  return code;
}

// "crmkit clv fit --help" for the command that was chosen (as far as it was parsed).
std::string help_hint(const CLI::App& app) {
  std::string path = "crmkit";
  for (const CLI::App* a = &app; !a->get_subcommands().empty();) {
    a = a->get_subcommands().front();
    path += " " + a->get_name();
  }
  return " (see '" + path + " --help')";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace crmkit_cli;
  CLI::App app("crmkit: customer value, lifetime value and tiers from transaction logs and "
               "per-customer files",
               "crmkit");
  app.set_version_flag("--version", "crmkit " CRMKIT_VERSION_STRING);
  app.require_subcommand(1);
  app.footer("'crmkit <command> --help' describes a command's options.");
  // A subcommand's options come after its name; options of other subcommands are errors.
  app.fallthrough(false);
  for (AddCommand add : kCommands) add(app);

  try {
    app.parse(argc, argv);  // runs the chosen command's callback
    standard_output().close();
    return 0;
  } catch (const CLI::CallForHelp& e) {
    app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(e.what() + help_hint(app), 2);
  } catch (const UsageError& e) {
    return fail(e.what() + help_hint(app), 2);
  } catch (const crmkit::Error& e) {
    return fail(e.what(), 1);
  } catch (const std::bad_alloc&) {
    return fail("out of memory", 1);
  } catch (const std::exception& e) {
    return fail(e.what(), 1);
  }
  // Help and version went to std::cout: a failed write there is an error too.
  errno = 0;
  std::cout.flush();
  if (!std::cout)
    return fail(std::string("cannot write to standard output") + (errno ? ": " : "") +
                    (errno ? std::strerror(errno) : ""),
                1);
  return 0;
}
