"""Two signalling routes in muscle: mTORC1 after strength work, AMPK and PGC-1α after endurance work.

A strength session gives a mechanical signal that switches on the Akt–mTORC1 route: more
translation, more muscle protein synthesis (Baar & Esser 1999; Dreyer et al. 2006). An
endurance session gives energy stress: AMPK rises during the work and PGC-1α, the switch
for new mitochondria, is transcribed within hours after it (Pilegaard et al. 2003; Egan
et al. 2010). This didactic model draws each signal as a pulse per session, as a multiple
of its resting level (1.0 = rest):

* mTORC1 (read as p70S6K phosphorylation): rises during and after a strength session,
  peak ``mtorc1_lag_h`` after its end, back near rest within about six hours;
* AMPK: rises during hard endurance work (Wojtaszewski et al. 2000: 3–4-fold at 75%
  VO2max, not at 50%), falls within the hour after;
* PGC-1α mRNA: peaks ``pgc1a_lag_h`` after the end of the session (Pilegaard et al. 2003),
  more after hard than after easy work of the same energy (Egan et al. 2010).

Specificity grows with training (Wilkinson et al. 2008): in untrained people a strength
session also switches on the endurance route (``cross_talk``), after training much less.
The interference link AMPK → TSC2 ⊣ mTORC1, clear in cell studies and in rats (Bolster et
al. 2002: AMPK activation cut muscle protein synthesis to 45%), is a parameter
(``ampk_inhibition``), weak by default because human studies find little of it (Apró et
al. 2013: 30 min of cycling after leg presses left mTORC1 signalling unchanged).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from edu import validation as check

KINDS = {"strength": "krachttraining", "endurance": "duurtraining"}
"""Session kinds, with their Dutch names."""

STATUSES = {"untrained": "ongetraind", "trained": "getraind"}
"""Training status, with the Dutch names."""


MIN_SESSION_MIN, MAX_SESSION_MIN = 5.0, 240.0
"""Shortest and longest session the model accepts, minutes."""


@dataclass(frozen=True)
class Session:
    """One training session.

    Parameters
    ----------
    kind : {"strength", "endurance"}
    start_h : float
        Start, hours after midnight, 0–48.
    duration_min : float
        Duration, 5–240 minutes; an endurance session at most as long as can be kept up at its
        intensity (:func:`max_endurance_min`).
    intensity : float
        0–1: fraction of 1RM (strength) or of VO2max (endurance).
    """

    kind: str
    start_h: float
    duration_min: float
    intensity: float

    def __post_init__(self):
        check.choice(self.kind, name="kind", label="soort training", options=KINDS)
        check.number(self.start_h, name="start_h", label="begintijd", lo=0, hi=48, unit="uur")
        check.number(self.intensity, name="intensity", label="intensiteit", lo=0, hi=1)
        longest = max_endurance_min(self.intensity) if self.kind == "endurance" else MAX_SESSION_MIN
        check.number(self.duration_min, name="duration_min", label="duur", lo=MIN_SESSION_MIN,
                     hi=longest, unit="min")

    @property
    def end_h(self) -> float:
        """End of the session, hours after midnight."""
        return self.start_h + self.duration_min / 60


@dataclass(frozen=True)
class Parameters:
    """Constants of the model, with their sources.

    Timing: mTORC1 signalling (p70S6K, mTOR phosphorylation) is raised 1–2 h after a
    resistance session (Dreyer et al. 2006): peak ``mtorc1_lag_h`` = 1 h after the end.
    PGC-1α mRNA peaks within 2 h after endurance exercise (Pilegaard et al. 2003: 7–10-fold
    after 3 h of knee extensions): ``pgc1a_lag_h`` = 2 h. AMPK activity follows exercise
    within minutes and falls back within the hour (``ampk_on_min``, ``ampk_off_min``,
    assumed; Wojtaszewski et al. 2000 found it fully back 3 h after). ``shape`` sets how
    sharp the gamma-shaped pulses are.

    Size: α2-AMPK activity rose 3–4-fold after 60 min at 75% VO2max and not after 90 min
    at 50% (Wojtaszewski et al. 2000); AMPK phosphorylation rose 2.8-fold after cycling at
    80% and not at 40% VO2peak (Egan et al. 2010): zero up to ``ampk_threshold`` (0.5),
    then linear, ``ampk_peak`` chosen for 3-fold at 75%. After a resistance session
    α2-AMPK activity rose from 1.7 to 3.0 units (Dreyer et al. 2006): the untrained
    ``cross_talk`` below gives 1.6-fold after 45 min at 80% 1RM.
    PGC-1α mRNA after cycling of equal energy rises 3.8-fold at 40% (70 min) and 10.2-fold
    at 80% VO2peak (36 min) (Egan et al. 2010): the rise grows with intensity squared
    (``pgc1a_exponent``) and saturates with duration (``dose_min``); ``pgc1a_gain`` puts
    the two sessions at 10.1 and 4.1-fold 3 h after their end, when they were measured.
    mTORC1: the rise grows with load (Kumar et al. 2009) and saturates with duration;
    ``mtorc1_gain`` (assumed) gives a 3-fold peak after 45 minutes at 80% 1RM.

    Feasibility: the longest endurance session at an intensity (``endurance_limit_min``, as
    (fraction of VO2max, minutes), log-linear in between): 13.4 and 5.8 min at 90% and 100%
    of the speed at VO2max (Billat et al. 2000, mean time to exhaustion of seven physical-
    education students; the speed fraction is read as the VO2max fraction, an approximation);
    about 100 min at 70% VO2max (Alghannam et al. 2016: 96 and 101 min in endurance-trained
    runners); 240 min, the model's longest session, at 60% and below (assumed). The curve
    passes 36 min at 80% (Egan et al. 2010: sedentary men cycled 36 min at 80% VO2peak) and
    60 min at 75% (Wojtaszewski et al. 2000).

    Specificity (assumed sizes; direction from Wilkinson et al. 2008, who found that
    resistance exercise raised mitochondrial protein synthesis before but not after
    10 weeks of training, and endurance exercise raised only mitochondrial synthesis):
    ``cross_talk`` is the share of the endurance route a strength session switches on,
    untrained vs trained; ``endurance_mtorc1`` the share of the mTORC1 rise an endurance
    session gives.
    ``ampk_inhibition``: fraction of the mTORC1 rise removed at full AMPK activation;
    0.1 by default (human data, Apró et al. 2013), up to 1 for the picture from rats
    (Bolster et al. 2002).
    """

    mtorc1_lag_h: float = 1.0
    pgc1a_lag_h: float = 2.0
    shape: float = 2.0
    ampk_on_min: float = 5.0
    ampk_off_min: float = 30.0
    ampk_threshold: float = 0.5
    ampk_peak: float = 4.0
    pgc1a_exponent: float = 2.0
    pgc1a_gain: float = 23.0
    mtorc1_gain: float = 3.2
    dose_min: float = 30.0
    endurance_limit_min: tuple = ((0.6, 240.0), (0.7, 100.0), (0.9, 13.4), (1.0, 5.8))
    cross_talk: tuple = (("untrained", 0.25), ("trained", 0.02))
    endurance_mtorc1: float = 0.1
    ampk_inhibition: float = 0.1


PARAMS = Parameters()


def max_endurance_min(intensity, params: Parameters = PARAMS) -> float:
    """Longest endurance session (minutes) that can be kept up at ``intensity`` (0–1 of VO2max).

    References
    ----------
    billat2000, alghannam2016.

    Limits
    ------
    Averages of small groups; time to exhaustion differs a lot between people (Billat et al.
    2000: SD about a third of the mean) and with training status. Intervals, which allow
    more time at high intensity in total, are left out.
    """
    x = check.number(intensity, name="intensity", label="intensiteit", lo=0, hi=1)
    fractions, minutes = zip(*params.endurance_limit_min)
    return float(np.exp(np.interp(x, fractions, np.log(minutes))))


@dataclass(frozen=True)
class Signals:
    """Activation over time as multiples of rest (arrays aligned with ``t_h``)."""

    t_h: np.ndarray
    mtorc1: np.ndarray
    """mTORC1 activity (p70S6K phosphorylation), × rest."""
    ampk: np.ndarray
    """AMPK activity, × rest."""
    pgc1a: np.ndarray
    """PGC-1α mRNA, × rest."""

    def overlap_h(self, threshold: float = 1.5) -> float:
        """Hours in which mTORC1 and PGC-1α are both at least ``threshold`` × rest."""
        both = (self.mtorc1 >= threshold) & (self.pgc1a >= threshold)
        return float(np.sum(np.diff(self.t_h) * both[1:]))


def _pulse(t, peak):
    """Gamma-shaped pulse, 0 before ``t = 0``, height 1 at ``t = peak``."""
    x = np.maximum(t, 0.0) / peak
    return np.where(t > 0, x * np.exp(1 - x), 0.0)


def _ampk_drive(intensity, p):
    return p.ampk_peak * max(intensity - p.ampk_threshold, 0.0) / (1 - p.ampk_threshold)


def response(t_h, *, sessions, training_status="untrained", ampk_inhibition=None,
             params: Parameters = PARAMS) -> Signals:
    """Activation of mTORC1, AMPK and PGC-1α over a day with strength and/or endurance sessions.

    Parameters
    ----------
    t_h : float or array_like
        Hours after midnight, 0–48.
    sessions : sequence of Session
        The day's sessions (0–6), one after the other (none starts before the previous ends);
        each adds its pulses to the resting level 1.
    training_status : {"untrained", "trained"}
        Untrained muscle answers any session with both routes; trained muscle specialises
        (Wilkinson et al. 2008).
    ampk_inhibition : float or None
        0–1: how much of the mTORC1 rise AMPK removes at its peak; ``None``:
        ``params.ampk_inhibition`` (weak, as in humans).
    params : Parameters

    Returns
    -------
    Signals

    References
    ----------
    baar1999, dreyer2006, pilegaard2003, egan2010, wojtaszewski2000, kumar2009,
    wilkinson2008, bolster2002, apro2013, coffey2017, billat2000, alghannam2016.

    Limits
    ------
    Three signals stand for two networks of dozens of proteins; calcium, adrenaline,
    heat, nutrition (leucine raises mTORC1, low glycogen raises AMPK) and the many genes
    both kinds of training share are left out. The sizes are rough: assay, muscle and
    timing differ per study. Several sessions on one day each add their own pulse: that a
    second hard session is done with less glycogen and more fatigue is left out. A signal is
    not an adaptation: how much of a pulse turns into muscle or mitochondria is not modelled
    here.
    """
    p = params
    t = np.asarray(check.number(t_h, name="t_h", label="tijd", lo=0, hi=48, unit="uur", array=True), dtype=float)
    status = check.choice(training_status, name="training_status", label="trainingsstatus",
                          options=STATUSES)
    inhibition = p.ampk_inhibition if ampk_inhibition is None else check.number(
        ampk_inhibition, name="ampk_inhibition", label="remming van mTORC1 door AMPK", lo=0, hi=1)
    if not isinstance(sessions, (list, tuple)) or len(sessions) > 6 or not all(
            isinstance(s, Session) for s in sessions):
        raise check.InputError(
            f"Ongeldige waarde voor trainingen (sessions): {sessions!r}. "
            "Geef 0 tot 6 trainingen, elk als edu.signaling.Session.")
    sessions = tuple(sorted(sessions, key=lambda s: s.start_h))
    for first, second in zip(sessions, sessions[1:]):
        if second.start_h < first.end_h:
            raise check.InputError(
                f"Ongeldige waarde voor trainingen (sessions): de {KINDS[second.kind]} om "
                f"{check.fmt(second.start_h)} uur begint voordat de {KINDS[first.kind]} om "
                f"{check.fmt(first.start_h)} uur voorbij is ({check.fmt(round(first.end_h, 2))} uur). "
                "Laat de trainingen na elkaar komen.")
    cross = dict(p.cross_talk)[status]

    mtorc1 = np.zeros_like(t)
    ampk = np.zeros_like(t)
    pgc1a = np.zeros_like(t)
    for s in sessions:
        since = t - s.start_h
        duration_h = s.duration_min / 60
        volume = -np.expm1(-s.duration_min / p.dose_min)
        strength = s.kind == "strength"
        own, other = (1.0, cross) if strength else (p.endurance_mtorc1, 1.0)
        mtorc1 += own * p.mtorc1_gain * s.intensity * volume * _pulse(
            since, duration_h + p.mtorc1_lag_h) ** p.shape
        active = np.clip(since, 0, duration_h)
        after = np.maximum(since - duration_h, 0.0)
        ampk += other * _ampk_drive(s.intensity, p) * np.where(
            since > 0, -np.expm1(-60 * active / p.ampk_on_min), 0.0) * np.exp(-60 * after / p.ampk_off_min)
        pgc1a += other * p.pgc1a_gain * s.intensity ** p.pgc1a_exponent * volume * _pulse(
            since, duration_h + p.pgc1a_lag_h) ** p.shape
    brake = inhibition * np.minimum(ampk / p.ampk_peak, 1.0)
    return Signals(t_h=t, mtorc1=1 + mtorc1 * (1 - brake), ampk=1 + ampk, pgc1a=1 + pgc1a)


DAY_H = np.linspace(6.0, 36.0, 601)
"""A training day as the course shows it: 6:00 until 12:00 the next day, hours after midnight (3-min steps)."""


def day(t_h=DAY_H, *, strength_h=None, strength_min=45, strength_pct_1rm=80, endurance_h=None,
        endurance_min=60, endurance_pct_vo2max=75, training_status="untrained", ampk_inhibition=None,
        params: Parameters = PARAMS) -> Signals:
    """:func:`response` for a day with at most one strength and one endurance session, in plain numbers.

    Parameters
    ----------
    t_h : float or array_like
        Hours after midnight, 0–48; default :data:`DAY_H`.
    strength_h, endurance_h : float or None
        Start of the strength / endurance session, hours after midnight; ``None``: no such session.
    strength_min, endurance_min : float
        Duration of each session, minutes (as :class:`Session`).
    strength_pct_1rm : float
        Load of the strength session, % of 1RM.
    endurance_pct_vo2max : float
        Intensity of the endurance session, % of VO2max.
    training_status, ampk_inhibition, params
        As in :func:`response`.
    """
    sessions = []
    for kind, start, name in (("strength", strength_h, "strength_h"), ("endurance", endurance_h, "endurance_h")):
        if start is not None:
            check.number(start, name=name, label=f"begintijd {KINDS[kind]}", lo=0, hi=48, unit="uur")
    if strength_h is not None:
        sessions.append(Session("strength", strength_h, strength_min, strength_pct_1rm / 100))
    if endurance_h is not None:
        sessions.append(Session("endurance", endurance_h, endurance_min, endurance_pct_vo2max / 100))
    return response(t_h, sessions=sessions, training_status=training_status,
                    ampk_inhibition=ampk_inhibition, params=params)


__all__ = ["KINDS", "STATUSES", "MIN_SESSION_MIN", "MAX_SESSION_MIN", "Session", "max_endurance_min", "Parameters", "PARAMS", "Signals", "response", "DAY_H", "day"]
