#!/usr/bin/env python3
"""Install, start and stop everything the portal needs on one bare machine.

Usage: python3 tools/stack.py COMMAND
  run      install what is missing, start services, prepare the site, serve CKAN
  test     install what is missing, start services, run the whole test suite
  start    install what is missing and start PostgreSQL, Redis and Solr
  stop     stop CKAN's worker, Solr, Redis and PostgreSQL
  status   say what is running and where its log is

Only the standard library is used here, because this script creates the venv.
Every failure ends in one sentence saying what is wrong and what to do.
State and logs live under .local/ (git-ignored). Ports come from the environment:
HOKKAIDO_PG_PORT, HOKKAIDO_REDIS_PORT, HOKKAIDO_SOLR_PORT, HOKKAIDO_CKAN_PORT.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
LOGS = LOCAL / "logs"
VENV = ROOT / ".venv"
BIN = VENV / "bin"
SOLR_TOOLS = ROOT / "tools" / "solr"
SOLR_LIB = SOLR_TOOLS / "target" / "lib"
CONFIGSET = ROOT / "docker" / "solr" / "configset" / "conf"
PG_BIN = Path("/usr/lib/postgresql/15/bin")

PORTS = {
    "pg": int(os.environ.get("HOKKAIDO_PG_PORT", "5433")),
    "redis": int(os.environ.get("HOKKAIDO_REDIS_PORT", "6380")),
    "solr": int(os.environ.get("HOKKAIDO_SOLR_PORT", "8983")),
    "ckan": int(os.environ.get("HOKKAIDO_CKAN_PORT", "5000")),
}
DB_USER = "ckan"
DB_PASSWORD = "ckan"
SITE_DB = "ckan"
TEST_DB = "ckan_test"
# The second CKAN site of the harvest round trip (tests/catalog/test_harvest_round_trip.py):
# its own database and Solr core on the same services; the test wipes both when it starts.
HARVEST_TEST_DB = "ckan_harvest_test"
# The DataStore: a database per site, written by the main user and read by a user that
# may only read it (CKAN's datastore set-permissions).
DATASTORE_READ_USER = "datastore_ro"
DATASTORE_READ_PASSWORD = "datastore_ro"
DATASTORE_DBS = {SITE_DB: "datastore", TEST_DB: "datastore_test"}

# Debian packages, and a command each one provides (checked before installing).
DEBIAN_PACKAGES = {
    "postgresql-15": str(PG_BIN / "pg_ctl"),
    "redis-server": "redis-server",
    "maven": "mvn",
    "openjdk-17-jdk-headless": "javac",
    "libpq-dev": "pg_config",
    "build-essential": "gcc",
    "libmagic1": "/usr/lib/x86_64-linux-gnu/libmagic.so.1",
    "chromium": "/usr/bin/chromium",  # the browser tests' browser (tests/browser)
}


class StackError(Exception):
    """A failure the user can fix; its message is the one sentence they see."""


def say(message: str) -> None:
    print(f"[stack] {message}", flush=True)


def run(cmd, *, check=True, quiet=False, env=None, user=None, **kwargs):
    if user:
        cmd = ["runuser", "-u", user, "--", *cmd]
        kwargs.setdefault("cwd", "/")  # the user may not be allowed into the current directory
    out = subprocess.DEVNULL if quiet else None
    result = subprocess.run(
        [str(c) for c in cmd], stdout=kwargs.pop("stdout", out), env=env, **kwargs
    )
    if check and result.returncode != 0:
        raise StackError(f"command failed ({result.returncode}): {' '.join(map(str, cmd))}")
    return result


def digest(*paths: Path) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
    return sha.hexdigest()


def stamp_is_current(stamp: Path, value: str) -> bool:
    return stamp.exists() and stamp.read_text() == value


# ---------------------------------------------------------------------------- install


def has_command(probe: str) -> bool:
    return Path(probe).exists() if probe.startswith("/") else shutil.which(probe) is not None


def ensure_debian_packages() -> None:
    missing = [pkg for pkg, probe in DEBIAN_PACKAGES.items() if not has_command(probe)]
    if not missing:
        return
    if os.geteuid() != 0:
        raise StackError(
            f"missing Debian packages {' '.join(missing)}: run "
            f"'sudo apt-get install -y {' '.join(missing)}' and try again"
        )
    say(f"installing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        run(["apt-get", "update", "-q"], quiet=True, env=env)
        run(["apt-get", "install", "-y", "-q", *missing], quiet=True, env=env)
    except StackError as exc:
        raise StackError(
            f"apt-get could not install {' '.join(missing)} ({exc}); check the network "
            "to Debian's mirrors and run the command again"
        ) from None
    # The Debian package starts a system-wide Redis on 6379; ours runs on its own port.
    subprocess.run(["service", "redis-server", "stop"], capture_output=True)


def ensure_venv() -> None:
    requirements = [
        ROOT / name
        for name in (
            "requirements.txt",
            "requirements-xloader.txt",
            "requirements-test.txt",
            "setup.cfg",
            "setup.py",
        )
    ]
    stamp = VENV / ".hokkaido-installed"
    wanted = digest(*requirements)
    if (BIN / "ckan").exists() and stamp_is_current(stamp, wanted):
        return
    if not (BIN / "python").exists():
        say(f"creating the virtualenv in {VENV}")
        run([sys.executable, "-m", "venv", VENV])
    say("installing Python packages (first time: a few minutes)")
    pip = [BIN / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    try:
        run([*pip, "setuptools<82", "wheel"])
        run([*pip, "-r", ROOT / "requirements-test.txt"])
        run([*pip, "--no-deps", "-r", ROOT / "requirements-xloader.txt"])
        run([*pip, "--no-deps", "--no-build-isolation", "-e", ROOT])
    except StackError:
        raise StackError(
            "pip could not install the Python packages (see the error above); check the "
            "network to PyPI and run the command again"
        ) from None
    stamp.write_text(wanted)


def ensure_catalogs() -> None:
    """Compile the gettext catalogs (.po -> .mo) whenever a .po is newer."""
    for po in (ROOT / "ckanext" / "hokkaido" / "i18n").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            run([BIN / "pybabel", "compile", "-i", po, "-o", mo], quiet=True)


def ensure_solr_jars() -> None:
    stamp = SOLR_LIB / ".pom-digest"
    wanted = digest(SOLR_TOOLS / "pom.xml")
    if stamp_is_current(stamp, wanted):
        return
    say("downloading Apache Solr 9.10.1 from Maven Central (first time: a minute or two)")
    shutil.rmtree(SOLR_LIB, ignore_errors=True)
    log = LOGS / "maven.log"
    with log.open("w") as out:
        result = run(
            ["mvn", "-B", "-q", "-f", SOLR_TOOLS / "pom.xml", "dependency:copy-dependencies"],
            check=False,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if result.returncode != 0:
        raise StackError(f"Maven could not download Solr's jars (see {log}); run again")
    stamp.write_text(wanted)


def install() -> None:
    LOGS.mkdir(parents=True, exist_ok=True)
    ensure_debian_packages()
    ensure_venv()
    ensure_catalogs()
    ensure_solr_jars()


# ---------------------------------------------------------------------------- processes


def pid_alive(pid_file: Path) -> int | None:
    """The live process a pid file names (PostgreSQL's has more lines after the pid)."""
    try:
        pid = int(pid_file.read_text().split("\n", 1)[0].strip())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    except PermissionError:
        return pid
    return pid


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def require_free_port(name: str, port: int, env_var: str) -> None:
    if port_in_use(port):
        raise StackError(
            f"port {port} for {name} is taken by another program: stop it, or choose "
            f"another port with {env_var}=NNNN"
        )


def wait_until(check, what: str, log: Path, pid_file: Path | None = None, seconds=120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        if pid_file is not None and pid_alive(pid_file) is None:
            raise StackError(f"{what} stopped while starting; see {log}")
        time.sleep(0.5)
    raise StackError(f"{what} did not answer within {seconds}s; see {log}")


def stop_pid(pid_file: Path, what: str, seconds=30) -> None:
    pid = pid_alive(pid_file)
    if pid is None:
        pid_file.unlink(missing_ok=True)
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and pid_alive(pid_file):
        time.sleep(0.3)
    if pid_alive(pid_file):
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    say(f"stopped {what}")


def stop_worker(pid_file: Path, what: str, seconds=20) -> None:
    """Stop a `ckan jobs worker` and the job it is running. RQ runs each job in a
    work-horse process of its own process group, which signals to the worker never reach
    (and RQ's own cold shutdown SIGKILLs it). So the horse gets SIGTERM first: an
    inventory import then rolls back and marks itself failed
    (ckanext/hokkaido/inventory/jobs.py). Then the worker, idle by then, gets SIGTERM;
    whatever is left after `seconds` is killed."""
    pid = pid_alive(pid_file)
    if pid is not None:
        horses = child_pids(pid)
        for horse in horses:
            _signal_group(horse, signal.SIGTERM)
        _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (pid_alive(pid_file) or _any_alive(horses)):
            time.sleep(0.3)
        for group in (pid, *horses):
            _signal_group(group, signal.SIGKILL)
        say(f"stopped {what}")
    pid_file.unlink(missing_ok=True)


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    children = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited meanwhile
        if int(fields[1]) == pid:
            children.append(int(stat_file.parent.name))
    return children


def _any_alive(pids: list[int]) -> bool:
    for pid in pids:
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            continue
    return False


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def spawn(cmd, log: Path, pid_file: Path, env=None) -> None:
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
            cwd=ROOT,
        )
    pid_file.write_text(str(proc.pid))


# ---------------------------------------------------------------------------- PostgreSQL


def pg_user() -> str | None:
    """PostgreSQL refuses to run as root, so root runs it as the 'postgres' user."""
    return "postgres" if os.geteuid() == 0 else None


def others_can_enter(path: Path) -> bool:
    """Whether a user other than the owner can reach `path` (search permission for others on
    every existing directory on the way)."""
    for directory in [path, *path.parents]:
        if directory.exists() and not directory.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def pg_dir(local: Path) -> Path:
    """The cluster's directory. As root, PostgreSQL runs as 'postgres', which cannot enter a
    clone inside a 0700 home such as /root: the cluster then lives in that user's own
    /var/lib/postgresql, one directory per checkout."""
    if pg_user() is None or others_can_enter(local):
        return local / "pg"
    checkout = hashlib.sha256(str(local).encode()).hexdigest()[:12]
    return Path("/var/lib/postgresql/hokkaido") / checkout


PG_DIR = pg_dir(LOCAL)
PG_DATA = PG_DIR / "data"
PG_RUN = PG_DIR / "run"
PG_LOG = PG_DIR / "postgresql.log"  # written by the postgres user


def pg_ready() -> bool:
    result = subprocess.run(
        [PG_BIN / "pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PORTS["pg"])],
        capture_output=True,
    )
    return result.returncode == 0


def pg_initdb() -> None:
    say(f"creating a PostgreSQL cluster in {PG_DATA}")
    PG_DIR.mkdir(parents=True, exist_ok=True)
    PG_RUN.mkdir(exist_ok=True)
    user = pg_user()
    if user:
        owner = pwd.getpwnam(user)
        for path in (PG_DIR, PG_RUN):
            os.chown(path, owner.pw_uid, owner.pw_gid)
            path.chmod(0o700)
    run(
        [
            PG_BIN / "initdb",
            "-D",
            PG_DATA,
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ],
        user=user,
        quiet=True,
    )


def pg_start() -> None:
    if not (PG_DATA / "PG_VERSION").exists():
        pg_initdb()
    if pg_ready():
        return
    pid_file = PG_DATA / "postmaster.pid"
    if pid_file.exists() and pid_alive(pid_file) is None:
        say("removing a stale PostgreSQL pid file")
        pid_file.unlink()
    require_free_port("PostgreSQL", PORTS["pg"], "HOKKAIDO_PG_PORT")
    options = f"-p {PORTS['pg']} -k {PG_RUN} -c listen_addresses=127.0.0.1"
    result = run(
        [PG_BIN / "pg_ctl", "-D", PG_DATA, "-l", PG_LOG, "-o", options, "-w", "start"],
        user=pg_user(),
        check=False,
        quiet=True,
    )
    if result.returncode != 0:
        raise StackError(f"PostgreSQL did not start; see {PG_LOG}")
    wait_until(pg_ready, "PostgreSQL", PG_LOG)


def psql(sql: str, db: str = "postgres") -> str:
    result = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(PORTS["pg"]),
            "-U",
            "postgres",
            "-d",
            db,
            "-tAc",
            sql,
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise StackError(f"PostgreSQL refused '{sql}': {result.stderr.strip()}")
    return result.stdout.strip()


def pg_ensure_databases() -> None:
    for user, password in ((DB_USER, DB_PASSWORD), (DATASTORE_READ_USER, DATASTORE_READ_PASSWORD)):
        if psql(f"SELECT 1 FROM pg_roles WHERE rolname='{user}'") != "1":
            psql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
    for db in (SITE_DB, TEST_DB, HARVEST_TEST_DB, *DATASTORE_DBS.values()):
        if psql(f"SELECT 1 FROM pg_database WHERE datname='{db}'") != "1":
            psql(f"CREATE DATABASE {db} OWNER {DB_USER} ENCODING 'UTF8' TEMPLATE template0")


def datastore_set_permissions(ini: Path, env: dict) -> None:
    """CKAN's own permission script for the DataStore (the read user may only read),
    applied by the PostgreSQL superuser; idempotent, so run at every start."""
    script = ckan_output(ini, env, "datastore", "set-permissions")
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(PORTS["pg"]), "-U", "postgres", "-q"],
        input=script,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise StackError(f"the DataStore permissions were refused: {result.stderr.strip()}")


def ckan_output(ini: Path, env: dict, *args) -> str:
    result = subprocess.run(
        [BIN / "ckan", "-c", ini, *args], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise StackError(f"ckan {' '.join(args)} failed: {result.stderr.strip()[-500:]}")
    return result.stdout


def pg_stop() -> None:
    if not (PG_DATA / "postmaster.pid").exists():
        return
    run(
        [PG_BIN / "pg_ctl", "-D", PG_DATA, "-m", "fast", "-w", "stop"],
        user=pg_user(),
        check=False,
        quiet=True,
    )
    say("stopped PostgreSQL")


# ---------------------------------------------------------------------------- Redis

REDIS_DIR = LOCAL / "redis"
REDIS_PID = REDIS_DIR / "redis.pid"
REDIS_LOG = LOGS / "redis.log"


def redis_ready() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", PORTS["redis"]), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def redis_start() -> None:
    if pid_alive(REDIS_PID) and redis_ready():
        return
    REDIS_DIR.mkdir(parents=True, exist_ok=True)
    require_free_port("Redis", PORTS["redis"], "HOKKAIDO_REDIS_PORT")
    run(
        [
            "redis-server",
            "--port",
            PORTS["redis"],
            "--bind",
            "127.0.0.1",
            "--dir",
            REDIS_DIR,
            "--daemonize",
            "yes",
            "--pidfile",
            REDIS_PID,
            "--logfile",
            REDIS_LOG,
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        quiet=True,
    )
    wait_until(redis_ready, "Redis", REDIS_LOG)


# ---------------------------------------------------------------------------- Solr

SOLR_DIR = LOCAL / "solr"
SOLR_HOME = SOLR_DIR / "home"
SOLR_PID = SOLR_DIR / "solr.pid"
SOLR_LOG = LOGS / "solr.log"
CKAN_SCHEMA = "ckan/config/solr/schema.xml"
# Every core has the same configuration: the sites' and tests' "ckan", and the second site
# of the harvest round trip.
SOLR_CORE = "ckan"
SOLR_CORES = (SOLR_CORE, HARVEST_TEST_DB)


def installed_ckan_schema() -> Path:
    site = subprocess.run(
        [BIN / "python", "-c", "import ckan, os; print(os.path.dirname(ckan.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return Path(site).parent / CKAN_SCHEMA


def solr_schema(ckan_schema: str, japanese_fields: str) -> str:
    """CKAN's schema with the Japanese field added just before </schema>."""
    head, sep, tail = ckan_schema.rpartition("</schema>")
    if not sep:
        raise StackError("the installed CKAN's Solr schema has no </schema>; reinstall CKAN")
    return f"{head}{japanese_fields}\n{sep}{tail}"


def solr_conf_files() -> dict[str, bytes]:
    """The configset's files, with CKAN's schema plus the Japanese field as schema.xml."""
    files = {
        item.name: item.read_bytes()
        for item in CONFIGSET.iterdir()
        if item.name not in ("japanese-fields.xml", "schema.xml")
    }
    schema = solr_schema(
        installed_ckan_schema().read_text(), (CONFIGSET / "japanese-fields.xml").read_text()
    )
    files["schema.xml"] = schema.encode()
    return files


def write_solr_home() -> set[str]:
    """Write every core's configuration; return the cores whose files changed (a running
    Solr must then reload them to see it). core.properties is left to Solr: a stopped Solr
    gets it from solr_declare_cores, a running one writes it when it creates the core."""
    SOLR_HOME.mkdir(parents=True, exist_ok=True)
    shutil.copy(SOLR_TOOLS / "solr.xml", SOLR_HOME / "solr.xml")
    files = solr_conf_files()
    changed = set()
    for core in SOLR_CORES:
        conf = SOLR_HOME / core / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            target = conf / name
            if not target.exists() or target.read_bytes() != content:
                target.write_bytes(content)
                changed.add(core)
    return changed


def solr_declare_cores() -> None:
    """Before Solr starts: it loads every directory holding a core.properties."""
    for core in SOLR_CORES:
        (SOLR_HOME / core / "core.properties").write_text(f"name={core}\n")


def solr_admin(params: str) -> dict:
    url = f"http://127.0.0.1:{PORTS['solr']}/solr/admin/cores?wt=json&{params}"
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def solr_update_cores(changed: set[str]) -> None:
    """A running Solr: create the cores it has not loaded (a checkout whose Solr started
    before a core was added), reload those whose configuration changed."""
    loaded = solr_admin("action=STATUS")["status"]
    for core in SOLR_CORES:
        if core not in loaded:
            say(f"creating the Solr core {core}")
            # Solr refuses to create a core where a core.properties already is.
            (SOLR_HOME / core / "core.properties").unlink(missing_ok=True)
            solr_admin(f"action=CREATE&name={core}&instanceDir={core}")
        elif core in changed:
            say(f"Solr configuration changed: reloading the core {core}")
            solr_admin(f"action=RELOAD&core={core}")


def solr_url(core: str = SOLR_CORE) -> str:
    return f"http://127.0.0.1:{PORTS['solr']}/solr/{core}"


def solr_ready() -> bool:
    try:
        with urllib.request.urlopen(f"{solr_url()}/admin/ping?wt=json", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def solr_start() -> None:
    if pid_alive(SOLR_PID) and solr_ready():
        solr_update_cores(write_solr_home())
        return
    if shutil.which("java") is None:
        raise StackError("Java is not installed: run 'apt-get install -y openjdk-17-jdk-headless'")
    SOLR_PID.unlink(missing_ok=True)
    require_free_port("Solr", PORTS["solr"], "HOKKAIDO_SOLR_PORT")
    write_solr_home()
    solr_declare_cores()
    say(f"starting Solr on port {PORTS['solr']} (log: {SOLR_LOG})")
    spawn(
        [
            "java",
            "-Xms256m",
            "-Xmx768m",
            f"-Dsolr.log.dir={LOGS}",
            f"-Dlog4j2.configurationFile={SOLR_TOOLS / 'log4j2.xml'}",
            "-cp",
            f"{SOLR_LIB}/*",
            SOLR_TOOLS / "SolrLauncher.java",
            SOLR_HOME,
            PORTS["solr"],
            SOLR_CORE,
        ],
        SOLR_LOG,
        SOLR_PID,
        env={k: v for k, v in os.environ.items() if k != "SOLR_MODULES"},
    )
    wait_until(solr_ready, "Solr", SOLR_LOG, SOLR_PID, seconds=180)


# ---------------------------------------------------------------------------- CKAN

SITE_INI = LOCAL / "ckan.ini"
# One worker for inventory imports (and CKAN's own default queue), one for scoring, so an
# import never waits behind a pile of scoring jobs. Queue names: inventory/jobs.py QUEUE
# and scoring/jobs.py QUEUE.
WORKERS = {
    "worker": ("hokkaido-inventory", "default"),
    "scoring-worker": ("hokkaido-scoring",),
}
SYSADMIN = ("admin", "admin@example.org", "hokkaido-admin-2026")


def service_env(db: str = SITE_DB, redis_db: int = 0) -> dict:
    """CKAN reads these variables before its ini, so the ports set here always win."""
    server = f"127.0.0.1:{PORTS['pg']}"
    datastore = DATASTORE_DBS[db]
    return dict(
        os.environ,
        CKAN_SQLALCHEMY_URL=(f"postgresql://{DB_USER}:{DB_PASSWORD}@{server}/{db}"),
        CKAN_DATASTORE_WRITE_URL=f"postgresql://{DB_USER}:{DB_PASSWORD}@{server}/{datastore}",
        CKAN_DATASTORE_READ_URL=(
            f"postgresql://{DATASTORE_READ_USER}:{DATASTORE_READ_PASSWORD}@{server}/{datastore}"
        ),
        CKAN_SOLR_URL=solr_url(),
        CKAN_REDIS_URL=f"redis://127.0.0.1:{PORTS['redis']}/{redis_db}",
        CKAN_SITE_URL=f"http://127.0.0.1:{PORTS['ckan']}",
    )


def write_site_ini() -> None:
    if SITE_INI.exists():
        return
    secret = hashlib.sha256(os.urandom(32)).hexdigest()
    storage = LOCAL / "storage"
    storage.mkdir(parents=True, exist_ok=True)
    template = (ROOT / "config" / "site.ini.in").read_text()
    SITE_INI.write_text(
        template.replace("@ROOT@", str(ROOT))
        .replace("@SECRET@", secret)
        .replace("@STORAGE@", str(storage))
    )


def ckan(*args, env=None, check=True, **kwargs):
    return run(
        [BIN / "ckan", "-c", SITE_INI, *args], env=env or service_env(), check=check, **kwargs
    )


def prepare_site() -> None:
    write_site_ini()
    say("migrating the database")
    ckan("db", "init", quiet=True)
    ckan("db", "pending-migrations", "--apply", quiet=True)
    datastore_set_permissions(SITE_INI, service_env())
    ensure_sysadmin()
    ensure_xloader_token()
    say("seeding organizations and demo datasets")
    ckan("hokkaido", "seed-organizations")
    ckan("hokkaido", "seed-demo")
    say("updating the search index")
    ckan("search-index", "rebuild", "-o", quiet=True)
    say("taking today's progress snapshot")
    ckan("hokkaido", "progress", "snapshot")


def ensure_sysadmin() -> None:
    name, email, password = SYSADMIN
    shown = ckan("user", "show", name, capture_output=True, text=True).stdout
    if f" name={name} " not in shown:
        ckan("user", "add", name, f"email={email}", f"password={password}", quiet=True)
    if "sysadmin=True" not in shown:
        ckan("sysadmin", "add", name, quiet=True)


def ensure_xloader_token() -> None:
    """ckanext-xloader fetches uploaded files through the API with a token of the
    sysadmin's, written once into the site's ini."""
    text = SITE_INI.read_text()
    if has_xloader_token(text):
        return
    output = ckan_output(SITE_INI, service_env(), "user", "token", "add", SYSADMIN[0], "xloader")
    SITE_INI.write_text(with_xloader_token(text, output.strip().splitlines()[-1].strip()))


def has_xloader_token(ini_text: str) -> bool:
    return re.search(r"^ckanext\.xloader\.api_token[ \t]*=", ini_text, re.MULTILINE) is not None


def with_xloader_token(ini_text: str, token: str) -> str:
    return ini_text.replace("[app:main]\n", f"[app:main]\nckanext.xloader.api_token = {token}\n", 1)


def worker_pid(name: str) -> Path:
    return LOCAL / f"{name}.pid"


def worker_log(name: str) -> Path:
    return LOGS / f"{name}.log"


def workers_start() -> None:
    for name, queues in WORKERS.items():
        if pid_alive(worker_pid(name)):
            continue
        spawn(
            [BIN / "ckan", "-c", SITE_INI, "jobs", "worker", *queues],
            worker_log(name),
            worker_pid(name),
            env=service_env(),
        )


def serve() -> None:
    """The web server in the foreground; the workers start once it answers, since
    ckanext-xloader's jobs fetch uploaded files from it."""
    require_free_port("CKAN", PORTS["ckan"], "HOKKAIDO_CKAN_PORT")
    name, _, password = SYSADMIN
    server = subprocess.Popen(ckan_run_command(PORTS["ckan"]), env=service_env())
    try:
        wait_until(
            lambda: server.poll() is not None or site_answers(),
            "the CKAN web server",
            Path("its output above"),
            seconds=180,
        )
        if server.poll() is not None:
            sys.exit(server.returncode)
        workers_start()
        say(f"portal: http://127.0.0.1:{PORTS['ckan']}  (sysadmin login: {name} / {password})")
        say("press Ctrl-C to stop the web server; 'make stop' stops every service")
        sys.exit(server.wait())
    except KeyboardInterrupt:
        server.terminate()
        sys.exit(server.wait())


def site_answers() -> bool:
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{PORTS['ckan']}/api/3/action/status_show", timeout=5
        ) as response:
            return response.status == 200
    except OSError:
        return False


def ckan_run_command(port: int) -> list[str]:
    """The site's CKAN web server on a loopback port (also used by benchmarks)."""
    return [
        str(BIN / "ckan"),
        "-c",
        str(SITE_INI),
        "run",
        "-H",
        "127.0.0.1",
        "-p",
        str(port),
        "--disable-reloader",
    ]


# ---------------------------------------------------------------------------- commands


def start_services() -> None:
    install()
    pg_start()
    pg_ensure_databases()
    redis_start()
    solr_start()
    say(
        f"services up: PostgreSQL :{PORTS['pg']}, Redis :{PORTS['redis']}, "
        f"Solr :{PORTS['solr']} (logs in {LOGS})"
    )


def cmd_start() -> None:
    start_services()


def cmd_run() -> None:
    start_services()
    prepare_site()
    serve()


def cmd_test() -> None:
    start_services()
    env = service_env(db=TEST_DB, redis_db=1)
    test_ini = ROOT / "test.ini"
    run([BIN / "ckan", "-c", test_ini, "db", "init"], env=env, quiet=True)
    run([BIN / "ckan", "-c", test_ini, "db", "pending-migrations", "--apply"], env=env, quiet=True)
    datastore_set_permissions(test_ini, env)
    args = sys.argv[2:] or ["tests"]
    result = subprocess.run(
        [BIN / "python", "-m", "pytest", f"--ckan-ini={test_ini}", *args], env=env, cwd=ROOT
    )
    if os.environ.get("CI"):
        # CI starts from a fresh clone each time: leave nothing running behind.
        cmd_stop()
    sys.exit(result.returncode)


def cmd_stop() -> None:
    for name in WORKERS:
        stop_worker(worker_pid(name), f"the CKAN jobs {name}")
    stop_pid(SOLR_PID, "Solr")
    stop_pid(REDIS_PID, "Redis")
    pg_stop()


def cmd_status() -> None:
    checks = [
        ("PostgreSQL", PORTS["pg"], pg_ready, PG_LOG),
        ("Redis", PORTS["redis"], redis_ready, REDIS_LOG),
        ("Solr", PORTS["solr"], solr_ready, SOLR_LOG),
        *(
            (
                f"CKAN {name}",
                None,
                lambda n=name: pid_alive(worker_pid(n)) is not None,
                worker_log(name),
            )
            for name in WORKERS
        ),
        ("CKAN web", PORTS["ckan"], lambda: port_in_use(PORTS["ckan"]), None),
    ]
    for name, port, check, log in checks:
        state = "running" if check() else "stopped"
        where = f" on 127.0.0.1:{port}" if port else ""
        print(f"{name:12} {state}{where}" + (f"  log: {log}" if log else ""))


COMMANDS = {
    "run": cmd_run,
    "test": cmd_test,
    "start": cmd_start,
    "stop": cmd_stop,
    "status": cmd_status,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    try:
        COMMANDS[sys.argv[1]]()
    except StackError as exc:
        print(f"[stack] error: {exc}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
