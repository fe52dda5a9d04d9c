"""Concurrent training: how much strength, muscle and endurance gains survive combining them.

Hickson (1980) saw strength stall after seven weeks when heavy daily endurance work was
added, and the meta-analysis of Wilson et al. (2012) found smaller gains in muscle size,
strength and above all power with concurrent training, more so with running and with more
and longer endurance sessions. The later meta-analysis of Schumann et al. (2022) found no
meaningful loss of maximal strength or muscle growth, only of explosive strength, and that
mainly when both were trained in the same session. The two agree once you look at what
was trained: this didactic model makes the loss depend on the conditions that decide it.

Each quality *q* keeps ``f + (1 − f)·e^(−I/(1 − f))`` of the gain it would have made
when trained alone (about ``1 − I`` for small ``I``, never below the floor ``f``), with an
interference score

``I = status × (same_session + endurance_volume)``

* ``same_session = acute_q × order × (minutes/30) × min(sessions, 3)/3 × e^(−hours/τ)``:
  fatigue from a session close in time (Robineau et al. 2016: 0 h between the sessions
  gave smaller strength gains than 6 or 24 h), larger when the endurance work comes first
  (Eddens et al. 2018);
* ``endurance_volume = chronic_q × modality × (minutes per week / 90)^p``: the
  accumulated endurance load, heavier for running than for cycling (Wilson et al. 2012);
* ``status``: trained people and athletes have less room to grow and are more sensitive
  (Coffey & Hawley 2017; Fyfe et al. 2014).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from edu import validation as check

STATUSES = {"untrained": "ongetraind", "trained": "getraind", "athlete": "atleet"}
"""Training status, with the Dutch names."""

MODALITIES = {"running": "hardlopen", "cycling": "fietsen"}
"""Endurance modality, with the Dutch names."""

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


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with the studies they are calibrated to.

    Calibration (effect sizes turned into ratios of concurrent to single-mode gains):

    * Schumann et al. (2022), mostly untrained and moderately trained people, moderate
      endurance volume (reference week: 3 × 30 min cycling): concurrent minus
      strength-only SMD −0.06 for maximal strength, −0.01 for hypertrophy, −0.28 for
      explosive strength in the same session. Against the strength-only effect sizes of
      Wilson et al. (2012) (1.76, 1.23, 0.91) these are ratios of about 0.97, 0.99 and
      0.69: ``acute`` and ``chronic`` at ``untrained`` give 0.97, 0.98 and 0.76.
    * Wilson et al. (2012), a pool of older, heavier programmes with much running
      (Hickson 1980: endurance six days a week): ratios 0.69 (hypertrophy, 0.85/1.23),
      0.82 (strength, 1.44/1.76) and 0.60 (power, 0.55/0.91). With running 5 × 45 min in
      the same session the model gives 0.71, 0.82 and 0.62; the steep volume exponent
      ``volume_exponent`` (assumed) lets both meta-analyses hold.
    * ``separation_h``: how fast the same-session effect fades with hours between the
      sessions. Robineau et al. (2016, 58 amateur rugby players, 7 weeks): maximal
      strength gains smaller with 0 h than with 6 or 24 h (2 h: 6 h is nearly as good as
      24 h); VO2peak rose more with 24 h than with 0 or 6 h (8 h for VO2max).
    * ``endurance_first`` (1.5, assumed size): Eddens et al. (2018) found lower-body
      dynamic strength gains 6.9% larger when strength came first; the order is applied to
      the strength qualities only (``order_sensitive``).
    * ``running`` (2, assumed size): running interfered in Wilson et al. (2012), cycling
      not significantly; Schumann et al. (2022) found no difference between the two. The
      model follows Wilson; the chapter shows both.
    * ``floor`` (0.25, assumed): even the heaviest combination keeps some gain
      (Hickson 1980: strength rose for seven weeks before it stalled).
    * ``status`` (assumed sizes): interference grows with training status (Coffey &
      Hawley 2017); VO2max gains hardly suffer (Wilson et al. 2012), only a little from
      fatigue in a combined session.
    """

    acute: tuple = (("hypertrophy", 0.005), ("max_strength", 0.02),
                    ("explosive_strength", 0.28), ("vo2max", 0.03))
    chronic: tuple = (("hypertrophy", 0.0184), ("max_strength", 0.0086),
                      ("explosive_strength", 0.005), ("vo2max", 0.0))
    order_sensitive: tuple = ("max_strength", "explosive_strength")
    status: tuple = (("untrained", 1.0), ("trained", 1.5), ("athlete", 3.0))
    running: float = 2.0
    volume_exponent: float = 2.5
    reference_minutes_per_week: float = 90.0
    reference_minutes: float = 30.0
    reference_sessions: int = 3
    separation_h: tuple = (("hypertrophy", 2.0), ("max_strength", 2.0),
                           ("explosive_strength", 2.0), ("vo2max", 8.0))
    endurance_first: float = 1.5
    floor: float = 0.25


