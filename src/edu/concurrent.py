"""Concurrent training: how much strength, muscle and endurance gains survive combining them.

Hickson (1980) saw strength stall after seven weeks when heavy daily endurance work was
added, and the meta-analysis of Wilson et al. (2012), a pool of older, heavier programmes
with much running, found smaller gains in muscle size, strength and above all power. The
newer meta-analyses compare concurrent training with exactly the same strength training
alone and narrow this down. Schumann et al. (2022, 43 studies) found no meaningful loss of
maximal strength (SMD −0.06) or muscle growth (−0.01), only of explosive strength (−0.28),
mainly when both were done in the same session; neither the frequency nor the kind of
endurance training (cycling or running) moderated the effects. Petré et al. (2021) found
the loss of lower-body maximal strength only in trained people (−0.35; untrained +0.03),
and in them mainly in the same session (−0.66; different sessions −0.10). Huiberts et al. (2024) found
it in men (−0.43), not in women (+0.08). Lundberg et al. (2013) even saw more quadriceps
growth with cycling 6 h before strength training. This didactic model follows the newer
evidence: interference is a same-session or short-gap effect on the strength qualities,
largest for explosive strength and for trained men.

Each quality *q* keeps ``1 − loss_q`` of the gain it would make when trained alone, with

``loss_q = dose × [close_q × (fade_q + (1 − fade_q) × apart × modality) + order_q × fade_q]``

* ``dose = 1 − e^(−sessions × minutes / dose_scale_min)``: any regular endurance work
  counts almost fully; more of it adds little (Schumann et al. 2022: more or fewer than five
  weekly sessions made no difference);
* ``close_q``: the loss with strength and endurance in one session, by training status
  (and, for maximal strength, by sex);
* ``fade_q = e^(−hours/τ_q)``: how the same-session effect fades with hours between the
  sessions (Robineau et al. 2016; Schumann et al. 2022: with at least 3 h between, the
  loss of explosive strength was no longer significant);
* ``apart``: the share of the loss that remains with the sessions apart (Petré et al.
  2021), larger for running (``modality``, Wilson et al. 2012);
* ``order_q``: endurance before strength in one session costs lower-body strength
  (Eddens et al. 2018).

Effect sizes are turned into ratios of concurrent to single-mode gains with the
strength-only effect sizes of Wilson et al. (2012): ratio = 1 + SMD / ES, with ES 1.23
(hypertrophy), 1.76 (strength) and 0.91 (power).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from edu import datasets
from edu import validation as check

STATUSES = {"untrained": "ongetraind", "trained": "getraind", "athlete": "atleet"}
"""Training status, with the Dutch names."""

MODALITIES = {"running": "hardlopen", "cycling": "fietsen"}
"""Endurance modality, with the Dutch names."""

SEXES = {"male": "man", "female": "vrouw"}
"""Sex, with the Dutch names."""

QUALITIES = ("hypertrophy", "max_strength", "explosive_strength", "vo2max")
"""The adaptations compared, in the order of :class:`Adaptation`."""

DAYS = {
    "rest": "rust",
    "strength": "kracht",
    "endurance": "duur",
    "strength+endurance": "kracht, dan duur (zelfde sessie)",
    "endurance+strength": "duur, dan kracht (zelfde sessie)",
    "strength/endurance": "kracht, 6 uur later duur",
}
"""What a day of a week plan (:func:`week_inputs`) can hold, with the Dutch names."""

NEGLIGIBLE_LOSS = 0.05
"""A loss below this share of the gain counts as "hardly any interference" (:meth:`Adaptation.cause`)."""


INPUTS = check.declare(
    check.Choice("training_status", "trainingsstatus", STATUSES, default="untrained"),
    check.Choice("endurance_modality", "soort duurtraining", MODALITIES, default="cycling"),
    check.Number("endurance_sessions_per_week", "duurtrainingen per week", 0, 7, 1, default=3, integer=True),
    check.Number("endurance_minutes", "duur per duurtraining", 0, 120, 5, default=30, unit="min"),
    check.Number("hours_between", "uren ertussen", 0, 72, 1, default=24, unit="uur"),
    check.Flag("strength_first", "kracht eerst", default=True),
    check.Choice("sex", "geslacht", SEXES, default="male"),
    check.Choice("plan", "dag van het weekplan", DAYS),
    check.Choice("quality", "kwaliteit", dict(zip(QUALITIES, ("spiermassa", "maximale kracht", "explosieve kracht",
                                                               "uithoudingsvermogen (VO2max)")))),
)
"""The inputs of :func:`relative_adaptation` and :func:`week_inputs` (each day of ``plan`` is one of
:data:`DAYS`), and the quality :meth:`Adaptation.cause` explains.

