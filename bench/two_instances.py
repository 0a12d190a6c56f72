#!/usr/bin/env python3
"""Two real Upon processes on one PostgreSQL database, with load through both at once (bench/two-instances.sh).

Checks, and prints as it goes: a sign-in on one is honoured by the other; last seats booked through both at once are
never overbooked; each outbox email is sent once with both instances' senders running; each periodic run (retention,
feedback, endorsements, invitations, journeys) is run by one instance (the database lease); a New Directors invitation
sent by two processes at once goes once; a cached figure changes on both after a change; and wrk's throughput through
each while both run.
"""
import collections
import csv as csv_module
import email
import io
import concurrent.futures
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
app_dir = sys.argv[1]
admin = os.environ.get("UPON_BENCH_POSTGRES", "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres")
database = f"upon_bench_{random.randrange(10**9)}"
connection = re.sub(r"Database=[^;]*", f"Database={database}", admin)
work = tempfile.mkdtemp(prefix="upon-two-")
password = f"bench-password-{random.randrange(10**9)}-{random.randrange(10**9)}"
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_ENVIRONMENT="Production", Database__Provider="Postgres",
           ConnectionStrings__Upon=connection, Demo__CreateOnEmptyDatabase="true", Demo__Password=password,
           Accounts__RequireTwoFactorForStaff="false", Email__PickupDirectory=os.path.join(work, "mail"),
           Logging__LogLevel__Default="Warning", **{"Logging__LogLevel__Upon.Shared.Leases": "Information"})
mail = os.path.join(work, "mail")
ports = [5111, 5112]
bases = [f"http://127.0.0.1:{p}" for p in ports]
servers = []


def psql(sql):
    host = re.search(r"Host=([^;]*)", admin).group(1)
    port = re.search(r"Port=([^;]*)", admin)
    subprocess.run(["psql", "-h", host, "-p", port.group(1) if port else "5432", "-U", "postgres", "-d", "postgres", "-qc", sql], check=True)


