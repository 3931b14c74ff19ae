"""Build the hokkaido-opendata-tools wheel (hokkaido-score and hokkaido-convert without CKAN).

    python3 tools/opendata_tools/build.py [--out DIR]      # default DIR: dist/ at the top

The engines have one copy, in ckanext/hokkaido/. This script stages that copy of the packages
named in pyproject.toml's `include` list, with the pyproject.toml and README.md beside this
script and a VERSION file holding setup.cfg's version, in a temporary folder, refuses to go on
if a staged module imports CKAN or a package the wheel does not ship, and builds the wheel
there with pip (setuptools comes from PyPI, per build-system.requires). Prints the wheel's
path.
"""

from __future__ import annotations

import argparse
import configparser
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DISTRIBUTION = "hokkaido_opendata_tools"
# [ \t] rather than \s: \s would run across blank lines from every line start (quadratic)
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import\b|import[ \t]+([\w.]+))", re.MULTILINE
)


def shipped_packages() -> list[str]:
    """The top packages of the wheel, as pyproject.toml's find `include` names them (each
    also as "<package>.*", for its sub-packages)."""
    config = tomllib.loads((HERE / "pyproject.toml").read_text("utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    return [pattern for pattern in include if not pattern.endswith(".*")]


def version() -> str:
    setup_cfg = configparser.ConfigParser()
    setup_cfg.read(REPO / "setup.cfg", encoding="utf-8")
    return setup_cfg["metadata"]["version"]


def stage(target: Path) -> None:
    """Copy what the wheel is built from into target (an empty folder)."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(HERE / name, target / name)
    (target / "VERSION").write_text(version() + "\n", encoding="utf-8")
    for package in shipped_packages():
        relative = Path(*package.split("."))
        shutil.copytree(
            REPO / relative,
            target / relative,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"),
        )


def foreign_imports(root: Path, packages: list[str]) -> list[str]:
    """Imports, in the modules under root, of CKAN or of ckanext modules the wheel lacks."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        module_parts = list(path.relative_to(root).with_suffix("").parts)
        package_parts = module_parts[:-1]  # __init__ included: its package is its folder
        for dots, from_name, import_name in _IMPORT.findall(path.read_text("utf-8")):
            if dots:
                base = package_parts[: len(package_parts) - (len(dots) - 1)]
                name = ".".join(base + ([from_name] if from_name else []))
            else:
                name = from_name or import_name
            top = name.split(".")[0]
            if top not in ("ckan", "ckanext"):
                continue
            if not any(name == p or name.startswith(p + ".") for p in packages):
                problems.append(f"{path.relative_to(root)}: imports {name}")
    return problems


def build_wheel(out: Path) -> Path:
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hokkaido-opendata-tools-") as staging:
        staging = Path(staging)
        stage(staging)
        problems = foreign_imports(staging, shipped_packages())
        if problems:
            raise SystemExit("the tools wheel would import outside itself:\n" + "\n".join(problems))
        for old in out.glob(f"{DISTRIBUTION}-{version()}-*.whl"):
            old.unlink()
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(staging)],
            check=True,
        )
    (wheel,) = out.glob(f"{DISTRIBUTION}-{version()}-*.whl")
    return wheel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="build the hokkaido-opendata-tools wheel")
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="default: dist/")
    args = parser.parse_args(argv)
    print(build_wheel(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
