"""Resting energy expenditure as the sum of tissue masses times their specific metabolic rates.

Every tissue burns energy at rest at its own rate per kilogram (Elia 1992): the organs
(liver, brain, heart, kidneys) burn a lot per kilo but weigh little, skeletal muscle burns
little per kilo but weighs a lot. Wang et al. (2010) checked Elia's rates against MRI
organ masses and indirect calorimetry in three age groups: they held for the 21–30 and
31–50-year-olds and were about 3% too high for the over-fifties, for whom they give
adjusted rates. Between the groups the model interpolates.

This is the model behind a popular claim: how much does an extra kilo of muscle add to
resting metabolism?
"""

from __future__ import annotations

from dataclasses import dataclass

from edu import validation as check

TISSUES = {"muscle": "spier", "adipose": "vetweefsel", "liver": "lever", "brain": "hersenen",
           "heart": "hart", "kidneys": "nieren", "residual": "overig"}
"""The tissues of the model, with their Dutch names."""

ORGANS = ("liver", "brain", "heart", "kidneys", "residual")
"""Tissues whose mass the learner does not set directly (``organ_masses``)."""

REFERENCES = {"man": "referentieman", "woman": "referentievrouw"}
"""Reference adults of ICRP Publication 89, with their Dutch names."""


@dataclass(frozen=True)
class Parameters:
    """Specific metabolic rates (kcal per kg per day) and reference organ masses (kg).

    ``rates``: Elia (1992), as tabulated and confirmed by Wang et al. (2010) for their groups
    of 21–30 and 31–50 years: liver 200, brain 240, heart 440, kidneys 440, skeletal muscle
    13, adipose tissue 4.5, residual mass 12. ``rates_over_50``: Wang et al. (2010) for their
    group over 50: liver 194, brain 233, heart and kidneys 426, muscle 12.6, adipose tissue
    4.4, residual 11.6.

    ``rates_ages``: the ages the two sets of rates stand for, with linear interpolation in
    between and the nearer set beyond: 40.5 years, the middle of Wang's 31–50-year group (the
    oldest group in which Elia's rates held), and 60 years for the group over 50 (assumed: the
    abstract gives no mean age for that group). This replaces a step of about 3% at 50.

    ``organs``: reference masses of ICRP Publication 89 (2002), as tabulated in secondary
    sources: man (73 kg) liver 1.80, brain 1.45, kidneys 0.31 kg; woman (60 kg) liver 1.40,
    brain 1.30, kidneys 0.275 kg. Heart tissue without blood: 0.33 and 0.25 kg, as commonly
    quoted from ICRP 89 but not checked against the report here (only the heart with its
    blood, 0.84 and 0.62 kg, was).
    Residual mass (skeleton, skin, blood, gut and the rest): body mass minus every other
    tissue, with ICRP 89's muscle (29.0 and 17.5 kg) and adipose tissue (18.2 and 22.5 kg):
    21.9 kg (man) and 16.8 kg (woman).
    """

    rates: tuple = (("muscle", 13.0), ("adipose", 4.5), ("liver", 200.0), ("brain", 240.0),
                    ("heart", 440.0), ("kidneys", 440.0), ("residual", 12.0))
    rates_over_50: tuple = (("muscle", 12.6), ("adipose", 4.4), ("liver", 194.0), ("brain", 233.0),
                            ("heart", 426.0), ("kidneys", 426.0), ("residual", 11.6))
    rates_ages: tuple = (40.5, 60.0)
    organs: tuple = (
        ("man", (("liver", 1.80), ("brain", 1.45), ("heart", 0.33), ("kidneys", 0.31), ("residual", 21.9))),
        ("woman", (("liver", 1.40), ("brain", 1.30), ("heart", 0.25), ("kidneys", 0.275), ("residual", 16.8))),
    )


PARAMS = Parameters()

LIMITS_KG = {"muscle": (5.0, 60.0), "adipose": (2.0, 80.0), "liver": (0.8, 3.0), "brain": (1.0, 1.8),
             "heart": (0.15, 0.6), "kidneys": (0.15, 0.5), "residual": (8.0, 40.0)}
"""Valid tissue masses, kg: a wide adult range."""


def reference_organs(reference: str = "man", params: Parameters = PARAMS) -> dict[str, float]:
    """Organ and residual masses (kg) of an ICRP 89 reference adult, ``"man"`` or ``"woman"``."""
    kind = check.choice(reference, name="reference", label="referentiepersoon", options=REFERENCES)
    return dict(dict(params.organs)[kind])


