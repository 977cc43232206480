"""The package installs the way the README says: from a copy of the sources (what a fresh
clone holds), `pip wheel --no-build-isolation .` in a new virtual environment that sees
Debian's packages makes a wheel, which installs into another fresh environment and imports.
Slow (it builds the core): one test, its time printed."""

import os
import shutil
import subprocess
import sys
import time

from conftest import ROOT

PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def run(*args, cwd=None, env=None):
    done = subprocess.run(list(map(str, args)), cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_wheel_builds_installs_and_imports(tmp_path):
    start = time.perf_counter()
    source = tmp_path / "clone"
    files = run("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z",
                cwd=ROOT).split("\0")
    for f in filter(None, files):
        if (ROOT / f).is_file():
            (source / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, source / f)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the build tree's package must not be the one imported
    builder, user = tmp_path / "build-env", tmp_path / "user-env"
    run(PYTHON, "-m", "venv", "--system-site-packages", builder)
    run(builder / "bin/python", "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
        "-w", tmp_path / "wheels", ".", cwd=source, env=env)
    wheels = list((tmp_path / "wheels").glob("hopfield_lab-*.whl"))
    assert len(wheels) == 1
    # The user's environment gets the wheel from the builder's pip (`pip --python`): the same
    # install into it, without a second copy of pip (ensurepip, ~4.5 CPU-s).
    run(PYTHON, "-m", "venv", "--system-site-packages", "--without-pip", user)
    run(builder / "bin/python", "-m", "pip", "--python", user / "bin/python", "install",
        "--no-deps", "--no-index", wheels[0], env=env)
    out = run(user / "bin/python", "-c",
              "import hopfield_lab as hl; X, _ = hl.builtin('digits'); "
              "net = hl.Network.from_patterns(X[:3]); "
              "print(hl.__version__, hl.__file__, net.recall(X[1]).outcome)",
              cwd=tmp_path, env=env)
    version, path, outcome = out.split(maxsplit=2)
    import hopfield_lab
    assert version == hopfield_lab.__version__
    assert path.startswith(str(user)) and outcome.strip() == "fixed point"
    print(f"\nwheel built, installed and imported in {time.perf_counter() - start:.0f} s")
