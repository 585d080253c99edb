/* A point-of-sale till in C99: every sale goes into a crmkit ledger the moment it is rung
 * up (O(1) per sale); at closing time the till prints each customer's summary.
 * Build: cc -std=c99 pos.c $(pkg-config --cflags --libs crmkit)
 * Run:   ./pos CDNOW_sample.txt   (fields: master id, customer id, YYYYMMDD, CDs, dollars)
 * A line that is not a sale, or a sale the ledger refuses, stops the till with a message
 * naming the line and exit status 1: no totals are printed from a partly read file. */
#include <stdio.h>
#include <stdlib.h>

#include <crmkit.h>

static int fail(const char *what, int status) {
  fprintf(stderr, "pos: %s: %s (%s)\n", what, crm_last_error(), crm_status_string(status));
  return 1;
}

int main(int argc, char **argv) {
  crm_summary_options options = CRM_SUMMARY_OPTIONS_INIT;
  crm_ledger *ledger = NULL;
  crm_summary *summary = NULL;
  FILE *log;
  char text[512], date[16], rest[2];
  long master, customer, cds;
  double dollars, day, repeat = 0;
  size_t count = 0, i;
  int status, line = 0, sales = 0;

  if (argc != 2) {
    fprintf(stderr, "usage: pos SALES_FILE\n");
    return 2;
  }
  if (crm_version_number() != CRMKIT_VERSION_NUMBER) {
    fprintf(stderr, "pos: built against crmkit %s but loaded %s\n", CRMKIT_VERSION_STRING,
            crm_version_string());
    return 1;
  }
  log = fopen(argv[1], "r");
  if (log == NULL) {
    perror(argv[1]);
    return 1;
  }
  options.unit = CRM_UNIT_WEEK;
  options.merge_same_day = 1;
  if ((status = crm_ledger_create(&ledger, &options)) != CRM_OK) return fail("ledger", status);

  while (fgets(text, sizeof text, log) != NULL) {
    ++line;
    if (sscanf(text, "%1s", rest) != 1) continue; /* a blank line */
    /* Exactly five fields: a header, a short line or trailing text is not a sale. */
    if (sscanf(text, "%ld %ld %15s %ld %lf %1s", &master, &customer, date, &cds, &dollars, rest) != 5) {
      fprintf(stderr, "pos: %s:%d: not a sale (expected: master id, customer id, YYYYMMDD, CDs, dollars)\n",
              argv[1], line);
      crm_ledger_free(ledger);
      fclose(log);
      return 1;
    }
    if ((status = crm_parse_time(date, "%Y%m%d", &day)) != CRM_OK ||
        (status = crm_ledger_add_sale(ledger, customer, day, dollars)) != CRM_OK) {
      fprintf(stderr, "pos: %s:%d: sale refused: %s\n", argv[1], line, crm_last_error());
      crm_ledger_free(ledger);
      fclose(log);
      return 1;
    }
    ++sales;
  }
  if (ferror(log)) {
    perror(argv[1]);
    crm_ledger_free(ledger);
    fclose(log);
    return 1;
  }
  fclose(log);

  status = crm_ledger_summary(ledger, &summary);
  crm_ledger_free(ledger);
  if (status != CRM_OK) return fail("summary", status);
  if ((status = crm_summary_count(summary, &count)) != CRM_OK) return fail("count", status);
  {
    int64_t *ids = malloc(count * sizeof *ids);
    double *x = malloc(count * sizeof *x), *spend = malloc(count * sizeof *spend);
    crm_summary_columns columns = CRM_SUMMARY_COLUMNS_INIT;
    columns.customer_id = ids;
    columns.frequency = x;
    columns.total_value = spend;
    if (ids == NULL || x == NULL || spend == NULL) {
      fprintf(stderr, "pos: out of memory\n");
      return 1;
    }
    if ((status = crm_summary_get(summary, &columns, count, NULL)) != CRM_OK) return fail("columns", status);
    for (i = 0; i < count; ++i) repeat += x[i];
    printf("sales rung up: %d\ncustomers: %zu\nrepeat purchases: %.0f\n", sales, count, repeat);
    for (i = 0; i < 3 && i < count; ++i)
      printf("customer %lld: %.0f repeat purchases, $%.2f\n", (long long)ids[i], x[i], spend[i]);
    free(ids);
    free(x);
    free(spend);
  }
  crm_summary_free(summary);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    perror("pos: writing the totals");
    return 1;
  }
  return 0;
}
