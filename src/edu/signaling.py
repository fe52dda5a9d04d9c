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

import math
from dataclasses import dataclass

import numpy as np

from edu import validation as check

KINDS = {"strength": "krachttraining", "endurance": "duurtraining"}
"""Session kinds, with their Dutch names."""

STATUSES = {"untrained": "ongetraind", "trained": "getraind"}
"""Training status, with the Dutch names."""

SIGNALS = {"mtorc1": "mTORC1", "ampk": "AMPK", "pgc1a": "PGC-1α"}
"""The modelled signals (attributes of :class:`Signals`), with the names the course uses."""

THRESHOLD = 1.5
"""A route counts as "on" from this multiple of rest (used for the overlap of the two routes)."""

NEAR_REST = 1.1
"""A signal counts as back near rest below this multiple of rest."""


@dataclass(frozen=True)
class Sessions(check.Series):
    """A day's training sessions: up to ``max_len`` :class:`Session` objects, one after the other.

    A :class:`~edu.validation.Series` of sessions rather than of numbers (each session checks its own
    start, within ``[lo, hi]`` ``unit``); calling it checks them and returns them in order of their start.
    """

    def __call__(self, value) -> tuple:
        if not isinstance(value, (list, tuple)) or len(value) > self.max_len or not all(
                isinstance(s, Session) for s in value):
            raise check.invalid(self.name, self.label, repr(value),
                                f"Geef 0 tot {self.max_len} trainingen, elk als edu.signaling.Session.")
        sessions = tuple(sorted(value, key=lambda s: s.start_h))
        for first, second in zip(sessions, sessions[1:]):
            if second.start_h < first.end_h:
                raise check.invalid(
                    self.name, self.label,
                    f"de {KINDS[second.kind]} om {check.fmt(second.start_h)} uur begint voordat de "
                    f"{KINDS[first.kind]} om {check.fmt(first.start_h)} uur voorbij is "
                    f"({check.fmt(round(first.end_h, 2))} uur)", "Laat de trainingen na elkaar komen.")
        return sessions


INPUTS = check.declare(
    check.Choice("kind", "soort training", KINDS),
    check.Number("start_h", "begintijd", 0, 48, 0.5, unit="uur"),
    check.Number("duration_min", "duur", 5, 240, 5, unit="min"),
    check.Number("intensity", "intensiteit", 0, 1, 0.05),
    check.Number("t_h", "tijd", 0, 48, 0.05, unit="uur", array=True),
    Sessions("sessions", "trainingen", 0, 48, 6, "uur"),
    check.Choice("training_status", "trainingsstatus", STATUSES, default="untrained"),
    check.Number("ampk_inhibition", "remming van mTORC1 door AMPK", 0, 1, 0.05, optional=True),
    check.Number("strength_h", "krachttraining om", 6, 22, 0.5, unit="uur", optional=True),
    check.Number("strength_min", "duur krachttraining", 5, 240, 5, default=45, unit="min"),
    check.Number("strength_pct_1rm", "belasting krachttraining", 30, 100, 5, default=80, unit="% 1RM"),
    check.Number("endurance_h", "duurtraining om", 6, 22, 0.5, unit="uur", optional=True),
    check.Number("endurance_min", "duur duurtraining", 5, 240, 5, default=60, unit="min"),
    check.Number("endurance_pct_vo2max", "intensiteit duurtraining", 30, 100, 5, default=75, unit="% VO2max"),
    check.Choice("signal", "signaal", SIGNALS),
    check.Number("threshold", "drempel", 1, 20, 0.1, default=THRESHOLD, unit="× rust"),
)
"""The inputs of the signalling model: of a :class:`Session` (``kind``, ``start_h``, ``duration_min``,
``intensity``), of :func:`response` and of :func:`day`, and of the readings of :class:`Signals`.

A day holds up to six sessions, one after the other. A session lasts 5 minutes to 4 hours, an
endurance session no longer than its intensity can be kept up (:func:`max_endurance_min`). :func:`day`
is a training day as the course shows it (6:00 until 12:00 the next day): its sessions start between
6:00 and 22:00, a strength session at 30–100% of the 1RM and an endurance session at 30–100% of VO2max
(the studies behind the endurance route used 40–80%: Egan et al. 2010; Wojtaszewski et al. 2000);
``None`` for a start: no such session.
"""


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
        INPUTS["kind"](self.kind)
        INPUTS["start_h"](self.start_h)
        INPUTS["intensity"](self.intensity)
        longest = max_endurance_min(self.intensity) if self.kind == "endurance" else None
        INPUTS["duration_min"](self.duration_min, hi=longest)

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
    x = INPUTS["intensity"](intensity)
    fractions, minutes = zip(*params.endurance_limit_min)
    return float(np.exp(np.interp(x, fractions, np.log(minutes))))


