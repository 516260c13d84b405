"""End to end in headless Chromium: `geopol serve` in a subprocess, the page codes pasted text
and shows its events; then the stored-events, timeline and network views.

Needs Chromium and chromedriver (Debian: `apt-get install chromium chromium-driver`) and the
`selenium` package; skipped with the reason otherwise. Set GEOPOL_SCREENSHOT=path to also save
a screenshot of the page with the coded events (docs/screenshot.png is made that way).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = next((p for p in (os.environ.get("GEOPOL_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                             shutil.which("chromium"), shutil.which("chromium-browser")) if p and Path(p).is_file()),
                None)
CHROMEDRIVER = next((p for p in (os.environ.get("GEOPOL_CHROMEDRIVER"), "/usr/bin/chromedriver",
                                 shutil.which("chromedriver")) if p and Path(p).is_file()), None)

pytestmark = [pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    db = tmp_path / "browser.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("GEOPOL_TOKEN", None)
    log = open(tmp_path / "server.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "geopol.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/api/info", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            log.seek(0)
            pytest.fail(f"geopol serve did not start:\n{log.read()}")
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def browser():
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("no Chromium/chromedriver installed (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="geopol-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1100",
                "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, cond, timeout=120):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.25).until(cond)


def test_code_pasted_article_in_the_browser(server, browser, articles):
    from selenium.webdriver.common.by import By

    text, when = articles["march"]
    browser.get(server + "/")
    _wait(browser, lambda d: "documents" in d.find_element(By.ID, "store-info").text, 30)
    area = browser.find_element(By.ID, "text")
    area.send_keys(text)
    browser.execute_script("document.getElementById('date').value = arguments[0];", when.isoformat())
    browser.find_element(By.ID, "store").click()
    browser.find_element(By.ID, "code-btn").click()

    def known_row(d):
        for row in d.find_elements(By.CSS_SELECTOR, "#code-events tr.event-row"):
            t = row.text
            if "DEUGOV" in t and "CONSULT" in t and "POLGOV" in t:
                return row
        return False

    row = _wait(browser, known_row)
    marks = {m.get_attribute("class"): m.text for m in row.find_elements(By.CSS_SELECTOR, "td.sentence mark")}
    assert marks.get("hl-trigger") == "met"
    assert {marks.get("hl-source"), marks.get("hl-target")} == {"German Chancellor Olaf Scholz",
                                                              "Polish Prime Minister Donald Tusk"}
    rows = browser.find_elements(By.CSS_SELECTOR, "#code-events tr.event-row")
    assert len(rows) >= 10
    status = browser.find_element(By.ID, "code-status").text
    assert "events" in status and "stored" in status, status
    shot = os.environ.get("GEOPOL_SCREENSHOT")
    if shot:
        browser.execute_script("window.scrollTo(0, 0);")
        browser.save_screenshot(shot)

    # stored events, filtered, and a document view
    browser.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=events]").click()
    _wait(browser, lambda d: "of" in d.find_element(By.ID, "page-info").text, 30)
    browser.find_element(By.ID, "f-dyad").send_keys("TUR,GRC")
    browser.find_element(By.CSS_SELECTOR, "#filter-form button[type=submit]").click()
    _wait(browser, lambda d: d.find_element(By.ID, "page-info").text.endswith("of 2"), 30)
    browser.find_element(By.CSS_SELECTOR, "#stored-events a.doclink").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-view .doc-text mark.hl-trigger"), 30)
    assert "Warsaw" in browser.find_element(By.CSS_SELECTOR, "#doc-view .doc-text").text

    # timeline (SVG) and network (canvas)
    browser.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=timeline]").click()
    actor = browser.find_element(By.ID, "t-actor")
    actor.clear()
    actor.send_keys("TUR")
    browser.find_element(By.CSS_SELECTOR, "#timeline-form button[type=submit]").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline-chart svg rect"), 30)
    browser.find_element(By.CSS_SELECTOR, "#tabs button[data-tab=network]").click()
    _wait(browser, lambda d: "actors" in d.find_element(By.ID, "network-status").text, 30)
    painted = browser.execute_script(
        "const c = document.getElementById('network-canvas');"
        "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        "let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++; return n;")
    assert painted > 1000
    logs = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"] \
        if hasattr(browser, "get_log") else []
    assert not logs, logs
