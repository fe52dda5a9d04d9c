"""Acute hormonal response to one resistance-training session.

A didactic model of serum testosterone (nmol/L), growth hormone (GH, µg/L) and cortisol
(nmol/L) from before a session until hours after it. Each hormone follows a linear
two-compartment (Bateman) response to a constant "stimulus" spread evenly over the
session: the level rises during the session, peaks at or shortly after its end and decays
back to its resting value, GH and cortisol with their measured plasma half-lives (Holl et
al. 1993; Holland-Frei Cancer Medicine 2003). The size of the peak is the product of the
session's features, each scaled to 1 for the reference session of Kraemer et al. (1991)
protocol P-2 (8 exercises, 3 sets of 10RM, 1 min rest, large muscle mass):

* volume load (exercises × sets × reps × load fraction), saturating (Smilios et al. 2003:
  4 sets raised GH and cortisol more than 2 sets, 6 sets no more than 4);
* repetitions and load are coupled: a set can have no more repetitions than the load
  allows. Unless given, the load is the repetition maximum, the heaviest load for that many
  repetitions, from the Epley relation of :func:`edu.training.load_for_reps`;
* rest between sets: short rest, more metabolic stress, larger GH and cortisol response
  (Kraemer et al. 1991; Kraemer & Ratamess 2005);
* rest in the middle of each set blunts the GH response (Goto et al. 2005: 30 s);
* forced repetitions enlarge the GH and cortisol response (Ahtiainen et al. 2003);
* small muscle mass (arms only) gives hardly any systemic rise (Hansen et al. 2001;
  West et al. 2010; Rønnestad et al. 2011);
* sex: women have ~15× lower testosterone with no clear rise, higher resting GH and a
  smaller GH peak (Kraemer et al. 1991; Häkkinen & Pakarinen 1995; Handelsman et al. 2018).

The model is didactic, not clinical: see the Limits section of :func:`acute_response`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from edu import training
from edu import validation as check

HORMONES = ("testosterone", "growth_hormone", "cortisol")
"""Names of the modelled hormones, in the order of the figures."""

SEXES = {"male": "man", "female": "vrouw"}
MUSCLE_MASSES = {"large": "hele lichaam", "small": "alleen armen"}
"""Muscle mass trained: large (legs or whole body) or small (arms only), with the Dutch names."""


INPUTS = check.declare(
    check.Choice("sex", "geslacht", SEXES, default="male"),
    check.Number("exercises", "aantal oefeningen", 1, 12, 1, default=8, integer=True),
    check.Number("sets", "sets per oefening", 1, 10, 1, default=3, integer=True),
    check.Number("reps", "herhalingen per set", 1, training.MAX_REPS["epley"], 1, default=10, integer=True),
    check.Number("load_pct_1rm", "belasting", 30, 100, 1, unit="% 1RM", optional=True),
    check.Number("rest_s", "rust tussen de sets", 0, 300, 15, default=60, unit="s"),
    check.Choice("muscle_mass", "spiermassa", MUSCLE_MASSES, default="large"),
    check.Flag("forced_reps", "geforceerde herhalingen"),
    check.Number("intra_set_rest_s", "rust midden in de set", 0, 60, 5, default=0, unit="s"),
    check.Number("t_min", "tijd na de training", -1440, 1440, 1, unit="min", array=True),
    check.Number("recovery_fraction", "drempel voor herstel", 0.01, 0.5, 0.01, default=0.1),
)
"""The inputs of the hormone model (keywords of :func:`acute_response` and :func:`peaks`).

