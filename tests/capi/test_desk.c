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
}
