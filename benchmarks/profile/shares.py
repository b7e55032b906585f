"""Shares of an app's CPU samples by part of the logging path, from async-profiler's collapsed
stacks (one line per distinct stack: frames separated by ';', then the sample count).

Each sample counts once, in the first category (in the order below) whose test its stack passes.
"""
import sys

# frames are matched as substrings of 'package/Class.method'
CATEGORIES = [
    # run.sh profiles with 'threads': each stack starts with its thread's name
    ("fluxtail output writer thread (async: encode, write, flush)", lambda s: s.startswith("[fluxtail-output")),
    ("fluxtail ingest sending thread (mapping, protobuf, HTTP)", lambda s: s.startswith("[fluxtail-ingest")),
    ("JDK HttpClient threads (outside the sending thread)", lambda s: "jdk/internal/net/http/" in s),
    ("ingest mapping and queueing on request threads", lambda s: "io/fluxtail/ingest/IngestSink.accept" in s),
    ("logging calls on request threads (event, filters, appenders)",
     lambda s: "ch/qos/logback/classic/Logger." in s or "org/slf4j/spi/DefaultLoggingEventBuilder" in s),
    ("fluxtail request context and completion bookkeeping (the filter outside the chain, not logging)",
     lambda s: request_context_only(s)),
    ("JIT compiler threads", lambda s: "CompileBroker::" in s),
    ("GC threads", lambda s: "GangWorker::" in s or "GCTaskThread" in s or "ParallelScavenge" in s),
]

FILTER = "io/fluxtail/web/servlet/RequestContextServletFilter.doFilterInternal"


def request_context_only(stack):
    frames = stack.split(";")
    for i, frame in enumerate(frames):
        if frame == FILTER:
            return i + 1 == len(frames) or "FilterChain.doFilter" not in frames[i + 1]
    return False


def main(path):
    total = 0
    counts = [0] * (len(CATEGORIES) + 1)
    for line in open(path):
        stack, n = line.rstrip().rsplit(" ", 1)
        n = int(n)
        total += n
        for i, (_, test) in enumerate(CATEGORIES):
            if test(stack):
                counts[i] += n
                break
        else:
            counts[-1] += n
    print(f"| part | share of the app's CPU samples ({total}) |")
    print("|---|---:|")
    for (name, _), n in zip(CATEGORIES + [("everything else (the request itself, Tomcat, wrk's connections)", None)], counts):
        print(f"| {name} | {100.0 * n / total:.2f}% |")


if __name__ == "__main__":
    main(sys.argv[1])
