"""Bad input raises the documented errors: ValueError naming the argument and what was
expected for arrays, the core's (the CLI's) message for settings, OSError for a file that
cannot be opened, PatternFileError (a ValueError) for a malformed one."""

import subprocess

import numpy as np
import pytest

import hopfield_lab as hl
from conftest import DATA


@pytest.fixture
def net():
    X, _ = hl.load_patterns(DATA / "letters.txt")
    return hl.Network.from_patterns(X)


@pytest.mark.parametrize("probe, message", [
    (np.zeros(60), r"^probe must hold only \+1 and -1 \(or booleans\), found 0 at index 0$"),
    (np.r_[np.ones(59), np.nan], r"^probe must hold only \+1 and -1 .*found nan at index 59$"),
    (np.ones(59), r"^probe has 59 values; the network has 60 neurons$"),
    (np.ones((2, 3, 10)), r"^probe must be one pattern of shape \(N,\), not an array of shape "
                          r"\(2, 3, 10\)$"),
    (np.ones(60, dtype=complex), r"^probe must hold \+1/-1 values of an integer, float or bool "
                                 r"dtype, not complex128$"),
    (np.array(["#"] * 60), r"^probe must hold \+1/-1 values .*not <U1$"),
    (np.full(60, 2, dtype=np.int8), r"found 2 at index 0$"),
])
def test_bad_probe(net, probe, message):
    with pytest.raises(ValueError, match=message):
        net.recall(probe)


def test_probe_dtypes_accepted(net):
    x = net.patterns[0]
    want = net.recall(x).to_dict()
    for probe in (x.astype(np.int64), x.astype(np.float32), x > 0, x.tolist(),
                  x.astype(np.uint8) if False else x.astype(np.int16)):
        assert net.recall(probe).to_dict() == want
    assert net.recall(x).state.dtype == np.int8


def test_bad_patterns():
    with pytest.raises(ValueError, match=r"^X must have shape \(N,\) or \(P, N\), not "
                                         r"\(2, 2, 2\)$"):
        hl.Network.from_patterns(np.ones((2, 2, 2)))
    with pytest.raises(ValueError, match=r"found -0.5 at index \[1, 2\]$"):
        hl.Network.from_patterns([[1, 1, 1], [1, -1, -0.5]])
    with pytest.raises(ValueError, match=r"^X holds no patterns"):
        hl.Network.from_patterns(np.ones((0, 5)))
    net = hl.Network(4)
    with pytest.raises(ValueError, match=r"^X has 5 values; the network has 4 neurons$"):
        net.store(np.ones(5))
    with pytest.raises(ValueError, match="bias has 3 entries, the network has 4 neurons"):
        net.bias = np.zeros(3)


def test_settings_have_the_cli_messages(cli):
    """The core's messages, as hopfield-cli prints them without the flag's dashes."""
    def cli_error(*flags):
        done = subprocess.run([cli.path, "recall", "--patterns", DATA / "letters.txt",
                               "--from", "0", *flags], capture_output=True, text=True)
        assert done.returncode == 2
        return done.stderr.strip().removeprefix("hopfield-cli: error: ")

    with pytest.raises(ValueError) as e:
        hl.Network(10, model="dense", beta=2)
    assert "--" + str(e.value) == cli_error("--model", "dense", "--beta", "2").replace(
        "(it takes --", "(it takes ")
    with pytest.raises(ValueError) as e:
        hl.Network(10, rule="nope")
    assert "--rule: " + str(e.value) == cli_error("--rule", "nope")
    with pytest.raises(ValueError, match="^gain_function does not apply to the sparse model"):
        hl.Network(10, model="sparse", gain_function="tanh")
    with pytest.raises(ValueError, match="unknown gain function 'x'"):
        hl.Network(10, model="continuous", gain_function="x")
    with pytest.raises(TypeError, match="unexpected keyword argument 'mode'"):
        hl.Network(10, mode="sync")


def test_recall_settings(net):
    x = net.patterns[0]
    with pytest.raises(ValueError, match="unknown update mode 'fast'"):
        net.recall(x, mode="fast")
    with pytest.raises(ValueError, match="seed must be an integer from 0 to"):
        net.recall(x, seed=-1)
    with pytest.raises(ValueError, match="max_sweeps"):
        net.recall(x, max_sweeps=0)
    with pytest.raises(ValueError, match="^target 3: only 3 patterns are stored$"):
        net.recall(x, target=3)
    dense = hl.Network.from_patterns(net.patterns, model="dense")
    with pytest.raises(ValueError, match="temperature"):
        dense.recall(x, temperature=0.5)


def test_corrupt_and_prune_errors(net):
    x = net.patterns[0]
    with pytest.raises(ValueError, match="unknown corruption type 'blur'"):
        hl.corrupt(x, "blur", 0.1)
    with pytest.raises(ValueError, match="flip"):
        hl.corrupt(x, "flip", 1.5)
    with pytest.raises(ValueError, match="mask_value must be"):
        hl.corrupt(x, "mask", 0.1, mask_value=0)
    with pytest.raises(ValueError, match="prune kind must be"):
        net.prune("biggest", 0.1)


def test_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        hl.load_patterns(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        hl.load_patterns(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("name: x\n#.#\n#x#\n")
    with pytest.raises(hl.PatternFileError, match="line 3, column 2") as e:
        hl.load_patterns(bad)
    assert isinstance(e.value, ValueError)
    with pytest.raises(ValueError, match=r"^select 7: .* holds only 3 patterns$"):
        hl.load_patterns(DATA / "letters.txt", select=[7])
    with pytest.raises(ValueError, match="^classes needs class labels"):
        hl.load_patterns(DATA / "letters.txt", classes="x")
    with pytest.raises(hl.PatternFileError, match="not a PNG, JPEG, GIF or BMP image"):
        hl.load_image(b"BMnonsense", size=(4, 4))
    with pytest.raises(ValueError, match="no built-in set 'greek'"):
        hl.builtin("greek")


def test_patterns_round_trip(tmp_path):
    X, names = hl.builtin("digits", size=28)
    for name in ("d.txt", "d.pbm"):
        hl.save_patterns(tmp_path / name, X, names=names, size=(28, 28))
        Y, names2 = hl.load_patterns(tmp_path / name)
        assert (X == Y).all() and names2 == names
