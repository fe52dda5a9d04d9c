"""Fitheid en vermoeidheid: daily load → fitness, fatigue and form over a training block with a taper."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import fitness_fatigue
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import NONE, Explorer, more

PLAN = ("weeks", "sessions_per_week", "session_load", "taper_days", "taper_reduction_pct")
"""Controls that are inputs of :func:`edu.fitness_fatigue.training_plan` (with ``recovery_every``)."""

MANAGER = ("fitness_days", "fatigue_days")
"""Controls that are inputs of :func:`edu.fitness_fatigue.performance_manager`."""

INPUTS = {
    **{key: fitness_fatigue.INPUTS[key] for key in ("session_load", "sessions_per_week", "taper_days",
                                                    "taper_reduction_pct")},
    "recovery_every": check.Choice("recovery_every", "herstelweek", {"3": "elke 3 weken", "4": "elke 4 weken"},
                                   default="4", optional=True),
    **{key: fitness_fatigue.INPUTS[key] for key in ("weeks", *MANAGER)},
}
"""The controls: the model's inputs, with the recovery week as a choice of none, every 3 or every 4 weeks."""

START = dict(session_load=80, sessions_per_week=4, taper_days=0, taper_reduction_pct=50,
             recovery_every="4", weeks=12, fitness_days=42, fatigue_days=7)

PRESETS = {
    "12 weken opbouw, geen taper": START,
    "taper van 2 weken (50% minder)": START | {"taper_days": 14},
    "te lange taper: 4 weken": START | {"taper_days": 28},
    "taper door helemaal te stoppen": START | {"taper_days": 14, "taper_reduction_pct": 100},
    "te veel, te snel": START | {"session_load": 150, "sessions_per_week": 6, "recovery_every": NONE},
    "snelle hersteller (vermoeidheid 4 dagen)": START | {"taper_days": 14, "fatigue_days": 4},
    "trage hersteller (vermoeidheid 12 dagen)": START | {"taper_days": 14, "fatigue_days": 12},
    "wedstrijdperiode: taper van 1 week": START | {"taper_days": 7},
}

LEGEND = {
    "belasting per dag": Patch(color=style.COLORS["load"]),
    "fitheid (CTL)": Line2D([], [], color=style.COLORS["fitness"]),
    "vermoeidheid (ATL)": Line2D([], [], color=style.COLORS["fatigue"]),
    "vorm (TSB)": Line2D([], [], color=style.COLORS["form"]),
    "taper": Patch(color=style.COLORS["session"], alpha=0.3),
}

SERIES = {
    # attribute of edu.fitness_fatigue.Manager: (axis, colour)
    "fitness": ("load", "fitness"),
    "fatigue": ("load", "fatigue"),
    "form": ("form", "form"),
}


def model_inputs(values: dict) -> dict:
    """The scenario: keywords of :func:`edu.fitness_fatigue.training_plan` and of
    :func:`edu.fitness_fatigue.performance_manager`, one dict per model."""
    every = 0 if values["recovery_every"] == NONE else int(values["recovery_every"])
    return {"training_plan": {key: values[key] for key in PLAN} | {"recovery_every": every},
            "performance_manager": {key: values[key] for key in MANAGER}}


@dataclass(frozen=True)
class Result:
    """One training block as the explorer shows it."""

    load: np.ndarray
    """Load per day; the last day is the competition."""
    manager: fitness_fatigue.Manager
    race: fitness_fatigue.RaceDay


def run(inputs: dict) -> Result:
    """The block's daily load, its fitness, fatigue and form, and where it leaves you on the race day."""
    load = fitness_fatigue.training_plan(**inputs["training_plan"])
    manager = fitness_fatigue.performance_manager(load, **inputs["performance_manager"])
    return Result(load=load, manager=manager, race=manager.race_day())