Repetitions go up to 15, the range in which the course uses the Epley relation
(:data:`edu.training.MAX_REPS`); the load's upper bound 100% holds for one repetition, for more
it is the repetition maximum (:func:`acute_response`). Rest up to 5 min between sets (the
studies used 1–3 min; beyond ~4 min the rest effect is flat) and up to 60 s in the middle of a
set (twice the 30 s of Goto et al. 2005).
"""


@dataclass(frozen=True)
class Kinetics:
    """Resting value, peak rise and time course of one hormone.

    Attributes
    ----------
    rest_male, rest_female
        Resting serum level, in the hormone's unit.
    rise_male, rise_female
        Rise above rest at the peak after the reference session (Kraemer 1991 P-2).
    secretion_per_min
        Rate constant (1/min) of the delay between stimulus and serum level.
    clearance_per_min
        Rate constant (1/min) of the return to rest, ln 2 / half-life: the measured plasma
        elimination half-life (GH, cortisol) or an apparent decay fitted to the observed
        recovery (testosterone).
    rest_sensitivity
        Extra response at zero rest between sets, relative to very long rest.
    forced_reps_factor
        Multiplier of the rise when sets are extended with forced repetitions.
    intra_set_rest_s
        Time constant (s) with which rest in the middle of a set blunts the rise.
    """

    rest_male: float
    rest_female: float
    rise_male: float
    rise_female: float
    secretion_per_min: float
    clearance_per_min: float
    rest_sensitivity: float
    forced_reps_factor: float
    intra_set_rest_s: float


PROTOCOLS: dict[str, dict] = {
    # Kraemer et al. 1991: 8 exercises; P-1 5RM with 3 min rest, P-2 10RM with 1 min rest.
    # Sets per exercise are not in the abstract: 3 assumed. The load is the repetition maximum
    # (the default of acute_response).
    "kraemer1991_p1": dict(exercises=8, sets=3, reps=5, rest_s=180),
    "kraemer1991_p2": dict(exercises=8, sets=3, reps=10, rest_s=60),
    # Häkkinen & Pakarinen 1995: 5 sets of 10RM of bench press, sit-up and leg press, 3 min rest.
    "hakkinen1995": dict(exercises=3, sets=5, reps=10, rest_s=180),
}
"""Published protocols, as keyword arguments of :func:`acute_response`."""


@dataclass(frozen=True)
class Parameters:
    """All constants of the model, with their sources.

    Resting values: testosterone men 18.4 nmol/L, the median of men aged 19–39
    (Travison et al. 2017); women 0.7 nmol/L, within the 10th–90th percentile range
    0.25–1.73 nmol/L (Vesper et al. 2015). GH men 0.2 µg/L, between the resting means
    0.16 and 0.33 µg/L (McCall et al. 1999) and 0.1 µg/L (Häkkinen & Pakarinen 1995);
    women 3.6 µg/L (young women, Häkkinen & Pakarinen 1995). Cortisol 400 nmol/L, the
    middle of the morning reference range 138–635 nmol/L (MedlinePlus).

    Rises after the reference session: GH men 20 µg/L, women 8 µg/L, calibrated so that
    the session of Häkkinen & Pakarinen (1995) falls within one standard deviation of their
    peaks (men 0.1 → 21.2 ± 18.1 µg/L; women 3.6 → 11.7 ± 8.2 µg/L) and Kraemer et al.
    (1991) P-2 exceeds P-1 in both sexes. Testosterone men +4 nmol/L (~20%): an assumed
    order of magnitude (Kraemer et al. 1991 and Vingren et al. 2010 report a rise in men
    without a size in the abstract). It is a rise in concentration: McCall et al. (1999)
    found that the testosterone rise disappeared after correction for the loss of plasma
    volume during the session, while GH and cortisol stayed raised. Women 0 (no clear rise:
    Kraemer et al. 1991; Häkkinen & Pakarinen 1995; Vingren et al. 2010). Cortisol men
    +280 nmol/L (~70%), consistent with the +48% from mid to end of session of McCall et al.
    (1999); women a third of that (unchanged in Häkkinen & Pakarinen 1995).

    Time course: GH elimination half-life 23 min, that of endogenous GH in young men in the
    morning (Holl et al. 1993: 23 ± 1.1 min); cortisol 66 min, its plasma half-life at
    normal levels (Holland-Frei Cancer Medicine 2003: 66 min, up to 120 min at large
    steroid loads), so that cortisol is half-way back after about an hour and back near
    rest after a few hours (Szivak et al. 2013 still found it raised 60 min after a
    short-rest session). Testosterone 15 min, an apparent decay fitted to the observed
    recovery, not a clearance constant: its rise follows the plasma volume, and it lasts
    15–30 min after the session (Kraemer & Ratamess 2005; West et al. 2010: still raised
    30 min after). The secretion delays (assumed) put the GH peak up to ~10 min after a
    short session.

    Effects of the session: volume load half-saturation 60 (Smilios et al. 2003, see
    module docstring); rest time constant 90 s; rest sensitivities GH 2.5, cortisol 2.0,
    testosterone 0.3 (Kraemer et al. 1991; Kraemer & Ratamess 2005); forced reps GH ×1.4,
    cortisol ×1.3, testosterone ×1.0 (Ahtiainen et al. 2003, larger GH and cortisol rise,
    sizes assumed); intra-set rest time constant GH 30 s (Goto et al. 2005: no GH rise with
    30 s mid-set rest), cortisol 60 s, testosterone none (unchanged in both arms of Goto
    2005); small muscle mass ×0.15 (Hansen et al. 2001; West et al. 2010: no significant
    rise after arm training alone); 3 s per repetition (assumed).

    Longest session ``max_session_min`` 180 min (assumed): the protocols the model is
    calibrated on last about 50–75 minutes (Kraemer et al. 1991; Häkkinen & Pakarinen
    1995); beyond three hours it would extrapolate far beyond them.
    """

    testosterone: Kinetics = Kinetics(
        rest_male=18.4, rest_female=0.7, rise_male=4.0, rise_female=0.0,
        secretion_per_min=0.5, clearance_per_min=np.log(2) / 15,
        rest_sensitivity=0.3, forced_reps_factor=1.0, intra_set_rest_s=np.inf)
    growth_hormone: Kinetics = Kinetics(
        rest_male=0.2, rest_female=3.6, rise_male=20.0, rise_female=8.0,
        secretion_per_min=0.15, clearance_per_min=np.log(2) / 23,
        rest_sensitivity=2.5, forced_reps_factor=1.4, intra_set_rest_s=30.0)
    cortisol: Kinetics = Kinetics(
        rest_male=400.0, rest_female=400.0, rise_male=280.0, rise_female=93.0,
        secretion_per_min=0.2, clearance_per_min=np.log(2) / 66,
        rest_sensitivity=2.0, forced_reps_factor=1.3, intra_set_rest_s=60.0)
    volume_half_saturation: float = 60.0
    rest_time_constant_s: float = 90.0
    small_muscle_mass_factor: float = 0.15
    rep_duration_s: float = 3.0
    max_session_min: float = 180.0
    reference: dict = field(default_factory=lambda: dict(
        sex="male", load_pct_1rm=None, muscle_mass="large", forced_reps=False,
        intra_set_rest_s=0, **PROTOCOLS["kraemer1991_p2"]))


PARAMS = Parameters()


@dataclass(frozen=True)
class AcuteResponse:
    """Serum levels at the requested times (arrays aligned with ``t_min``)."""

    t_min: np.ndarray
    testosterone: np.ndarray
    """Testosterone, nmol/L."""
    growth_hormone: np.ndarray
    """Growth hormone, µg/L."""
    cortisol: np.ndarray
    """Cortisol, nmol/L."""
    session_min: float
    """Duration of the session the model assumed, in minutes."""
    load_pct_1rm: float
    """Load the model assumed, in % 1RM (the repetition maximum unless one was given)."""


@dataclass(frozen=True)
class Peak:
    """Summary of one hormone's response."""

    rest: float
    """Resting level."""
    peak: float
    """Highest level."""
    peak_t_min: float
    """Time of the peak, minutes after the end of the session."""
    recovery_t_min: float
    """Minutes after the end of the session when the rise has fallen below the recovery
    fraction (default 10%) of its peak."""

    @property
    def rise_pct(self) -> float:
        """Rise of the peak above rest, in percent of rest."""
        return 100 * (self.peak - self.rest) / self.rest


