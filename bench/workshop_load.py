#!/usr/bin/python3
"""A room on loopback: 40 participants follow `partnersim workshop` (server-sent events) and vote
while the facilitator runs designs of 100 replicates one after another. Reports p50/p95 of

  run       the facilitator's POST /api/run, request to answer (100 replicates, default scenario)
  delivery  an event (each run, each vote count) from the server's publishing it to a
            participant's reading it, over every participant (the server stamps published_ms;
            loopback shares the clock)

    /usr/bin/python3 bench/workshop_load.py [--executable build/sim/partnersim] [--runs 20]

Goal (issue 12): p95 under 1.5 s for the run and under 200 ms for delivery, on 2 cores.
"""
import argparse
import http.client
import json
import random
import re
import statistics
import subprocess
import threading
import time


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


class Follower(threading.Thread):
    """One phone: reads the event stream, noting each event's delay."""

    def __init__(self, port, delays, lock):
        super().__init__(daemon=True)
        self.port, self.delays, self.lock = port, delays, lock
        self.connected = threading.Event()
        self.seen = 0

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.request("GET", "/api/events")
        response = connection.getresponse()
        self.connected.set()
        # Every event counts: the followers join before the first one is published.
        for raw in response:
            line = raw.decode().rstrip("\n")
            if not line.startswith("data: "):
                continue
            data = json.loads(line[6:])
            delay = time.time() * 1000 - data["published_ms"]
            with self.lock:
                self.seen += 1
                self.delays.append(delay)


def post(port, path, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {answer}")
    return answer


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--executable", default="build/sim/partnersim")
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()

    server = subprocess.Popen([arguments.executable, "workshop", "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
    delays, lock = [], threading.Lock()
    followers = [Follower(port, delays, lock) for _ in range(arguments.participants)]
    for f in followers:
        f.start()
    for f in followers:
        f.connected.wait(60)
    post(port, "/api/vote/open", {"question": "Which builds more trust?", "options": ["A", "B"]})
    stop = threading.Event()

    def vote(k):
        chooser = random.Random(k)
        while not stop.is_set():
            post(port, "/api/vote", {"participant": f"p{k}", "option": chooser.choice("AB")})
            stop.wait(chooser.uniform(1.0, 3.0))

    voters = [threading.Thread(target=vote, args=(k,), daemon=True)
              for k in range(arguments.participants)]
    for v in voters:
        v.start()
    run_seconds = []
    for r in range(arguments.runs):
        settings = {"setup.duration": ["time_bound", "open_ended"][r % 2],
                    "facilitator.kind": ["external", "internal", "self_managed"][r % 3]}
        start = time.perf_counter()
        post(port, "/api/run", {"scenario": "default", "settings": settings, "replicates": 100})
        run_seconds.append(time.perf_counter() - start)
    stop.set()
    for v in voters:
        v.join(10)
    time.sleep(0.5)  # let the last events arrive before counting (not a measurement)
    server.terminate()
    server.wait(30)

    print(f"{arguments.participants} participants following and voting, {arguments.runs} runs "
          f"of 100 replicates (default scenario)")
    print(f"run       p50 {statistics.median(run_seconds):.3f} s   "
          f"p95 {percentile(run_seconds, 0.95):.3f} s   max {max(run_seconds):.3f} s")
    print(f"delivery  p50 {statistics.median(delays):.1f} ms  "
          f"p95 {percentile(delays, 0.95):.1f} ms  max {max(delays):.1f} ms  "
          f"({len(delays)} events delivered)")


if __name__ == "__main__":
    main()
