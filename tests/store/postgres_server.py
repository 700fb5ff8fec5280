"""A throw-away PostgreSQL server for the store tests: Debian's binaries, a temp dir, a free port.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres``
system user (or ``nobody``) and owns its temp dir; as anyone else it runs as the
caller. Trust authentication on 127.0.0.1 and a unix socket in the temp dir only.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_ROOT = Path("/usr/lib/postgresql")
MISSING_HELP = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/<version>/bin; "
    "install them with: apt-get install postgresql"
)


class PostgresUnavailable(RuntimeError):
    pass


def find_bin_dir(root: Path = PG_ROOT) -> Path:
    """The bin dir of the newest installed PostgreSQL major version (or ``$TOCSIN_PG_BIN``)."""
    if override := os.environ.get("TOCSIN_PG_BIN"):
        if not (Path(override) / "initdb").exists():
            raise PostgresUnavailable(f"TOCSIN_PG_BIN={override} has no initdb; {MISSING_HELP}")
        return Path(override)
    versions = [
        p for p in root.glob("*") if re.fullmatch(r"\d+(\.\d+)?", p.name) and (p / "bin" / "initdb").exists()
    ]
    if not versions:
        raise PostgresUnavailable(MISSING_HELP)
    newest = max(versions, key=lambda p: tuple(int(x) for x in p.name.split(".")))
    return newest / "bin"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> str | None:
    """The user to run the server as when we are root; None when we are not root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise PostgresUnavailable("running as root, and neither a 'postgres' nor a 'nobody' user exists")


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    user: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, cwd=self.root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresUnavailable(
                f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n{tail}"
            )

    def start(self) -> None:
        self._run(
            "initdb", "-D", str(self.data_dir), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"
        )
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )

    def create_database(self, name: str) -> str:
        """Create database ``name`` (owned by the superuser); return its URL."""
        self._run("createdb", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", name)
        return self.admin_url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PostgresServer:
    bin_dir = find_bin_dir()
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="tocsin-pg-"))
    if user:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    server = PostgresServer(bin_dir=bin_dir, root=root, port=_free_port(), user=user)
    try:
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server
