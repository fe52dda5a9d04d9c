"""edu.lifespan: the running total of a yearly rate is exact for a rate that is linear in age."""

import numpy as np

from edu.lifespan import accumulated


def test_lineaire_snelheid_geeft_het_exacte_totaal():
    grid = np.linspace(50, 90, 81)
    total = accumulated([(50, 0.0), (90, 0.8)], grid)  # rate 0.02·(age − 50) per year
    np.testing.assert_allclose(total, 0.01 * (grid - 50) ** 2)


def test_schaal_en_vlakke_voortzetting():
    grid = np.linspace(20, 40, 21)
    np.testing.assert_allclose(accumulated([(30, 1.0), (35, 1.0)], grid, 0.5), 0.5 * (grid - 20))
