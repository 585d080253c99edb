"""crmkit on Dask: the ERP batch of examples/erp-cpp with the customers partitioned across
worker processes (README.md beside this file).

    python3 scale_out.py [--workers N] [--partitions P] [--copies K] [--check] CDNOW_master.txt

1. The log is split by customer (id modulo P) and each partition goes to a worker, which
   summarises it (crmkit.value.summarize) and keeps its customers there.
2. BG/NBD and Gamma-Gamma are fitted with the library's optimiser on the client
   (crmkit.value.fit_partitioned): at each step the workers return their partition's
   log-likelihood and gradient (ClvPartition.log_likelihood), which the client adds.
3. The fitted models go to the workers, which score their customers (P(alive), expected
   purchases and spend, CLV) and return per-partition totals.
--copies K repeats the log K times with new customer ids (a larger base for timing);
--check also runs the single-process batch and exits 1 unless the distributed fit equals it
to 1e-8 (relative, every parameter; 1e-6 above 200,000 distinct histories, where the
single-process fit starts on a subsample) and the summaries and scores agree.
"""
import argparse
import sys
import tempfile
import time

import numpy as np
from dask.distributed import Client, LocalCluster

import crmkit.value as cv

HORIZON, PERIOD, DISCOUNT = 52, 4.345, 0.01  # a year of weeks, 1% a month (as erp-cpp)


