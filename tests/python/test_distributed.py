"""Experiments on a Dask cluster (hopfield_lab.run_experiment(spec, client=, shards=)): a
LocalCluster of two worker processes gives the one-machine result, byte for byte, also when one
worker process is killed in the middle of the run (Dask reruns its shards elsewhere)."""

import json
import os
import signal
import threading
import time

import pytest
from distributed import Client, LocalCluster

import hopfield_lab as hl
from hopfield_lab import _core
from hopfield_lab.distributed import run_on_dask_text

SPEC = {"experiment": "capacity", "neurons": 300, "patterns": "5:60:5", "trials": 6, "seed": 7}
# About a second per shard of eight (so a worker is killed while it holds one), ten in all.
LONG = {"experiment": "capacity", "neurons": 1000, "patterns": "20:200:20", "trials": 6, "seed": 3}


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def one_machine_text():
    return _core.run_experiment(json.dumps(SPEC), 1, 0, 1, False, None)


def test_two_worker_processes_give_the_one_machine_result(client, one_machine_text):
    workers = client.run(os.getpid)
    assert len(set(workers.values())) == 2 and os.getpid() not in workers.values()
    assert run_on_dask_text(SPEC, client, shards=5) == one_machine_text  # the same bytes
    result = hl.run_experiment(SPEC, client=client, shards=3)
    assert result == hl.run_experiment(SPEC)
    assert result == json.loads(one_machine_text)


def test_a_worker_killed_mid_run_is_replaced_and_the_result_is_the_same(client):
    one_machine_text = _core.run_experiment(json.dumps(LONG), 2, 0, 1, False, None)
    before = client.run(os.getpid)
    out, errors = {}, []

    def run():
        try:
            out["text"] = run_on_dask_text(LONG, client, shards=8)
        except BaseException as e:  # reported below
            errors.append(e)

    thread = threading.Thread(target=run)
    thread.start()
    # Wait until a worker holds a shard, then kill that worker's process outright.
    victim = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline and thread.is_alive():
        busy = [address for address, keys in client.processing().items()
                if any(str(k).startswith("hopfield-shard-") for k in keys)]
        if busy:
            victim = busy[0]
        else:
            time.sleep(0.05)
    assert victim is not None, "no worker ever ran a shard"
    os.kill(before[victim], signal.SIGKILL)
    assert thread.is_alive()  # killed before the run ended
    thread.join(timeout=300)
    assert not thread.is_alive() and not errors, errors
    assert out["text"] == one_machine_text
    # The nanny started a new worker process in place of the killed one.
    after = client.run(os.getpid)
    assert before[victim] not in after.values()


def test_shards_without_a_client_and_a_shard_with_one_are_refused(client):
    with pytest.raises(ValueError, match="client="):
        hl.run_experiment(SPEC, shards=4)
    with pytest.raises(ValueError, match="shards=M"):
        hl.run_experiment(SPEC, client=client, shard=(0, 2))


def test_a_bad_spec_raises_the_cores_message_and_cancels_the_rest(client):
    bad = dict(SPEC, neurons=-3)
    with pytest.raises(ValueError, match="neurons"):
        hl.run_experiment(bad, client=client, shards=4)


def test_ctrl_c_cancels_the_shards(client):
    long = dict(LONG, trials=30)
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        hl.run_experiment(long, client=client, shards=16)
    timer.cancel()
    # Nothing of the run is left on the cluster once the cancellation has gone through.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        keys = [k for ks in client.processing().values() for k in ks]
        keys += [k for ks in client.has_what().values() for k in ks]
        left = [k for k in keys if str(k).startswith("hopfield-shard-")]
        if not left:
            break
        time.sleep(0.1)
    assert not left, left


def test_progress_counts_finished_shards(client, capsys):
    result = hl.run_experiment(SPEC, client=client, shards=4, progress=True)
    assert result == hl.run_experiment(SPEC)
    err = capsys.readouterr().err
    assert "shards of capacity" in err and "4/4" in err
