"""The experiments lab: the core's specs, runner and JSON, with tqdm and pandas."""

import json

from . import _core
from ._text import key_of, translated


class ExperimentResult(dict):
    """An experiment's result: exactly the object ``hopfield-cli EXPERIMENT --json`` prints
    (keys "experiment", "parameters", "rows", and those an experiment adds, such as basins'
    "basin_radius"), a dict. ``to_dataframe()`` gives the rows as a pandas DataFrame.

    Example::

        r = hopfield_lab.capacity(neurons=64, patterns=[1, 4, 8], trials=5)
        r["rows"][0], r.to_dataframe()
    """

    def to_dataframe(self):
        """The rows as a pandas DataFrame, one column per row field; ImportError with the
        package to install when pandas is missing.

        Example::

            hopfield_lab.capacity(neurons=64, patterns=[1, 8], trials=5).to_dataframe()
        """
        try:
            import pandas
        except ImportError as e:
            raise ImportError("to_dataframe() needs pandas: install python3-pandas (Debian) "
                              "or pandas into this environment") from e
        return pandas.DataFrame(self["rows"])


def _json_default(value):
    if hasattr(value, "tolist"):  # NumPy arrays and scalars
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"a spec value must be a number, text, bool or list, not "
                    f"{type(value).__name__}")


def _progress(enabled, name):
    if not enabled:
        return None, None
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ImportError("progress=True needs tqdm: install python3-tqdm (Debian) or tqdm "
                          "into this environment") from e
    bar = tqdm(desc=name, unit="unit")

    def update(done, total):
        if bar.total != total:
            bar.total = total
            bar.refresh()
        bar.update(done - bar.n)

    return bar, update


def run_experiment(spec, threads=1, progress=False, shard=None):
    """Runs an experiment from its spec, the same spec as hopfield-cli's flags (camelCase
    keys: --max-sweeps is "maxSweeps") and the JS API's runExperiment: a dict with
    "experiment" one of "capacity", "basins", "temperature", "prune-study", "forgetting";
    lists as lists or LIST text ("1:64:1"). Returns an ExperimentResult, equal to what
    ``hopfield-cli EXPERIMENT ... --json`` prints. ``threads``: worker threads (results do
    not depend on it); ``progress=True``: a tqdm bar with ETA (terminal or notebook);
    ``shard=(i, m)``: only shard i of m, the object ``--shard i/m`` prints (merge_shards
    joins them).

    The GIL is released while the units run; Ctrl+C stops the run (KeyboardInterrupt).

    Example::

        r = hopfield_lab.run_experiment({"experiment": "capacity", "neurons": 64,
                                         "patterns": "1:8:1", "trials": 5})
    """
    text = json.dumps(spec, default=_json_default)
    index, count = (0, 1) if shard is None else (int(shard[0]), int(shard[1]))
    bar, update = _progress(progress, spec.get("experiment", "experiment")
                            if isinstance(spec, dict) else "experiment")
    try:
        with translated:
            out = _core.run_experiment(text, int(threads), index, count, shard is not None, update)
    finally:
        if bar is not None:
            bar.close()
    result = json.loads(out)
    return result if shard is not None else ExperimentResult(result)


def merge_shards(shards):
    """Joins the outputs of run_experiment(..., shard=(i, m)) for i = 0..m-1 (dicts or their
    JSON text, any order) into the unsharded result, as ``hopfield-cli merge`` does.

    Example::

        parts = [hopfield_lab.run_experiment(spec, shard=(i, 3)) for i in range(3)]
        hopfield_lab.merge_shards(parts) == hopfield_lab.run_experiment(spec)   # True
    """
    texts = [s if isinstance(s, str) else json.dumps(s) for s in shards]
    with translated:
        return ExperimentResult(json.loads(_core.merge_shards(texts)))


def _spec(name, params):
    spec = {"experiment": name}
    for key, value in params.items():
        spec[key_of(key)] = value
    return spec


def _helper(name):
    def run(*, threads=1, progress=False, shard=None, **params):
        return run_experiment(_spec(name, params), threads=threads, progress=progress,
                              shard=shard)

    run.__name__ = name.replace("-", "_")
    run.__doc__ = (f"Runs the {name} experiment from snake_case keywords (the CLI's flags: "
                   f"--max-sweeps is max_sweeps), as run_experiment({{\"experiment\": "
                   f"\"{name}\", ...}}).\n\n    Example::\n\n        "
                   + _EXAMPLES[name] + "\n")
    return run


_EXAMPLES = {
    "capacity": "hopfield_lab.capacity(neurons=64, patterns=[1, 4, 8], trials=5)",
    "basins": "hopfield_lab.basins(random=3, neurons=64, amounts=[0.1, 0.3], trials=5)",
    "temperature": "hopfield_lab.temperature(neurons=64, temperatures=[0, 0.5, 1], trials=3)",
    "prune-study": ("hopfield_lab.prune_study(patterns='letters.txt', prune=['random:0,0.5'], "
                    "noise=[0.1], trials=5)"),
    "forgetting": "hopfield_lab.forgetting(neurons=64, stored=10, decay=0.9, trials=3)",
}

capacity = _helper("capacity")
basins = _helper("basins")
temperature = _helper("temperature")
prune_study = _helper("prune-study")
forgetting = _helper("forgetting")
