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
"""Tissues whose mass the learner does not set directly (``liver_kg`` and so on)."""

HIGH_RATE_ORGANS = ("liver", "brain", "heart", "kidneys")
"""The organs with the highest rates per kilo, which together burn most of the resting energy while
weighing a few kilos (Elia 1992; Wang et al. 2010)."""

REFERENCES = {"man": "referentieman", "woman": "referentievrouw"}
"""Reference adults of ICRP Publication 89, with their Dutch names."""

CLAIM_KCAL_PER_KG = 50.0
"""The popular claim the course tests: "every kilo of muscle burns 50 kcal a day at rest" (no source;
widely repeated in fitness media)."""

INPUTS = check.declare(
    check.Number("muscle_kg", "spiermassa", 5, 60, 0.5, unit="kg"),
    check.Number("fat_kg", "vetmassa", 2, 80, 0.5, unit="kg"),
    check.Choice("reference", "referentiepersoon", REFERENCES, default="man"),
    check.Number("liver_kg", "massa lever", 0.8, 3.0, 0.05, unit="kg", optional=True),
    check.Number("brain_kg", "massa hersenen", 1.0, 1.8, 0.05, unit="kg", optional=True),
    check.Number("heart_kg", "massa hart", 0.15, 0.6, 0.01, unit="kg", optional=True),
    check.Number("kidneys_kg", "massa nieren", 0.15, 0.5, 0.01, unit="kg", optional=True),
    check.Number("residual_kg", "massa overig", 8, 40, 0.5, unit="kg", optional=True),
    check.Number("age_years", "leeftijd", 18, 90, 1, default=30, unit="jaar"),
    check.Choice("tissue", "weefsel", TISSUES),
    check.Number("extra_muscle_kg", "extra spier door training", 0, 5, 0.1, unit="kg"),
)
"""The inputs of the model (keywords of its functions).

Tissue masses over a wide adult range. An organ mass left out (``None``) is the reference
person's (:func:`reference_organs`). Extra muscle up to 5 kg: several times the 1.4 kg of
10 weeks of training in Westcott (2012).
"""


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

def reference_organs(reference: str = "man", params: Parameters = PARAMS) -> dict[str, float]:
    """Organ and residual masses (kg) of an ICRP 89 reference adult, ``"man"`` or ``"woman"``."""
    return dict(dict(params.organs)[INPUTS["reference"](reference)])


def tissue_masses_kg(*, muscle_kg, fat_kg, reference="man", liver_kg=None, brain_kg=None, heart_kg=None,
                     kidneys_kg=None, residual_kg=None, params: Parameters = PARAMS) -> dict[str, float]:
    """The mass of each tissue, kg (keys of :data:`TISSUES`): the given ones checked, the reference
    person's (:func:`reference_organs`) for organs left out."""
    given = dict(liver=liver_kg, brain=brain_kg, heart=heart_kg, kidneys=kidneys_kg, residual=residual_kg)
    organs = reference_organs(reference, params)
    masses = {"muscle": INPUTS["muscle_kg"](muscle_kg), "adipose": INPUTS["fat_kg"](fat_kg)}
    for organ, value in given.items():
        mass = INPUTS[f"{organ}_kg"](value)
        masses[organ] = organs[organ] if mass is None else mass
    return masses


