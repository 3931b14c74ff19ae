"""Machine-readability scoring engine. Imports nothing from CKAN.

from ckanext.hokkaido.scoring import score_file, score_url
"""

from .engine import refused_result, score_file, score_url
from .fetch import FetchPolicy, FetchRefused, fetch_to_file
from .limits import Limits

__all__ = [
    "score_file",
    "score_url",
    "refused_result",
    "fetch_to_file",
    "FetchPolicy",
    "FetchRefused",
    "Limits",
]
