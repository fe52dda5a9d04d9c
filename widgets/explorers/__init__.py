"""Explorers of the course: ipywidgets + matplotlib views over the ``edu`` models.

One explorer per topic; each chapter calls one function per explorer, e.g.
``hormoonverkenner()``.
"""

from explorers.hormones import hormoonverkenner

__all__ = ["hormoonverkenner"]