def request(base, path, token=None, cookie=None, data=None, method=None, etag=None):
    headers = {"X-Forwarded-Proto": "https"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookie:
        headers["Cookie"] = cookie
    if etag:
        headers["If-None-Match"] = etag
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(base + path, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def start(i):
    log = open(os.path.join(work, f"server{i}.log"), "w")
    p = subprocess.Popen(["dotnet", os.path.join(app_dir, "upon.dll"), "--urls", bases[i]], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    servers.append(p)
    while True:
        try:
            if request(bases[i], "/health/ready")[0] == 200:
                return
        except OSError:
            pass
        if p.poll() is not None:
            sys.exit(open(log.name).read())
        time.sleep(0.1)


def psql_value(sql):
    host = re.search(r"Host=([^;]*)", admin).group(1)
    port = re.search(r"Port=([^;]*)", admin)
    return subprocess.run(["psql", "-h", host, "-p", port.group(1) if port else "5432", "-U", "postgres", "-d", database, "-tAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def mail_ids():
    """The Message-Id of every email written to the pickup directory (shared by both instances), with how often it went."""
    counts = collections.Counter()
    for name in os.listdir(mail) if os.path.isdir(mail) else []:
        with open(os.path.join(mail, name), "rb") as f:
            counts[email.message_from_binary_file(f)["Message-Id"]] += 1
    return counts


def cli(*args):
    done = subprocess.run(["dotnet", os.path.join(app_dir, "upon.dll"), *args], env=env, cwd=work, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"upon {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


psql(f'CREATE DATABASE "{database}"')
try:
    start(0)  # migrates and creates the demo data
    start(1)
    print(f"two instances on {database}: {bases[0]} and {bases[1]}")
    admin_token = re.search(r"upon_[A-Za-z0-9_-]+", cli("tokens", "create", "--email", "admin@upon.test", "--name", "bench")).group(0)

    # A sign-in on one is honoured by the other (data protection keys in the database).
    cookie = subprocess.run([sys.executable, os.path.join(root, "bench", "signin.py"), bases[0], "admin@upon.test", password],
                            capture_output=True, text=True, check=True).stdout.strip()
    status = request(bases[1], "/register/turnover", cookie=cookie)[0]
    print(f"sign-in on the first, page on the second: {status} {'(honoured)' if status == 200 else '(NOT honoured)'}")
    assert status == 200

    # Last seats booked through both at once.
    strands = json.loads(request(bases[0], "/api/strands", token=admin_token)[1])
    participants = json.loads(request(bases[0], "/api/participants", token=admin_token)[1])
    strand = max(strands, key=lambda s: sum(any(e["strand"] in (s["name"], s["slug"]) for e in p["enrolments"]) for p in participants))
    people = [p["id"] for p in participants if any(e["strand"] in (strand["name"], strand["slug"]) for e in p["enrolments"])][:40]
    seats = max(1, len(people) // 4)
    status, body, _ = request(bases[0], "/api/sessions", token=admin_token, data={
        "title": "Bench: last seats", "type": "webinar", "strand": strand["slug"], "startLocal": "2027-03-03T10:00:00",
        "endLocal": "2027-03-03T11:00:00", "capacity": seats, "videoLink": "https://meet.example.org/bench"})
    assert status == 201, body
    session = json.loads(body)["id"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(people)) as pool:
        answers = list(pool.map(lambda ip: request(bases[ip[0] % 2], f"/api/sessions/{session}/bookings", token=admin_token,
                                                   data={"participantId": ip[1]})[0], enumerate(people)))
    detail = json.loads(request(bases[1], f"/api/sessions/{session}", token=admin_token)[1])
    print(f"{len(people)} bookings for {seats} seats through both at once: {detail['booked']} booked, {detail['waiting']} waiting "
          f"({'never overbooked' if detail['booked'] == seats else 'OVERBOOKED'}); answers {sorted(set(answers))}")
    assert detail["booked"] == seats

    # Each outbox email once: the bookings' emails, sent by whichever instance's sender claims them (both poll every 5 s).
    deadline = time.time() + 60
    while psql_value('SELECT count(*) FROM outbox_messages WHERE "SentAt" IS NULL AND "Attempts" < 5') != "0" and time.time() < deadline:
        time.sleep(0.5)
    time.sleep(6)  # another round of both senders' polls
    sent = int(psql_value('SELECT count(*) FROM outbox_messages WHERE "SentAt" IS NOT NULL'))
    ids = mail_ids()
    twice = [i for i, n in ids.items() if n > 1]
    print(f"outbox: {sent} messages sent by the two instances' senders, {len(ids)} distinct emails written, "
          f"{len(twice)} written more than once ({'each once' if not twice and len(ids) == sent else 'NOT once each'})")
    assert not twice and len(ids) == sent

    # Each periodic run on one instance: both started every run; the lease let one of them run it.
    logs = [open(os.path.join(work, f"server{i}.log")).read() for i in range(2)]
    for run in ["retention-run", "feedback-run", "endorsement-run", "invitation-run", "journey-run"]:
        took = [log.count(f"{run}: this instance took the lease and runs it") for log in logs]
        holder = psql_value(f"SELECT \"Holder\" FROM leases WHERE \"Name\" = '{run}'")
        print(f"{run}: run by the first {took[0]} time(s), by the second {took[1]} time(s); lease held by {holder}")
        assert sum(took) == 1

    # Each invitation once: a new director recorded, then two processes send the due invitations at once.
    exported = list(csv_module.reader(io.StringIO(cli("export", "appointments"))))
    columns, rows = exported[0], [dict(zip(exported[0], r)) for r in exported[1:]]
    if "email" not in columns:
        columns = columns + ["email"]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    yesterday = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400))
    # A director in post in an authority in operation leaves yesterday, and a new director (their first post) starts today.
    with open(os.path.join(root, "src", "Upon", "Register", "ReferenceData", "authorities.json")) as f:
        operating = {a["code"] for a in json.load(f)["authorities"] if "operatingTo" not in a}
    leaving = next(r for r in rows if r["end_date"] == "" and r["la_code"] in operating and r["start_date"] < yesterday)
    leaving.update(end_date=yesterday, leaving_reason="retired", unplanned="no")
    person = f"BENCH-{random.randrange(10**9)}"
    address = f"{person.lower()}@example.org"
    arriving = {c: "" for c in columns}
    arriving.update(la_code=leaving["la_code"], person_id=person, given_name="Bench", family_name="Director",
                    appointment_type="interim", start_date=today, email=address)
    new = os.path.join(work, "new-director.csv")
    with open(new, "w", newline="") as f:
        writer = csv_module.writer(f)
        writer.writerow(columns)
        writer.writerow([leaving.get(c, "") for c in columns])
        writer.writerow([arriving[c] for c in columns])
    cli("import", "appointments", new)
    runs = [subprocess.Popen(["dotnet", os.path.join(app_dir, "upon.dll"), "invitations", "run"], env=env, cwd=work,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    for r in runs:
        r.wait()
    invitations = psql_value(f'SELECT count(*) || \' invitation(s), sent \' || coalesce(sum("Sends"), 0) || \' time(s)\' FROM director_invitations i '
                             f'JOIN people p ON p."Id" = i."PersonKey" WHERE p."PersonId" = \'{person}\'')
    to_them = sum(1 for name in os.listdir(mail) if address in open(os.path.join(mail, name), errors="replace").read())
    print(f"a new director, invitations sent by two processes at once: {invitations}; {to_them} email(s) to them")
    assert to_them == 1

    # Load through both at once.
    procs = [subprocess.Popen(["wrk", "-t1", "-c25", "-d10s", "--latency", "-H", "X-Forwarded-Proto: https", "-H",
                               f"Authorization: Bearer {admin_token}", base + "/api/reports/turnover"], stdout=subprocess.PIPE, text=True)
             for base in bases]
    for base, p in zip(bases, procs):
        out = p.communicate()[0]
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        p99 = re.search(r"99%\s+(\S+)", out).group(1)
        print(f"wrk through {base} (25 connections, both at once): {rps} requests/s, p99 {p99}")

    # A cached figure changes on both after a change: a director leaves, imported through the command line (a third process).
    def figures(base):
        return request(base, "/api/reports/turnover", token=admin_token)[1]
    before = [figures(b) for b in bases]
    lines = cli("export", "appointments").splitlines()
    header, rows = lines[0], lines[1:]
    day_before = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400))
    current = next(r for r in rows if r.split(",")[6] == "" and r.split(",")[5] < day_before)
    fields = current.split(",")
    fields[6:9] = [time.strftime("%Y-%m-%d", time.gmtime(time.time() - 86400)), "retired", "no"]
    csv = os.path.join(work, "one.csv")
    with open(csv, "w") as f:
        f.write(header + "\n" + ",".join(fields) + "\n")
    cli("import", "appointments", csv)
    changed = time.time()
    seen = [None, None]
    while None in seen and time.time() - changed < 10:
        for i, b in enumerate(bases):
            if seen[i] is None and figures(b) != before[i]:
                seen[i] = time.time() - changed
        time.sleep(0.01)
    assert None not in seen, "a cached figure did not change within 10 s"
    print(f"a change committed: the cached figure changed on the first after {seen[0]:.3f} s and on the second after {seen[1]:.3f} s")
finally:
    for p in servers:
        p.terminate()
        p.wait()
    psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
