"""A throw-away Virtuoso Open Source server on loopback, for the tests of the external store.

    server = Virtuoso(tmp_path)          # a database of its own in tmp_path, free ports
    server.start()                       # waits until /sparql answers; SPARQL Update granted
    server.endpoint                      # http://127.0.0.1:<port>/sparql
    server.graph_store                   # http://127.0.0.1:<port>/sparql-graph-crud
    server.stop()                        # the whole process group

`binary()` is None when the Debian package virtuoso-opensource is not installed (the tests skip).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

INI = """\
[Database]
DatabaseFile       = {root}/virtuoso.db
ErrorLogFile       = {root}/virtuoso.log
LockFile           = {root}/virtuoso.lck
TransactionFile    = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {root}/virtuoso-temp.db
TransactionFile    = {root}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
DisableTcpSocket   = 0
CheckpointInterval = 60
CaseMode           = 2
DirsAllowed        = ., {root}
NumberOfBuffers    = 8000
MaxDirtyBuffers    = 6000
MaxQueryMem        = 256M
ThreadsPerQuery    = 2
MaxOptimizeLayouts = 30
MaxClientConnections = 20

[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {root}/vsp
ServerThreads      = 10
MaxClientConnections = 20
MaxKeepAlives      = 10
KeepAliveTimeout   = 10
Charset            = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 30
"""


def binary() -> str | None:
    return shutil.which("virtuoso-t")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.sql_port = _free_port()
        self.http_port = _free_port()
        while self.http_port == self.sql_port:
            self.http_port = _free_port()
        self.process: subprocess.Popen | None = None
        base = f"http://127.0.0.1:{self.http_port}"
        self.endpoint = f"{base}/sparql"
        self.auth_endpoint = f"{base}/sparql-auth"  # digest auth (dba / dba)
        self.graph_store = f"{base}/sparql-graph-crud"
        self.auth_graph_store = f"{base}/sparql-graph-crud-auth"

    def log(self) -> str:
        try:
            return (self.root / "virtuoso.log").read_text("utf-8", "replace")[-3000:]
        except OSError:
            return ""

    def start(self, timeout: float = 90.0) -> None:
        exe = binary()
        if exe is None:
            raise RuntimeError("virtuoso-t not found (apt-get install virtuoso-opensource)")
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "vsp").mkdir(exist_ok=True)
        ini = self.root / "virtuoso.ini"
        ini.write_text(INI.format(root=self.root, sql_port=self.sql_port, http_port=self.http_port), "utf-8")
        out = open(self.root / "stdout.log", "wb")  # noqa: SIM115 - the child keeps it
        try:
            self.process = subprocess.Popen([exe, "-f", "-c", str(ini)], cwd=self.root, stdout=out,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        finally:
            out.close()
        from kg.store.remote import RemoteError, wait_until_up

        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({self.process.returncode}):\n{self.log()}")
            try:
                wait_until_up(self.endpoint, 1.0)
                break
            except RemoteError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"virtuoso did not answer in {timeout:g} s:\n{self.log()}") from None
        self.isql('grant SPARQL_UPDATE to "SPARQL";')

    def isql(self, statement: str) -> str:
        """Run one SQL statement as dba (isql-vt, from the same package)."""
        exe = shutil.which("isql-vt") or shutil.which("isql")
        if exe is None:
            raise RuntimeError("isql-vt not found")
        done = subprocess.run([exe, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        """Stop the server's process group: SIGTERM, then SIGKILL if it is still there after 15 s."""
        process, self.process = self.process, None
        if process is None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            if process.poll() is not None:
                break
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(wait)
            except subprocess.TimeoutExpired:
                pass