PARAMS = Parameters()


@dataclass(frozen=True)
class Adaptation:
    """Gains relative to training each quality alone (1.0 = no interference)."""

    hypertrophy: float
    max_strength: float
    explosive_strength: float
    vo2max: float
    same_session: dict
    """Interference score per quality from sessions close in time."""
    endurance_volume: dict
    """Interference score per quality from the weekly endurance load."""


def relative_adaptation(*, training_status="untrained", endurance_modality="cycling",
                        endurance_sessions_per_week=3, endurance_minutes=30, hours_between=24,
                        strength_first=True, params: Parameters = PARAMS) -> Adaptation:
    """Gains in muscle size, strength, power and VO2max with concurrent training, relative to each alone.

    Parameters
    ----------
    training_status : {"untrained", "trained", "athlete"}
    endurance_modality : {"running", "cycling"}
    endurance_sessions_per_week : int
        0–7 endurance sessions next to a strength programme (about three sessions a week).
    endurance_minutes : float
        Duration of each endurance session, 0–120 min.
    hours_between : float
        Hours between a strength and the nearest endurance session, 0 (same session) – 72.
    strength_first : bool
        Order when the sessions are close: strength first (``True``) or endurance first.
    params : Parameters

    Returns
    -------
    Adaptation

    References
    ----------
    hickson1980, wilson2012, schumann2022, robineau2016, eddens2018, coffey2017, fyfe2014.

    Limits
    ------
    A summary of group means: individuals differ widely. Intensity of the endurance work
    (intervals vs steady), energy and protein intake, the strength programme itself and
    recovery between weeks are left out; the sizes of the status, running and order
    effects are assumed. The model compares gains, not starting levels, and says nothing
    about the health benefits of doing both.
    """
    p = params
    status = check.choice(training_status, name="training_status", label="trainingsstatus",
                          options=STATUSES)
    modality = check.choice(endurance_modality, name="endurance_modality",
                            label="soort duurtraining", options=MODALITIES)
    sessions = check.number(endurance_sessions_per_week, name="endurance_sessions_per_week",
                            label="duurtrainingen per week", lo=0, hi=7, integer=True)
    minutes = check.number(endurance_minutes, name="endurance_minutes",
                           label="duur per duurtraining", lo=0, hi=120, unit="min")
    hours = check.number(hours_between, name="hours_between", label="uren ertussen", lo=0,
                         hi=72, unit="uur")
    first = check.flag(strength_first, name="strength_first", label="kracht eerst")

    close = minutes / p.reference_minutes * min(sessions, p.reference_sessions) / p.reference_sessions
    weekly = (sessions * minutes / p.reference_minutes_per_week) ** p.volume_exponent
    scale = dict(p.status)[status]
    modality_factor = p.running if modality == "running" else 1.0
    same, volume = {}, {}
    for quality in QUALITIES:
        order = 1.0 if first or quality not in p.order_sensitive else p.endurance_first
        fading = math.exp(-hours / dict(p.separation_h)[quality])
        same[quality] = scale * dict(p.acute)[quality] * order * close * fading
        volume[quality] = scale * dict(p.chronic)[quality] * modality_factor * weekly
    kept = 1 - p.floor
    ratios = {q: p.floor + kept * math.exp(-(same[q] + volume[q]) / kept) for q in QUALITIES}
    return Adaptation(**ratios, same_session=same, endurance_volume=volume)


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
    days = tuple(plan) if isinstance(plan, (list, tuple)) else ()
    if len(days) != 7 or not all(isinstance(d, str) and d in DAYS for d in days):
        listed = ", ".join(f'"{k}"' for k in DAYS)
        raise check.InputError(f"Ongeldige waarde voor weekplan (plan): {plan!r}. "
                               f"Geef zeven dagen, elk een van {listed}.")
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


__all__ = ["STATUSES", "MODALITIES", "QUALITIES", "DAYS", "Parameters", "PARAMS",
           "Adaptation", "relative_adaptation", "week_inputs"]
