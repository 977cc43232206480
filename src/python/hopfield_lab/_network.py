"""Network and Recall: the core's network and recall with NumPy in and out."""

import json

from . import _core
from ._text import key_of, text_of, translated

_MODEL_KEYS = frozenset(_core.model_keys())


def _network_settings(rule, scale, model, params):
    settings = [("model", text_of("model", model)), ("rule", text_of("rule", rule)),
                ("scale", text_of("scale", scale))]
    for name, value in params.items():
        key = key_of(name)
        if key not in _MODEL_KEYS or key == "model":
            raise TypeError(f"Network() got an unexpected keyword argument '{name}' (model "
                            f"parameters: {', '.join(sorted(_python_names()))})")
        settings.append((key, text_of(name, value)))
    return settings


def _python_names():
    from ._text import _SPELLINGS
    back = {v: k for k, v in _SPELLINGS.items()}
    return [back.get(k, k) for k in _MODEL_KEYS if k != "model"]


class Recall:
    """The result of one recall (Network.recall): the final state, how the run ended and its
    trace, one entry per iteration from 0 (the probe).

    Attributes: ``state`` (int8, shape (N,)), ``outcome`` ("fixed point", "2-cycle",
    "cycle" or "max sweeps"), ``sweeps``, ``converged`` (ended at a fixed point),
    ``cycle_length`` (2 for a 2-cycle, L for a cycle, else 0), ``energy``, ``hamming``
    (to the target, or the nearest stored pattern or its inverse), ``flips`` and
    ``overlaps`` (iterations x P) as NumPy arrays; for the modern and continuous models
    ``state_values`` (and for modern ``attention``, iterations x P), else None.

    Example::

        r = net.recall(probe, target=0)
        r.outcome, r.sweeps, r.hamming[-1]
        r.to_dict()   # what `hopfield-cli recall --json` prints
    """

    __slots__ = ("_r",)

    def __init__(self, core_recall):
        self._r = core_recall

    state = property(lambda self: self._r.state, doc="The final state, int8 (N,).")
    initial = property(lambda self: self._r.initial, doc="The state the run started from.")
    outcome = property(lambda self: self._r.outcome,
                       doc='"fixed point", "2-cycle", "cycle" or "max sweeps".')
    sweeps = property(lambda self: self._r.sweeps, doc="Iterations run (sweeps or steps).")
    converged = property(lambda self: self._r.converged, doc="True at a fixed point.")
    cycle_length = property(lambda self: self._r.cycle_length,
                            doc="States in the cycle the run ended in (0: none).")
    energy = property(lambda self: self._r.energy, doc="Energy per iteration, float64.")
    hamming = property(lambda self: self._r.hamming,
                       doc="Hamming distance to the target per iteration (-1: no patterns).")
    flips = property(lambda self: self._r.flips, doc="Neurons changed per iteration.")
    overlaps = property(lambda self: self._r.overlaps,
                        doc="Overlap m^mu per iteration and stored pattern, (iterations, P).")
    state_values = property(lambda self: self._r.state_values,
                            doc="The real state (modern, continuous), else None.")
    attention = property(lambda self: self._r.attention,
                         doc="Softmax weights per iteration (modern), else None.")

    def to_dict(self):
        """The recall as `hopfield-cli recall --json` prints it, parsed (json.loads): the
        settings, "initial" and "final" as '#'/'.' strings, the trace arrays, "outcome".
        "width" is N, "height" 1 and "names" empty strings (a file's grid and names are the
        CLI's).

        Example::

            d = net.recall(probe).to_dict(); d["outcome"], d["energy"][-1]
        """
        return json.loads(self._r.json())

    def __repr__(self):
        return (f"<Recall {self.outcome} after {self.sweeps} sweeps, "
                f"hamming {self.hamming[-1] if len(self.hamming) else None}>")


