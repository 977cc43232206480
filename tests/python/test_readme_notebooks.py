"""The README's section "Python in notebooks, in the lab's page and on a Dask cluster" and the
Dask recipes of "Going past one machine", run literally (extracted from README.md): the show()
example (against a stand-in page: the real one is checked in Chromium by
tests/web/notebook-show.mjs), the LocalCluster example, the scheduler and workers started by
hand, and the Slurm batch script with a stand-in `srun` that starts its tasks on this machine."""

import json
import os
import re
import signal
import subprocess
import sys

import hopfield_lab as hl
from conftest import ROOT

README = (ROOT / "README.md").read_text()


def blocks(start, end, language):
    section = README[README.index(start):]
    section = section[:section.index(end, 1)]
    return re.findall(rf"```{language}\n(.*?)```", section, re.S)


def run(args, cwd, env=None):
    """Runs in its own process group (output to files: background jobs keep pipes open) and
    ends whatever it left running in the background."""
    with open(cwd / "stdout.txt", "w") as out, open(cwd / "stderr.txt", "w") as err:
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err, text=True,
                                env=dict(os.environ, **(env or {})), start_new_session=True)
        try:
            proc.wait(timeout=600)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    assert proc.returncode == 0, (cwd / "stderr.txt").read_text()
    return (cwd / "stdout.txt").read_text()


def printed_comment(code):
    return re.search(r"print\(.*\)\s+# (.*)", code).group(1)


SECTION = "## Python in notebooks, in the lab's page and on a Dask cluster"


def test_show_example(tmp_path):
    code = blocks(SECTION, "\n## ", "python")[0]
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><head><title>stand-in</title></head><body></body></html>")
    out = run([sys.executable, "-c", code], tmp_path, {"HOPFIELD_LAB_PAGE": str(page)})
    assert out.strip() == printed_comment(code)


def test_dask_example(tmp_path):
    code = blocks(SECTION, "\n## ", "python")[1]
    (tmp_path / "example.py").write_text(code)
    out = run([sys.executable, "example.py"], tmp_path)
    assert out.strip().splitlines()[-1] == printed_comment(code) == "True"


def test_dask_by_hand(tmp_path):
    code = blocks("**Going past one machine: shards.**", "**Core API", "sh")[1]
    assert code.startswith("dask scheduler")
    out = run(["bash", "-c", code], tmp_path)
    rows = hl.run_experiment({"experiment": "capacity", "neurons": 256, "patterns": "10:60:10",
                              "trials": 20, "seed": 1})["rows"]
    assert out.strip().splitlines()[-1] == f"{rows[-1]['patterns']} {rows[-1]['stable_fraction']}"


def test_slurm_batch_script(tmp_path):
    script = blocks("**Going past one machine: shards.**", "**Core API", "sh")[2]
    assert script.startswith("#!/bin/bash\n#SBATCH")
    (tmp_path / "run-dask.sbatch").write_text(script)
    stub = tmp_path / "bin"
    stub.mkdir()
    # srun --ntasks=K CMD...: K copies of CMD on this machine.
    (stub / "srun").write_text('#!/bin/bash\nn=${1#--ntasks=}; shift\n'
                               'for i in $(seq "$n"); do "$@" & done\nwait\n')
    (stub / "srun").chmod(0o755)
    run(["bash", "run-dask.sbatch"], tmp_path,
        {"PATH": f"{stub}:{os.environ['PATH']}", "SLURM_NTASKS": "3", "TRIALS": "2"})
    expected = hl.run_experiment({"experiment": "capacity", "size": "32x32", "patterns": "10:200:10",
                                  "trials": 2, "seed": 1})
    assert json.loads((tmp_path / "capacity.json").read_text()) == expected
