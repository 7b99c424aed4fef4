#!/usr/bin/env python3
"""Aggregates JFR execution samples: the share of samples whose stack holds each frame (inclusive) and each
top frame (self), so a profile reads as "where does a request's CPU go".
Usage: jfr print --stack-depth 128 --events jdk.ExecutionSample rec.jfr | bench/consent/jfr-top.py [top=40] [filter]
With a filter (a substring such as 'oidc' or 'micrometer'), only frames containing it are listed."""
import re
import sys
from collections import Counter

top = int(sys.argv[1]) if len(sys.argv) > 1 else 40
wanted = sys.argv[2] if len(sys.argv) > 2 else None
# Where a sample's time belongs: the innermost frame (from the top) of one of these subsystems.
PHASES = [("JSON (Jackson)", ("com.fasterxml.jackson",)), ("Bean Validation", ("org.hibernate.validator",)),
          ("Hibernate Reactive / ORM", ("org.hibernate",)), ("token (quarkus-oidc, jose4j)", ("io.quarkus.oidc", "org.jose4j")),
          ("security (roles, identity)", ("io.quarkus.security", "io.quarkus.vertx.http.runtime.security", "dev.rapport.security")),
          ("metrics (Micrometer)", ("io.micrometer", "io.quarkus.micrometer")),
          ("context propagation", ("io.smallrye.context",)), ("logging", ("org.jboss.logmanager", "org.jboss.logging")),
          ("PostgreSQL client", ("io.vertx.pgclient", "io.vertx.sqlclient")),
          ("rate limit", ("dev.rapport.platform.ratelimit",)), ("decision (Rapport)", ("dev.rapport.consent",)),
          ("CDI (ArC)", ("io.quarkus.arc",)), ("Mutiny", ("io.smallrye.mutiny",)),
          ("RESTEasy Reactive", ("org.jboss.resteasy", "io.quarkus.resteasy")),
          ("Vert.x / Netty (HTTP, event loop)", ("io.vertx", "io.netty", "io.quarkus.vertx"))]


def phase(stack):
    for f in stack:
        for name, prefixes in PHASES:
            if f.startswith(prefixes):
                return name
    return "other (JDK only)"


inclusive, self_, package, phases, samples = Counter(), Counter(), Counter(), Counter(), 0
stack, in_stack = [], False
frame = re.compile(r"^\s+([\w$.<>/-]+)\(")
for line in sys.stdin:
    if line.strip().startswith("stackTrace = ["):
        stack, in_stack = [], True
    elif in_stack and line.strip().startswith("]"):
        in_stack = False
        if stack:
            samples += 1
            self_[stack[0]] += 1
            package[".".join(stack[0].split(".")[:3])] += 1
            phases[phase(stack)] += 1
            for f in set(stack):
                inclusive[f] += 1
    elif in_stack:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))
if not samples:
    sys.exit("no samples")
print(f"{samples} samples")
for title, counts in (("inclusive (stack holds the frame)", inclusive), ("self (top frame)", self_),
                      ("self by package", package), ("by subsystem (innermost on the stack)", phases)):
    print(f"\n{title}")
    shown = 0
    for f, n in counts.most_common():
        if wanted and wanted not in f:
            continue
        print(f"{100 * n / samples:6.1f}%  {f}")
        shown += 1
        if shown >= top:
            break
