"""The README's Python example, run literally (extracted from README.md)."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def readme_example():
    text = (ROOT / "README.md").read_text()
    section = text[text.index("## Python: `hopfield_lab`"):]
    section = section[:section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_readme_example_runs(tmp_path):
    code = readme_example()
    assert len(code.strip().splitlines()) <= 14
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, env=dict(os.environ, MPLBACKEND="Agg"))
    assert done.returncode == 0, done.stderr
    # What the comment in the example says it prints.
    printed = re.search(r"print\(.*\)\s+# (.*)", code).group(1)
    assert done.stdout.strip() == printed
    png = (tmp_path / "recall.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10000
