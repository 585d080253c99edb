/* A point-of-sale till in C99 (README.md beside this file). At start it loads what the ERP's
 * nightly batch (examples/erp-cpp) left for the tills: the fitted BG/NBD and Gamma-Gamma
 * models and till.txt (the CLV settings and the lowest CLV of each tier). Then, line by line
 * from the till journal:
 *   sale   YYYYMMDD CUSTOMER AMOUNT   rung up into a crmkit ledger (O(1)); the checkout line
 *                                     shows the customer's P(alive), CLV and tier now;
 *   refund YYYYMMDD CUSTOMER AMOUNT   opens a complaint case on the complaint desk (SQLite
 *                                     in DESK_DIR; the case id names the journal line).
 * Build: cc -std=c99 pos.c $(pkg-config --cflags --libs crmkit)
 * Run:   ./pos MODEL_DIR JOURNAL DESK_DIR
 * A line that is neither, or a sale the ledger refuses, stops the till with a message naming
 * the line and exit status 1, after the checkouts before it: a till does not guess. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crmkit.h>

#define MAX_TIERS 4 /* key, major, ordinary, small: inferior (CLV < 0) is never written */

/* What the ERP left for the tills. */
typedef struct till_settings {
  crm_clv_model *purchases; /* BG/NBD */
  crm_clv_model *spending;  /* Gamma-Gamma */
  crm_clv_options clv;      /* horizon, discount period and rate */
  int tier[MAX_TIERS];      /* crm_tier values, from the top */
  double lowest[MAX_TIERS]; /* the lowest CLV in that tier at the batch */
  int tiers;
} till_settings;

static int fail(const char *what, int status) {
  fprintf(stderr, "pos: %s: %s (%s)\n", what, crm_last_error(), crm_status_string(status));
  return 1;
}

/* MODEL_DIR/name into path (NUL-terminated); 0 when it does not fit. */
static int model_path(char *path, size_t size, const char *dir, const char *name) {
  int n = snprintf(path, size, "%s/%s", dir, name);
  return n > 0 && (size_t)n < size;
}

/* till.txt: "horizon H", "period P", "discount_rate D", then "TIER LOWEST_CLV" from the
 * top tier down. Returns 0 and says why on a bad file. */
static int read_settings(const char *path, till_settings *t) {
  FILE *f = fopen(path, "r");
  char name[32];
  double number;
  int line = 0, ok = 1;
  if (f == NULL) {
    perror(path);
    return 0;
  }
  crm_clv_options_init(&t->clv, CRM_CLV_OPTIONS_VERSION);
  while (ok && fscanf(f, "%31s %lf", name, &number) == 2) {
    ++line;
    if (strcmp(name, "horizon") == 0) {
      t->clv.horizon = number;
    } else if (strcmp(name, "period") == 0) {
      t->clv.period = number;
    } else if (strcmp(name, "discount_rate") == 0) {
      t->clv.discount_rate = number;
    } else if (t->tiers < MAX_TIERS && crm_tier_parse(name, &t->tier[t->tiers]) == CRM_OK) {
      t->lowest[t->tiers++] = number;
    } else {
      fprintf(stderr, "pos: %s:%d: unknown setting '%s'\n", path, line, name);
      ok = 0;
    }
  }
  if (ok && (!feof(f) || t->tiers == 0 || t->clv.horizon <= 0)) {
    fprintf(stderr, "pos: %s: expected 'NAME NUMBER' lines with a horizon and at least one tier\n", path);
    ok = 0;
  }
  fclose(f);
  return ok;
}

/* The highest tier whose lowest CLV the customer reaches; below them all, the lowest tier. */
static const char *tier_of(const till_settings *t, double clv) {
  int i;
  for (i = 0; i < t->tiers - 1 && clv < t->lowest[i]; ++i) {
  }
  return crm_tier_name(t->tier[i]);
}

/* The checkout line of a customer whose sale was just recorded. */
static int checkout(const till_settings *t, const crm_ledger *ledger, const char *date,
                    long long customer, double amount) {
  crm_summary_columns row = CRM_SUMMARY_COLUMNS_INIT;
  double x, t_x, T, zbar, spend_x, alive, spend, clv;
  int found = 0, status;
  row.frequency = &x;
  row.recency = &t_x;
  row.T = &T;
  row.monetary_value = &zbar;
  if ((status = crm_ledger_customer(ledger, customer, &row, &found)) != CRM_OK) return status;
  /* Repeat purchases that were all free say nothing about spend (as in the ERP batch). */
  spend_x = zbar > 0 ? x : 0;
  if ((status = crm_clv_p_alive(t->purchases, &x, &t_x, &T, 1, &alive)) != CRM_OK ||
      (status = crm_clv_expected_spend(t->spending, &spend_x, &zbar, 1, &spend)) != CRM_OK ||
      (status = crm_clv_lifetime_value(t->purchases, &x, &t_x, &T, &spend, 1, &t->clv, &clv)) != CRM_OK)
    return status;
  printf("checkout %s customer %lld: $%.2f, repeat purchases %.0f, P(alive) %.4f, CLV $%.2f, tier %s\n",
         date, customer, amount, x, alive, clv, tier_of(t, clv));
  return CRM_OK;
}

