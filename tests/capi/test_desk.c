/* The complaint desk through the C API: open, submit (one, a batch, refusals), case info
 * with SLA clocks, list, reopen after free, bad arguments. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

/* 2026-03-02T09:00:00Z = day 20514 (2026-01-01 is day 20454, + 31 + 28 + 1) * 86400 + 9 h. */
#define T0 ((int64_t)20514 * 86400 + 9 * 3600)

static crm_desk_event event_at(const char *id, int event, int64_t minute) {
  crm_desk_event e = CRM_DESK_EVENT_INIT;
  e.time = T0 + minute * 60;
  e.case_id = id;
  e.event = event;
  e.actor = "ann";
  e.channel = CRM_CHANNEL_EMAIL;
  e.priority = CRM_PRIORITY_HIGH;
  e.customer = "cust-1";
  return e;
}

static void remove_desk(const char *dir) {
  char path[512];
  snprintf(path, sizeof path, "%s/desk.sqlite3", dir);
  unlink(path);
  rmdir(dir);
}

/* The organisation of tests/complaint/test_routing.cpp: authority 3 from the front desk is
 * the manager via billing at 1 + 1 = 2 (the direct path costs 4). */
static void test_routing(void) {
  crm_organisation *org = NULL;
  char path[128];
  size_t len = 0;
  double cost = -1;
  CHECK(crm_organisation_new(&org) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "front", 1) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "billing", 2) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "manager", 3) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "front", 9) == CRM_EINVAL && error_mentions("unit 'front' is defined twice"));
  CHECK(crm_organisation_add_path(org, "front", "billing", 1) == CRM_OK);
  CHECK(crm_organisation_add_path(org, "front", "manager", 4) == CRM_OK);
  CHECK(crm_organisation_add_path(org, "billing", "manager", 1) == CRM_OK);
  CHECK(crm_organisation_add_path(org, "billing", "legal", 1) == CRM_EINVAL && error_mentions("unknown unit 'legal'"));
  CHECK(crm_organisation_route(org, "front", 3, path, sizeof path, &len, &cost) == CRM_OK);
  CHECK(strcmp(path, "front\nbilling\nmanager\n") == 0 && cost == 2);
  CHECK(crm_organisation_route(org, "front", 4, path, sizeof path, &len, &cost) == CRM_ESTATE);
  crm_organisation_free(org);
  crm_organisation_free(NULL);
}

/* A version 1 event array (the layout before follows and changes): its stride is the
 * shorter struct, so a caller built against version 1 keeps working. */
typedef struct {
  unsigned int version;
  int64_t time;
  const char *case_id;
  int event;
  const char *actor;
  int channel;
  const char *customer;
  const char *category;
  int priority;
  const char *department;
  const char *note;
} event_v1;

/* The organisation wired into the desk, follow-ups, the three changes, text fields and the
 * audit trail. front (1) -> billing (2) cost 1 -> manager (3) cost 1. */