def _max_load_pct(reps: int) -> float:
    """Heaviest load (% 1RM) for ``reps`` repetitions: the 1RM itself for one, else Epley."""
    return 100.0 if reps == 1 else float(training.load_for_reps(100.0, reps))


def _session(sex, exercises, sets, reps, load_pct_1rm, rest_s, muscle_mass, forced_reps,
             intra_set_rest_s, params: Parameters) -> dict:
    """Validate a session description; return it with the load filled in."""
    given = dict(sex=sex, exercises=exercises, sets=sets, reps=reps, rest_s=rest_s, muscle_mass=muscle_mass,
                 forced_reps=forced_reps, intra_set_rest_s=intra_set_rest_s)
    p = {name: INPUTS[name](value) for name, value in given.items()}
    top = _max_load_pct(p["reps"])
    times = "herhaling" if p["reps"] == 1 else "herhalingen"
    load = INPUTS["load_pct_1rm"](load_pct_1rm, hi=top, label=f"belasting bij {p['reps']} {times} per set")
    p["load_pct_1rm"] = top if load is None else load
    most = max_sets(exercises=p["exercises"], reps=p["reps"], rest_s=p["rest_s"],
                    intra_set_rest_s=p["intra_set_rest_s"], params=params)
    if p["sets"] > most:
        raise check.invalid(
            "sets", INPUTS["sets"].label, str(p["sets"]),
            f"Met {p['exercises']} oefeningen, {p['reps']} herhalingen en {check.fmt(p['rest_s'])} s rust duurt "
            f"de training dan {check.fmt(_duration(p, params) / 60, 1)} uur; het model rekent met trainingen tot "
            f"{check.fmt(params.max_session_min / 60)} uur. Kies hoogstens {most} sets per oefening.")
    return p


