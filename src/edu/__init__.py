"""Model library of the course "Fysiologie van krachttraining".

Pure numpy models, one module per topic, each cited and tested. Learner-facing error
messages are Dutch (:class:`InputError`).
"""

from edu import datasets, hormones
from edu.validation import InputError

__all__ = ["InputError", "datasets", "hormones"]
