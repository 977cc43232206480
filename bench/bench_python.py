"""Speed of the Python module hopfield_lab: prints figures, asserts nothing.

  PYTHONPATH=build/native/python /usr/bin/python3 bench/bench_python.py [HOPFIELD_CLI]

1. A recall through Python at N = 784, P = 10 (async, from 20% flips) against the core's own
   time for the same recall (a C++ loop with no Python in it): the binding's overhead.
2. Building the network from 10 patterns and recalling from 20% flips, in-process, against a
   vectorized NumPy implementation of the same algorithm (Hebbian W, asynchronous updates in a
   random order each sweep, to a fixed point), as course code writes it.
3. run_experiment against hopfield-cli on the same spec (the CLI's time includes starting it).
4. neurodynex3 (the EPFL course's network) on the same recall, when it is importable.
"""

import json
import os
import subprocess
import sys
import time

import numpy as np

import hopfield_lab as hl

N, P, FLIP = 784, 10, 0.2


def best_of(fn, repeats, rounds=5):
    """The fastest mean time per call over `rounds` rounds of `repeats` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeats):
            fn()
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


def numpy_recall(X, probe, rng, max_sweeps=100):
    """Hebbian W, then asynchronous sign updates in a random order each sweep until a sweep
    flips nothing: the same algorithm as Network.recall(mode="async"), vectorized NumPy."""
    W = X.T.astype(np.float64) @ X
    np.fill_diagonal(W, 0)
    s = probe.astype(np.float64)
    for _ in range(max_sweeps):
        flips = 0
        for i in rng.permutation(len(s)):
            h = W[i] @ s
            if h != 0:
                new = 1.0 if h > 0 else -1.0
                if new != s[i]:
                    s[i] = new
                    flips += 1
        if flips == 0:
            break
    return s


def main():
    cli = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("HOPFIELD_CLI")
    rng = np.random.default_rng(1)
    X = np.where(rng.random((P, N)) < 0.5, 1, -1).astype(np.int8)
    probe = hl.corrupt(X[0], "flip", FLIP, seed=1)
    net = hl.Network.from_patterns(X)
    print(f"hopfield_lab {hl.__version__}, N = {N}, P = {P}, {FLIP:.0%} flips, "
          f"load {os.getloadavg()[0]:.1f}")

    # 1. Overhead of a recall through Python.
    r = net.recall(probe, seed=1)
    dynamics = [("mode", "async"), ("tie", "keep"), ("temperature", "0.0"), ("seed", "1"),
                ("maxSweeps", "100")]
    repeats = 2000
    python = best_of(lambda: net.recall(probe, seed=1), repeats)
    core = min(net._net.core_recall_seconds(probe, dynamics, repeats) / repeats
               for _ in range(5))
    print(f"1. recall ({r.sweeps} sweeps, {r.outcome}): through Python {python * 1e6:.1f} us, "
          f"the core alone {core * 1e6:.1f} us: overhead {(python - core) * 1e6:+.1f} us "
          f"(target <= 20 us)")

    # 2. Build + recall against NumPy.
    build_recall = best_of(lambda: hl.Network.from_patterns(X).recall(probe, seed=1), 200)
    order = np.random.default_rng(2)
    theirs = best_of(lambda: numpy_recall(X, probe, order), 3, rounds=3)
    same = (numpy_recall(X, probe, np.random.default_rng(3)) == X[0]).all()
    print(f"2. build + recall: hopfield_lab {build_recall * 1e6:.1f} us, vectorized NumPy "
          f"{theirs * 1e3:.2f} ms (retrieves the pattern: {same}): {theirs / build_recall:.0f}x "
          f"(target >= 30x)")

    # 3. run_experiment against the CLI.
    spec = {"experiment": "capacity", "neurons": 256, "patterns": "5:40:5", "trials": 20,
            "seed": 1}
    start = time.perf_counter()
    result = hl.run_experiment(spec)
    ours = time.perf_counter() - start
    if cli:
        start = time.perf_counter()
        out = subprocess.run([cli, "capacity", "--neurons", "256", "--patterns", "5:40:5",
                              "--trials", "20", "--seed", "1", "--json"], capture_output=True,
                             text=True, check=True).stdout
        theirs = time.perf_counter() - start
        print(f"3. capacity experiment (N = 256, 8 loads x 20 trials): run_experiment "
              f"{ours:.3f} s, hopfield-cli {theirs:.3f} s: {ours / theirs:.2f}x the CLI's "
              f"time (target <= 1.10x); same result: {json.loads(out) == result}")
    else:
        print(f"3. capacity experiment: run_experiment {ours:.3f} s; hopfield-cli not given "
              f"(pass its path or set HOPFIELD_CLI): comparison skipped")

    # 4. neurodynex3, the EPFL course code, never downloaded: used only when importable.
    try:
        from neurodynex3.hopfield_network import network as nd_network
    except ImportError as e:
        print(f"4. neurodynex3: skipped: it is not importable here ({e}); it is not packaged "
              f"in Debian and this project installs nothing from PyPI")
        return
    def nd_recall():
        hn = nd_network.HopfieldNetwork(nr_neurons=N)
        hn.store_patterns([x.astype(int) for x in X])
        hn.set_state_from_pattern(probe.astype(int))
        hn.run(nr_steps=20)
    theirs = best_of(nd_recall, 3, rounds=2)
    print(f"4. neurodynex3 build + run (20 sync steps): {theirs * 1e3:.2f} ms: "
          f"{theirs / build_recall:.0f}x hopfield_lab's build + recall")


if __name__ == "__main__":
    main()