def tissue_energy_kcal(*, muscle_kg, fat_kg, reference="man", liver_kg=None, brain_kg=None, heart_kg=None,
                       kidneys_kg=None, residual_kg=None, age_years=30,
                       params: Parameters = PARAMS) -> dict[str, float]:
    """Resting energy expenditure of each tissue, kcal per day (keys of :data:`TISSUES`).

    Parameters
    ----------
    muscle_kg : float
        Skeletal muscle mass, 5–60 kg.
    fat_kg : float
        Adipose tissue mass, 2–80 kg.
    reference : {"man", "woman"}
        The ICRP 89 reference adult whose organ masses are used where none is given.
    liver_kg, brain_kg, heart_kg, kidneys_kg, residual_kg : float or None
        Organ masses and the residual mass, kg (ranges in :data:`INPUTS`); ``None``: the
        reference person's (:func:`reference_organs`).
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
    masses = tissue_masses_kg(muscle_kg=muscle_kg, fat_kg=fat_kg, reference=reference, liver_kg=liver_kg,
                              brain_kg=brain_kg, heart_kg=heart_kg, kidneys_kg=kidneys_kg, residual_kg=residual_kg,
                              params=params)
    rates = _rates(INPUTS["age_years"](age_years), params)
    return {tissue: masses[tissue] * rates[tissue] for tissue in TISSUES}


def resting_energy_kcal(*, muscle_kg, fat_kg, reference="man", liver_kg=None, brain_kg=None, heart_kg=None,
                        kidneys_kg=None, residual_kg=None, age_years=30, params: Parameters = PARAMS) -> float:
    """Resting energy expenditure, kcal per day: the sum of :func:`tissue_energy_kcal` (same inputs)."""
    return sum(tissue_energy_kcal(muscle_kg=muscle_kg, fat_kg=fat_kg, reference=reference, liver_kg=liver_kg,
                                  brain_kg=brain_kg, heart_kg=heart_kg, kidneys_kg=kidneys_kg,
                                  residual_kg=residual_kg, age_years=age_years, params=params).values())


def kcal_per_kg(tissue: str, *, age_years=30, params: Parameters = PARAMS) -> float:
    """Specific metabolic rate of one tissue at an age, kcal per kg per day (Elia 1992; Wang et al. 2010)."""
    return _rates(INPUTS["age_years"](age_years), params)[INPUTS["tissue"](tissue)]


@dataclass(frozen=True)
class ExtraMuscle:
    """What extra muscle adds to resting energy expenditure, next to the popular claim."""

    kcal: float
    """Extra resting energy, kcal per day: the extra muscle times its rate per kilo (:func:`kcal_per_kg`)."""
    claim_kcal: float
    """What the claim says it adds: the extra muscle times :data:`CLAIM_KCAL_PER_KG`."""


def extra_muscle(extra_muscle_kg, *, age_years=30, params: Parameters = PARAMS) -> ExtraMuscle:
    """What ``extra_muscle_kg`` of muscle gained by training adds to resting energy, kcal per day, and what the
    claim of 50 kcal per kilo says it adds.

    Resting energy is the sum of tissue masses times their rates (:func:`tissue_energy_kcal`), so
    extra muscle adds its own mass times the rate of muscle, 13 kcal per kg per day (Elia 1992;
    12.6 over fifty, Wang et al. 2010): about a quarter of the claim, whatever the rest of the body.
    Training studies measured larger rises of resting energy (Westcott 2012: +7% after 10 weeks;
    Kirk et al. 2009; Aristizabal et al. 2015) than the extra muscle itself explains.

    References
    ----------
    elia1992, wang2010, westcott2012, kirk2009, aristizabal2015.
    """
    extra = INPUTS["extra_muscle_kg"](extra_muscle_kg)
    return ExtraMuscle(kcal=extra * kcal_per_kg("muscle", age_years=age_years, params=params),
                       claim_kcal=extra * CLAIM_KCAL_PER_KG)


def _rates(age: float, params: Parameters) -> dict[str, float]:
    """Specific metabolic rates for an age: Elia's, Wang's for over-fifties, linear in between."""
    young, old = params.rates_ages
    weight = min(max((age - young) / (old - young), 0.0), 1.0)
    older = dict(params.rates_over_50)
    return {tissue: (1 - weight) * rate + weight * older[tissue] for tissue, rate in params.rates}


__all__ = ["TISSUES", "ORGANS", "HIGH_RATE_ORGANS", "REFERENCES", "CLAIM_KCAL_PER_KG", "INPUTS", "Parameters",
           "PARAMS", "ExtraMuscle", "reference_organs", "tissue_masses_kg", "tissue_energy_kcal",
           "resting_energy_kcal", "kcal_per_kg", "extra_muscle"]