@dataclass(frozen=True)
class Peak:
    """The highest value of one signal over a day."""

    value: float
    """Height, × rest."""
    t_h: float
    """Hour at which it is reached, hours after midnight (the first such hour)."""


@dataclass(frozen=True)
class Signals:
    """Activation over time as multiples of rest (arrays aligned with ``t_h``), and the sessions behind it.

    The readings below (peak, window, lowest value, overlap) are taken on the time grid ``t_h``.
    """

    t_h: np.ndarray
    mtorc1: np.ndarray
    """mTORC1 activity (p70S6K phosphorylation), × rest."""
    ampk: np.ndarray
    """AMPK activity, × rest."""
    pgc1a: np.ndarray
    """PGC-1α mRNA, × rest."""
    sessions: tuple = ()
    """The day's sessions (:class:`Session`), in order of their start."""

    def peak(self, signal: str) -> Peak:
        """Highest value of ``signal`` (a key of :data:`SIGNALS`) and the hour it is reached."""
        values = getattr(self, INPUTS["signal"](signal))
        i = int(np.argmax(values))
        return Peak(value=float(values[i]), t_h=float(self.t_h[i]))

    def on(self, *signals: str, threshold: float = THRESHOLD) -> np.ndarray:
        """Where every one of ``signals`` is at least ``threshold`` × rest (booleans aligned with ``t_h``)."""
        level = INPUTS["threshold"](threshold)
        return np.logical_and.reduce([getattr(self, INPUTS["signal"](s)) >= level for s in signals])

    def window(self, *signals: str, threshold: float = THRESHOLD) -> tuple[float, float]:
        """First and last hour at which every one of ``signals`` is at least ``threshold`` × rest.

        With :data:`NEAR_REST` as threshold, the last hour is when a signal is back near rest.
        ``(nan, nan)`` when the signals never reach the threshold together.
        """
        hours = self.t_h[self.on(*signals, threshold=threshold)]
        return (float(hours.min()), float(hours.max())) if hours.size else (math.nan, math.nan)

    def overlap_h(self, threshold: float = THRESHOLD) -> float:
        """Hours in which mTORC1 and PGC-1α are both at least ``threshold`` × rest: both routes on."""
        both = self.on("mtorc1", "pgc1a", threshold=threshold)
        return float(np.sum(np.diff(self.t_h) * both[1:]))

    def lowest(self, signal: str, session: Session) -> float:
        """Lowest value of ``signal`` during ``session`` (after its start, up to its end), × rest.

        E.g. how far mTORC1 dips while AMPK brakes it during an endurance session; ``nan`` when
        the time grid has no point in the session.
        """
        during = (self.t_h > session.start_h) & (self.t_h <= session.end_h)
        values = getattr(self, INPUTS["signal"](signal))[during]
        return float(values.min()) if values.size else math.nan


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
        each gives its pulses above the resting level 1. Where the pulses of two sessions overlap
        they combine as the root of the sum of their squares (assumed): the larger one counts in
        full, a smaller one adds little, so back-to-back sessions never reach more than one hard
        session's signal plus a little (single sessions, as measured, are unchanged).
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
    timing differ per study. How the signals of two sessions close together combine was not
    measured: the model's rule (root of the sum of squares) keeps them within what one
    session gives plus a little, but glycogen and fatigue are left out. A signal is
    not an adaptation: how much of a pulse turns into muscle or mitochondria is not modelled
    here.
    """
    p = params
    t = np.asarray(INPUTS["t_h"](t_h), dtype=float)
    status = INPUTS["training_status"](training_status)
    inhibition = INPUTS["ampk_inhibition"](ampk_inhibition)
    inhibition = p.ampk_inhibition if inhibition is None else inhibition
    sessions = INPUTS["sessions"](sessions)
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
        mtorc1 += (own * p.mtorc1_gain * s.intensity * volume * _pulse(
            since, duration_h + p.mtorc1_lag_h) ** p.shape) ** 2
        active = np.clip(since, 0, duration_h)
        after = np.maximum(since - duration_h, 0.0)
        ampk += (other * _ampk_drive(s.intensity, p) * np.where(
            since > 0, -np.expm1(-60 * active / p.ampk_on_min), 0.0) * np.exp(-60 * after / p.ampk_off_min)) ** 2
        pgc1a += (other * p.pgc1a_gain * s.intensity ** p.pgc1a_exponent * volume * _pulse(
            since, duration_h + p.pgc1a_lag_h) ** p.shape) ** 2
    mtorc1, ampk, pgc1a = np.sqrt(mtorc1), np.sqrt(ampk), np.sqrt(pgc1a)  # pulses combine as a root sum of squares
    brake = inhibition * np.minimum(ampk / p.ampk_peak, 1.0)
    return Signals(t_h=t, mtorc1=1 + mtorc1 * (1 - brake), ampk=1 + ampk, pgc1a=1 + pgc1a, sessions=sessions)


DAY_H = np.linspace(6.0, 36.0, 601)
"""A training day as the course shows it: 6:00 until 12:00 the next day, hours after midnight (3-min steps)."""


def day(t_h=None, *, strength_h=None, strength_min=45, strength_pct_1rm=80, endurance_h=None,
        endurance_min=60, endurance_pct_vo2max=75, training_status="untrained", ampk_inhibition=None,
        params: Parameters = PARAMS) -> Signals:
    """:func:`response` for a day with at most one strength and one endurance session, in plain numbers.

    Parameters
    ----------
    t_h : float or array_like or None
        Hours after midnight, 0–48; ``None`` (default): :data:`DAY_H`.
    strength_h, endurance_h : float or None
        Start of the strength / endurance session, 6–22 hours after midnight; ``None``: no such session.
    strength_min, endurance_min : float
        Duration of each session, 5–240 minutes; the endurance session no longer than its
        intensity allows (:func:`max_endurance_min`).
    strength_pct_1rm : float
        Load of the strength session, 30–100% of 1RM.
    endurance_pct_vo2max : float
        Intensity of the endurance session, 30–100% of VO2max.
    training_status, ampk_inhibition, params
        As in :func:`response`.

    Every input is checked (:data:`INPUTS`), also that of a session the day does not hold.
    """
    given = dict(strength_h=strength_h, strength_min=strength_min, strength_pct_1rm=strength_pct_1rm,
                 endurance_h=endurance_h, endurance_pct_vo2max=endurance_pct_vo2max)
    p = {name: INPUTS[name](value) for name, value in given.items()}
    p["endurance_min"] = INPUTS["endurance_min"](
        endurance_min, hi=max_endurance_min(p["endurance_pct_vo2max"] / 100, params))
    sessions = []
    if p["strength_h"] is not None:
        sessions.append(Session("strength", p["strength_h"], p["strength_min"], p["strength_pct_1rm"] / 100))
    if p["endurance_h"] is not None:
        sessions.append(Session("endurance", p["endurance_h"], p["endurance_min"],
                                p["endurance_pct_vo2max"] / 100))
    return response(DAY_H if t_h is None else t_h, sessions=sessions, training_status=training_status,
                    ampk_inhibition=ampk_inhibition, params=params)


def mtorc1_brake_pct(*, params: Parameters = PARAMS, **day_inputs) -> float:
    """Share (%) of the peak rise of mTORC1 above rest that the AMPK brake removes on a day.

    Takes the keywords of :func:`day`; compares that day with the same day without the brake
    (``ampk_inhibition=0``). 0 on a day without a rise of mTORC1 (no session).

    References
    ----------
    bolster2002, apro2013.

    Limits
    ------
    The brake is a parameter of the model, weak by default (Apró et al. 2013: no measurable brake
    in humans after 30 min of cycling), up to the rat picture of Bolster et al. (2002); the
    percentage says how much the modelled brake takes away, not how much a client loses.
    """
    rise = day(params=params, **day_inputs).mtorc1.max() - 1
    unbraked = day(params=params, **day_inputs | {"ampk_inhibition": 0.0}).mtorc1.max() - 1
    return float(100 * (1 - rise / unbraked)) if unbraked > 0 else 0.0


__all__ = ["KINDS", "STATUSES", "SIGNALS", "THRESHOLD", "NEAR_REST", "Sessions", "INPUTS", "Session",
           "max_endurance_min", "Parameters", "PARAMS", "Peak", "Signals", "response", "DAY_H", "day",
           "mtorc1_brake_pct"]
