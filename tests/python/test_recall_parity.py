"""The contract: for the same stored patterns and arguments, Network.recall(...).to_dict()
equals `hopfield-cli recall ... --json` once parsed (every key and value, floats bit for bit),
except the keys that describe the file (width, height, names)."""

import zlib
import struct

import numpy as np
import pytest

import hopfield_lab as hl

FILE_KEYS = ("width", "height", "names")


def without_file_keys(d):
    return {k: v for k, v in d.items() if k not in FILE_KEYS}


def python_recall(patterns_file, k, flip, seed, rule="hebbian", scale="none", mode="async",
                  tie="keep", temperature=0.0, max_sweeps=100, prune=None, model=None):
    X, _ = hl.load_patterns(patterns_file)
    net = hl.Network.from_patterns(X, rule=rule, scale=scale, **(model or {}))
    if prune:
        kind, value = prune.split(":")
        net.prune(kind, float(value), seed=seed)
    probe = hl.corrupt(X[k], "flip", flip, seed=seed)
    return net.recall(probe, mode=mode, tie=tie, temperature=temperature, seed=seed,
                      max_sweeps=max_sweeps, target=k)


def cli_flags(model):
    flags = []
    for key, value in (model or {}).items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            flags.append(flag)
        else:
            flags += [flag, str(value)]
    return flags


@pytest.fixture(scope="module")
def big_letters(tmp_path_factory):
    """Six 16x16 letters as a file, so recalls take several sweeps."""
    X, names = hl.builtin("letters")
    path = tmp_path_factory.mktemp("data") / "letters16.txt"
    hl.save_patterns(path, X[:6], names=names[:6], size=(16, 16))
    return path


CASES = (
    [dict(rule=r) for r in ("hebbian", "storkey", "pseudoinverse")]
    + [dict(scale=s) for s in ("n", "p")]
    + [dict(mode=m) for m in ("sync", "sequential")]
    + [dict(tie=t, mode="sync") for t in ("plus", "minus")]
    + [dict(temperature=0.4), dict(temperature=1.5, rule="storkey", max_sweeps=7),
       dict(max_sweeps=2, flip=0.45)]
    + [dict(prune=p) for p in ("random:0.3", "random-independent:0.3", "smallest:0.2",
                               "magnitude:1", "signed:0")]
    + [dict(model=m) for m in (
        {"model": "dense", "interaction": "poly:4"},
        {"model": "dense", "interaction": "exp"},
        {"model": "modern", "beta": 0.05},
        {"model": "sparse", "activity": 0.3},
        {"model": "sparse", "threshold": 2},
        {"model": "continuous", "gain": 2.5, "gain_function": "tanh", "dt": 0.2, "tau": 1.5},
        {"dream": "20:0.01"},
        {"clip": 2},
        {"decay": 0.8},
        {"dilute": "0.7:asymmetric"},
        {"sequence": True, "symmetric": 0.5},
    )]
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()))
@pytest.mark.parametrize("seed", [0, 7])
def test_recall_equals_cli_json(cli, big_letters, case, seed):
    case = dict(case)
    flip = case.pop("flip", 0.2)
    k = 2
    r = python_recall(big_letters, k, flip, seed, **case)
    flags = ["--patterns", big_letters, "--from", k, "--flip", flip, "--seed", seed]
    model = case.pop("model", None)
    for key, value in case.items():
        flags += ["--" + key.replace("_", "-"), value]
    expected = cli("recall", *flags, *cli_flags(model), "--json")
    got = r.to_dict()
    assert without_file_keys(got) == without_file_keys(expected)
    # The arrays say the same as the dictionary.
    assert list(r.energy) == expected["energy"]
    assert list(r.hamming) == expected["hamming"]
    assert r.overlaps.tolist() == expected["overlaps"]
    assert "".join("#" if v > 0 else "." for v in r.state) == expected["final"]
    assert r.outcome == expected["outcome"] and r.sweeps == expected["sweeps"]


def test_letters_file_without_target(cli, letters_file):
    """The test letters (10 wide); without target= Hamming distances go to the nearest stored
    pattern or its inverse, as hopfield-cli's without --from/--target."""
    X, names = hl.load_patterns(letters_file)
    net = hl.Network.from_patterns(X)
    got = net.recall(X[1], seed=3).to_dict()
    want = cli("recall", "--patterns", letters_file, "--input", letters_file, "--seed", 3,
               "--json")
    # --input FILE starts from the file's first pattern: X[0].
    assert without_file_keys(net.recall(X[0], seed=3).to_dict()) == without_file_keys(want)
    assert names == want["names"] and names[0] == "letter H"
    assert got["hamming"][-1] == 0 and got["initial"] == got["final"]


def test_input_file(cli, big_letters, tmp_path):
    """--input FILE: the probe is the first pattern of another file."""
    X, _ = hl.load_patterns(big_letters)
    noisy = hl.corrupt(X[4], "saltpepper", 0.3, seed=5)
    probe_file = tmp_path / "probe.txt"
    hl.save_patterns(probe_file, noisy, size=(16, 16))
    probe, _ = hl.load_patterns(probe_file)
    assert (probe[0] == noisy).all()
    for model in (None, {"model": "dense", "interaction": "rectpoly:3"}):
        net = hl.Network.from_patterns(X, **(model or {}))
        got = net.recall(probe[0], mode="sync", seed=2).to_dict()
        want = cli("recall", "--patterns", big_letters, "--input", probe_file, "--mode", "sync",
                   "--seed", 2, *cli_flags(model), "--json")
        assert without_file_keys(got) == without_file_keys(want)


