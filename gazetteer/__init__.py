"""Resolve place names of the Armenia–Azerbaijan conflict, in any script, to places."""

from .core import DEFAULT_AREA, Gazetteer
from .errors import DataError, FallbackError, GazetteerError, InputError, PlaceNotFound
from .model import Candidate, Name, Place, Resolution

__all__ = [
    "Gazetteer", "Place", "Name", "Candidate", "Resolution", "DEFAULT_AREA",
    "GazetteerError", "DataError", "InputError", "PlaceNotFound", "FallbackError",
]
__version__ = "0.1.0"
