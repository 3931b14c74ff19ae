from setuptools import find_namespace_packages, setup

# Metadata lives in setup.cfg. Here: what needs Python structures. The scheming YAML lives
# in the repository's top-level schemas/ (its single copy) and ships as the package
# ckanext.hokkaido.schemas; message extraction for Babel.
SCHEMAS_PACKAGE = "ckanext.hokkaido.schemas"

setup(
    packages=[*find_namespace_packages(include=["ckanext*"]), SCHEMAS_PACKAGE],
    package_dir={SCHEMAS_PACKAGE: "schemas"},
    package_data={SCHEMAS_PACKAGE: ["*.yaml", "vocabularies/*.csv", "vocabularies/*.md"]},
    message_extractors={
        "ckanext": [
            ("**.py", "python", None),
            ("**.js", "javascript", None),
            ("**/templates/**.html", "ckan", None),
        ],
    },
)