def read_log(path, copies):
    """Customer ids, day numbers and amounts of a CDNOW-master-style log (header; customer,
    YYYYMMDD, CDs, dollars), repeated `copies` times with new ids, copy k moved k mod 90
    days earlier and its amounts raised by k mod 10 percent (so that histories differ and
    the likelihood's work grows with the base)."""
    raw = np.loadtxt(path, skiprows=1, dtype=np.int64, usecols=(0, 1))
    dollars = np.loadtxt(path, skiprows=1, usecols=3)
    ymd = raw[:, 1]
    iso = np.char.add(np.char.add(np.char.add((ymd // 10000).astype(str), "-"),
                                  np.char.add(np.char.zfill((ymd // 100 % 100).astype(str), 2), "-")),
                      np.char.zfill((ymd % 100).astype(str), 2))
    days = np.array(iso, dtype="datetime64[D]").astype(np.float64)
    step = raw[:, 0].max() + 1
    ids = np.concatenate([raw[:, 0] + k * step for k in range(copies)])
    k = np.repeat(np.arange(copies), days.size)
    return ids, np.tile(days, copies) - k % 90, np.tile(dollars, copies) * (1 + k % 10 / 100)


# ---- what runs on the workers ------------------------------------------------------------

def summarise(sales, end):
    """One partition's customer table from its sales (ids, days, amounts); plain arrays, so
    Dask may move it."""
    s = cv.summarize(*sales, unit="week", merge_same_day=True, end=end)
    return {"x": s.frequency, "t_x": s.recency, "T": s.T, "zbar": s.monetary_value,
            "repeat_purchases": float(s.frequency.sum())}


def spend_frequency(t):
    # Repeat purchases that were all free say nothing about spend (as in erp-cpp).
    return np.where(t["zbar"] > 0, t["x"], 0)


def partitions(t):
    """The partition's customers for each model, validated and compressed once."""
    return {"bg-nbd": cv.ClvPartition("bg-nbd", t["x"], t["t_x"], t["T"]),
            "gamma-gamma": cv.ClvPartition("gamma-gamma", spend_frequency(t),
                                           monetary_value=t["zbar"])}


def statistics(parts, kind):
    return parts[kind].statistics


def log_likelihood(parts, kind, params):
    return parts[kind].log_likelihood(params)


def score(t, purchases_bytes, spending_bytes):
    """Scores of one partition's customers; returns its totals (a real batch would write the
    rows to its own output file here instead)."""
    bg, gg = cv.BetaGeo.from_bytes(purchases_bytes), cv.GammaGamma.from_bytes(spending_bytes)
    sx = spend_frequency(t)
    spend = gg.expected_spend(sx, t["zbar"])
    clv = bg.customer_lifetime_value(t["x"], t["t_x"], t["T"], spend, horizon=HORIZON,
                                     period=PERIOD, discount_rate=DISCOUNT)
    return {"customers": len(clv), "p_alive": float(bg.p_alive(t["x"], t["t_x"], t["T"]).sum()),
            "purchases": float(bg.conditional_expected_purchases(HORIZON, t["x"], t["t_x"], t["T"]).sum()),
            "clv": float(clv.sum())}


# ---- the client ----------------------------------------------------------------------------

def fit_distributed(client, parts, kind):
    """The model fitted by the library's optimiser here, the likelihood summed over workers."""
    total = cv.sum_statistics(client.gather([client.submit(statistics, p, kind) for p in parts]))

    def summed(params):
        return cv.sum_answers(client.gather([client.submit(log_likelihood, p, kind, params,
                                                           pure=False) for p in parts]))

    model_class = cv.BetaGeo if kind == "bg-nbd" else cv.GammaGamma
    model = cv.fit_partitioned(total, summed)
    assert isinstance(model, model_class)
    return model


def add(dicts):
    return {k: sum(d[k] for d in dicts) for k in dicts[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("log")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    ids, days, amounts = read_log(args.log, args.copies)
    end = float(days.max())  # the batch date: every partition counts T up to it
    timings = {}
    # The workers' scratch space in a temporary folder, not the current one.
    with tempfile.TemporaryDirectory() as scratch, \
            LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, local_directory=scratch) as cluster, \
            Client(cluster) as client:
        t0 = time.perf_counter()
        owner = ids % args.partitions  # by customer: all of a customer's sales in one place
        sales = client.scatter([(ids[owner == p], days[owner == p], amounts[owner == p])
                                for p in range(args.partitions)])
        tables = [client.submit(summarise, part, end) for part in sales]
        parts = [client.submit(partitions, t) for t in tables]
        client.gather(parts)
        timings["summaries"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        bg = fit_distributed(client, parts, "bg-nbd")
        gg = fit_distributed(client, parts, "gamma-gamma")
        timings["fits"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        scores = add(client.gather([client.submit(score, t, bg.to_bytes(), gg.to_bytes())
                                    for t in tables]))
        timings["scoring"] = time.perf_counter() - t0
        repeat = sum(client.gather([client.submit(lambda t: t["repeat_purchases"], t) for t in tables]))

    print("customers: %d in %d partitions on %d workers" % (scores["customers"], args.partitions,
                                                            args.workers))
    print("bg-nbd:", bg.params, "\ngamma-gamma:", gg.params)
    print("expected purchases next %d weeks: %.1f, CLV: %.2f" % (HORIZON, scores["purchases"], scores["clv"]))
    print("seconds: " + ", ".join("%s %.2f" % kv for kv in timings.items()))
    if not args.check:
        return 0

    # The same batch in one process.
    t0 = time.perf_counter()
    whole = summarise((ids, days, amounts), end)
    single_bg = cv.BetaGeo().fit(whole["x"], whole["t_x"], whole["T"])
    single_gg = cv.GammaGamma().fit(spend_frequency(whole), whole["zbar"])
    single = score(whole, single_bg.to_bytes(), single_gg.to_bytes())
    print("single process: seconds %.2f" % (time.perf_counter() - t0))
    worst = max(abs(m.params[k] - s.params[k]) / abs(s.params[k])
                for m, s in ((bg, single_bg), (gg, single_gg)) for k in s.params)
    print("largest relative difference of a parameter from the single-process fit: %.1e" % worst)
    # Above 200,000 distinct histories the single-process BG/NBD fit searches on a subsample
    # and polishes on all rows: another path to the same optimum, which agrees to the
    # convergence tolerance (parameters to 1e-6) rather than to rounding (1e-8).
    limit = 1e-6 if single_bg.fit_info["unique_rows"] > 200000 else 1e-8
    print("relative difference of the CLV total: %.1e, of the P(alive) total: %.1e"
          % (abs(scores["clv"] / single["clv"] - 1), abs(scores["p_alive"] / single["p_alive"] - 1)))
    ok = (worst <= limit and scores["customers"] == len(whole["x"])
          and repeat == whole["repeat_purchases"]
          and abs(scores["clv"] - single["clv"]) <= limit / 10 * single["clv"]
          and abs(scores["p_alive"] - single["p_alive"]) <= limit / 10 * single["p_alive"])
    print("distributed == single process:", ok)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
