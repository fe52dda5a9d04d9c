"""The course's explorers: one call per explorer in a chapter, e.g. ``hormoonverkenner()``."""

from explorers.hormones import hormoonverkenner
from explorers.protein import eiwitbalans
from explorers.satellite_cells import satellietcellen
from explorers.training import rekenaar_1rm, trainingsvariabelen

__all__ = ["hormoonverkenner", "eiwitbalans", "trainingsvariabelen", "rekenaar_1rm", "satellietcellen"]
