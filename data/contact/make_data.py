"""Writes the synthetic contact-centre data of this folder (seeded: the same files on every
run). Run from this folder: python3 make_data.py

forecast_week.csv: 336 half-hours of a week from Monday 2026-11-23 00:00: calls follow a
  weekday profile with morning and afternoon peaks (none between 22:00 and 07:00; Saturday
  at 60%, Sunday at 35%); handle times 170-230 s.
interactions.csv: one working day (2026-11-24, 08:00-18:00) of a small centre: phone calls
  (a quarter handled to the end by the voice system), chats and e-mails, 8 agents, callers
  who hang up after an exponential patience; served first come, first served by the first
  free agent, so every time is consistent (answered after arrival, end after answered).
"""
import csv
import heapq
import math
import random

rng = random.Random(20261124)

# ---- the forecast -----------------------------------------------------------------------
def profile(hour):
    if hour < 7 or hour >= 22:
        return 0.0
    return 320 * math.exp(-((hour - 10.5) / 1.8) ** 2) + 260 * math.exp(-((hour - 15) / 2.2) ** 2) + 40

with open("forecast_week.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["start", "length", "calls", "aht"])
    for day in range(7):
        scale = (1, 1, 1, 1, 1, 0.6, 0.35)[day]
        for half in range(48):
            hour = half / 2
            calls = round(profile(hour + 0.25) * scale * rng.uniform(0.9, 1.1))
            aht = round(200 + 30 * math.sin(half / 48 * 2 * math.pi) + rng.uniform(-5, 5))
            w.writerow(["2026-11-%02d %02d:%02d" % (23 + day, half // 2, 30 * (half % 2)), "30m", calls,
                        "%ds" % aht])

# ---- the interaction log ----------------------------------------------------------------
DAY = "2026-11-24"
start, close = 8 * 3600, 18 * 3600
channels = [("phone", 0.7), ("chat", 0.2), ("email", 0.1)]
agents = ["A%02d" % i for i in range(1, 9)]
free = [(start, a) for a in agents]  # (time the agent is free, agent)
heapq.heapify(free)
rows, t = [], start
while True:
    t += rng.expovariate(1 / 30.0)  # a contact every 30 s on average
    if t >= close:
        break
    channel = rng.choices([c for c, _ in channels], [p for _, p in channels])[0]
    arrival = round(t)
    row = dict(channel=channel, agent="", arrival=arrival, answered=None, abandoned=None, end=None, ivr=0,
               transferred=0, first_contact_resolved="", satisfaction="")
    if channel == "phone" and rng.random() < 0.25:
        row.update(ivr=1, end=arrival + round(rng.uniform(30, 120)))
        rows.append(row)
        continue
    when, agent = free[0]
    wait = max(0, when - arrival)
    patience = rng.expovariate(1 / 150.0) if channel != "email" else float("inf")
    if wait > patience:
        row["abandoned"] = arrival + max(1, round(patience))
        rows.append(row)
        continue
    heapq.heappop(free)
    answered = arrival + round(wait)
    handle = round(rng.expovariate(1 / 200.0)) + 20
    row.update(agent=agent, answered=answered, end=answered + handle,
               transferred=int(rng.random() < 0.08), first_contact_resolved=int(rng.random() < 0.78))
    if rng.random() < 0.3:
        row["satisfaction"] = rng.choices([1, 2, 3, 4, 5], [0.05, 0.07, 0.18, 0.40, 0.30])[0]
    heapq.heappush(free, (answered + handle, agent))
    rows.append(row)


def clock(seconds):
    return "" if seconds is None else "%sT%02d:%02d:%02d" % (DAY, seconds // 3600, seconds // 60 % 60, seconds % 60)


with open("interactions.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    names = ["channel", "agent", "arrival", "answered", "abandoned", "end", "ivr", "transferred",
             "first_contact_resolved", "satisfaction"]
    w.writerow(names)
    for r in rows:
        w.writerow([r["channel"], r["agent"], clock(r["arrival"]), clock(r["answered"]), clock(r["abandoned"]),
                    clock(r["end"]), r["ivr"], r["transferred"], r["first_contact_resolved"], r["satisfaction"]])