/* A refund opens a complaint case at the counter, due by the desk's policy. */
static int open_case(crm_desk *desk, const char *journal, int line, double day,
                     long long customer, double amount) {
  crm_desk_event e = CRM_DESK_EVENT_INIT;
  crm_case_info info = CRM_CASE_INFO_INIT;
  char case_id[64], reference[32], note[64];
  int status;
  const char *base = strrchr(journal, '/');
  snprintf(case_id, sizeof case_id, "refund:%s:%d", base ? base + 1 : journal, line);
  snprintf(reference, sizeof reference, "%lld", customer);
  snprintf(note, sizeof note, "refund of $%.2f", amount);
  e.time = (int64_t)(day * 86400.0);
  e.case_id = case_id;
  e.event = CRM_EVENT_OPEN;
  e.actor = "till";
  e.channel = CRM_CHANNEL_COUNTER;
  e.customer = reference;
  e.category = "refund";
  e.priority = CRM_PRIORITY_NORMAL;
  e.department = "customer service";
  e.note = note;
  if ((status = crm_desk_submit(desk, &e, 1, 1, NULL, NULL)) != CRM_OK ||
      (status = crm_desk_case_info(desk, case_id, e.time, &info)) != CRM_OK)
    return status;
  printf("refund customer %lld: $%.2f, complaint case %s %s, resolution due in %lld h\n", customer,
         amount, case_id, crm_case_state_name(info.state),
         (long long)((info.resolution.due - e.time) / 3600));
  return CRM_OK;
}

int main(int argc, char **argv) {
  till_settings till = {NULL, NULL, CRM_CLV_OPTIONS_INIT, {0}, {0}, 0};
  crm_summary_options options = CRM_SUMMARY_OPTIONS_INIT;
  crm_ledger *ledger = NULL;
  crm_desk *desk = NULL;
  FILE *journal = NULL;
  char path[4096], text[512], kind[8], date[16], rest[2];
  long long customer;
  double amount, day;
  size_t customers = 0;
  int status, line = 0, sales = 0, refunds = 0, exit_code = 1;

  if (argc != 4) {
    fprintf(stderr, "usage: pos MODEL_DIR JOURNAL DESK_DIR\n");
    return 2;
  }
  if (crm_version_number() != CRMKIT_VERSION_NUMBER) {
    fprintf(stderr, "pos: built against crmkit %s but loaded %s\n", CRMKIT_VERSION_STRING,
            crm_version_string());
    return 1;
  }
  if (!model_path(path, sizeof path, argv[1], "bg_nbd.model")) return fail("MODEL_DIR too long", CRM_EINVAL);
  if ((status = crm_clv_load(&till.purchases, path, CRM_CLV_BG_NBD)) != CRM_OK) return fail(path, status);
  if (!model_path(path, sizeof path, argv[1], "gamma_gamma.model") ||
      (status = crm_clv_load(&till.spending, path, CRM_CLV_GAMMA_GAMMA)) != CRM_OK) {
    fail(path, status);
    goto done;
  }
  if (!model_path(path, sizeof path, argv[1], "till.txt") || !read_settings(path, &till)) goto done;
  if ((status = crm_desk_open(&desk, argv[3], NULL)) != CRM_OK) {
    fail(argv[3], status);
    goto done;
  }
  options.unit = CRM_UNIT_WEEK; /* the models' time unit */
  options.merge_same_day = 1;
  if ((status = crm_ledger_create(&ledger, &options)) != CRM_OK) {
    fail("ledger", status);
    goto done;
  }
  if ((journal = fopen(argv[2], "r")) == NULL) {
    perror(argv[2]);
    goto done;
  }

  while (fgets(text, sizeof text, journal) != NULL) {
    ++line;
    if (sscanf(text, "%1s", rest) != 1) continue; /* a blank line */
    /* Exactly four fields, the first "sale" or "refund". */
    if (sscanf(text, "%7s %15s %lld %lf %1s", kind, date, &customer, &amount, rest) != 4 ||
        (strcmp(kind, "sale") != 0 && strcmp(kind, "refund") != 0)) {
      fprintf(stderr, "pos: %s:%d: expected 'sale|refund YYYYMMDD CUSTOMER AMOUNT'\n", argv[2], line);
      goto done;
    }
    if ((status = crm_parse_time(date, "%Y%m%d", &day)) != CRM_OK) {
      fprintf(stderr, "pos: %s:%d: %s\n", argv[2], line, crm_last_error());
      goto done;
    }
    if (kind[0] == 's') {
      if ((status = crm_ledger_add_sale(ledger, customer, day, amount)) != CRM_OK) {
        fprintf(stderr, "pos: %s:%d: sale refused: %s\n", argv[2], line, crm_last_error());
        goto done;
      }
      ++sales;
      status = checkout(&till, ledger, date, customer, amount);
    } else {
      ++refunds;
      status = open_case(desk, argv[2], line, day, customer, amount);
    }
    if (status != CRM_OK) {
      fprintf(stderr, "pos: %s:%d: %s (%s)\n", argv[2], line, crm_last_error(), crm_status_string(status));
      goto done;
    }
  }
  if (ferror(journal)) {
    perror(argv[2]);
    goto done;
  }
  if ((status = crm_ledger_count(ledger, &customers)) != CRM_OK) {
    fail("count", status);
    goto done;
  }
  printf("sales rung up: %d\nrefunds: %d (complaint cases opened)\ncustomers: %lu\n", sales, refunds,
         (unsigned long)customers);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    perror("pos: writing the checkouts");
    goto done;
  }
  exit_code = 0;
done:
  if (journal) fclose(journal);
  crm_ledger_free(ledger);
  crm_desk_free(desk);
  crm_clv_free(till.purchases);
  crm_clv_free(till.spending);
  return exit_code;
}
