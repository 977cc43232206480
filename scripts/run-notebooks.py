#!/usr/bin/python3
"""Runs the course notebooks headless and renders them to HTML with their figures.

Each notebook notebooks/NN-topic/topic.ipynb runs with its own folder as the working directory
in a kernel that is Debian's /usr/bin/python3 with PYTHONPATH at the built module hopfield_lab
(build/native/python, made by the native build with -DHOPFIELD_BUILD_PYTHON=ON); its
matplotlib backend is ipykernel's default, matplotlib-inline, which draws each figure with Agg
(headless) and puts it in the notebook as a PNG. The kernel spec is written to a temporary
JUPYTER_PATH, so nothing is installed. The executed notebooks go to OUT/NAME.html (default dist/notebooks/) with an
index.html; the notebooks in the source tree are not modified. A failing cell (an assert)
stops that notebook and makes the exit status 1; each notebook's time is printed. The notebooks
run --jobs at a time (default: one per core), each in its own process and kernel.

    scripts/run-notebooks.py [--python-dir DIR] [--out DIR] [--timeout S] [--jobs N] [NOTEBOOK.ipynb ...]

Needs python3-nbclient, python3-nbconvert, python3-ipykernel (scripts/deps.sh native).
"""

import argparse
import concurrent.futures
import html
import json
import os
import pathlib
import shutil
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent


def kernel_spec(python_dir):
    """A kernel named hopfield-lab in a fresh JUPYTER_PATH: /usr/bin/python3 + the module."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="hopfield-kernel-"))
    spec = root / "kernels" / "hopfield-lab"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (hopfield_lab)",
        "language": "python",
        "env": {"PYTHONPATH": str(python_dir)},
    }))
    return root


def run(path, out_dir, timeout):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    from traitlets.config import Config

    nb = nbformat.read(str(path), as_version=4)
    # The kernel talks over Unix sockets in a folder of its own, not TCP ports: kernels started
    # at once by the pool's processes could pick the same free port (each finds one by binding
    # port 0 and letting it go), and the second then died with "Address already in use".
    sockets = tempfile.mkdtemp(prefix="hopfield-kernel-ipc-")
    config = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel")}})
    client = NotebookClient(nb, kernel_name="hopfield-lab", timeout=timeout, config=config,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = str(e)
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    seconds = time.monotonic() - start
    body, _ = HTMLExporter(template_name="classic").from_notebook_node(nb)
    out = out_dir / (path.stem + ".html")
    out.write_text(body, encoding="utf-8")
    return seconds, error, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python-dir", default=os.environ.get(
        "HOPFIELD_PYTHON_DIR", str(REPO / "build" / "native" / "python")))
    parser.add_argument("--out", default=str(REPO / "dist" / "notebooks"))
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="notebooks run at once (default: one per core)")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()

    python_dir = pathlib.Path(args.python_dir).resolve()
    if not (python_dir / "hopfield_lab" / "__init__.py").is_file():
        sys.exit(f"run-notebooks: no hopfield_lab in {python_dir}: build it first "
                 f"(cmake -DHOPFIELD_BUILD_PYTHON=ON, target hopfield_python) or pass --python-dir")
    paths = ([pathlib.Path(p).resolve() for p in args.notebooks] or
             sorted((REPO / "notebooks").glob("*/*.ipynb")))
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ["JUPYTER_PATH"] = str(kernel_spec(python_dir))
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # a debugger warning on every start

    failed, index, total = [], [], 0.0
    start = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        runs = [pool.submit(run, path, out_dir, args.timeout) for path in paths]
        concurrent.futures.wait(runs)
    for path, done in zip(paths, runs):
        seconds, error, out = done.result()
        total += seconds
        status = "ok" if error is None else "FAILED"
        print(f"{seconds:7.1f} s  {status:6}  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}"
              f"  ->  {out}", flush=True)
        if error is not None:
            failed.append(path.name)
            print(error, file=sys.stderr)
        index.append(f'<li><a href="{html.escape(out.name)}">{html.escape(path.parent.name)}</a>'
                     f' ({seconds:.0f} s{", FAILED" if error else ""})</li>')
    (out_dir / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Hopfield Lab notebooks</title>"
        "<h1>Hopfield Lab: the course material as notebooks</h1><ul>" + "".join(index) + "</ul>\n",
        encoding="utf-8")
    print(f"{total:7.1f} s  total, {len(paths)} notebooks, {len(failed)} failed "
          f"({time.monotonic() - start:.1f} s of wall time, {max(1, args.jobs)} at a time)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