Up to seven endurance sessions a week of up to two hours each (the trials pooled by Petré et al.
2021 had 12–260 min a week; beyond that the modelled dose is saturated) and up to three days between
a strength and an endurance session.
"""


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with the studies they are calibrated to.

    Losses are fractions of the gain made with one kind of training alone.

    * ``close``: the loss per quality with strength and endurance in one session (strength
      first, a saturating weekly endurance dose), for untrained, trained and athletes:

      - maximal strength 0, 0.19, 0.375: Petré et al. (2021), lower-body 1RM, untrained
        +0.03 (no loss), trained people in the same session −0.66 (0.66/1.76 = 0.375).
        For moderately trained people Petré pooled −0.20 over all timings (ratio 0.886);
        0.19 reproduces that when half of the studies train in one session (fitted);
      - explosive strength 0.31, 0.31, 0.40: Schumann et al. (2022), −0.28 (0.28/0.91),
        the loss found mainly in the same session, in mostly untrained and moderately
        trained people (the same value for both: assumed); for athletes Wilson et al.'s
        (2012) power ratio 0.55/0.91 = 0.60 from heavier programmes (assumed: the heavy
        end). This keeps explosive strength the most vulnerable quality at every status;
      - hypertrophy 0.03 at every status (assumed, small): Schumann et al. (2022) found
        −0.01 (95 % CI −0.16 to 0.18), with a same-session effect only for explosive
        strength; Petré et al. (2021) found the status effect for strength; Huiberts et
        al. (2024) had too few data on hypertrophy to compare the sexes; Lundberg et al.
        (2013) found more growth with cycling 6 h before strength (design checked against
        the abstract; the sizes, about 14 % against 8 %, from a secondary summary);
      - VO2max 0.03 at every status (assumed): the endurance gain hardly suffers
        (Hickson 1980; Wilson et al. 2012), a little from fatigue when strength training
        comes right before it (Robineau et al. 2016).
    * ``female_max_strength`` (0): the share of the maximal-strength loss women have.
      Huiberts et al. (2024): lower-body strength blunted in men (−0.43, 95 % CI −0.64 to
      −0.22), not in women (+0.08, −0.34 to 0.49); no sex difference for power, VO2max or
      upper-body strength. The pooled estimates of Petré and Schumann come from mostly
      male samples (Petré: 523 men, 227 women), so ``close`` holds for men.
    * ``apart`` (0.15): the share of the same-session loss that remains with the sessions
      apart: Petré et al. (2021), trained people, different sessions −0.10 against the
      same session −0.66.
    * ``running`` (2, assumed size): running weighs double in what remains apart.
      Running interfered in Wilson et al. (2012), cycling not significantly; Schumann et
      al. (2022) found no difference. The model leaves the same session alone and gives
      running only a small effect on separate days; the chapter shows both sides.
    * ``separation_h``: how fast the same-session effect fades with hours between the
      sessions. Robineau et al. (2016, 58 amateur rugby players, 7 weeks): maximal
      strength gains smaller with 0 h than with 6 or 24 h (2 h: 6 h is nearly as good as
      24 h; Schumann: at least 3 h between took away the significant loss of explosive
      strength); VO2peak rose more with 24 h than with 0 or 6 h (8 h for VO2max).
    * ``endurance_first`` (0.065 of the gain): Eddens et al. (2018) found lower-body
      dynamic strength gains 6.91 % larger when strength came first, so endurance first
      keeps 1/1.0691 = 0.935 of the gain; applied to the strength qualities only
      (``order_sensitive``), not to hypertrophy or aerobic capacity.
    * ``dose_scale_min`` (25 min a week, assumed): the weekly endurance minutes at which
      the effects build up; they saturate within the weekly volumes of the trials (12 to
      260 min a week in Petré et al. 2021), since Schumann et al. (2022) found no effect of
      training frequency.
    """

    close: tuple = (("hypertrophy", (0.03, 0.03, 0.03)), ("max_strength", (0.0, 0.19, 0.375)),
                    ("explosive_strength", (0.31, 0.31, 0.40)), ("vo2max", (0.03, 0.03, 0.03)))
    female_max_strength: float = 0.0
    apart: float = 0.15
    running: float = 2.0
    separation_h: tuple = (("hypertrophy", 2.0), ("max_strength", 2.0),
                           ("explosive_strength", 2.0), ("vo2max", 8.0))
    endurance_first: float = 1 - 1 / 1.0691
    order_sensitive: tuple = ("max_strength", "explosive_strength")
    dose_scale_min: float = 25.0


