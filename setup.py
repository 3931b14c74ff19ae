from setuptools import setup

# Metadata lives in setup.cfg; message extraction for Babel is configured here
# because it needs Python structures.
setup(
    message_extractors={
        "ckanext": [
            ("**.py", "python", None),
            ("**.js", "javascript", None),
            ("**/templates/**.html", "ckan", None),
        ],
    },
)
