"""The offline viewer in REAL headless Chromium, driven over the Chrome DevTools Protocol.

Chromium runs with networking disabled (proxy to a closed port, every host unresolvable); the test
records every request, console message, exception and dialog while the page loads and is used.
"""
from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import pytest

websocket = pytest.importorskip("websocket", reason="websocket-client drives Chromium over CDP")

from tarikh.graph.viz import render, viewer_data  # noqa: E402
from tarikh.graph.network import read_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCRIPT_PARTY = "<script>alert(1)</script>"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")


class Browser:
    """A headless Chromium with one page, and a CDP session on it that records what happens."""

    def __init__(self, profile: Path):
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
             "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--window-size=1400,900", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.ws = websocket.create_connection(self.page_socket(), timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def page_socket(self) -> str:
        """The DevTools socket of the first page, found from the port Chromium prints on stderr."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            match = re.search(r"DevTools listening on (ws://[^/]+)/devtools/browser/", line)
            if match:
                import urllib.request
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                base = match.group(1).replace("ws://", "http://")
                for _ in range(50):
                    pages = [t for t in json.load(opener.open(f"{base}/json/list")) if t["type"] == "page"]
                    if pages:
                        return pages[0]["webSocketDebuggerUrl"]
                    time.sleep(0.1)
        raise RuntimeError("Chromium did not start its DevTools endpoint")

    def call(self, method: str, **params) -> dict:
        """Send one CDP command and return its result, recording the events that arrive meanwhile."""
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise TimeoutError(expression)

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def named(self, *methods: str) -> list[dict]:
        return [e for e in self.events if e.get("method") in methods]

    def close(self) -> None:
        self.ws.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module."""
    browser = Browser(tmp_path_factory.mktemp("chromium") / "profile")
    yield browser
    browser.close()


def open_page(browser: Browser, page: Path) -> None:
    """Load a viewer page, forget what happened before, and wait until its layout has settled."""
    browser.events.clear()
    browser.call("Page.navigate", url=page.as_uri())
    browser.wait_for("document.readyState === 'complete' && !!window.tarikhViewer")
    browser.wait_for("window.tarikhViewer.state.settled", timeout=120)


def screenshot(browser: Browser, name: str) -> Path:
    """Save what the page shows now (outside the repository) and say where."""
    shot = browser.call("Page.captureScreenshot", format="png")
    path = Path(tempfile.gettempdir()) / "tarikh-viz" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"\nviewer screenshot: {path}")
    return path


@pytest.fixture(scope="module")
def viewer(tmp_path_factory, browser, built):
    """The viewer of the bundled corpus build, loaded in Chromium."""
    page = tmp_path_factory.mktemp("viewer") / "viewer.html"
    graph = read_store(built / "store")
    page.write_text(render(graph), encoding="utf-8")
    open_page(browser, page)
    return browser, page, viewer_data(graph)


def test_viewer_loads_offline_without_errors(viewer):
    browser, page, _ = viewer
    requests = [e["params"]["request"]["url"] for e in browser.named("Network.requestWillBeSent")]
    assert requests == [page.as_uri()]
    errors = [e for e in browser.named("Runtime.exceptionThrown")]
    errors += [e for e in browser.named("Runtime.consoleAPICalled") if e["params"]["type"] in ("error", "assert")]
    errors += [e for e in browser.named("Log.entryAdded") if e["params"]["entry"]["level"] == "error"]
    assert errors == []


def test_every_event_and_actor_is_drawn(viewer):
    browser, _, data = viewer
    drawn = browser.evaluate("window.tarikhViewer.network.body.nodeIndices.length")
    assert drawn == len(data["events"]) + len(data["actors"]) - unlinked_actors(data)
    edges = browser.evaluate("window.tarikhViewer.network.body.edgeIndices.length")
    assert edges == sum(len(e["actors"]) for e in data["events"])
    marks = browser.evaluate("document.querySelectorAll('#timeline .mark:not([hidden])').length")
    assert marks == sum(1 for e in data["events"] if e["year"] is not None and e["year"] >= data["period"][0])


def unlinked_actors(data: dict) -> int:
    """Actors in no event: the viewer hides them (nothing to show them with)."""
    linked = {link["id"] for e in data["events"] for link in e["actors"]}
    return sum(1 for a in data["actors"] if a["id"] not in linked)