def write_png(path, grey):
    """An 8-bit greyscale PNG written with zlib (no imaging library)."""
    h, w = grey.shape
    raw = b"".join(b"\x00" + bytes(row) for row in grey.astype(np.uint8))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_image_input(cli, big_letters, tmp_path):
    """--input IMAGE: load_image with the stored grid is the CLI's probe; the real-valued
    models start from its grey levels (load_image(grey=True)) as the CLI does."""
    y, x = np.mgrid[0:48, 0:40]
    image = tmp_path / "disc.png"
    write_png(image, np.where((x - 20) ** 2 + (y - 24) ** 2 < 200, 20, 235))
    X, _ = hl.load_patterns(big_letters)
    for options in ({}, {"threshold": "dither", "fit": "cover"}, {"threshold": 0.4,
                                                                   "invert": True}):
        probe = hl.load_image(image, size=(16, 16), **options)
        assert (probe == hl.load_image(image.read_bytes(), size=(16, 16), **options)).all()
        flags = []
        for key, value in options.items():
            flags += ["--" + key] if value is True else ["--" + key, value]
        got = hl.Network.from_patterns(X).recall(probe, seed=4).to_dict()
        want = cli("recall", "--patterns", big_letters, "--input", image, "--seed", 4, *flags,
                   "--json")
        assert without_file_keys(got) == without_file_keys(want)
    for model in ({"model": "modern", "beta": 0.1}, {"model": "continuous", "gain": 3}):
        net = hl.Network.from_patterns(X, **model)
        got = net.recall(hl.load_image(image, size=(16, 16), grey=True), seed=4).to_dict()
        want = cli("recall", "--patterns", big_letters, "--input", image, "--seed", 4,
                   *cli_flags(model), "--json")
        # "initial" is the CLI's thresholded image; Python's the sign of the grey levels the
        # run starts from: the run itself is the same.
        assert without_file_keys(got) | {"initial": None} == \
            without_file_keys(want) | {"initial": None}


def test_image_patterns_and_selection(cli, tmp_path):
    """--patterns IMAGE --size and --select through load_patterns."""
    y, x = np.mgrid[0:30, 0:30]
    image = tmp_path / "bar.png"
    write_png(image, np.where(abs(x - y) < 6, 0, 255))
    X, names = hl.load_patterns(image, size=(12, 12))
    assert X.shape == (1, 144) and names == [str(image)]
    got = hl.Network.from_patterns(X).recall(hl.corrupt(X[0], "flip", 0.1, seed=1), seed=1,
                                             target=0).to_dict()
    want = cli("recall", "--patterns", image, "--size", "12x12", "--from", 0, "--flip", 0.1,
               "--seed", 1, "--json")
    assert without_file_keys(got) == without_file_keys(want)


def test_selection(cli):
    from conftest import DATA
    letters = DATA / "letters-p1.pbm"
    X, names = hl.load_patterns(letters, select="0,2")
    Y, names2 = hl.load_patterns(letters, select=[0, 2])
    assert (X == Y).all() and names == names2 and X.shape[0] == 2
    want = cli("recall", "--patterns", letters, "--select", "0,2", "--from", 1, "--flip", 0.1,
               "--json")
    got = hl.Network.from_patterns(X).recall(hl.corrupt(X[1], "flip", 0.1), target=1).to_dict()
    assert without_file_keys(got) == without_file_keys(want)
    assert names == want["names"]


def test_chunked_recall_is_one_run():
    """The recall Python runs in chunks (to look for Ctrl+C) gives the same states, trace and
    outcome as a short one (a long run at T > 0 over many chunks, checked two ways)."""
    rng = np.random.default_rng(1)
    X = np.where(rng.random((5, 400)) < 0.5, 1, -1)
    net = hl.Network.from_patterns(X)
    a = net.recall(X[0], temperature=0.9, seed=3, max_sweeps=3000)
    b = net.recall(X[0], temperature=0.9, seed=3, max_sweeps=3000)
    assert a.to_dict() == b.to_dict() and a.sweeps == 3000
    c = net.recall(X[0], temperature=0.9, seed=3, max_sweeps=1000)
    assert a.energy[:1001].tolist() == c.energy.tolist()


def test_labelled_set_by_class(cli):
    """A labelled IDX set (the Caltech silhouettes in ../shared/data) picked by class."""
    from conftest import ROOT
    images = ROOT.parent / "shared" / "data" / "caltech101-silhouettes-16-images-idx3-ubyte.gz"
    if not images.exists():
        pytest.skip(f"{images} is absent (the Caltech 101 silhouettes)")
    X, names = hl.load_patterns(images, select="0-3", classes="sea horse")
    Y, _ = hl.load_patterns(images, select=[0, 1, 2, 3], classes=["Sea Horse"])
    assert (X == Y).all() and all(n.startswith("sea horse #") for n in names)
    want = cli("recall", "--patterns", images, "--class", "sea horse", "--select", "0-3",
               "--from", 2, "--flip", 0.1, "--json")
    got = hl.Network.from_patterns(X).recall(hl.corrupt(X[2], "flip", 0.1), target=2).to_dict()
    assert without_file_keys(got) == without_file_keys(want) and names == want["names"]
    with pytest.raises(ValueError, match="^classes: unknown class 'sea horsy'"):
        hl.load_patterns(images, classes="sea horsy")
