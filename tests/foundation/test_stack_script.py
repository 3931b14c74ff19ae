"""tools/stack.py fails with one clear sentence, never a stack trace."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys

import pytest


@pytest.fixture
def stack(repo_root):
    spec = importlib.util.spec_from_file_location(
        "stack_under_test", repo_root / "tools" / "stack.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_busy_port_is_named_with_the_variable_that_moves_it(stack):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        with pytest.raises(stack.StackError) as error:
            stack.require_free_port("Solr", port, "HOKKAIDO_SOLR_PORT")

    assert f"port {port} for Solr is taken" in str(error.value)
    assert "HOKKAIDO_SOLR_PORT" in str(error.value)


def test_a_stale_pid_file_counts_as_not_running(stack, tmp_path):
    finished = subprocess.run(["true"])
    pid_file = tmp_path / "solr.pid"
    pid_file.write_text("999999999")

    assert finished.returncode == 0
    assert stack.pid_alive(pid_file) is None


def test_a_live_pid_file_counts_as_running(stack, tmp_path):
    pid_file = tmp_path / "self.pid"
    pid_file.write_text(str(os.getpid()))

    assert stack.pid_alive(pid_file) == os.getpid()


def test_the_japanese_field_goes_inside_the_schema(stack):
    schema = stack.solr_schema('<schema name="ckan-2.12"><fields/></schema>\n', "<field/>")

    assert schema == '<schema name="ckan-2.12"><fields/><field/>\n</schema>\n'


def test_a_broken_ckan_schema_is_a_clear_error(stack):
    with pytest.raises(stack.StackError, match="no </schema>"):
        stack.solr_schema("<schema>", "<field/>")


def test_an_unknown_command_prints_the_usage(repo_root):
    result = subprocess.run(
        [sys.executable, str(repo_root / "tools" / "stack.py"), "frobnicate"],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 2
    assert "Usage: python3 tools/stack.py COMMAND" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_stack_error_is_one_sentence_without_a_traceback(repo_root, tmp_path):
    # A port taken by another program: `start` must stop with the sentence, not a trace.
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = dict(os.environ, HOKKAIDO_CKAN_PORT=str(port))
        script = (
            "import sys; sys.argv=['stack','x']; sys.path.insert(0, sys.argv[0]);"
            "import importlib.util as u;"
            f"s=u.spec_from_file_location('s', {str(repo_root / 'tools' / 'stack.py')!r});"
            "m=u.module_from_spec(s); s.loader.exec_module(m);"
            "m.COMMANDS['x']=m.serve; m.main()"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True
        )

    assert result.returncode == 1
    assert f"error: port {port} for CKAN is taken" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_clone_others_cannot_enter_keeps_postgresql_where_postgres_can(stack, tmp_path):
    home = tmp_path / "home"
    (home / "clone").mkdir(parents=True)
    home.chmod(0o700)
    local = home / "clone" / ".local"

    assert not stack.others_can_enter(local)
    if os.geteuid() == 0:
        assert not stack.pg_dir(local).is_relative_to(home)
    else:
        assert stack.pg_dir(local) == local / "pg"


def test_as_root_postgresql_runs_from_a_clone_inside_a_0700_home(stack, tmp_path, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("only root runs PostgreSQL as another user")
    home = tmp_path / "root-home"
    (home / "clone").mkdir(parents=True)
    home.chmod(0o700)
    monkeypatch.chdir(home / "clone")
    pg_dir = stack.pg_dir(home / "clone" / ".local")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    for name, value in (
        ("PG_DIR", pg_dir),
        ("PG_DATA", pg_dir / "data"),
        ("PG_RUN", pg_dir / "run"),
        ("PG_LOG", pg_dir / "postgresql.log"),
        ("PORTS", dict(stack.PORTS, pg=port)),
    ):
        monkeypatch.setattr(stack, name, value)
    try:
        stack.pg_start()
        assert stack.pg_ready()
        assert stack.psql("SELECT 1") == "1"
    finally:
        stack.pg_stop()
        shutil.rmtree(pg_dir, ignore_errors=True)


def test_the_xloader_token_goes_into_the_app_section_and_a_comment_is_not_one(stack):
    template = "# ckanext.xloader.api_token is added below\n[app:main]\nckan.site_id = x\n"

    written = stack.with_xloader_token(template, "TOKEN-123")

    assert not stack.has_xloader_token(template)
    assert stack.has_xloader_token(written)
    assert "[app:main]\nckanext.xloader.api_token = TOKEN-123\nckan.site_id = x\n" in written