def set_input(browser: Browser, element: str, value: str) -> None:
    """Set a form field as if typed: value, then the `input` event the page listens to."""
    browser.evaluate(f"{{ const field = document.getElementById({json.dumps(element)}); "
                     f"field.value = {json.dumps(value)}; field.dispatchEvent(new Event('input')); }}")


def test_search_in_kazakh_narrows_the_view(viewer):
    browser, _, data = viewer
    before = browser.evaluate("window.tarikhViewer.network.body.nodeIndices.length")
    browser.evaluate("document.getElementById('search').focus()")
    browser.call("Input.insertText", text="Назарбаев")
    after = browser.evaluate("window.tarikhViewer.network.body.nodeIndices.length")
    labels = browser.evaluate("window.tarikhViewer.network.body.nodeIndices"
                              ".map(id => window.tarikhViewer.nodes.get(id).label)")
    assert 0 < after < before
    assert any("Nazarbayev" in label for label in labels)
    set_input(browser, "search", "")
    assert browser.evaluate("window.tarikhViewer.network.body.nodeIndices.length") == before


def test_year_filter_hides_later_events(viewer):
    browser, _, data = viewer
    set_input(browser, "year-to", "1991")
    shown = browser.evaluate("window.tarikhViewer.data.events.filter(e => window.tarikhViewer.visible().has(e.id))"
                             ".map(e => e.year)")
    assert shown and max(shown) <= 1991
    set_input(browser, "year-to", str(data["years"][1]))


def click_node(browser: Browser, node_id: str) -> None:
    """A real mouse click on a node where the canvas draws it."""
    browser.evaluate(f"window.tarikhViewer.network.focus({json.dumps(node_id)}, {{scale: 1.5, animation: false}})")
    x, y = browser.evaluate(
        f"(() => {{ const v = window.tarikhViewer; const p = v.network.canvasToDOM(v.network.getPosition("
        f"{json.dumps(node_id)})); const r = document.getElementById('network').getBoundingClientRect();"
        f" return [r.left + p.x, r.top + p.y]; }})()")
    browser.click(x, y)


def test_click_on_event_shows_its_source_quote(viewer):
    browser, _, data = viewer
    event = max(data["events"], key=lambda e: len(e["actors"]))
    click_node(browser, event["id"])
    browser.wait_for(f"document.querySelector('#details h2')?.textContent === {json.dumps(event['label'])}", 10)
    details = browser.evaluate("document.getElementById('details').textContent")
    mention = event["mentions"][0]
    assert event["label"] in details
    assert mention["quote"].split("\n")[0] in details
    assert f"{mention['doc']}, line {mention['line']}" in details
    for link in event["actors"]:
        assert link["role"] in details
    screenshot(browser, "viewer-corpus.png")


@pytest.fixture(scope="module")
def script_page(tmp_path_factory) -> Path:
    """The viewer of a real build of one sentence about a party named `<script>alert(1)</script>`."""
    from tarikh.builder import build

    folder = tmp_path_factory.mktemp("script")
    shutil.copy(Path(__file__).parent / "data" / "viz_script_party.txt", folder / "viz_script_party.txt")
    build([folder / "viz_script_party.txt"], folder / "out")
    page = folder / "viewer.html"
    page.write_text(render(read_store(folder / "out" / "store")), encoding="utf-8")
    return page


def test_script_name_stays_text(browser, script_page):
    open_page(browser, script_page)
    data = browser.evaluate("window.tarikhViewer.data")
    [event] = [e for e in data["events"] if any(SCRIPT_PARTY in m["quote"] for m in e["mentions"])]
    click_node(browser, event["id"])
    browser.wait_for("document.querySelector('#details h2') !== null", 10)
    details = browser.evaluate("document.getElementById('details').textContent")
    assert f"«{SCRIPT_PARTY}» партиясы 1991 жылы құрылды." in details
    if not any(SCRIPT_PARTY in a["label"] for a in data["actors"]):
        warnings.warn("the extractor found no actor named «<script>alert(1)</script>»; only its sentence is shown")
    assert browser.evaluate("document.querySelectorAll('script').length") == 3  # data, vis-network, viewer
    assert browser.named("Page.javascriptDialogOpening") == []
    assert SCRIPT_PARTY not in script_page.read_text(encoding="utf-8")
    screenshot(browser, "viewer-script.png")
