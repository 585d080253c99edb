"""Summarise a CDNOW-style transaction log from Python: python3 summary.py CDNOW_sample.txt"""
import sys

import crmkit

s = crmkit.value.summarize_csv(
    sys.argv[1], customer="2", time="3", amount="5", time_format="%Y%m%d", delimiter=" ",
    header=False, unit="week", merge_same_day=True, end="1997-09-30", holdout_end="1998-06-30")
print("crmkit", crmkit.__version__, "from", crmkit.library_path)
print("customers:", len(s))
print("repeat purchases, weeks 1-39:", int(s.frequency.sum()))
print("repeat purchases, weeks 40-78:", int(s.holdout_frequency.sum()))
top = s.frequency.argsort()[::-1][:3]
for i in top:
    print("customer %s: x = %d, t_x = %.2f, T = %.2f weeks, mean repeat spend $%.2f"
          % (s.customer_id[i], s.frequency[i], s.recency[i], s.T[i], s.monetary_value[i]))
