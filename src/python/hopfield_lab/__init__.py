"""hopfield_lab: Hopfield Lab's exact, seeded engine for NumPy users.

The same C++ core as ``hopfield-cli`` and the web page: for the same patterns and arguments
a recall gives the numbers ``hopfield-cli recall --json`` prints, bit for bit, and an
experiment the object ``hopfield-cli EXPERIMENT --json`` prints.

Example::

    import hopfield_lab as hl
    X, names = hl.builtin("letters")            # (26, 256) int8, ["A", ..., "Z"]
    net = hl.Network.from_patterns(X[:3])
    probe = hl.corrupt(X[0], "flip", 0.2, seed=1)
    r = net.recall(probe, seed=1, target=0)
    r.outcome, r.hamming                      # "fixed point", array([51, ..., 0])

Names: Network, Recall, corrupt, load_patterns, load_image, builtin, save_patterns,
run_experiment, merge_shards, capacity, basins, temperature, prune_study, forgetting,
ExperimentResult, PatternFileError, __version__.
"""

from . import _core
from ._core import PatternFileError
from ._data import builtin, corrupt, load_image, load_patterns, save_patterns
from ._experiments import (ExperimentResult, basins, capacity, forgetting, merge_shards,
                           prune_study, run_experiment, temperature)
from ._network import Network, Recall
# Notebooks branch: the lab in Jupyter (jupyter.py) and Dask (distributed.py: run_experiment with client=).
from .distributed import run_experiment  # noqa: F811 (client=, shards=; else the one above)
from .jupyter import from_share_link, show, _network_share_link as _share_link; Network.share_link = _share_link

__version__ = _core.version()

PatternFileError.__doc__ = ("A pattern or image file that cannot be read as one (a ValueError); "
                            "the message names the file and where.")

__all__ = ["Network", "Recall", "corrupt", "load_patterns", "load_image", "builtin",
           "save_patterns", "run_experiment", "merge_shards", "capacity", "basins",
           "temperature", "prune_study", "forgetting", "ExperimentResult", "PatternFileError",
           "__version__"] + ["show", "from_share_link"]
