"""Shared fixtures: the hopfield-cli of the same build (HOPFIELD_CLI, set by CTest), the test
data, and a helper that runs the CLI and parses its JSON."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("HOPFIELD_CLI")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("set HOPFIELD_CLI to the hopfield-cli of the same build (CTest's python "
                    "test does)")

    def run(*args, parse=True):
        done = subprocess.run([path, *map(str, args)], capture_output=True, text=True)
        if done.returncode != 0:
            raise AssertionError(f"hopfield-cli {' '.join(map(str, args))}: exit "
                                 f"{done.returncode}: {done.stderr}")
        return json.loads(done.stdout) if parse else done.stdout

    run.path = path
    return run


@pytest.fixture(scope="session")
def letters_file():
    return DATA / "letters.txt"
