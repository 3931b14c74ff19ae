"""The wheel built from a clean checkout carries the scheming schemas, which live in the
repository's top-level schemas/ folder, and serves them the way ckanext-scheming loads
them (``scheming.dataset_schemas = ckanext.hokkaido.schemas:dataset.yaml``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# What scheming's _load_schema_module_path does with "module:file", plus the inventory's
# own reading of the dataset schema through importlib.resources.
LOAD_LIKE_SCHEMING = """
import inspect, os, sys
from importlib import resources
for url in sys.argv[1:]:
    module, file_name = url.split(":", 1)
    m = __import__(module, fromlist=[""])
    path = os.path.join(os.path.dirname(inspect.getfile(m)), file_name)
    text = open(path, encoding="utf-8").read()
    assert "scheming_version" in text, path
    print(path)
vocabularies = resources.files("ckanext.hokkaido.schemas").joinpath("vocabularies")
print(sorted(p.name for p in vocabularies.iterdir()))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from the files git knows (tracked, or new and not ignored)."""
    checkout = tmp_path_factory.mktemp("checkout")
    for name in _repository_files():
        source = REPO / name
        if source.is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, checkout / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(checkout),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("ckanext_hokkaido-*.whl")
    return built


@pytest.fixture(scope="module")
def clean_venv(tmp_path_factory, wheel) -> Path:
    """A new virtualenv with nothing but the wheel (no dependencies, no editable copy)."""
    target = tmp_path_factory.mktemp("venv")
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return python


def test_the_wheel_serves_the_schemas_as_scheming_loads_them(clean_venv):
    run = subprocess.run(
        [
            clean_venv,
            "-c",
            LOAD_LIKE_SCHEMING,
            "ckanext.hokkaido.schemas:dataset.yaml",
            "ckanext.hokkaido.schemas:organization.yaml",
        ],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert all("site-packages/ckanext/hokkaido/schemas/" in line for line in lines[:2])
    assert "estat_categories.csv" in lines[2] and "standard_datasets.csv" in lines[2]


def test_the_schemas_exist_only_at_the_top_of_the_repository():
    files = _repository_files()
    assert [n for n in files if n.endswith("dataset.yaml")] == ["schemas/dataset.yaml"]
    assert [n for n in files if n.endswith("organization.yaml")] == ["schemas/organization.yaml"]


def test_the_wheel_holds_the_same_schema_bytes(wheel):
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("ckanext/hokkaido/schemas/dataset.yaml")
    assert shipped == (REPO / "schemas" / "dataset.yaml").read_bytes()


def test_the_wheel_carries_the_portals_templates_and_images(wheel):
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {
        "ckanext/hokkaido/public/hokkaido/logo.svg",
        "ckanext/hokkaido/public/base/images/placeholder-organization.png",
        "ckanext/hokkaido/templates/home/index.html",
        "ckanext/hokkaido/assets/hokkaido.css",
    } <= names


def _repository_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    return [n.decode() for n in listed if n]
