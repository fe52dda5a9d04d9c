"""Trainingsvariabelen: a programme against the hypertrophy guideline, with the expected growth."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, training
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

CONTROLS = ("weekly_sets", "load_pct_1rm", "reps_in_reserve", "sessions_per_week", "reps", "rest_s", "weeks")
"""The programme variables the learner sets (declared in :data:`edu.training.INPUTS`)."""

GROWTH = ("weekly_sets", "load_pct_1rm", "weeks", "reps_in_reserve")
"""The keywords of :func:`edu.training.hypertrophy_gain_pct`."""

START = dict(weekly_sets=12, load_pct_1rm=75, reps_in_reserve=0, sessions_per_week=2, reps=10, rest_s=90,
             weeks=12)

PRESETS = {
    "volgens de richtlijn": START,
    "weinig volume: 4 sets per week": START | {"weekly_sets": 4},
    "veel volume: 24 sets per week": START | {"weekly_sets": 24},
    "2 herhalingen in reserve": START | {"reps_in_reserve": 2},
    "ver van falen: 5 in reserve": START | {"reps_in_reserve": 5},
    "licht tot falen: 30% 1RM": START | {"load_pct_1rm": 30, "reps": 30},
    "zeer licht: 20% 1RM": START | {"load_pct_1rm": 20, "reps": 30},
    "alles in één training per week": START | {"sessions_per_week": 1},
    "zwaar en kort: 90% 1RM, 3 herhalingen": START | {"load_pct_1rm": 90, "reps": 3, "rest_s": 180},
    "na een knieoperatie: 30% 1RM": START | {"load_pct_1rm": 30, "reps": 25, "sessions_per_week": 3,
                                            "rest_s": 60},
}

LEGEND = {
    "model: huidige instellingen": Line2D([], [], color=style.COLORS["growth"]),
    "jouw programma": Line2D([], [], color=style.COLORS["growth"], marker="D", ls="", mec="0.2"),
    "richtlijn": Patch(color=style.COLORS["range"], alpha=0.5),
    "gemeten: Schoenfeld e.a., 2017 (na 8–12 weken); Lasevicius e.a., 2018":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

SETS = np.linspace(0.0, 40.0, 161)
LOADS = np.linspace(20.0, 100.0, 161)


def model_inputs(values: dict) -> dict:
    """The scenario: ``"growth"``, the keywords of :func:`edu.training.hypertrophy_gain_pct`, and
    ``"programme"``, those of :func:`edu.training.guideline_check` (the control values themselves)."""
    return {"growth": {key: values[key] for key in GROWTH},
            "programme": {key: values[key] for key in training.GUIDELINE}}


@dataclass(frozen=True)
class Result:
    """One programme as the explorer shows it."""

    curve: np.ndarray
    """Expected growth (%) over :data:`SETS` weekly sets."""
    gain_pct: float
    """Expected growth (%) at the programme's weekly sets."""
    at_fewest: float
    """Expected growth (%) with the guideline's fewest weekly sets."""
    above_most: float
    """What the weekly sets above the guideline's most add to the growth (percentage points)."""
    relative_pct: float
    """Growth at the programme's load in % of the growth at heavy loads."""
    proximity_pct: float
    """Growth with the programme's repetitions in reserve, in % of the growth with sets to failure."""
    checks: dict
    """The programme against the guideline (:func:`edu.training.guideline_check`)."""


def run(inputs: dict) -> Result:
    """The growth curve, the programme's growth and where it stands against the guideline."""
    growth = inputs["growth"]
    gain = training.hypertrophy_gain_pct(**growth)
    bounds = np.array(training.GUIDELINE["weekly_sets"])
    fewest, most = training.hypertrophy_gain_pct(**growth | {"weekly_sets": bounds})
    return Result(curve=training.hypertrophy_gain_pct(**growth | {"weekly_sets": SETS}), gain_pct=gain,
                  at_fewest=fewest, above_most=gain - most,
                  relative_pct=training.growth_relative_to_heavy_pct(growth["load_pct_1rm"]),
                  proximity_pct=100 * training.proximity_factor(growth["reps_in_reserve"]),
                  checks=training.guideline_check(**inputs["programme"]))


