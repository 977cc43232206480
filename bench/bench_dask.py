#!/usr/bin/python3
"""Benchmark: one capacity run (N = 1024, P = 10..200 by 10, 40 trials) three ways: in this
process (hopfield_lab.run_experiment, 1 thread), as shards on 2 Dask worker processes
(LocalCluster, run_experiment(spec, client=, shards=)) and with `hopfield-cli capacity ...
--threads 2 --json`. Prints each wall time and checks that the three JSON texts are the same
bytes. Figures, not a test (this machine is shared: times move).

    PYTHONPATH=build/native/python bench/bench_dask.py [--cli build/native/src/cli/hopfield-cli]
        [--trials 40] [--shards 8]
"""

import argparse
import json
import pathlib
import subprocess
import time

import hopfield_lab as hl
from hopfield_lab import _core
from hopfield_lab.distributed import run_on_dask_text

REPO = pathlib.Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=str(REPO / "build" / "native" / "src" / "cli" / "hopfield-cli"))
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--shards", type=int, default=8)
    args = parser.parse_args()
    spec = {"experiment": "capacity", "neurons": 1024, "patterns": "10:200:10",
            "trials": args.trials, "seed": 1}
    print(f"capacity, N = 1024, P = 10..200 by 10, {args.trials} trials (hopfield_lab {hl.__version__})")

    start = time.perf_counter()
    local = _core.run_experiment(json.dumps(spec), 1, 0, 1, False, None)
    one = time.perf_counter() - start
    print(f"  1 process, 1 thread:          {one:7.2f} s")

    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("hopfield_lab"))  # workers warm, module loaded
        start = time.perf_counter()
        dask = run_on_dask_text(spec, client, shards=args.shards)
        two = time.perf_counter() - start
    print(f"  Dask, 2 worker processes ({args.shards} shards): {two:7.2f} s  ({one / two:.2f}x)")

    flags = ["capacity", "--neurons", "1024", "--patterns", "10:200:10", "--trials",
             str(args.trials), "--seed", "1", "--threads", "2", "--json"]
    start = time.perf_counter()
    cli = subprocess.run([args.cli, *flags], check=True, capture_output=True, text=True).stdout
    three = time.perf_counter() - start
    print(f"  hopfield-cli --threads 2:     {three:7.2f} s  ({one / three:.2f}x)")

    same = local == dask == cli
    print(f"  same bytes: {'yes' if same else 'NO'} ({len(local)} bytes of JSON)")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
