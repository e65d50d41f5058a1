"""Run a command against a private, throw-away PostgreSQL server.

    python -m tests.pgserver -- COMMAND ...

Creates a cluster with initdb in a temporary folder, starts it on a free
loopback port, exports TOKT_DATABASE_URL for the command, then stops the
server and removes the folder, whatever the command's outcome.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile


def _bin_dir() -> str:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not candidates:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql); run scripts/ensure-system-packages.sh")
    return candidates[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: use the postgres system user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        sys.exit("usage: python -m tests.pgserver -- COMMAND ...")
    bindir = _bin_dir()
    tmp = tempfile.mkdtemp(prefix="tokt-pg-")
    if os.geteuid() == 0:
        pg = pwd.getpwnam("postgres")
        os.chown(tmp, pg.pw_uid, pg.pw_gid)
    data, log, port = os.path.join(tmp, "data"), os.path.join(tmp, "server.log"), _free_port()
    run = lambda cmd: subprocess.run(_as_server_user(cmd), check=True, stdout=subprocess.DEVNULL)  # noqa: E731
    try:
        run([f"{bindir}/initdb", "-D", data, "-U", "tokt", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        options = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run([f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", log, "-w", "start"])
        run([f"{bindir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "tokt", "tokt"])
        env = dict(os.environ, TOKT_DATABASE_URL=f"postgres://tokt@127.0.0.1:{port}/tokt")
        print(f"PostgreSQL {os.path.basename(os.path.dirname(bindir))} running on 127.0.0.1:{port}", flush=True)
        return subprocess.run(argv, env=env).returncode
    finally:
        subprocess.run(
            _as_server_user([f"{bindir}/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
