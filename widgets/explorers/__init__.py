"""The course's explorers: one call per explorer in a chapter, e.g. ``hormoonverkenner()``."""

from explorers.bone import botten
from explorers.cognition import hersenen
from explorers.concurrent import weekplanner
from explorers.fitness_fatigue import fitheid_vermoeidheid
from explorers.glucose import bloedsuiker
from explorers.hormones import hormoonverkenner
from explorers.metabolism import ruststofwisseling
from explorers.protein import eiwitbalans
from explorers.satellite_cells import satellietcellen
from explorers.signaling import signaalroutes
from explorers.training import rekenaar_1rm, trainingsvariabelen

__all__ = ["hormoonverkenner", "eiwitbalans", "trainingsvariabelen", "rekenaar_1rm", "satellietcellen",
           "signaalroutes", "weekplanner", "fitheid_vermoeidheid", "botten", "bloedsuiker",
           "ruststofwisseling", "hersenen"]