def _duration(p: dict, params: Parameters) -> float:
    """Session duration in minutes: all sets, with rest between sets (not after the last)."""
    n_sets = p["exercises"] * p["sets"]
    work_s = n_sets * (p["reps"] * params.rep_duration_s + p["intra_set_rest_s"])
    return (work_s + (n_sets - 1) * p["rest_s"]) / 60


def max_sets(*, exercises: int, reps: int, rest_s: float, intra_set_rest_s: float = 0.0,
             params: Parameters = PARAMS) -> int:
    """Most sets per exercise that keep the session within ``params.max_session_min``.

    Takes the session inputs of :func:`acute_response` (checked against :data:`INPUTS`);
    at least 1, at most the sets' upper bound.
    """
    numbers = dict(exercises=exercises, reps=reps, rest_s=rest_s, intra_set_rest_s=intra_set_rest_s)
    p = {name: INPUTS[name](v) for name, v in numbers.items()}
    per_set_s = p["reps"] * params.rep_duration_s + p["intra_set_rest_s"] + p["rest_s"]
    total_sets = (60 * params.max_session_min + p["rest_s"]) // per_set_s
    return int(np.clip(total_sets // p["exercises"], 1, INPUTS["sets"].hi))


def session_duration_min(*, exercises: int, sets: int, reps: int, rest_s: float,
                         intra_set_rest_s: float = 0.0, params: Parameters = PARAMS) -> float:
    """Duration of a session in minutes: all sets, with rest between sets (not after the last).

    Takes the session inputs of :func:`acute_response`, checked against the same
    :data:`INPUTS`; each repetition takes ``params.rep_duration_s`` (3 s, assumed).
    """
    numbers = dict(exercises=exercises, sets=sets, reps=reps, rest_s=rest_s,
                   intra_set_rest_s=intra_set_rest_s)
    return _duration({name: INPUTS[name](v) for name, v in numbers.items()}, params)


def _volume(p: dict, params: Parameters) -> float:
    """Saturating effect of volume load (exercises × sets × reps × load fraction)."""
    load = p["exercises"] * p["sets"] * p["reps"] * p["load_pct_1rm"] / 100
    return load / (load + params.volume_half_saturation)


def _rise(k: Kinetics, p: dict, ref: dict, params: Parameters) -> float:
    """Peak rise above rest of one hormone for the session ``p`` (``ref``: the reference)."""
    def metabolic(rest_s):
        return 1 + k.rest_sensitivity * np.exp(-rest_s / params.rest_time_constant_s)

    rise = k.rise_male if p["sex"] == "male" else k.rise_female
    rise *= _volume(p, params) / _volume(ref, params)
    rise *= metabolic(p["rest_s"]) / metabolic(ref["rest_s"])
    rise *= np.exp(-p["intra_set_rest_s"] / k.intra_set_rest_s)
    if p["forced_reps"]:
        rise *= k.forced_reps_factor
    if p["muscle_mass"] == "small":
        rise *= params.small_muscle_mass_factor
    return float(rise)


def _step(s, ka: float, ke: float):
    """Response of the two-compartment chain to a unit step of stimulus started ``s`` min ago."""
    s = np.maximum(s, 0.0)
    return ka / (ka - ke) * (-np.expm1(-ke * s) / ke + np.expm1(-ka * s) / ka)


def _shape(t_min, duration_min: float, ka: float, ke: float):
    """Time course of a constant stimulus from ``-duration`` to 0, scaled to peak 1."""
    t_peak = np.log(np.expm1(-ka * duration_min) / np.expm1(-ke * duration_min)) / (ka - ke)
    height = _step(t_peak + duration_min, ka, ke) - _step(t_peak, ka, ke)
    return (_step(t_min + duration_min, ka, ke) - _step(t_min, ka, ke)) / height, float(t_peak)


def acute_response(t_min, *, sex="male", exercises=8, sets=3, reps=10, load_pct_1rm=None,
                   rest_s=60, muscle_mass="large", forced_reps=False, intra_set_rest_s=0,
                   params: Parameters = PARAMS) -> AcuteResponse:
    """Serum testosterone, growth hormone and cortisol around one resistance session.

    Parameters
    ----------
    t_min : float or array_like
        Minutes after the **end** of the session, −1440 to 1440 (negative: during or
        before it; long before: resting level).
    sex : {"male", "female"}
    exercises : int
        Number of exercises, 1–12.
    sets : int
        Sets per exercise, 1–10, and no more than keep the session within three hours
        (:func:`max_sets`).
    reps : int
        Repetitions per set, 1–15 (:data:`INPUTS`).
    load_pct_1rm : float or None
        Load in % of the one-repetition maximum, from 30 up to the repetition maximum for
        ``reps``: 100 for one repetition, for more the Epley load of
        :func:`edu.training.load_for_reps` (75 for 10, 66.7 for 15). A heavier load for that
        many repetitions is refused. None (default): that maximum, i.e. sets to failure.
    rest_s : float
        Rest between sets in seconds, 0–300.
    muscle_mass : {"small", "large"}
        "small": e.g. arms only; "large": legs or whole body.
    forced_reps : bool
        Sets extended with assisted repetitions after failure.
    intra_set_rest_s : float
        Rest in the middle of each set in seconds, 0–60.
    params : Parameters
        Model constants (defaults: :data:`PARAMS`).

    Returns
    -------
    AcuteResponse
        ``.testosterone`` (nmol/L), ``.growth_hormone`` (µg/L) and ``.cortisol`` (nmol/L),
        aligned with ``t_min``; ``.session_min``, the assumed session duration, and
        ``.load_pct_1rm``, the assumed load.

    Raises
    ------
    edu.InputError
        For a value outside the ranges above, or more repetitions than the load allows,
        with a Dutch message.

    References
    ----------
    kraemer1991, hakkinen1995, mccall1999, kraemerratamess2005, smilios2003, goto2005,
    ahtiainen2003, hansen2001, west2010, ronnestad2011, travison2017, vesper2015,
    handelsman2018, vingren2010, medlineplus_cortisol, holl1993, hollandfrei2003,
    szivak2013, epley1985 (keys in ``chapters/references.bib``).

    Limits
    ------
    One average young adult, one session, in the morning. Leaves out: the daily rhythm
    (cortisol and testosterone fall during the morning, so measured values may return to
    the pre-session value sooner than the model's), training status and age, nutrition,
    the menstrual cycle, plasma-volume shifts (the modelled testosterone rise is a
    concentration, largely explained by them: McCall et al. 1999), free versus bound
    hormone, receptors in the muscle, and the large differences between people (the
    published SDs are as large as the means). The Epley relation is an average: a
    published protocol with a load above it (e.g. 5 repetitions at 88% 1RM, Smilios et al.
    2003) is refused; describe it as its repetition maximum. Several effect sizes are
    assumed, not measured: the shape and direction follow the studies, the exact numbers do
    not. The model says nothing about whether a rise causes muscle growth.
    """
    p = _session(sex, exercises, sets, reps, load_pct_1rm, rest_s, muscle_mass, forced_reps,
                 intra_set_rest_s, params)
    t = np.asarray(INPUTS["t_min"](t_min), dtype=float)
    ref = _session(**params.reference, params=params)
    duration = _duration(p, params)
    levels = {}
    for name in HORMONES:
        k: Kinetics = getattr(params, name)
        rest = k.rest_male if p["sex"] == "male" else k.rest_female
        shape, _ = _shape(t, duration, k.secretion_per_min, k.clearance_per_min)
        levels[name] = rest + _rise(k, p, ref, params) * shape
    return AcuteResponse(t_min=t, session_min=duration, load_pct_1rm=p["load_pct_1rm"], **levels)


def peaks(*, recovery_fraction: float = 0.1, params: Parameters = PARAMS,
          **session) -> dict[str, Peak]:
    """Resting level, peak, time of peak and recovery time of each hormone.

    Takes the same session keywords as :func:`acute_response`. The recovery time is
    found on a 0.1-min grid up to 24 h after the session; ``recovery_fraction`` (0.01–0.5)
    is the share of the peak rise that counts as "back near rest" (0.5: the time until half
    the rise is gone).
    """
    frac = INPUTS["recovery_fraction"](recovery_fraction)
    duration = session_duration_min(**{k: session.get(k, INPUTS[k].default)
                                       for k in ("exercises", "sets", "reps", "rest_s", "intra_set_rest_s")})
    grid = np.arange(0.0, 1440.0, 0.1)
    t_peaks = [_shape(0.0, duration, k.secretion_per_min, k.clearance_per_min)[1]
               for k in (getattr(params, name) for name in HORMONES)]
    response = acute_response(np.concatenate([[-1440.0], t_peaks, grid]), params=params, **session)
    out = {}
    for i, name in enumerate(HORMONES):
        y = getattr(response, name)
        rest, top, curve = float(y[0]), float(y[1 + i]), y[1 + len(HORMONES):]
        above = (curve - rest) > frac * (top - rest)
        recovered = grid[(grid >= t_peaks[i]) & ~above]
        out[name] = Peak(rest=rest, peak=top, peak_t_min=t_peaks[i],
                         recovery_t_min=float(recovered[0]) if top > rest else 0.0)
    return out


__all__ = ["HORMONES", "SEXES", "MUSCLE_MASSES", "INPUTS", "Kinetics", "Parameters",
           "PROTOCOLS", "PARAMS", "AcuteResponse", "Peak", "max_sets", "session_duration_min",
           "acute_response", "peaks"]
