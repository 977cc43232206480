"""run_experiment returns what `hopfield-cli EXPERIMENT ... --json` prints (equal once parsed),
for all five experiments; shards merged equal the unsharded run and `hopfield-cli merge`."""

import json

import pytest

import hopfield_lab as hl
from conftest import DATA

LETTERS = str(DATA / "letters.txt")

# (CLI flags, the same as a spec dict, the same through the keyword helper)
EXPERIMENTS = {
    "capacity": (["--neurons", 48, "--patterns", "1:7:2", "--trials", 3, "--seed", 2,
                  "--rule", "hebbian,storkey"],
                 {"neurons": 48, "patterns": [1, 3, 5, 7], "trials": 3, "seed": 2,
                  "rule": "hebbian,storkey"},
                 dict(neurons=48, patterns="1:7:2", trials=3, seed=2, rule=["hebbian", "storkey"])),
    "basins": (["--random", 3, "--neurons", 64, "--amounts", "0.1,0.3", "--trials", 3,
                "--per-pattern", "--max-sweeps", 20],
               {"random": 3, "neurons": 64, "amounts": [0.1, 0.3], "trials": 3,
                "perPattern": True, "maxSweeps": 20},
               dict(random=3, neurons=64, amounts=[0.1, 0.3], trials=3, per_pattern=True,
                    max_sweeps=20)),
    "temperature": (["--neurons", 64, "--temperatures", "0,0.5,1.2", "--patterns", 2,
                     "--trials", 2, "--sweeps", 4, "--seed", 5],
                    {"neurons": 64, "temperatures": [0, 0.5, 1.2], "patterns": [2], "trials": 2,
                     "sweeps": 4, "seed": 5},
                    dict(neurons=64, temperatures="0,0.5,1.2", patterns=[2], trials=2, sweeps=4,
                         seed=5)),
    "prune-study": (["--patterns", LETTERS, "--prune", "random:0,0.4", "--prune",
                     "signed:0,1", "--noise", "0,0.1", "--trials", 4],
                    {"patterns": LETTERS, "prune": ["random:0,0.4", "signed:0,1"],
                     "noise": [0, 0.1], "trials": 4},
                    dict(patterns=LETTERS, prune=["random:0,0.4", "signed:0,1"],
                         noise=[0, 0.1], trials=4)),
    "forgetting": (["--neurons", 64, "--stored", 8, "--decay", 0.9, "--trials", 2],
                   {"neurons": 64, "stored": 8, "decay": 0.9, "trials": 2},
                   dict(neurons=64, stored=8, decay=0.9, trials=2)),
}
HELPERS = {"capacity": hl.capacity, "basins": hl.basins, "temperature": hl.temperature,
           "prune-study": hl.prune_study, "forgetting": hl.forgetting}


@pytest.mark.parametrize("name", sorted(EXPERIMENTS))
def test_experiment_equals_cli_json(cli, name):
    flags, spec, keywords = EXPERIMENTS[name]
    want = cli(name, *flags, "--json")
    got = hl.run_experiment({"experiment": name, **spec})
    assert got == want
    assert set(got) >= {"experiment", "parameters", "rows"}
    assert got["parameters"]["version"] == hl.__version__
    assert HELPERS[name](**keywords) == want
    assert hl.run_experiment({"experiment": name, **spec}, threads=2) == want
    frame = got.to_dataframe()
    assert len(frame) == len(want["rows"]) and list(frame.columns) == list(want["rows"][0])


@pytest.mark.parametrize("name", ["capacity", "basins", "prune-study"])
def test_shards_merge_to_the_unsharded_run(cli, name, tmp_path):
    flags, spec, _ = EXPERIMENTS[name]
    spec = {"experiment": name, **spec}
    whole = hl.run_experiment(spec)
    shards = [hl.run_experiment(spec, shard=(i, 3)) for i in range(3)]
    files = []
    for i, shard in enumerate(shards):
        # The CLI's shard is the same object (whatever members the core writes into it).
        assert shard == cli(name, *flags, "--shard", f"{i}/3")
        files.append(tmp_path / f"shard{i}.json")
        files[-1].write_text(json.dumps(shard))
    assert hl.merge_shards(list(reversed(shards))) == whole
    assert hl.merge_shards([json.dumps(s) for s in shards]) == whole
    assert cli("merge", *files) == whole


def test_merge_refuses_a_missing_shard():
    spec = {"experiment": "capacity", "neurons": 32, "patterns": [1, 2], "trials": 2}
    shards = [hl.run_experiment(spec, shard=(i, 3)) for i in range(3)]
    with pytest.raises(ValueError, match="shard"):
        hl.merge_shards(shards[:2])


def test_progress_bar(capsys):
    """progress=True draws a tqdm bar (on stderr) that reaches every unit."""
    result = hl.capacity(neurons=32, patterns=[1, 2, 3], trials=4, progress=True)
    err = capsys.readouterr().err
    assert "12/12" in err and len(result["rows"]) == 3
    assert "<" in err  # tqdm's elapsed<remaining: the ETA


def test_bad_spec_names_the_key():
    with pytest.raises(ValueError, match="^neurons: "):
        hl.run_experiment({"experiment": "capacity", "neurons": -4, "patterns": [1]})
    with pytest.raises(ValueError, match="bogus"):
        hl.capacity(neurons=32, patterns=[1], bogus=3)
