"""Share links from Python (Network.share_link, from_share_link, show): the page's own state
format (session_link.hpp), read back whole, and the errors a user gets."""

import base64
import struct
import urllib.parse
import zlib

import numpy as np
import pytest

import hopfield_lab as hl


def varint(data, pos):
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def state_of(link):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).fragment))["state"]


def test_the_state_is_the_pages_format():
    # Read by hand as session_link.hpp documents it: version 1, flags, (zlib), width, height,
    # rule, scale, mode, tie, temperature (double), seed, max sweeps.
    X, _ = hl.builtin("digits")
    net = hl.Network.from_patterns(X[:4], rule="pseudoinverse", scale="n")
    link = net.share_link("https://example.org/lab/", mode="sequential", tie="minus", seed=9,
                          max_sweeps=33, temperature=0.25)
    assert link.startswith("https://example.org/lab/#")
    text = state_of(link)
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    assert raw[0] == 1
    body = raw[2:]
    if raw[1] & 1:
        size, pos = varint(body, 0)
        body = zlib.decompress(body[pos:])
        assert len(body) == size
    width, pos = varint(body, 0)
    height, pos = varint(body, pos)
    assert (width, height) == (16, 16)
    rule, scale, mode, tie = body[pos:pos + 4]
    assert (rule, scale, mode, tie) == (2, 1, 2, 2)  # pseudoinverse, n, sequential, minus
    assert struct.unpack("<d", body[pos + 4:pos + 12])[0] == 0.25
    seed, pos = varint(body, pos + 12)
    sweeps, pos = varint(body, pos)
    assert (seed, sweeps) == (9, 33)


def test_a_link_reads_back_whole():
    rng = np.random.default_rng(1)
    X = rng.choice([-1, 1], size=(3, 24)).astype(np.int8)
    net = hl.Network.from_patterns(X, model="dense", interaction="poly:4")
    probe = hl.corrupt(X[1], "flip", 0.25, seed=2)
    link = net.share_link(probe=probe, target=1, names=["x", "y", "z"], size=(6, 4), mode="sync",
                          seed=5, panels=["recall", "plots"], theme="projector")
    net2, probe2, options = hl.from_share_link(link)
    assert np.array_equal(net2.patterns, X) and np.array_equal(probe2, probe)
    assert net2.setting("model") == "dense" and net2.setting("interaction") == "poly:4"
    assert options["size"] == (6, 4) and options["names"] == ["x", "y", "z"]
    assert options["target"] == 1 and options["mode"] == "sync" and options["seed"] == 5
    assert options["panels"] == "recall,plots" and options["theme"] == "projector"
    # The same recall from the link as from the original.
    r1 = net.recall(probe, mode="sync", seed=5, target=1)
    r2 = net2.recall(probe2, mode=options["mode"], seed=options["seed"], target=options["target"])
    assert r1.to_dict() == r2.to_dict()
    # Only the state text also reads.
    assert np.array_equal(hl.from_share_link(state_of(link))[1], probe)


def test_show_embeds_the_page_with_the_state(tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><head><title>x</title></head><body>lab</body></html>")
    monkeypatch.setenv("HOPFIELD_LAB_PAGE", str(page))
    X, names = hl.builtin("letters")
    net = hl.Network.from_patterns(X[:2])
    view = hl.show(net, X[0], height=300, lesson="recall")
    html = view._repr_html_()
    assert html.startswith('<iframe srcdoc="&lt;!doctype html&gt;&lt;html&gt;&lt;head&gt;&lt;script&gt;')
    assert "height: 300px" in html and "lesson=recall&amp;state=" in html
    assert "lab" in html
    net2, probe2, _ = hl.from_share_link("#" + view.fragment)
    assert np.array_equal(net2.patterns, X[:2]) and np.array_equal(probe2, X[0])


def test_errors(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="base64url"):
        hl.from_share_link("https://example.org/#state=not*base64")
    with pytest.raises(ValueError, match="damaged"):
        hl.from_share_link("https://example.org/#state=AQA")
    with pytest.raises(ValueError, match="no #state="):
        hl.from_share_link("https://example.org/?theme=light")
    net = hl.Network.from_patterns(hl.builtin("letters")[0][:2])
    with pytest.raises(ValueError, match="size"):
        net.share_link(size=(10, 10))
    with pytest.raises(ValueError, match="target"):
        net.share_link(probe=hl.builtin("letters")[0][0], target=5)
    monkeypatch.setenv("HOPFIELD_LAB_PAGE", str(tmp_path / "missing.html"))
    with pytest.raises(FileNotFoundError, match="build-web.sh"):
        hl.show(net)
    page = tmp_path / "page.html"
    page.write_text("<!doctype html><html><head></head></html>")
    monkeypatch.setenv("HOPFIELD_LAB_PAGE", str(page))
    with pytest.raises(ValueError, match="a probe needs a network"):
        hl.show(None, np.ones(256))