class Network:
    """A Hopfield network of ``n`` neurons: stored +-1 patterns, the weights a learning rule
    makes of them, a bias, and recall.

    Arguments (each exactly as hopfield-cli's flag of the same name, with underscores):
    ``rule`` hebbian | storkey | pseudoinverse; ``scale`` none | n | p (the Hebbian W's
    scale: counts, 1/N, 1/P); ``model`` classic | dense | modern | sparse | continuous and
    its parameters: ``interaction="poly:3"`` (dense), ``beta=`` (modern), ``activity=``,
    ``threshold=`` (sparse), ``dream="1000:0.01"`` or ``(1000, 0.01)``, ``clip=``,
    ``decay=``, ``dilute="0.5:asymmetric"``, ``sequence=True``, ``symmetric=`` (classic),
    ``gain=``, ``gain_function="tanh"``, ``dt=``, ``tau=`` (continuous). A parameter of
    another model raises ValueError with the CLI's message.

    Patterns are NumPy arrays of +1/-1 (any integer, float or bool dtype; True is +1) of
    shape (N,) or (P, N); returned states are int8.

    Example::

        import hopfield_lab as hl
        X, names = hl.builtin("letters")
        net = hl.Network.from_patterns(X, rule="storkey")
        r = net.recall(hl.corrupt(X[0], "flip", 0.2, seed=1), target=0)
        r.outcome, r.hamming[-1]
    """

    def __init__(self, n, rule="hebbian", scale="none", model="classic", **model_params):
        with translated:
            self._net = _core.Network(int(n), _network_settings(rule, scale, model, model_params))

    @classmethod
    def from_patterns(cls, X, rule="hebbian", scale="none", model="classic", **model_params):
        """A network of N = X.shape[-1] neurons that has learnt the patterns X ((P, N) or
        (N,)) at once, then set its model: as hopfield-cli recall builds it.

        Example::

            net = Network.from_patterns(X, rule="pseudoinverse")
        """
        self = cls.__new__(cls)
        with translated:
            self._net = _core.Network.from_patterns(
                X, _network_settings(rule, scale, model, model_params))
        return self

    def store(self, X):
        """Learns the patterns X ((P, N) or one (N,)) in order, as P single stores would.

        Example::

            net = Network(100); net.store(np.sign(np.random.randn(3, 100)))
        """
        self._net.store(X)

    def unlearn(self, x):
        """Forgets a stored pattern, given as the pattern (N,) or its index: Hebbian
        subtracts its x x^T, the other rules relearn the rest.

        Example::

            net.unlearn(X[1])   # or net.unlearn(1)
        """
        self._net.unlearn(x)

    patterns = property(lambda self: self._net.patterns,
                        doc="The stored patterns, int8 of shape (P, N) (a copy).")
    n = property(lambda self: self._net.n, doc="The number of neurons N.")
    p = property(lambda self: self._net.p, doc="The number of stored patterns P.")

    @property
    def weights(self):
        """The weight matrix W (row i: the weights into neuron i) as a read-only float64
        (N, N) array, scaled as hopfield-cli shows it (W = scale * counts for Hebbian); None
        for the dense and modern models, which have no W. A copy each time it is read."""
        return self._net.weights

    @property
    def bias(self):
        """The bias b of h = W s + b, float64 (N,); settable (``net.bias = b``)."""
        return self._net.bias

    @bias.setter
    def bias(self, b):
        self._net.set_bias(b)

    def energy(self, s):
        """The energy E = -1/2 s^T W s - b^T s of state s (the dense model: -sum F(xi . s)).

        Example::

            net.energy(X[0])
        """
        return self._net.energy(s)

    def field(self, s):
        """The local fields h = W s + b of state s, float64 (N,).

        Example::

            np.sign(net.field(X[0]))
        """
        return self._net.field(s)

    def prune(self, kind, value, seed=0):
        """Prunes W as hopfield-cli recall --prune KIND:VALUE does: kind random,
        random-independent or smallest (value: a fraction) or magnitude or signed (value: a
        threshold in units of the scaled W). The random kinds draw from ``seed`` (the recall's
        seed in the CLI). Returns {"removed", "candidates", "zeros", "sparsity"}. Storing a
        pattern afterwards relearns W (undoes the pruning).

        Example::

            net.prune("random", 0.3, seed=1)["sparsity"]
        """
        with translated:
            return self._net.prune(f"{kind}:{text_of('value', value)}", text_of("seed", seed))

    def recall(self, probe, mode="async", tie="keep", temperature=0.0, seed=0, max_sweeps=100,
               target=None):
        """Runs the dynamics from ``probe`` to a fixed point, a cycle or ``max_sweeps`` and
        returns a Recall. ``mode`` sync | async (random order each sweep) | sequential;
        ``tie`` keep | plus | minus (a zero field); ``temperature`` > 0: Glauber dynamics
        (classic and sparse); ``seed`` draws the order and the noise; ``target`` a stored
        pattern's index or a pattern (Hamming distances to it; default: the nearest stored
        pattern or its inverse). For the modern and continuous models the probe may hold
        real values in [-1, 1]. Same arguments, same numbers as hopfield-cli recall.

        The GIL is released while it runs; Ctrl+C stops it (KeyboardInterrupt).

        Example::

            r = net.recall(corrupt(X[0], "flip", 0.2, seed=3), seed=3, target=0)
        """
        dynamics = [("mode", text_of("mode", mode)), ("tie", text_of("tie", tie)),
                    ("temperature", text_of("temperature", temperature)),
                    ("seed", text_of("seed", seed)),
                    ("maxSweeps", text_of("max_sweeps", max_sweeps))]
        with translated:
            return Recall(self._net.recall(probe, dynamics, target))

    def setting(self, name):
        """The text of a setting as the core reads it back.

        Example::

            net.setting("rule"), net.setting("gain_function")
        """
        return self._net.setting(key_of(name))

    def __repr__(self):
        return (f"<Network n={self.n} p={self.p} rule={self.setting('rule')} "
                f"model={self._net.description!r}>")
