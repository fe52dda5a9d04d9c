"""Fitheid en vermoeidheid: daily load → fitness, fatigue and form over a training block with a taper."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import fitness_fatigue
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

START = dict(session_load=80, sessions_per_week=4, taper_days=0, taper_reduction_pct=50,
             recovery_every=4, weeks=12, fitness_days=42, fatigue_days=7)

PRESETS = {
    "12 weken opbouw, geen taper": START,
    "taper van 2 weken (50% minder)": START | {"taper_days": 14},
    "te lange taper: 4 weken": START | {"taper_days": 28},
    "taper door helemaal te stoppen": START | {"taper_days": 14, "taper_reduction_pct": 100},
    "te veel, te snel": START | {"session_load": 150, "sessions_per_week": 6, "recovery_every": 0},
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


def plan_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.fitness_fatigue.training_plan`."""
    return {k: values[k] for k in ("weeks", "sessions_per_week", "session_load", "recovery_every",
                                   "taper_days", "taper_reduction_pct")}


def manager_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.fitness_fatigue.performance_manager`."""
    return {k: values[k] for k in ("fitness_days", "fatigue_days")}


def simulate(values: dict) -> tuple[np.ndarray, fitness_fatigue.Manager]:
    """Daily load of the plan and its Performance Manager series."""
    load = fitness_fatigue.training_plan(**plan_inputs(values))
    return load, fitness_fatigue.performance_manager(load, **manager_inputs(values))


class FitnessFatigueExplorer(Explorer):
    """The explorer behind :func:`fitheid_vermoeidheid`."""

    title = "Fitheid en vermoeidheid"
    presets = PRESETS

    def make_controls(self):
        return {
            "session_load": slider("Belasting per training", 10, 200, 10),
            "sessions_per_week": slider("Trainingen per week", 1, 7, 1),
            "taper_days": slider("Taper vóór de wedstrijd (dagen)", 0, 28, 1),
            "taper_reduction_pct": slider("Minder belasting in de taper (%)", 0, 100, 5),
            "recovery_every": ipw.ToggleButtons(
                options=[("geen", 0), ("elke 3 weken", 3), ("elke 4 weken", 4)],
                description="Herstelweek"),
            "weeks": slider("Weken tot de wedstrijd", 6, 24, 1),
            "fitness_days": slider("Fitheid: tijdconstante (dagen)", 20, 60, 1),
            "fatigue_days": slider("Vermoeidheid: tijdconstante (dagen)", 3, 15, 1),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["session_load"], c["sessions_per_week"], c["taper_days"],
                         more(c["taper_reduction_pct"], c["recovery_every"], c["weeks"],
                              c["fitness_days"], c["fatigue_days"])])

    def make_figure(self):
        fig = style.figure(1, nrows=2, height_in=6.0)
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
                                 "race": ax.axvline(0, color="0.1", ls=":", lw=2)}
        self.load_steps = self.axes["load"].stairs([0.0], [0.0, 1.0], fill=True,
                                                   color=style.COLORS["load"], animated=True)
        for attribute, (axis, color) in SERIES.items():
            ax = self.axes[axis]
            self.artists[axis][f"ref {attribute}"] = ax.plot([], [], color=style.COLORS[color], ls="--", lw=1.8)[0]
            self.artists[axis][attribute] = ax.plot([], [], color=style.COLORS[color])[0]
        self.artists["form"]["best"] = self.axes["form"].plot([], [], "D", color=style.COLORS["form"], ms=9)[0]
        for a in self.artists.values():
            for artist in a.values():
                artist.set_animated(True)
        return fig

    def update(self, values, reference):
        load, now = simulate(values)
        days = np.arange(load.size) - (load.size - 1)  # the competition is day 0
        self.load_steps.set_data(load, np.append(days, 1) - 0.5)
        runs = [(days, now)]
        if reference:
            ref_load, ref_now = simulate(reference[1])
            runs.append((np.arange(ref_load.size) - (ref_load.size - 1), ref_now))
        for attribute, (axis, _) in SERIES.items():
            a = self.artists[axis]
            a[attribute].set_data(days, getattr(now, attribute))
            a[f"ref {attribute}"].set_data(*((runs[1][0], getattr(runs[1][1], attribute))
                                              if reference else ([], [])))
        for a in self.artists.values():
            a["taper"].set_x(-values["taper_days"] - 0.5)
            a["taper"].set_width(values["taper_days"])
        best = int(np.argmax(np.where(days >= -28, now.form, -np.inf)))
        self.artists["form"]["best"].set_data([days[best]], [now.form[best]])

        first = min(run[0][0] for run in runs)
        for ax in self.axes.values():
            if ax.get_xlim() != (first - 1, 3):
                ax.set_xlim(first - 1, 3)
                self.invalidate()
        self.axes["load"].set_ylim(0, self.fit_y("load", load, *(
            getattr(m, q) for _, m in runs for q in ("fitness", "fatigue"))))
        forms = np.concatenate([m.form for _, m in runs])
        low = self.fit("form low", max(-forms.min(), 0.0) * 1.1)
        high = self.fit("form high", max(forms.max(), 0.0) * 1.1)
        self.axes["form"].set_ylim(-low, high)
        self.legend(LEGEND, reference[0] if reference else None, ncols=3)
        return self._readout(now, days, best)

    @staticmethod
    def _readout(now, days, best):
        def n(x):
            return fmt(round(float(x)))

        def ago(d):
            return "1 dag" if d == 1 else f"{n(d)} dagen"

        race = (f"<p><strong>Op de ochtend van de wedstrijd</strong>: fitheid {n(now.fitness[-2])}, vermoeidheid "
                f"{n(now.fatigue[-2])}, vorm <strong>{n(now.form[-1])}</strong> "
                + ("(positief: je start uitgerust)." if now.form[-1] > 0 else
                   "(negatief: je start met vermoeidheid)."))
        peak = (f" De beste vorm van de laatste vier weken valt "
                + ("op de wedstrijddag" if days[best] == 0 else f"{ago(-days[best])} ervoor")
                + f" (vorm {n(now.form[best])}).</p>")
        top = int(np.argmax(now.fitness))
        return race + peak + (f"<p>Hoogste fitheid: {n(now.fitness[top])}, "
                              f"{ago(days[-1] - days[top])} voor de wedstrijd.</p>")


def fitheid_vermoeidheid(start: str = "12 weken opbouw, geen taper",
                         vergelijk: str | None = None) -> FitnessFatigueExplorer:
    """Explorer of fitness, fatigue and form over a training block (chapter "Kracht én duur")."""
    return FitnessFatigueExplorer(start, vergelijk)
