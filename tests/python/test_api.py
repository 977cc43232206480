"""The Network's arrays against values computed here with NumPy, and the API's promises:
docstrings with examples, stores in steps equal to from_patterns, read-only weights."""

import inspect

import numpy as np
import pytest

import hopfield_lab as hl


@pytest.fixture(scope="module")
def letters():
    X, names = hl.builtin("letters")
    assert X.shape == (26, 256) and X.dtype == np.int8 and names[:3] == ["A", "B", "C"]
    return X


def hebbian(X):
    W = X.T.astype(np.float64) @ X
    np.fill_diagonal(W, 0)
    return W


def test_weights_energy_field(letters):
    X = letters[:5]
    for scale, factor in (("none", 1.0), ("n", 1 / 256), ("p", 1 / 5)):
        net = hl.Network.from_patterns(X, scale=scale)
        W = hebbian(X) * factor
        assert np.array_equal(net.weights, W)
        assert not net.weights.flags.writeable
        s = hl.corrupt(X[0], "flip", 0.3, seed=4).astype(np.float64)
        assert net.energy(s) == pytest.approx(-0.5 * s @ W @ s, rel=1e-12)
        assert np.allclose(net.field(s), W @ s)
    net.bias = np.linspace(-1, 1, 256)
    assert np.allclose(net.field(s), W @ s + np.linspace(-1, 1, 256))
    assert np.array_equal(net.bias, np.linspace(-1, 1, 256))
    assert hl.Network.from_patterns(X, model="modern").weights is None


def test_store_unlearn_patterns(letters):
    X = letters[:4]
    net = hl.Network(256)
    net.store(X[:2])
    net.store(X[2])
    net.store(X[3] > 0)
    assert net.n == 256 and net.p == 4 and np.array_equal(net.patterns, X)
    net.unlearn(X[1])
    net.unlearn(0)
    assert np.array_equal(net.patterns, X[2:]) and np.array_equal(net.weights, hebbian(X[2:]))
    with pytest.raises(ValueError, match="not a stored pattern"):
        net.unlearn(X[0])


@pytest.mark.parametrize("model", [{}, {"rule": "pseudoinverse"}, {"model": "sparse"},
                                   {"dream": "20:0.01"}, {"dilute": 0.5},
                                   {"model": "dense", "interaction": "poly:5"}])
def test_stores_in_steps_equal_from_patterns(letters, model):
    a = hl.Network(256, **model)
    for x in letters[:4]:
        a.store(x)
    b = hl.Network.from_patterns(letters[:4], **model)
    probe = hl.corrupt(letters[1], "flip", 0.25, seed=2)
    assert a.recall(probe, seed=2).to_dict() == b.recall(probe, seed=2).to_dict()


def test_recall_fields(letters):
    net = hl.Network.from_patterns(letters[:3])
    r = net.recall(hl.corrupt(letters[2], "flip", 0.2, seed=1), seed=1, target=2)
    assert r.state.dtype == np.int8 and np.array_equal(r.state, letters[2])
    assert r.converged and r.outcome == "fixed point" and r.cycle_length == 0
    assert len(r.energy) == len(r.hamming) == len(r.flips) == r.sweeps + 1
    assert r.overlaps.shape == (r.sweeps + 1, 3)
    assert r.overlaps[-1, 2] == 1.0 and r.hamming[0] == round(0.2 * 256)
    assert r.state_values is None and r.attention is None
    cycle = hl.Network.from_patterns(letters[:3], sequence=True).recall(letters[0], mode="sync")
    assert cycle.outcome == "cycle" and cycle.cycle_length == 3


def test_corrupt_kinds(letters):
    x = letters[0]
    assert (hl.corrupt(x, "flip", 0.25) != x).sum() == 64
    assert np.array_equal(hl.corrupt(x, "invert"), -x)
    masked = hl.corrupt(x, "rect", (2, 3, 4, 5), mask_value=1, width=16).reshape(16, 16)
    assert (masked[3:8, 2:6] == 1).all()
    assert np.array_equal(masked[:3], x.reshape(16, 16)[:3])
    assert (hl.corrupt(x, "mask", 0.5, seed=3) != x).sum() <= 128


def test_every_public_name_has_a_docstring_with_an_example():
    for name in hl.__all__:
        if name in ("__version__", "PatternFileError"):
            continue
        obj = getattr(hl, name)
        assert obj.__doc__ and "Example" in obj.__doc__, name
        if inspect.isclass(obj):
            for member, value in vars(obj).items():
                if not member.startswith("_") and callable(value):
                    assert value.__doc__ and "Example" in value.__doc__, f"{name}.{member}"


def test_type_stubs_name_every_public_name():
    import ast
    import pathlib
    stub = pathlib.Path(hl.__file__).with_name("__init__.pyi")
    assert stub.with_name("py.typed").exists()
    tree = ast.parse(stub.read_text())
    names = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    names |= {t.id for node in tree.body if isinstance(node, ast.AnnAssign)
              for t in [node.target]}
    assert set(hl.__all__) <= names
    stubbed = {node.name: {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
               for node in tree.body if isinstance(node, ast.ClassDef)}
    for cls in ("Network", "Recall"):
        public = {m for m in vars(getattr(hl, cls)) if not m.startswith("_")}
        assert public <= stubbed[cls] | {"__init__"}, public - stubbed[cls]