PARAMS = Parameters()


@dataclass(frozen=True)
class Adaptation:
    """Gains relative to training each quality alone (1.0 = no interference)."""

    hypertrophy: float
    max_strength: float
    explosive_strength: float
    vo2max: float
    same_session: dict
    """Loss per quality from sessions close in time (fatigue, order)."""
    separate_sessions: dict
    """Loss per quality that remains with the sessions apart."""

    def cause(self, quality: str) -> str:
        """The larger cause of the loss of ``quality`` (one of :data:`QUALITIES`).

        ``"close"``: sessions close in time (same session or a short gap, the order);
        ``"apart"``: the small share that remains with the sessions apart; ``"none"``: a total
        loss below :data:`NEGLIGIBLE_LOSS` of the gain.

        References
        ----------
        schumann2022 (the loss of explosive strength mainly in the same session), petre2021 (a small
        loss with the sessions apart), eddens2018 (the order within a session).
        """
        q = INPUTS["quality"](quality)
        same, apart = self.same_session[q], self.separate_sessions[q]
        if same + apart < NEGLIGIBLE_LOSS:
            return "none"
        return "close" if same >= apart else "apart"


def relative_adaptation(*, training_status="untrained", endurance_modality="cycling",
                        endurance_sessions_per_week=3, endurance_minutes=30, hours_between=24,
                        strength_first=True, sex="male", params: Parameters = PARAMS) -> Adaptation:
    """Gains in muscle size, strength, power and VO2max with concurrent training, relative to each alone.

    Parameters
    ----------
    training_status : {"untrained", "trained", "athlete"}
        Untrained, moderately trained or trained (athletes), as in Petré et al. (2021).
    endurance_modality : {"running", "cycling"}
    endurance_sessions_per_week : int
        0–7 endurance sessions next to a strength programme (about three sessions a week).
    endurance_minutes : float
        Duration of each endurance session, 0–120 min.
    hours_between : float
        Hours between a strength and the nearest endurance session, 0 (same session) – 72.
    strength_first : bool
        Order when the sessions are close: strength first (``True``) or endurance first.
    sex : {"male", "female"}
        Changes only maximal strength (Huiberts et al. 2024).
    params : Parameters

    Returns
    -------
    Adaptation
        Each quality between 0.5 and 1: at most about half of a gain is lost, and only for
        an athlete's explosive strength with endurance work first in the same session.

    References
    ----------
    hickson1980, wilson2012, schumann2022, petre2021, huiberts2024, lundberg2013,
    robineau2016, eddens2018.

    Limits
    ------
    A summary of group means: individuals differ widely. Only the closest pair of sessions
    counts, not how many strength sessions have endurance work close by. Intensity of the
    endurance work (intervals vs steady), energy and protein intake, the strength programme
    itself and recovery between weeks are left out. The sizes of the running and
    hypertrophy effects, and the athletes' loss of explosive strength, are assumed. The model
    never shows more gain than with one kind of training alone, although Lundberg et al.
    (2013) found more muscle growth with cycling 6 h before strength training (10 men, one
    study). It compares gains, not starting levels, and says nothing about the health
    benefits of doing both.
    """
    p = params
    status = INPUTS["training_status"](training_status)
    modality = INPUTS["endurance_modality"](endurance_modality)
    sessions = INPUTS["endurance_sessions_per_week"](endurance_sessions_per_week)
    minutes = INPUTS["endurance_minutes"](endurance_minutes)
    hours = INPUTS["hours_between"](hours_between)
    first = INPUTS["strength_first"](strength_first)
    sex = INPUTS["sex"](sex)

    dose = 1 - math.exp(-sessions * minutes / p.dose_scale_min)
    remains = p.apart * (p.running if modality == "running" else 1.0)
    level = tuple(STATUSES).index(status)
    same, separate = {}, {}
    for quality in QUALITIES:
        close = dict(p.close)[quality][level]
        if quality == "max_strength" and sex == "female":
            close *= p.female_max_strength
        order = 0.0 if first or quality not in p.order_sensitive else p.endurance_first
        fade = math.exp(-hours / dict(p.separation_h)[quality])
        same[quality] = dose * fade * (close + order)
        separate[quality] = dose * (1 - fade) * close * remains
    ratios = {q: 1 - same[q] - separate[q] for q in QUALITIES}
    return Adaptation(**ratios, same_session=same, separate_sessions=separate)


