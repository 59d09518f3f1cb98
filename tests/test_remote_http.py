"""Failures talking to a server, each one clear line and exit 2: tiny HTTP servers on 127.0.0.1."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from mlgraph.cli import main
from mlgraph.errors import BadInput, RemoteError
from mlgraph.remote.endpoint import make_endpoint
from mlgraph.remote.http import auth_from_env, fetch, open_client

RESULTS = "application/sparql-results+json"
SELECT = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": []}}).encode()


class Handler(BaseHTTPRequestHandler):
    """Answers by the first path segment: /slow, /fail, /cancelled, /html, /huge, /ok, /moved."""

    seen: list = []  # (path, Authorization header) of every request, for the redirect test

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    do_PUT = do_POST

    def do_GET(self):
        Handler.seen.append((self.server.server_address[0], self.path, self.headers.get("Authorization")))
        kind = self.path.split("/")[1]
        if kind == "slow":
            time.sleep(3)
        if kind == "moved":
            target = f"http://127.0.0.2:{self.server.other_port}/ok/query"
            return self.answer(307, "text/plain", b"", [("Location", target)])
        status, ctype, body = {
            "fail": (500, "text/plain", b"Storage is on fire\nsecond line"),
            "cancelled": (200, RESULTS, b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":Query evaluation cancelled'),
            "html": (200, "text/html", b"<html>a web page</html>"),
            "huge": (200, RESULTS, b" " * 5_000_000 + SELECT),
        }.get(kind, (200, RESULTS, SELECT))
        self.answer(status, ctype, body)

    def answer(self, status, ctype, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout test) is expected here


@pytest.fixture(scope="module")
def http_servers():
    """Two tiny servers: 127.0.0.1 (the endpoint) and 127.0.0.2 (another host, for redirects)."""
    servers = [QuietServer((host, 0), Handler) for host in ("127.0.0.1", "127.0.0.2")]
    servers[0].other_port = servers[1].server_address[1]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{servers[0].server_address[1]}"
    for server in servers:
        server.shutdown()
        server.server_close()


def run(*args, **env):
    return CliRunner(env=env).invoke(main, list(args))


@pytest.mark.parametrize("path, message", [
    ("/slow", "no complete answer within 0.5 s; raise --timeout"),
    ("/fail", "answered 500 Internal Server Error: Storage is on fire second line"),
    ("/cancelled", "may have stopped the query midway (timeout?). It ends:"),
    ("/html", "answered text/html, not application/sparql-results+json"),
    ("/huge", "larger than 100,000 bytes (--max-bytes)"),
])
def test_a_failing_server_gets_one_clear_line_and_exit_2(http_servers, path, message):
    result = run("--endpoint", http_servers + path, "--graph", "urn:g", "--timeout", "0.5",
                 "--max-bytes", "100000", "query", "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("mlgraph: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_a_refused_connection_is_one_clear_line(free_port_url):
    result = run("--endpoint", free_port_url, "stats")
    assert result.exit_code == 2
    assert result.stderr == f"mlgraph: error: cannot reach {free_port_url}/query: connection refused; " \
                            "is the SPARQL server running there?\n"


@pytest.fixture
def free_port_url():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_credentials_in_the_url_are_refused_and_never_shown():
    result = run("--endpoint", "http://ann:s3cret@127.0.0.1:1", "stats")
    assert result.exit_code == 2
    assert "s3cret" not in result.output and "ann" not in result.output
    assert "MLGRAPH_ENDPOINT_USER" in result.stderr


def test_credentials_are_not_sent_to_another_host_after_a_redirect(http_servers):
    Handler.seen.clear()
    endpoint = make_endpoint(http_servers + "/moved", "urn:g")
    with open_client(endpoint, env={"MLGRAPH_ENDPOINT_USER": "ann", "MLGRAPH_ENDPOINT_PASSWORD": "s3cret"}) as client:
        fetch(client, endpoint, "POST", endpoint.query_url, (RESULTS,), data={"query": "ASK {}"})
    (first_host, _, first_auth), (second_host, second_path, second_auth) = Handler.seen
    assert (first_host, second_host, second_path) == ("127.0.0.1", "127.0.0.2", "/ok/query")
    assert first_auth.startswith("Basic ")  # sent to the endpoint itself
    assert second_auth is None  # and dropped on the way to the other host


def test_a_token_is_sent_as_a_bearer_header(http_servers):
    Handler.seen.clear()
    endpoint = make_endpoint(http_servers + "/ok", "urn:g")
    with open_client(endpoint, env={"MLGRAPH_ENDPOINT_TOKEN": "t0ken"}) as client:
        fetch(client, endpoint, "GET", endpoint.query_url, (RESULTS,))
    assert Handler.seen[-1][2] == "Bearer t0ken"


def test_a_netrc_file_gives_credentials_for_its_host(tmp_path, http_servers):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ann password s3cret\n")
    Handler.seen.clear()
    endpoint = make_endpoint(http_servers + "/ok", "urn:g")
    with open_client(endpoint, env={"NETRC": str(netrc)}) as client:
        fetch(client, endpoint, "GET", endpoint.query_url, (RESULTS,))
    assert Handler.seen[-1][2].startswith("Basic ")


def test_half_given_credentials_are_refused():
    with pytest.raises(BadInput, match="MLGRAPH_ENDPOINT_PASSWORD is set but MLGRAPH_ENDPOINT_USER is not"):
        auth_from_env({"MLGRAPH_ENDPOINT_PASSWORD": "x"})


def test_an_upload_redirected_elsewhere_is_refused_not_followed(http_servers):
    endpoint = make_endpoint(http_servers + "/moved", "urn:g")
    with open_client(endpoint, env={}) as client, pytest.raises(RemoteError, match="redirected this request"):
        fetch(client, endpoint, "PUT", endpoint.store_url, (), content=b"<urn:a> <urn:b> <urn:c> .")
