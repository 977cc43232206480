"""The lab inside a notebook: show(), Network.share_link and from_share_link.

show() puts the whole web page (the single file ./build-web.sh writes,
dist/hopfield-lab-single.html) into an <iframe srcdoc=...>, so the cell works offline and in a
notebook exported to HTML. The page opens on the network and probe through its share-link
state (#state=..., encoded by the core's session_link, the page's own format) followed by the
page's URL options (panels=, lesson=, theme=, autorun=...). A srcdoc frame has no address to
carry a fragment, so a one-line script at the top of the page sets it (history.replaceState)
before the page reads it.
"""

import html
import os
import pathlib
import re
import urllib.parse

import numpy as np

from . import _core
from ._text import key_of, text_of, translated

PAGE_ENV = "HOPFIELD_LAB_PAGE"
_PAGE_NAME = "hopfield-lab-single.html"
# Recall settings a link carries in its state (the others are the network's).
_DYNAMICS = ("mode", "tie", "temperature", "seed", "max_sweeps")


def page_path():
    """The single-file page show() embeds: $HOPFIELD_LAB_PAGE, else hopfield-lab-single.html
    beside the package, else dist/hopfield-lab-single.html of the source tree the package was
    built in (build/native/python/hopfield_lab -> the checkout's dist/). Raises
    FileNotFoundError saying how to make it."""
    if os.environ.get(PAGE_ENV):  # asked for by name: that file or an error
        path = pathlib.Path(os.environ[PAGE_ENV])
        if not path.is_file():
            raise FileNotFoundError(f"${PAGE_ENV} is {path}, which is not a file: build the "
                                    f"page with ./build-web.sh (dist/{_PAGE_NAME})")
        return path
    here = pathlib.Path(__file__).resolve().parent
    candidates = [here / _PAGE_NAME]
    candidates += [parent / "dist" / _PAGE_NAME for parent in here.parents]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"show() needs the single-file page {_PAGE_NAME}: build it with ./build-web.sh (it "
        f"writes dist/{_PAGE_NAME}) or point ${PAGE_ENV} at it (looked in: "
        f"{', '.join(str(p) for p in candidates[:2])}, ...)")


def _grid(n, size):
    if size is None:
        side = int(round(n ** 0.5))
        return (side, side) if side * side == n else (n, 1)
    width, height = (int(size), int(size)) if np.isscalar(size) else (int(size[0]), int(size[1]))
    if width * height != n:
        raise ValueError(f"size={size!r} holds {width * height} neurons, the network has {n}")
    return width, height


def _network_pairs(net):
    model = net.setting("model")
    keys = ["rule", "scale"] + [k for k in _core.model_keys_for(model) if k != "model"]
    return [("model", model)] + [(k, net.setting(k)) for k in keys]


def _state_and_options(net, probe, options):
    """The #state= text for (net, probe) and the URL options left in `options`."""
    options = dict(options)
    size, names, target = options.pop("size", None), options.pop("names", None), options.pop("target", None)
    settings = [(key_of(k), text_of(k, options.pop(k))) for k in _DYNAMICS if k in options]
    if net is None:
        if probe is None:
            return None, options
        raise ValueError("probe: a probe needs a network (show(net, probe))")
    width, height = _grid(net.n, size)
    patterns = net.patterns if net.p > 0 else None
    with translated:
        state = _core.encode_session(width, height, patterns, list(names or []),
                                     None if probe is None else np.asarray(probe), target,
                                     _network_pairs(net) + settings, 0)
    return state, options


def _fragment(state, options):
    parts = []
    for key, value in options.items():
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "1" if value else "0"
        parts.append(f"{urllib.parse.quote(key_of(key))}={urllib.parse.quote(str(value), safe=',:')}")
    if state is not None:
        parts.append("state=" + state)  # base64url: nothing to escape
    return "&".join(parts)


def share_link(net, base_url=None, probe=None, **options):
    """A link that opens the page on this network (its patterns, rule, scale and model) and,
    if given, a probe: ``base_url`` + ``#state=...`` (the page's share-link format, the same
    bytes the page's Share button makes), with the page's URL options (``panels=``,
    ``lesson=``, ``theme=``...) and the recall settings (``mode=``, ``seed=``...) as keywords.
    ``base_url`` defaults to the single-file page as a file:// address (or
    hopfield-lab-single.html when it is not built).

    Example::

        net = hopfield_lab.Network.from_patterns(X[:3])
        net.share_link("https://example.org/hopfield/index.html")
    """
    state, rest = _state_and_options(net, probe, options)
    if base_url is None:
        try:
            base_url = page_path().as_uri()
        except FileNotFoundError:
            base_url = _PAGE_NAME
    return base_url.split("#")[0] + "#" + _fragment(state, rest)


def _snake(key):
    return re.sub(r"(?<!^)([A-Z])", lambda m: "_" + m.group(1).lower(), key)


