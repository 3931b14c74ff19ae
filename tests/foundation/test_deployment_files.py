"""Docker cannot run here, so the deployment files are checked by reading them."""

from __future__ import annotations

import importlib.util
import re

import pytest
import yaml

SERVICES = {"ckan", "worker", "scoring-worker", "db", "solr", "redis"}


@pytest.fixture
def docker_dir(repo_root):
    return repo_root / "docker"


@pytest.fixture
def compose(docker_dir):
    return yaml.safe_load((docker_dir / "docker-compose.yml").read_text())


@pytest.fixture
def stack(repo_root):
    spec = importlib.util.spec_from_file_location("stack", repo_root / "tools" / "stack.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compose_has_every_service_with_a_healthcheck(compose):
    assert set(compose["services"]) == SERVICES
    for name, service in compose["services"].items():
        assert service.get("healthcheck", {}).get("test"), name


def test_compose_uses_named_volumes_for_state(compose):
    assert {"ckan_storage", "pg_data", "solr_data", "redis_data"} <= set(compose["volumes"])


def test_every_path_compose_mounts_exists_in_the_repo(compose, docker_dir):
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (docker_dir / source).exists(), volume
        build = service.get("build")
        if build:
            context = docker_dir / build["context"]
            assert (context / build["dockerfile"]).is_file()


def test_every_variable_compose_uses_is_documented(compose, docker_dir):
    text = (docker_dir / "docker-compose.yml").read_text()
    used = set(re.findall(r"\$\{(\w+)", text))
    documented = set(
        re.findall(r"^(\w+)=", (docker_dir / ".env.example").read_text(), re.MULTILINE)
    )
    assert used - documented == set()
    assert used


def test_every_file_the_dockerfile_copies_exists(repo_root, docker_dir):
    for line in (docker_dir / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY ") and "--from" not in line:
            for source in line.split()[1:-1]:
                assert (repo_root / source).exists(), line


def test_the_docker_solr_schema_is_the_installed_ckan_schema_plus_japanese(stack):
    generated = stack.solr_schema(
        stack.installed_ckan_schema().read_text(),
        (stack.CONFIGSET / "japanese-fields.xml").read_text(),
    )

    committed = (stack.CONFIGSET / "schema.xml").read_text()

    assert committed == generated, "regenerate docker/solr/configset/conf/schema.xml"
    assert '<field name="text_ja"' in committed
    assert committed.rstrip().endswith("</schema>")


def test_compose_and_make_run_start_a_worker_for_each_of_our_queues(compose, stack):
    from ckanext.hokkaido.inventory import jobs as inventory_jobs
    from ckanext.hokkaido.scoring import jobs as scoring_jobs

    served = {q for s in compose["services"].values() for q in s.get("command", [])[1:]}
    ours = {inventory_jobs.QUEUE, scoring_jobs.QUEUE, "default"}
    assert ours <= served
    assert ours <= {q for queues in stack.WORKERS.values() for q in queues}
    assert compose["services"]["scoring-worker"]["command"] == ["worker", scoring_jobs.QUEUE]
