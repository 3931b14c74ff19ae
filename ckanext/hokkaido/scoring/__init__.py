"""Machine-readability scoring engine. Imports nothing from CKAN.

from ckanext.hokkaido.scoring import score_file, score_url
"""

from .engine import score_file, score_url
from .fetch import FetchPolicy
from .limits import Limits

__all__ = ["score_file", "score_url", "FetchPolicy", "Limits"]
