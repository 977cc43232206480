"""Experiments on a Dask cluster: run_experiment(spec, client=CLIENT, shards=M).

Each of the M shards is one Dask task that computes the shard JSON with the core (the same
text `hopfield-cli EXPERIMENT --shard i/M --json` prints); the shards are merged as
`hopfield-cli merge` merges them. Trial k draws only from its own random streams, so the
result is byte for byte the one-machine result whatever the cluster, the order the shards
finish in, or a worker lost and its shard rerun. The workers need hopfield_lab importable (the
same PYTHONPATH or installed package) and, for file-based specs, the files at the same paths.
"""

import json
import uuid

from . import _core
from . import _experiments
from ._text import translated


def _shard_json(text, index, count, threads):
    """One shard, on a worker: the shard JSON text."""
    return _core.run_experiment(text, int(threads), int(index), int(count), True, None)


def _default_shards(client):
    # One shard per worker thread, at least 1.
    return max(1, sum(client.nthreads().values()))


def run_on_dask_text(spec, client, shards=None, progress=False, threads=1):
    """As run_on_dask, but the merged result's JSON text (the bytes `hopfield-cli merge`
    prints)."""
    from distributed import as_completed

    text = json.dumps(spec, default=_experiments._json_default) if not isinstance(spec, str) else spec
    count = _default_shards(client) if shards is None else int(shards)
    if count < 1:
        raise ValueError(f"shards must be at least 1, not {shards}")
    run = uuid.uuid4().hex[:12]
    futures = [client.submit(_shard_json, text, i, count, threads, key=f"hopfield-shard-{run}-{i}",
                             pure=False) for i in range(count)]
    bar = None
    if progress:
        try:
            from tqdm.auto import tqdm
        except ImportError as e:
            raise ImportError("progress=True needs tqdm: install python3-tqdm (Debian)") from e
        bar = tqdm(total=count, desc=f"shards of {spec.get('experiment', 'experiment') if isinstance(spec, dict) else 'experiment'}",
                   unit="shard")
    texts = [None] * count
    try:
        for future in as_completed(futures):
            texts[futures.index(future)] = future.result()  # a shard's error raises here
            if bar is not None:
                bar.update(1)
    except BaseException:  # KeyboardInterrupt or a failed shard: nothing left running
        client.cancel(futures)
        raise
    finally:
        if bar is not None:
            bar.close()
    with translated:
        return _core.merge_shards(texts)


def run_on_dask(spec, client, shards=None, progress=False, threads=1):
    """Runs the experiment `spec` as `shards` Dask tasks on `client` (a
    dask.distributed.Client; default: one shard per worker thread) and merges them: an
    ExperimentResult equal to run_experiment(spec). ``progress=True``: a tqdm bar counting
    finished shards. Ctrl+C (KeyboardInterrupt) cancels the shards still queued or running.

    Example::

        from dask.distributed import Client, LocalCluster
        client = Client(LocalCluster(n_workers=2, processes=True))
        r = hopfield_lab.run_experiment(spec, client=client, shards=8)
    """
    return _experiments.ExperimentResult(json.loads(run_on_dask_text(spec, client, shards, progress, threads)))


def run_experiment(spec, threads=1, progress=False, shard=None, client=None, shards=None):
    if client is None:
        if shards is not None:
            raise ValueError("shards= splits a run over a Dask cluster: give client= too (or "
                             "use shard=(i, m) for one shard)")
        return _experiments.run_experiment(spec, threads=threads, progress=progress, shard=shard)
    if shard is not None:
        raise ValueError("shard=(i, m) runs one shard here; with client= give shards=M instead")
    return run_on_dask(spec, client, shards, progress, threads)


run_experiment.__doc__ = (_experiments.run_experiment.__doc__ or "") + """
    On a Dask cluster: ``client=`` a dask.distributed.Client and ``shards=M`` (default: one
    per worker thread) run the M shards as Dask tasks and merge them; the result is the
    same, byte for byte. Progress counts finished shards; Ctrl+C cancels the tasks.

    Example::

        r = hopfield_lab.run_experiment(spec, client=Client("tcp://scheduler:8786"), shards=64)
"""