def from_share_link(link):
    """The network, probe and options a share link holds: ``(network, probe, options)``, where
    ``probe`` is an int8 array or None and ``options`` has the recall settings (``mode``,
    ``tie``, ``temperature``, ``seed``, ``max_sweeps``), ``size=(width, height)``, ``names``,
    ``target`` (the pattern the probe came from, or None) and the link's other URL options
    (``panels``, ``theme``...), so that ``show(net, probe, **options)`` opens the same lab.
    Takes the whole link or only its state text. Raises ValueError for a damaged state.

    Example::

        net, probe, options = hopfield_lab.from_share_link(link)
        net.recall(probe, mode=options["mode"], seed=options["seed"])
    """
    from ._network import Network

    parsed = urllib.parse.urlsplit(link)
    params = urllib.parse.parse_qsl(parsed.query) + urllib.parse.parse_qsl(parsed.fragment)
    if not parsed.query and not parsed.fragment and "=" not in link:
        params = [("state", link)]
    options = {_snake(k): v for k, v in params if k != "state"}
    states = [v for k, v in params if k == "state"]
    if not states:
        raise ValueError("the link has no #state=... (make one with Network.share_link or the "
                         "page's Share button)")
    with translated:
        session = _core.decode_session(states[-1])
    settings = dict(session["settings"])
    network_keys = {k: v for k, v in settings.items()
                    if k not in ("mode", "tie", "temperature", "seed", "maxSweeps")}
    rule, scale, model = network_keys.pop("rule"), network_keys.pop("scale"), network_keys.pop("model")
    params = {_snake(k): v for k, v in network_keys.items()}
    n = session["width"] * session["height"]
    if len(session["patterns"]):
        net = Network.from_patterns(session["patterns"], rule=rule, scale=scale, model=model, **params)
    else:
        net = Network(n, rule=rule, scale=scale, model=model, **params)
    options.update(mode=settings["mode"], tie=settings["tie"],
                   temperature=float(settings["temperature"]), seed=int(settings["seed"]),
                   max_sweeps=int(settings["maxSweeps"]), size=(session["width"], session["height"]),
                   names=session["names"], target=session["probe_source"])
    return net, session["probe"], options


class LabView:
    """What show() returns: the lab as an inline frame. Jupyter calls ``_repr_html_()``;
    ``html`` is the same text, ``link`` the fragment it opened with."""

    def __init__(self, page, fragment, height):
        self.fragment = fragment
        self.height = int(height)
        # The frame's address is about:srcdoc; a relative '#...' would resolve against the
        # notebook's address and be refused, so the whole address is given.
        frag = repr(fragment).replace("<", "\\x3c")
        boot = (f"<script>try {{ history.replaceState(null, '', 'about:srcdoc#' + {frag}); }} "
                f"catch (e) {{ location.hash = {frag}; }}</script>")
        # First in the head (after the doctype), before the page's own scripts read the hash.
        head = re.search(r"<head[^>]*>", page, re.IGNORECASE)
        at = head.end() if head else 0
        self._doc = page[:at] + boot + page[at:]

    def _repr_html_(self):
        return (f'<iframe srcdoc="{html.escape(self._doc, quote=True)}" '
                f'style="width: 100%; height: {self.height}px; border: 0" '
                f'title="Hopfield Lab" allow="clipboard-write"></iframe>')

    @property
    def html(self):
        return self._repr_html_()

    def __repr__(self):
        return f"<Hopfield Lab view, {self.height} px high, #{self.fragment[:60]}...>"


def show(net=None, probe=None, height=600, **options):
    """The lab inside a notebook cell, opened on ``net`` (its patterns, rule, scale, model)
    and ``probe`` (an array of +-1, ready to Run), as an object whose ``_repr_html_()`` is an
    ``<iframe srcdoc=...>`` holding the whole single-file page (so the cell works offline and
    in exported HTML; about 4 MB per cell). Keywords: the page's URL options (``panels=
    ["recall", "plots"]``, ``lesson="unlearning"``, ``theme="light"``, ``autorun="on"``...),
    the recall settings (``mode``, ``tie``, ``temperature``, ``seed``, ``max_sweeps``),
    ``size=(width, height)`` of the grid (default: square when N is a square number),
    ``names`` of the patterns and ``target`` (the pattern the probe came from).
    Needs the page built by ./build-web.sh (see page_path()).

    Example::

        X, names = hopfield_lab.builtin("letters")
        net = hopfield_lab.Network.from_patterns(X[:3])
        hopfield_lab.show(net, hopfield_lab.corrupt(X[0], "flip", 0.2, seed=1), names=names[:3])
    """
    page = page_path().read_text(encoding="utf-8")
    state, rest = _state_and_options(net, probe, options)
    return LabView(page, _fragment(state, rest), height)


def _network_share_link(self, base_url=None, probe=None, **options):
    return share_link(self, base_url, probe, **options)


_network_share_link.__doc__ = share_link.__doc__