def tissue_energy_kcal(*, muscle_kg, fat_kg, organ_masses=None, age_years=30,
                       params: Parameters = PARAMS) -> dict[str, float]:
    """Resting energy expenditure of each tissue, kcal per day (keys of :data:`TISSUES`).

    Parameters
    ----------
    muscle_kg : float
        Skeletal muscle mass, 5–60 kg.
    fat_kg : float
        Adipose tissue mass, 2–80 kg.
    organ_masses : dict or None
        Masses (kg) of some or all of ``"liver"``, ``"brain"``, ``"heart"``, ``"kidneys"``
        and ``"residual"``; missing ones are the reference man's (:func:`reference_organs`).
    age_years : float
        Age, 18–90 years: Elia's rates up to 40.5 years, those of Wang et al. (2010) for
        over-fifties from 60, linear in between (:class:`Parameters`).
    params : Parameters

    References
    ----------
    elia1992, wang2010, icrp2002.

    Limits
    ------
    Rates per kilo are averages for healthy, non-obese adults; they differ between people,
    with illness, fever, thyroid hormone and after a meal, which the model leaves out. A
    training session raises energy use for hours afterwards (not resting metabolism in this
    sense), and organs can change with training; both are left out. Tissue masses are
    inputs: the model does not estimate them from body weight.
    """
    masses = {"muscle": check.number(muscle_kg, name="muscle_kg", label="spiermassa",
                                     lo=LIMITS_KG["muscle"][0], hi=LIMITS_KG["muscle"][1], unit="kg"),
              "adipose": check.number(fat_kg, name="fat_kg", label="vetmassa",
                                      lo=LIMITS_KG["adipose"][0], hi=LIMITS_KG["adipose"][1], unit="kg")}
    age = check.number(age_years, name="age_years", label="leeftijd", lo=18, hi=90, unit="jaar")
    given = {} if organ_masses is None else organ_masses
    if not isinstance(given, dict) or not set(given) <= set(ORGANS):
        shown = repr(sorted(given) if isinstance(given, dict) else given)
        raise check.InputError(
            f"Ongeldige waarde voor orgaanmassa's (organ_masses): {shown}. Geef een woordenboek "
            f"met een of meer van {', '.join(ORGANS)}.")
    for organ in ORGANS:
        lo, hi = LIMITS_KG[organ]
        value = given.get(organ, dict(dict(params.organs)["man"])[organ])
        masses[organ] = check.number(value, name=f"organ_masses['{organ}']",
                                     label=f"massa {TISSUES[organ]}", lo=lo, hi=hi, unit="kg")
    rates = _rates(age, params)
    return {tissue: masses[tissue] * rates[tissue] for tissue in TISSUES}


def resting_energy_kcal(*, muscle_kg, fat_kg, organ_masses=None, age_years=30,
                        params: Parameters = PARAMS) -> float:
    """Resting energy expenditure, kcal per day: the sum of :func:`tissue_energy_kcal`."""
    return sum(tissue_energy_kcal(muscle_kg=muscle_kg, fat_kg=fat_kg, organ_masses=organ_masses,
                                  age_years=age_years, params=params).values())


def kcal_per_kg(tissue: str, *, age_years=30, params: Parameters = PARAMS) -> float:
    """Specific metabolic rate of one tissue at an age, kcal per kg per day (Elia 1992; Wang et al. 2010)."""
    name = check.choice(tissue, name="tissue", label="weefsel", options=TISSUES)
    age = check.number(age_years, name="age_years", label="leeftijd", lo=18, hi=90, unit="jaar")
    return _rates(age, params)[name]


def _rates(age: float, params: Parameters) -> dict[str, float]:
    """Specific metabolic rates for an age: Elia's, Wang's for over-fifties, linear in between."""
    young, old = params.rates_ages
    weight = min(max((age - young) / (old - young), 0.0), 1.0)
    older = dict(params.rates_over_50)
    return {tissue: (1 - weight) * rate + weight * older[tissue] for tissue, rate in params.rates}


__all__ = ["TISSUES", "ORGANS", "REFERENCES", "LIMITS_KG", "Parameters", "PARAMS", "reference_organs",
           "tissue_energy_kcal", "resting_energy_kcal", "kcal_per_kg"]
