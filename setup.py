"""Builds hopfield_lab: the package in src/python/hopfield_lab and its C++ module _core, made
by CMake from this repository's CMakeLists.txt (the target hopfield_python only; tests, app and
benchmarks off), with ccache when it is installed. Version: the CMake project's."""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = pathlib.Path(__file__).resolve().parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text()
    return re.search(r"project\(HopfieldLab VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        out = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        # build/python-wheel, two folders down like build/native: with ccache keyed on paths
        # relative to the tree, the same objects serve both (one compile of the core, not two).
        build = ROOT / "build" / "python-wheel"
        python_dir = build / "python"
        configure = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                     "-DHOPFIELD_BUILD_PYTHON=ON", "-DHOPFIELD_BUILD_TESTS=OFF",
                     "-DHOPFIELD_BUILD_APP=OFF", "-DHOPFIELD_BUILD_BENCH=OFF",
                     f"-DPython3_EXECUTABLE={sys.executable}",
                     f"-DHOPFIELD_PYTHON_DIR={python_dir}"]
        env = dict(os.environ)
        if shutil.which("ccache"):
            configure += ["-DCMAKE_C_COMPILER_LAUNCHER=ccache",
                          "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"]
            env["CCACHE_BASEDIR"] = str(ROOT)  # paths relative to this tree: clones share objects
        subprocess.run(configure, check=True, env=env)
        jobs = str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(build), "--target", "hopfield_python", "-j", jobs],
                       check=True, env=env)
        built = next((python_dir / "hopfield_lab").glob("_core*.so"))
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, out)


class BuildPy(build_py):
    """The package's Python files, and the built-in pattern sets from assets/patterns."""

    def run(self):
        super().run()
        target = pathlib.Path(self.build_lib) / "hopfield_lab" / "patterns"
        target.mkdir(parents=True, exist_ok=True)
        for f in (ROOT / "assets" / "patterns").glob("*.txt"):
            shutil.copyfile(f, target / f.name)


setup(
    version=project_version(),
    packages=["hopfield_lab"],
    package_dir={"": "src/python"},
    package_data={"hopfield_lab": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("hopfield_lab._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "build_py": BuildPy},
    zip_safe=False,
)