static void test_desk_routing_and_audit(void) {
  char dir[] = "/tmp/crmkit-capi-desk2-XXXXXX";
  crm_desk *desk = NULL;
  crm_organisation *org = NULL;
  crm_desk_options opts;
  crm_desk_event e[10];
  crm_audit_entry trail[8];
  event_v1 old[2];
  size_t len = 0, n = 0, applied = 0;
  char text[256];
  int i;
  static const int steps[] = {CRM_EVENT_LISTEN, CRM_EVENT_SHARE, CRM_EVENT_PROBE, CRM_EVENT_CHECK, CRM_EVENT_ACT,
                              CRM_EVENT_SATISFY};

  CHECK(mkdtemp(dir) != NULL);
  CHECK(crm_organisation_new(&org) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "front", 1) == CRM_OK && crm_organisation_add_unit(org, "billing", 2) == CRM_OK);
  CHECK(crm_organisation_add_unit(org, "manager", 3) == CRM_OK);
  CHECK(crm_organisation_add_path(org, "front", "billing", 1) == CRM_OK);
  CHECK(crm_organisation_add_path(org, "billing", "manager", 1) == CRM_OK);
  CHECK(crm_desk_options_init(&opts, CRM_DESK_OPTIONS_VERSION) == CRM_OK);
  CHECK(opts.escalation_changes == 0 && opts.max_handovers == 2);
  opts.escalation_changes = CRM_CHANGE_PERSON;
  opts.reopen_window_seconds = 3600;
  CHECK(crm_desk_open(&desk, dir, &opts) == CRM_OK);
  CHECK(crm_desk_set_organisation(desk, org) == CRM_OK);
  crm_organisation_free(org);

  /* Case F walks the six steps and closes at minute 10. */
  e[0] = event_at("F", CRM_EVENT_OPEN, 0);
  e[0].department = "front";
  e[0].category = "billing";
  for (i = 0; i < 6; ++i) e[i + 1] = event_at("F", steps[i], i + 1);
  e[7] = event_at("F", CRM_EVENT_CLOSE, 10);
  e[7].note = "accepted";
  CHECK(crm_desk_submit(desk, e, 8, 1, &applied, NULL) == CRM_OK && applied == 8);
  /* Two hours later a reopen is refused (window 1 h); a follow-up case G links to F. */
  e[0] = event_at("F", CRM_EVENT_REOPEN, 130);
  CHECK(crm_desk_submit(desk, e, 1, 1, NULL, NULL) == CRM_ESTATE && error_mentions("open a follow-up case instead"));
  e[0] = event_at("G", CRM_EVENT_OPEN, 130);
  e[0].follows = "F";
  e[0].department = "front";
  /* An escalation without the required change of person is refused... */
  e[1] = event_at("G", CRM_EVENT_ESCALATE, 131);
  e[1].note = "a manager calls you";
  e[2] = e[1];
  e[2].changes = CRM_CHANGE_PERSON | CRM_CHANGE_TIME;
  CHECK(crm_desk_submit(desk, e, 3, 0, &applied, NULL) == CRM_ESTATE && applied == 2);
  CHECK(error_mentions("event 1: case 'G' is in state received: event 'escalate' must make the changes person"));
  /* ...the other one is routed to billing (nearest with more authority than front's 1). */
  CHECK(crm_desk_case_text(desk, "G", CRM_CASE_TEXT_DEPARTMENT, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "billing") == 0);
  CHECK(crm_desk_case_text(desk, "G", CRM_CASE_TEXT_FOLLOWS, text, sizeof text, &len) == CRM_OK && strcmp(text, "F") == 0);
  CHECK(crm_desk_case_text(desk, "F", CRM_CASE_TEXT_FOLLOW_UPS, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "G\n") == 0);
  CHECK(crm_desk_case_text(desk, "F", CRM_CASE_TEXT_CATEGORY, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "billing") == 0 && len == 7);
  CHECK(crm_desk_case_text(desk, "F", CRM_CASE_TEXT_CUSTOMER, text, 3, &len) == CRM_EBUFS && len == 6);
  CHECK(crm_desk_case_text(desk, "F", 99, text, sizeof text, &len) == CRM_EINVAL && error_mentions("CRM_CASE_TEXT_"));
  /* G's trail: open, escalate (changes person+time = 3). */
  CHECK(crm_desk_audit(desk, "G", NULL, 0, &n) == CRM_EBUFS && n == 2);
  CHECK(crm_desk_audit(desk, "G", trail, 8, &n) == CRM_OK && n == 2);
  CHECK(trail[0].event == CRM_EVENT_OPEN && trail[0].before == -1 && trail[0].after == CRM_CASE_RECEIVED);
  CHECK(trail[1].event == CRM_EVENT_ESCALATE && trail[1].before == CRM_CASE_RECEIVED);
  CHECK(trail[1].after == CRM_CASE_ESCALATED && trail[1].changes == 3u && trail[1].time == T0 + 131 * 60);
  CHECK(trail[1].sequence == 10);
  CHECK(crm_desk_audit_text(desk, "G", 1, CRM_AUDIT_TEXT_NOTE, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "a manager calls you") == 0);
  CHECK(crm_desk_audit_text(desk, "G", 1, CRM_AUDIT_TEXT_DEPARTMENT, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "billing") == 0);
  CHECK(crm_desk_audit_text(desk, "G", 2, CRM_AUDIT_TEXT_ACTOR, text, sizeof text, &len) == CRM_EINVAL);
  CHECK(error_mentions("index 2 is past the audit trail of case 'G' (2 entries)"));
  /* The same actor may not listen after a change of person. */
  e[0] = event_at("G", CRM_EVENT_LISTEN, 132);
  CHECK(crm_desk_submit(desk, e, 1, 1, NULL, NULL) == CRM_ESTATE && error_mentions("breaks the escalation's change of person"));
  /* 80 h after T0, G (opened at 130 min, e-mail, high priority) has no first response after
   * 48 h and no resolution after 72 h: stuck on both targets (one hand-over is not many). */
  CHECK(crm_desk_escalation_reasons(desk, "G", T0 + 80 * 3600, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "first_response target breached\nresolution target breached\n") == 0);
  CHECK(crm_desk_escalation_reasons(desk, "F", T0 + 80 * 3600, text, sizeof text, &len) == CRM_OK && len == 0);

  /* A version 1 array: two events, read with the version 1 stride. */
  memset(old, 0, sizeof old);
  for (i = 0; i < 2; ++i) {
    old[i].version = 1;
    old[i].time = T0 + (200 + i) * 60;
    old[i].case_id = "V1";
    old[i].actor = "ann";
    old[i].priority = CRM_PRIORITY_NORMAL;
  }
  old[0].event = CRM_EVENT_OPEN;
  old[1].event = CRM_EVENT_LISTEN;
  CHECK(crm_desk_submit(desk, (const crm_desk_event *)old, 2, 1, &applied, NULL) == CRM_OK && applied == 2);
  CHECK(crm_desk_audit(desk, "V1", trail, 8, &n) == CRM_OK && n == 2 && trail[1].event == CRM_EVENT_LISTEN);
  /* Mixed versions in one array are refused. */
  e[0] = event_at("M", CRM_EVENT_OPEN, 300);
  e[1] = event_at("M", CRM_EVENT_LISTEN, 301);
  e[1].version = 1;
  CHECK(crm_desk_submit(desk, e, 2, 0, NULL, NULL) == CRM_EINVAL && error_mentions("one array has one layout"));
  crm_desk_free(desk);

  /* Reopened with NULL options: the stored policy (required change, organisation) holds. */
  desk = NULL;
  CHECK(crm_desk_open(&desk, dir, NULL) == CRM_OK);
  e[0] = event_at("F", CRM_EVENT_OPEN, 0);
  e[0].case_id = "H";
  e[0].department = "billing";
  e[1] = event_at("H", CRM_EVENT_TRANSFER, 1);
  e[1].department = "front";
  e[1].note = "back to the front desk";
  CHECK(crm_desk_submit(desk, e, 2, 0, &applied, NULL) == CRM_ESTATE && applied == 1);
  CHECK(error_mentions("the organisation has no transfer path to 'front'"));
  CHECK(crm_desk_set_organisation(desk, NULL) == CRM_OK);
  CHECK(crm_desk_submit(desk, e + 1, 1, 0, NULL, NULL) == CRM_OK);
  CHECK(crm_desk_set_organisation(NULL, NULL) == CRM_EINVAL);
  CHECK(crm_desk_audit(desk, NULL, trail, 8, &n) == CRM_EINVAL);
  crm_desk_free(desk);
  remove_desk(dir);
}

