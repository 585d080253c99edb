"""The ERP's nightly CLV batch of examples/erp-cpp in Python (README.md beside this file):
python3 erp_batch.py CDNOW_master.txt customers.csv"""
import csv
import sys

import numpy as np
import crmkit.value as cv

s = cv.summarize_csv(sys.argv[1], customer="customer_id", time="date", amount="dollar_value",
                     time_format="%Y%m%d", delimiter=" ", unit="week", merge_same_day=True)
x, t_x, T, zbar = s.frequency, s.recency, s.T, s.monetary_value
spend_x = np.where(zbar > 0, x, 0)  # repeat purchases that were all free say nothing of spend
bg, gg = cv.BetaGeo().fit(x, t_x, T), cv.GammaGamma().fit(spend_x, zbar)
spend = gg.expected_spend(spend_x, zbar)
clv = bg.customer_lifetime_value(x, t_x, T, spend, horizon=52, period=4.345, discount_rate=0.01)
columns = [s.customer_id, x, t_x, T, bg.p_alive(x, t_x, T),
           bg.conditional_expected_purchases(52, x, t_x, T), spend, clv, cv.assign_tiers(clv).labels]
with open(sys.argv[2], "w", newline="") as f:
    csv.writer(f).writerows([["customer_id", "frequency", "recency", "T", "p_alive",
                              "expected_purchases_52w", "expected_spend", "clv", "tier"]]
                            + list(zip(*columns)))
print("customers:", len(s), "\nbg-nbd:", bg.params, "\ngamma-gamma:", gg.params)
