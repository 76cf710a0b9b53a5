"""Help while typing, seen through the real YAML language server of the VS Code extension (redhat.vscode-yaml).

The server is started over stdio as the editor starts it, with VS Code's German locale and
``yaml.yamlVersion: 1.1`` from ``.vscode/settings.json``; it finds each file's schema through the file's
first line. The server comes from npm with a hash lock (``tests/yaml-language-server/``, ``make test``).
"""
from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, ROOT

SERVER = ROOT / ".venv" / "yaml-language-server" / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))


class LanguageServer:
    """A minimal LSP client: JSON-RPC with Content-Length framing, messages read by a thread."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.diagnostics: dict[str, list] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length is None:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _handle(self, message: dict) -> None:
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "method" in message and "id" in message:  # a request of the server (configuration, registrations)
            items = message.get("params", {}).get("items", [])
            result = [self.settings(item.get("section")) for item in items] if message["method"] == "workspace/configuration" else None
            self.send({"id": message["id"], "result": result})

    @staticmethod
    def settings(section: str | None) -> object:
        """VS Code's view of the project settings: ``yaml.*`` from ``.vscode/settings.json``, as nested sections."""
        nested: dict = {}
        for key, value in SETTINGS.items():
            if key.startswith("yaml."):
                target = nested
                *parents, last = key.split(".")
                for part in parents:
                    target = target.setdefault(part, {})
                target[last] = value
        nested.setdefault("redhat", {"telemetry": {"enabled": False}})
        return nested.get(section, None) if section else nested

    def request(self, method: str, params: dict, timeout: float = 30) -> object:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=timeout)
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._handle(message)

    def wait_for_diagnostics(self, uri: str, timeout: float = 30) -> list:
        while uri not in self.diagnostics:
            self._handle(self.messages.get(timeout=timeout))
        return self.diagnostics[uri]

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        self.diagnostics.pop(uri, None)
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8") if text is None else text}}})
        return uri


@pytest.fixture(scope="module")
def server():
    assert SERVER.is_file(), "YAML-Sprachserver fehlt – `make test` installiert ihn"
    client = LanguageServer()
    client.request("initialize", {"processId": None, "rootUri": ROOT.as_uri(), "locale": "de", "capabilities": {
        "workspace": {"configuration": True},
        "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                         "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}}}}})
    client.send({"method": "initialized", "params": {}})
    client.send({"method": "workspace/didChangeConfiguration", "params": {"settings": LanguageServer.settings(None)}})
    yield client
    client.process.kill()
    client.process.wait()


def test_real_and_complete_data_show_no_problem_in_the_editor(server):
    files = sorted((ROOT / "data").glob("*.yml")) + sorted(FIXTURE_DATA.glob("*.yml"))
    uris = {server.open(path): path for path in files}
    for uri, path in uris.items():
        assert server.wait_for_diagnostics(uri) == [], path


def test_mistakes_are_marked_at_their_line_in_german(server, tmp_path):
    data = tmp_path / "data"
    (data / "schema").mkdir(parents=True)
    for schema in (ROOT / "data" / "schema").glob("*.json"):
        (data / "schema" / schema.name).write_bytes(schema.read_bytes())
    text = (ROOT / "data" / "regionalkonferenzen.yml").read_text(encoding="utf-8")
    text = text.replace("  status: geplant", "  status: gepant", 1).replace("  stadt: Haan", "  stadtt: Haan", 1)
    text = text.replace("- id: hilden\n", "- id: hilden\n  datum: 1.3.2027\n", 1)
    (data / "regionalkonferenzen.yml").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    found = {(d["range"]["start"]["line"], d["message"]) for d in server.wait_for_diagnostics(server.open(data / "regionalkonferenzen.yml"))}
    by_line = {}
    for line, message in found:
        by_line.setdefault(lines[line].strip(), []).append(message)
    assert any("Gültige Werte" in m and "geplant" in m for m in by_line["status: gepant"]), found
    assert any("stadtt" in m for m in by_line["stadtt: Haan"]), found
    assert any("Kein gültiges Datum. Erwartet: ein Datum im Format JJJJ-MM-TT" in m for m in by_line["datum: 1.3.2027"]), found


def test_hover_and_completion_offer_the_german_help_of_the_schema(server):
    path = ROOT / "data" / "regionalkonferenzen.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    uri = server.open(path)
    server.wait_for_diagnostics(uri)
    line = next(i for i, value in enumerate(lines) if value == "  status: offen")
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": 4}})
    shown = hover["contents"]["value"]
    assert shown.startswith("#### Status\n\nStand der Konferenz laut Quelle\n")
    assert "* `durchgefuehrt`: Durchgeführt" in shown and "* `offen`: Keine Angabe" in shown
    completion = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                            "position": {"line": line, "character": len(lines[line])}})
    items = completion["items"] if isinstance(completion, dict) else completion
    offered = {item["label"]: json.dumps(item.get("documentation", ""), ensure_ascii=False) for item in items}
    assert {"geplant", "durchgefuehrt", "abgesagt", "offen"} <= offered.keys(), offered
    assert "Durchgeführt" in offered["durchgefuehrt"] and "Keine Angabe" in offered["offen"]
