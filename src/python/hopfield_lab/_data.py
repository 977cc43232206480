"""Patterns from files, images and the built-in sets, and corruption: the core's readers,
writers and corruption kinds (the same as hopfield-cli's)."""

import os
import pathlib

import numpy as np

from . import _core
from ._text import text_of, translated

_PATTERNS_DIR = pathlib.Path(__file__).resolve().parent / "patterns"


def _check_readable(path):
    """Raises OSError (FileNotFoundError, IsADirectoryError, ...) as open() would."""
    with open(path, "rb"):
        pass


def _size_text(size):
    if isinstance(size, str):
        return size
    if isinstance(size, (tuple, list)) and len(size) == 2:
        return f"{int(size[0])}x{int(size[1])}"
    return str(int(size))


def _select_text(select):
    if select is None:
        return None
    if isinstance(select, str):
        return select
    if isinstance(select, (int, np.integer)):
        return str(int(select))
    return ",".join(str(int(i)) for i in select)


def load_patterns(path, select=None, classes=None, *, size=None, threshold="otsu",
                  fit="contain", invert=False):
    """Reads stored patterns exactly as ``hopfield-cli recall --patterns`` does: a text grid
    (.txt), PBM (P1/P4), IDX (raw or .gz; a labelled set with its labels beside it) or an
    image (PNG, JPEG, GIF, BMP) made into one pattern of ``size=(width, height)``
    (``threshold`` "otsu" | "dither" | a level in [0, 1], ``fit`` "contain" | "cover",
    ``invert``). ``select``: indices (a list, or the CLI's text "0,3,5-7"); ``classes``: class
    names of a labelled IDX set (a list, or "sea horse,headphone").

    Returns ``(patterns, names)``: an int8 array (P, N) and a list of P names.
    Raises OSError when the file cannot be opened, hopfield_lab.PatternFileError (a
    ValueError) when it is malformed, ValueError for a bad argument.

    Example::

        X, names = hopfield_lab.load_patterns("letters.txt", select=[0, 2])
    """
    path = os.fspath(path)
    _check_readable(path)
    if isinstance(classes, str):
        classes = _core.parse_class_list(classes, "classes")
    with translated:
        patterns, names, _, _ = _core.load_patterns(
            path, _select_text(select), list(classes or []),
            None if size is None else _size_text(size), text_of("threshold", threshold), fit,
            bool(invert))
    return patterns, names


def load_image(source, size, threshold="otsu", fit="contain", invert=False, grey=False):
    """An image (a path, or the file's bytes: PNG, JPEG, GIF, BMP) as one pattern of
    ``size=(width, height)``, exactly as hopfield-cli reads an image file: dark cells +1,
    light -1 (``invert`` turns it round), ``threshold`` "otsu" | "dither" | a level in [0, 1],
    ``fit`` "contain" (whole image, margin -1) | "cover" (fill, crop). Returns int8 (N,),
    row-major; with ``grey=True`` the grey levels in [-1, 1] (float64) that the modern and
    continuous models start from.

    Example::

        probe = hopfield_lab.load_image("photo.png", size=(32, 32))
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), "image bytes"
    else:
        name = os.fspath(source)
        with open(name, "rb") as f:
            data = f.read()
    with translated:
        return _core.load_image(data, name, _size_text(size), text_of("threshold", threshold),
                                fit, bool(invert), bool(grey))


def builtin(name, size=16):
    """A built-in pattern set (the app's): "letters", "digits" or "classic", at size 16 or
    28 (16x16 or 28x28 grids). Returns ``(patterns, names)`` like load_patterns.

    Example::

        X, names = hopfield_lab.builtin("letters"); X.shape   # (26, 256)
    """
    path = _PATTERNS_DIR / f"{name}-{int(size)}.txt"
    if not path.is_file():
        known = sorted(p.stem for p in _PATTERNS_DIR.glob("*.txt"))
        raise ValueError(f"no built-in set '{name}' of size {size}: there are "
                         f"{', '.join(known)} (name-size)")
    return load_patterns(path)


def save_patterns(path, X, names=None, size=None, format=None):
    """Writes patterns X ((P, N) or (N,)) to a file hopfield-cli and load_patterns read back:
    the text grid format, or PBM (``format`` "text", "pbm" (P1) or "pbm-raw" (P4); default
    from the extension: .pbm is P1, else text). ``size=(width, height)`` of the grid
    (default: square when N is a square number, else one row). ``names`` one per pattern.

    Example::

        hopfield_lab.save_patterns("mine.txt", X, names=["A", "B"], size=(16, 16))
    """
    X = np.asarray(X)
    n = X.shape[-1] if X.ndim else 0
    if size is None:
        side = int(round(n ** 0.5))
        width = side if side * side == n else n
    else:
        width = int(size[0]) if isinstance(size, (tuple, list)) else int(size)
        if isinstance(size, (tuple, list)) and int(size[0]) * int(size[1]) != n:
            raise ValueError(f"size {size} does not hold N = {n} neurons")
    if format is None:
        format = "pbm" if os.fspath(path).lower().endswith(".pbm") else "text"
    data = _core.write_patterns(X, list(names or []), width, format)
    with open(path, "wb") as f:
        f.write(data)


def corrupt(x, kind, amount=0.0, seed=0, mask_value=-1, *, width=None):
    """A damaged copy of pattern x (N,), int8, as hopfield-cli and the app damage one:
    ``kind`` "flip" (exactly round(amount N) distinct pixels), "mask" (that many set to
    ``mask_value``), "saltpepper" (each pixel with probability amount), "invert", or "rect"
    (``amount=(x, y, w, h)`` set to ``mask_value``, on a grid ``width`` wide). The random
    kinds draw from ``seed``: corrupt(X[k], "flip", f, seed=s) is the probe of
    ``hopfield-cli recall --from k --flip f --seed s``.

    Example::

        probe = hopfield_lab.corrupt(X[0], "flip", 0.2, seed=1)
    """
    rect = (0, 0, 0, 0)
    if kind == "rect":
        if not isinstance(amount, (tuple, list)) or len(amount) != 4:
            raise ValueError("rect: amount must be (x, y, w, h)")
        if width is None:
            raise ValueError("rect: give the grid's width (width=W)")
        rect, amount = tuple(int(v) for v in amount), 0.0
    with translated:
        return _core.corrupt(x, kind, float(amount), text_of("seed", seed), int(mask_value),
                             int(width or 0), rect)