void run_desk_tests(void) {
  char dir[] = "/tmp/crmkit-capi-desk-XXXXXX";
  crm_desk *desk = NULL;
  crm_desk_options opts;
  crm_case_info info = CRM_CASE_INFO_INIT;
  crm_desk_event batch[3];
  int statuses[3];
  size_t applied = 0, len = 0, rows = 0;
  int64_t count = 0;
  int from[64], ev[64], to[64], code = -1;
  char text[256];

  CHECK(mkdtemp(dir) != NULL);
  CHECK(crm_desk_options_init(&opts, CRM_DESK_OPTIONS_VERSION) == CRM_OK);
  CHECK(opts.warning_fraction == 0.8);
  CHECK(opts.next_update_seconds == 72 * 3600);
  CHECK(crm_desk_open(&desk, dir, &opts) == CRM_OK);

  batch[0] = event_at("A", CRM_EVENT_OPEN, 0);
  CHECK(crm_desk_submit(desk, batch, 1, 0, &applied, NULL) == CRM_OK && applied == 1);
  /* listen, a forbidden close, share: the close is refused, the others commit. */
  batch[0] = event_at("A", CRM_EVENT_LISTEN, 60);
  batch[1] = event_at("A", CRM_EVENT_CLOSE, 61);
  batch[1].note = "accepted";
  batch[2] = event_at("A", CRM_EVENT_SHARE, 62);
  CHECK(crm_desk_submit(desk, batch, 3, 0, &applied, statuses) == CRM_ESTATE);
  CHECK(error_mentions("event 1: case 'A' is in state listening: event 'close' is not allowed"));
  CHECK(applied == 2 && statuses[0] == CRM_OK && statuses[1] == CRM_ESTATE && statuses[2] == CRM_OK);

  /* E-mail first response 48 h: due T0 + 48 h, met after 60 minutes. */
  CHECK(crm_desk_case_info(desk, "A", T0 + 3 * 3600, &info) == CRM_OK);
  CHECK(info.state == CRM_CASE_SHARING);
  CHECK(info.events == 3);
  CHECK(info.first_response.status == CRM_SLA_MET);
  CHECK(info.first_response.has_due && info.first_response.due == T0 + 48 * 3600);
  CHECK(info.first_response.elapsed_seconds == 3600);
  /* High priority resolution 72 h: breached 73 h after opening. */
  CHECK(crm_desk_case_info(desk, "A", T0 + 73 * 3600, &info) == CRM_OK);
  CHECK(info.resolution.status == CRM_SLA_BREACHED);

  /* No transfers yet: no ping-pong. */
  CHECK(crm_desk_ping_pong(desk, "A", &rows) == CRM_OK && rows == 0);
  CHECK(crm_desk_list(desk, CRM_CASE_SHARING, 0, T0, text, sizeof text, &len) == CRM_OK);
  CHECK(strcmp(text, "A\n") == 0 && len == 2);
  CHECK(crm_desk_list(desk, -1, 1, T0 + 3 * 3600, text, sizeof text, &len) == CRM_OK && len == 0);
  CHECK(crm_desk_list(desk, -1, 1, T0 + 73 * 3600, text, sizeof text, &len) == CRM_OK && len == 2);
  CHECK(crm_desk_list(desk, -1, 0, T0, text, 1, &len) == CRM_EBUFS && len == 2);
  /* Three events committed so far (open, listen, share): the snapshot covers sequence 3. */
  CHECK(crm_desk_snapshot(desk, &count) == CRM_OK && count == 3);
  crm_desk_free(desk);

  /* Reopened: the committed events are back, the refused one is not. */
  desk = NULL;
  CHECK(crm_desk_open(&desk, dir, NULL) == CRM_OK);
  CHECK(crm_desk_event_count(desk, &count) == CRM_OK && count == 3);
  CHECK(crm_desk_case_info(desk, "nobody", T0, &info) == CRM_EINVAL && error_mentions("unknown case 'nobody'"));
  batch[0] = event_at("B", CRM_EVENT_OPEN, 0);
  batch[0].channel = 17;
  CHECK(crm_desk_submit(desk, batch, 1, 0, NULL, NULL) == CRM_EINVAL && error_mentions("channel is 17"));
  CHECK(crm_desk_submit(NULL, batch, 1, 0, NULL, NULL) == CRM_EINVAL && error_mentions("desk is NULL"));
  /* Case A was opened for customer "cust-1": one case carries it, a second erase finds none. */
  CHECK(crm_desk_erase_customer(desk, "cust-1", &applied) == CRM_OK && applied == 1);
  CHECK(crm_desk_erase_customer(desk, "cust-1", &applied) == CRM_OK && applied == 0);
  CHECK(crm_desk_event_count(desk, &count) == CRM_OK && count == 3);
  crm_desk_free(desk);
  crm_desk_free(NULL);

  opts.time_zone = "Mars/Olympus";
  opts.clock_mode = CRM_CLOCK_BUSINESS;
  CHECK(crm_desk_open(&desk, dir, &opts) == CRM_EINVAL && desk == NULL && error_mentions("Mars/Olympus"));

  /* The table: 55 rows (tests/complaint/test_case.cpp counts them by hand). */
  CHECK(crm_case_transitions(from, ev, to, 1, &rows) == CRM_EBUFS && rows == 55);
  CHECK(crm_case_transitions(from, ev, to, 64, &rows) == CRM_OK);
  CHECK(from[0] == CRM_CASE_RECEIVED && ev[0] == CRM_EVENT_LISTEN && to[0] == CRM_CASE_LISTENING);
  CHECK(strcmp(crm_case_state_name(CRM_CASE_WAITING), "waiting") == 0);
  CHECK(crm_case_event_parse("escalate", &code) == CRM_OK && code == CRM_EVENT_ESCALATE);
  CHECK(crm_case_state_name(99) == NULL);
  remove_desk(dir);
  test_routing();
  test_desk_routing_and_audit();
}
