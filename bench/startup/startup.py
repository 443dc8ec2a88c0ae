#!/usr/bin/env python3
"""Spawn -> initialize response -> shutdown -> exit, for gitspaces serve and a bare .NET console app, interleaved
in one run. Prints medians and the idle peak memory (VmHWM after initialize) of each, as a Markdown table row."""
import json, os, statistics, subprocess, sys, tempfile, time

def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

def read_frame(stream):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        c = stream.read(1)
        if not c:
            raise EOFError("no response")
        header += c
    return json.loads(stream.read(int(header.split(b":")[1])))

def once(argv, env):
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": os.getpid()}}))
    p.stdin.flush()
    read_frame(p.stdout)
    to_initialize = time.perf_counter() - start
    with open(f"/proc/{p.pid}/status") as status:
        hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    p.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    p.stdin.flush()
    read_frame(p.stdout)
    p.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    p.stdin.close()
    p.wait()
    return to_initialize, time.perf_counter() - start, hwm / 1024

def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    env = dict(os.environ, GITSPACES_HOME=tempfile.mkdtemp(prefix="gitspaces-bench-"), GITSPACES_LOG_LEVEL="warning")
    subjects = {
        "gitspaces serve": [os.path.join(root, "artifacts", "bin", "gitspaces"), "serve"],
        "bare .NET console app": [os.path.join(root, "artifacts", "bench", "BareApp", "BareApp")],
    }
    # More programs to time in the same interleaved run (bench/startup/single-file.sh): a JSON object, name → argv.
    subjects.update(json.loads(os.environ.get("GITSPACES_BENCH_SUBJECTS", "{}")))
    results = {name: [] for name in subjects}
    for _ in range(2):  # warm the file cache
        for argv in subjects.values():
            once(argv, env)
    for _ in range(runs):
        for name, argv in subjects.items():
            results[name].append(once(argv, env))
    print(f"| subject | spawn→initialize (median ms) | spawn→exit (median ms) | idle peak memory (MiB) |")
    print("|---|---|---|---|")
    for name, rows in results.items():
        print(f"| {name} | {statistics.median(r[0] for r in rows) * 1000:.0f} | {statistics.median(r[1] for r in rows) * 1000:.0f} | {max(r[2] for r in rows):.1f} |")
    g = statistics.median(r[1] for r in results["gitspaces serve"])
    b = statistics.median(r[1] for r in results["bare .NET console app"])
    print(f"\nratio spawn→exit: {g / b:.2f}× the bare app ({runs} interleaved runs each)")

if __name__ == "__main__":
    main()
