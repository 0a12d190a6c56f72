#!/usr/bin/env python3
"""A large, made-up but valid register CSV for bench/load.sh, without building anything.

Usage: register_csv.py AUTHORITIES_JSON ROWS OUT.csv. Each authority in the reference data gets a back-to-back run of
non-overlapping appointments inside its operating period from 1 April 2000 (Upon takes dates from 2000 on), about
the same number each; every appointment is a different made-up person, all but each authority's last have ended. Deterministic.
"""
import datetime
import json
import random
import sys

authorities_json, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
authorities = json.load(open(authorities_json))["authorities"]
rng = random.Random(20260331)
today = datetime.date(2026, 3, 31)
earliest = datetime.date(2000, 4, 1)
per = rows // len(authorities) + 1
written = 0
with open(out, "w") as f:
    f.write("la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned\n")
    for a in authorities:
        start = max(earliest, datetime.date.fromisoformat(a["operatingFrom"])) if a.get("operatingFrom") else earliest
        last = datetime.date.fromisoformat(a["operatingTo"]) if a.get("operatingTo") else today
        if last <= start:
            continue
        days = (last - start).days
        n = min(per, rows - written, max(1, days // 2))
        step = days // n
        for i in range(n):
            begin = start + datetime.timedelta(days=i * step)
            end = begin + datetime.timedelta(days=step - 1)
            open_post = i == n - 1 and not a.get("operatingTo")
            kind = rng.choice(["permanent", "permanent", "interim", "acting"])
            person = f"B{written + 1:06d}"
            f.write(f"{a['code']},{person},Alex,Example{written % 997},{kind},{begin.isoformat()},"
                    + (",,\n" if open_post else f"{end.isoformat()},retired,no\n"))
            written += 1
        if written >= rows:
            break
print(written)