class TrainingVariablesExplorer(Explorer):
    """The explorer behind :func:`trainingsvariabelen`."""

    title = "Trainingsvariabelen"
    presets = PRESETS
    inputs = {key: training.INPUTS[key] for key in CONTROLS}
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        c = self.controls
        return ipw.VBox([c["weekly_sets"], c["load_pct_1rm"], c["reps_in_reserve"],
                         more(c["sessions_per_week"], c["reps"], c["rest_s"], c["weeks"])])

    def make_figure(self):
        fig = style.figure(2)
        volume, load = fig.axes
        low, high = training.GUIDELINE["weekly_sets"]
        style.vspan(volume, low, high, color=style.COLORS["range"], alpha=0.35, lw=0)
        volume.set_title("Verwachte groei van de spierdoorsnede (%)")
        volume.set_xlabel("sets per spiergroep per week")
        volume.set_xlim(0, SETS[-1])
        for row in datasets.load("schoenfeld2017_volume"):
            volume.plot([row["sets_low"], row["sets_high"]], [row["gain_pct"]] * 2,
                        color=style.COLORS["measured"], lw=1.5)
            volume.plot([row["sets_typical"]], [row["gain_pct"]], "o", color=style.COLORS["measured"], ms=7)
        low, high = training.GUIDELINE["load_pct_1rm"]
        style.vspan(load, low, high, color=style.COLORS["range"], alpha=0.35, lw=0)
        load.set_title("Groei vergeleken met zware belasting (%)")
        load.set_xlabel("belasting (% 1RM)")
        load.set_xlim(LOADS[0], LOADS[-1])
        load.plot(LOADS, training.growth_relative_to_heavy_pct(LOADS), color=style.COLORS["growth"])
        measured = training.measured_relative_to_heavy_pct()
        load.plot(list(measured), list(measured.values()), "o", color=style.COLORS["measured"], ms=7)
        load.set_ylim(0, 110)
        self.artists = {
            "ref": volume.plot([], [], color=style.COLORS["growth"], **style.COMPARED)[0],
            "curve": volume.plot([], [], color=style.COLORS["growth"])[0],
            "now": volume.plot([], [], "D", color=style.COLORS["growth"], ms=11, mec="0.2")[0],
            "load_now": load.plot([], [], "D", color=style.COLORS["growth"], ms=11, mec="0.2")[0],
        }
        return fig

    def update(self, values, now, ref):
        a = self.artists
        volume, _ = self.figure.axes
        a["curve"].set_data(SETS, now.curve)
        a["now"].set_data([values["weekly_sets"]], [now.gain_pct])
        a["ref"].set_data((SETS, ref[1].curve) if ref else ([], []))
        volume.set_ylim(0, self.fit_y("volume", now.curve, ref[1].curve if ref else [], at_least=10))
        a["load_now"].set_data([values["load_pct_1rm"]], [now.relative_pct])
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    def _readout(self, values, now):
        items = []
        for key, check in now.checks.items():
            declared = self.inputs[key]
            unit = f" {declared.unit}" if declared.unit else ""
            mark = "✔" if check.status == "ok" else "✘"
            verdict = {"ok": "binnen de richtlijn", "low": "lager dan de richtlijn",
                       "high": "hoger dan de richtlijn"}[check.status]
            items.append(f"<li>{mark} <strong>{declared.label[:1].upper() + declared.label[1:]}</strong>: "
                         f"{fmt(check.value)}{unit}, {verdict} ({fmt(check.low)}–{fmt(check.high)}{unit}). "
                         f"{_advice(key, check, now)}</li>")
        rir = values["reps_in_reserve"]
        proximity = (f" Met {fmt(rir)} {'herhaling' if rir == 1 else 'herhalingen'} in reserve is dat "
                     f"{fmt(now.proximity_pct, 0)}% van de groei bij sets tot falen." if rir else "")
        return (f"<p>Verwachte groei van de spierdoorsnede na {fmt(values['weeks'])} weken: "
                f"<strong>{fmt(now.gain_pct, 1)}%</strong>.{proximity} Dat is een gemiddelde: mensen "
                f"verschillen sterk.</p><ul>{''.join(items)}</ul>")


def _advice(key, check, now) -> str:
    """Why a variable outside the guideline matters or not, with the model's numbers."""
    if check.status == "ok":
        return ""
    if key == "load_pct_1rm" and check.status == "low":
        return (f"Met sets tot (bijna) falen geeft deze belasting volgens het model "
                f"{fmt(now.relative_pct, 0)}% van de groei bij zware belasting; de kracht neemt "
                f"wel minder toe.")
    if key == "load_pct_1rm":
        return "Goed voor maximale kracht; per set haal je minder herhalingen en volume."
    if key == "weekly_sets" and check.status == "low":
        return f"Met {fmt(check.low)} sets voorspelt het model {fmt(now.at_fewest, 1)}%."
    if key == "weekly_sets":
        return (f"De sets boven {fmt(check.high)} leveren volgens het model samen nog "
                f"{fmt(now.above_most, 1)}% extra op. Meer kan dus nog iets opleveren, maar "
                f"herstel en tijd worden de grens.")
    if key == "reps_in_reserve":
        return "Ga dichter naar falen, of doe meer sets."
    if key == "rest_s" and check.status == "high":
        return "Mag: de groei wordt er niet minder door, de training duurt wel langer."
    if key == "rest_s":
        return "Weinig herstel: in de volgende sets haal je minder herhalingen, dus minder volume."
    if key == "sessions_per_week" and check.status == "low":
        return ("Bij hetzelfde aantal sets per week maakt de frequentie weinig uit. Veel sets in één "
                "training zijn wel zwaar: verdeel ze, dan blijft elke set van goede kwaliteit.")
    if key == "sessions_per_week":
        return "Kan, als het totale volume en het herstel kloppen."
    return "Past bij kracht (weinig) of uithoudingsvermogen (veel) meer dan bij spiergroei."


def trainingsvariabelen(start: str = "volgens de richtlijn", vergelijk: str | None = None) -> TrainingVariablesExplorer:
    """Explorer of a programme against the hypertrophy guideline (chapter "Spiergroei")."""
    return TrainingVariablesExplorer(start, vergelijk)


__all__ = ["trainingsvariabelen"]