def week_inputs(plan) -> dict:
    """Keywords of :func:`relative_adaptation` for a week plan of seven days.

    Each day holds a key of :data:`DAYS`. A lone session starts in the morning; a split
    day has its endurance session 6 hours after the strength session. ``hours_between``
    is the shortest time between a strength and an endurance session (the week repeats;
    72 h when one kind is missing), ``strength_first`` the order of that closest pair.

    Returns
    -------
    dict
        ``endurance_sessions_per_week``, ``hours_between`` and ``strength_first``.
    """
    if not isinstance(plan, (list, tuple)) or len(plan) != 7:
        listed = ", ".join(f'"{k}"' for k in DAYS)
        raise check.invalid("plan", "weekplan", repr(plan), f"Geef zeven dagen, elk een van {listed}.")
    days = [INPUTS["plan"](d) for d in plan]
    sessions = []  # (hour of the week, kind); a same-session pair is EPSILON_H apart
    for day, plan_day in enumerate(days):
        for offset, kind in _SESSIONS[plan_day]:
            sessions.append((24.0 * day + offset, kind))
    gaps = [((e - s) % WEEK_H, (s - e) % WEEK_H)  # (endurance after strength, before it)
            for s, a in sessions if a == "S" for e, b in sessions if b == "E"]
    after, before = min(gaps, key=min, default=(WEEK_H, WEEK_H))
    return dict(endurance_sessions_per_week=sum(kind == "E" for _, kind in sessions),
                hours_between=min(round(min(after, before), 2), 72.0),
                strength_first=bool(after <= before))


WEEK_H = 168.0
EPSILON_H = 1e-3
_SESSIONS = {  # plan day: (hour offset, "S" strength or "E" endurance) per session
    "rest": (),
    "strength": ((0.0, "S"),),
    "endurance": ((0.0, "E"),),
    "strength+endurance": ((0.0, "S"), (EPSILON_H, "E")),
    "endurance+strength": ((0.0, "E"), (EPSILON_H, "S")),
    "strength/endurance": ((0.0, "S"), (6.0, "E")),
}


def measured_ratios() -> dict[str, dict]:
    """Published ratios of concurrent to single-mode gains, per study.

    A standardised difference (SMD, concurrent minus strength-only training) becomes a ratio of
    gains as ``1 + SMD / ES``, with the strength-only effect size ES of Wilson et al. (2012) for
    that quality (1.23 hypertrophy, 1.76 maximal strength, 0.91 power), as in :class:`Parameters`.

    Returns
    -------
    dict
        ``"wilson2012"``: per quality (:data:`QUALITIES` but VO2max), concurrent over
        strength-only effect size; ``"schumann2022"``: per quality, from the SMD (explosive
        strength: same session); ``"petre2021"``: lower-body maximal strength per
        ``(training status, timing)``, timing ``"all"``, ``"same_session"`` or
        ``"different_sessions"`` (key of :data:`STATUSES`; ``"athlete"`` are Petré's trained people).

    References
    ----------
    wilson2012, schumann2022, petre2021.

    Limits
    ------
    Effect sizes from different pools of studies: the ratio says how the gains compare, not how
    large they were, and the pooled studies differ in programme, population and measurement.
    """
    wilson = {r["quality"]: r for r in datasets.load("wilson2012")}

    def ratio(smd, quality):
        return 1 + smd / wilson[quality]["strength_only_es"]

    return {
        "wilson2012": {q: r["concurrent_es"] / r["strength_only_es"] for q, r in wilson.items()},
        "schumann2022": {r["quality"]: ratio(r["smd"], r["quality"]) for r in datasets.load("schumann2022")},
        "petre2021": {(r["training_status"], r["timing"]): ratio(r["smd"], "max_strength")
                      for r in datasets.load("petre2021")},
    }


__all__ = ["STATUSES", "MODALITIES", "SEXES", "QUALITIES", "DAYS", "NEGLIGIBLE_LOSS", "INPUTS", "Parameters",
           "PARAMS", "Adaptation", "relative_adaptation", "week_inputs", "measured_ratios"]