class FitnessFatigueExplorer(Explorer):
    """The explorer behind :func:`fitheid_vermoeidheid`."""

    title = "Fitheid en vermoeidheid"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def constrain(self, values):
        """A taper no longer than the block."""
        longest = 7 * values["weeks"]
        return {"taper_days": longest} if values["taper_days"] > longest else {}

    def layout(self):
        c = self.controls
        return ipw.VBox([c["session_load"], c["sessions_per_week"], c["taper_days"],
                         more(c["taper_reduction_pct"], c["recovery_every"], c["weeks"],
                              c["fitness_days"], c["fatigue_days"])])

    def make_figure(self):
        fig = style.figure(2)
        self.axes = {"load": fig.axes[0], "form": fig.axes[1]}
        self.axes["load"].set_title("Belasting, fitheid en vermoeidheid")
        self.axes["load"].set_ylabel("belasting per dag")
        self.axes["form"].set_title("Vorm = fitheid − vermoeidheid (van gisteren)")
        self.axes["form"].set_ylabel("vorm")
        self.axes["form"].axhline(0, color="0.4", lw=1)
        self.axes["form"].set_xlabel("dagen tot de wedstrijd")
        self.artists = {}
        for key, ax in self.axes.items():
            self.artists[key] = {"taper": style.vspan(ax, 0, 1, color=style.COLORS["session"], alpha=0.3, lw=0),
                                 "race": ax.axvline(0, color="0.2", ls=":", lw=2)}
        self.load_steps = self.axes["load"].stairs([0.0], [0.0, 1.0], fill=True, color=style.COLORS["load"])
        for attribute, (axis, color) in SERIES.items():
            ax = self.axes[axis]
            self.artists[axis][f"ref {attribute}"] = ax.plot([], [], color=style.COLORS[color], **style.COMPARED)[0]
            self.artists[axis][attribute] = ax.plot([], [], color=style.COLORS[color])[0]
        self.artists["form"]["best"] = self.axes["form"].plot([], [], "D", color=style.COLORS["form"], ms=9)[0]
        return fig

    def update(self, values, now, ref):
        runs = [now] + ([ref[1]] if ref else [])
        days = [race_days(result.load) for result in runs]
        self.load_steps.set_data(now.load, np.append(days[0], 1) - 0.5)
        for attribute, (axis, _) in SERIES.items():
            a = self.artists[axis]
            a[attribute].set_data(days[0], getattr(now.manager, attribute))
            a[f"ref {attribute}"].set_data((days[1], getattr(ref[1].manager, attribute)) if ref else ([], []))
        for a in self.artists.values():
            a["taper"].set_x(-values["taper_days"] - 0.5)
            a["taper"].set_width(values["taper_days"])
        self.artists["form"]["best"].set_data([-now.race.best_form_days_before], [now.race.best_form])

        first = min(d[0] for d in days)
        for ax in self.axes.values():
            ax.set_xlim(first - 1, 3)
        self.axes["load"].set_ylim(0, self.fit_y("load", now.load, *(
            getattr(result.manager, q) for result in runs for q in ("fitness", "fatigue"))))
        forms = np.concatenate([result.manager.form for result in runs])
        low = self.fit("form low", max(-forms.min(), 0.0) * 1.1)
        high = self.fit("form high", max(forms.max(), 0.0) * 1.1)
        self.axes["form"].set_ylim(-low, high)
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(now.race)

    @staticmethod
    def _readout(race):
        def ago(d):
            return "1 dag" if d == 1 else f"{fmt(d, 0)} dagen"

        text = (f"<p><strong>Op de ochtend van de wedstrijd</strong>: fitheid {fmt(race.fitness, 0)}, vermoeidheid "
                f"{fmt(race.fatigue, 0)}, vorm <strong>{fmt(race.form, 0)}</strong> "
                + ("(positief: je start uitgerust)." if race.form > 0 else "(negatief: je start met vermoeidheid)."))
        best = race.best_form_days_before
        text += (" De beste vorm van de laatste vier weken valt "
                 + ("op de wedstrijddag" if best == 0 else f"{ago(best)} ervoor")
                 + f" (vorm {fmt(race.best_form, 0)}).</p>")
        return text + (f"<p>Hoogste fitheid: {fmt(race.top_fitness, 0)}, "
                       f"{ago(race.top_fitness_days_before)} voor de wedstrijd.</p>")


def race_days(load: np.ndarray) -> np.ndarray:
    """The x-axis: each day of the block counted from the competition (day 0)."""
    return np.arange(load.size) - (load.size - 1)


def fitheid_vermoeidheid(start: str = "12 weken opbouw, geen taper",
                         vergelijk: str | None = None) -> FitnessFatigueExplorer:
    """Explorer of fitness, fatigue and form over a training block (chapter "Kracht én duur").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return FitnessFatigueExplorer(start, vergelijk)


__all__ = ["fitheid_vermoeidheid"]
