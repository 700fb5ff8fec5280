"""Places: the GeoNames gazetteer, toponym recognition and resolution, event locations.

- ``load_gazetteer()`` builds the immutable ``Gazetteer`` once (see ``loading.py``).
- ``resolve_places(doc, gazetteer, actors=...)`` finds and resolves every toponym.
- ``locate_events(doc, events, places)`` gives each event the place that governs it.

GeoNames data (https://www.geonames.org) is used under CC BY 4.0.
"""

from tocsin.places.gazetteer import Gazetteer, Place, normalise_name
from tocsin.places.loading import load_gazetteer
from tocsin.places.locate import locate_events
from tocsin.places.mentions import resolve_places

__all__ = ["Gazetteer", "Place", "load_gazetteer", "locate_events", "normalise_name", "resolve_places"]
