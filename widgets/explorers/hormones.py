"""Hormoonverkenner: testosterone, growth hormone and cortisol around one session."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, hormones
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

START = dict(sex="male", exercises=8, sets=3, reps=10, rest_s=60, muscle_mass="large",
             forced_reps=False, intra_set_rest_s=0)
"""The preset "man". There is no load control: every set goes to failure, so the load follows
from the repetitions (the model's default, the repetition maximum) and no slider can reach a
set that is impossible at its load."""

PRESETS = {
    "man": START,
    "vrouw": START | {"sex": "female"},
    "10RM, 1 min rust": START | hormones.PROTOCOLS["kraemer1991_p2"],
    "5RM, 3 min rust": START | hormones.PROTOCOLS["kraemer1991_p1"],
    "hele lichaam": START,
    "alleen armen": START | {"muscle_mass": "small"},
    "geforceerde herhalingen": START | {"forced_reps": True},
    "rust midden in de set": START | {"intra_set_rest_s": 30},
    "Häkkinen 1995": START | hormones.PROTOCOLS["hakkinen1995"],
    "vrouw, 5RM, 3 min rust": START | hormones.PROTOCOLS["kraemer1991_p1"] | {"sex": "female"},
}

RANGE_SOURCES = {"travison2017": "Travison e.a., 2017", "vesper2015": "Vesper e.a., 2015",
                 "medlineplus_cortisol": "MedlinePlus"}
T_AFTER_MIN = 240.0
"""The figures run to 4 h after the session: long enough to see cortisol return."""
N_POINTS = 500


CONTROLS = ("sets", "reps", "rest_s", "sex", "muscle_mass", "exercises", "forced_reps", "intra_set_rest_s")
"""The session inputs the learner sets (declared in :data:`edu.hormones.INPUTS`); the load follows the reps."""

T_MIN = np.linspace(-hormones.PARAMS.max_session_min - 10, T_AFTER_MIN, N_POINTS)
"""Minutes after the end of the session, from before the longest session the model allows."""


def model_inputs(values: dict) -> dict:
    """The scenario: the control values are the keywords of :func:`edu.hormones.acute_response`."""
    return {key: values[key] for key in CONTROLS}


@dataclass(frozen=True)
class Result:
    """One session as the explorer shows it."""

    response: hormones.AcuteResponse
    peaks: dict


def run(inputs: dict) -> Result:
    """The hormone curves and their peaks for one session."""
    return Result(response=hormones.acute_response(T_MIN, **inputs), peaks=hormones.peaks(**inputs))


class HormoneExplorer(Explorer):
    """The explorer behind :func:`hormoonverkenner`."""

    title = "Hormoonverkenner"
    presets = PRESETS
    inputs = {key: hormones.INPUTS[key] for key in CONTROLS}
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def constrain(self, values):
        """No more sets than keep the session within the model's longest session (:func:`edu.hormones.max_sets`)."""
        most = hormones.max_sets(exercises=values["exercises"], reps=values["reps"], rest_s=values["rest_s"],
                                 intra_set_rest_s=values["intra_set_rest_s"])
        return {"sets": most} if values["sets"] > most else {}

    def layout(self):
        c = self.controls
        return ipw.VBox([c["sets"], c["reps"], c["rest_s"],
                         more(c["sex"], c["muscle_mass"], c["exercises"], c["forced_reps"],
                              c["intra_set_rest_s"])])

    def make_figure(self):
        fig = style.figure(len(hormones.HORMONES))
        self.ranges = {(r["hormone"], r["sex"]): r for r in datasets.load("resting_ranges")}
        self.measured = datasets.load("hakkinen1995_gh")
        self.artists = {}
        for ax, name in zip(fig.axes, hormones.HORMONES):
            label, unit = style.QUANTITIES[name]
            color = style.COLORS[name]
            ax.set_title(f"{label} ({unit})")
            ax.set_xlabel("minuten na het einde van de training")
            a = {
                "session": style.vspan(ax, -1, 0, color=style.COLORS["session"], alpha=0.15, lw=0),
                "ref": ax.plot([], [], color=color, **style.COMPARED, alpha=0.7)[0],
                "now": ax.plot([], [], color=color)[0],
            }
            if name in {"testosterone", "cortisol"}:
                a["range"] = style.hspan(ax, 0, 1, color=style.COLORS["range"], alpha=0.35, lw=0)
            if name == "growth_hormone":
                a["sd"] = ax.plot([], [], color=style.COLORS["measured"], lw=1.2)[0]
                a["mean"] = ax.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0]
            self.artists[name] = a
        return fig

    def _legend(self, reference_name, sex):
        """One legend below the panels, in neutral colours."""
        sources = sorted({RANGE_SOURCES[r["source"]] for (_, s), r in self.ranges.items() if s == sex})
        handles = {
            "model: huidige instellingen": Line2D([], [], color="0.2"),
            "duur van de training": Patch(color=style.COLORS["session"], alpha=0.3),
            f"normaal bereik in rust ({'; '.join(sources)})": Patch(color=style.COLORS["range"]),
            "gemeten: Häkkinen & Pakarinen, 1995 (gemiddelde ± SD)":
                Line2D([], [], color=style.COLORS["measured"], marker="o", lw=1.2),
        }
        self.legend(handles, reference_name)

    def update(self, values, now, ref):
        sessions = [now.response.session_min] + ([ref[1].response.session_min] if ref else [])
        left = self.fit("x", max(sessions) + 10)
        sex = values["sex"]
        for ax, name in zip(self.figure.axes, hormones.HORMONES):
            a = self.artists[name]
            a["now"].set_data(T_MIN, getattr(now.response, name))
            a["ref"].set_data((T_MIN, getattr(ref[1].response, name)) if ref else ([], []))
            a["session"].set_x(-sessions[0])
            a["session"].set_width(sessions[0])
            if "range" in a:
                r = self.ranges[(name, sex)]
                a["range"].set_y(r["low"])
                a["range"].set_height(r["high"] - r["low"])
            if "mean" in a:
                self._measured(a, sex)
            shown = T_MIN >= -left
            lines = [getattr(result.response, name)[shown] for result in (now, *(ref[1:] if ref else ()))]
            ax.set_xlim(-left, T_AFTER_MIN)
            ax.set_ylim(0, self.fit_y(name, *lines, a["mean"].get_ydata() if "mean" in a else [],
                                      at_least=r["high"] if "range" in a else 0.0))
        self._legend(ref[0] if ref else None, sex)
        return self._readout(values, now)

    def _measured(self, a, sex):
        """Häkkinen & Pakarinen 1995: mean ± SD before and after their session."""
        duration = hormones.session_duration_min(**hormones.PROTOCOLS["hakkinen1995"])
        rows = [r for r in self.measured if r["sex"] == sex]
        x = [-duration if r["moment"] == "before" else 0.0 for r in rows]
        y = [r["growth_hormone_ug_l"] for r in rows]
        sd = [r["sd_ug_l"] for r in rows]
        a["mean"].set_data(x, y)
        a["sd"].set_data(np.repeat(x, 3), np.ravel([[m - s, m + s, np.nan] for m, s in zip(y, sd)]))

    def _readout(self, values, now):
        rows = []
        for name, p in now.peaks.items():
            label, unit = style.QUANTITIES[name]
            factor = p.peak / p.rest
            size = (f"+{fmt(p.rise_pct, 0)}%" if factor < 3 else f"{fmt(factor, 0)} keer zo hoog")
            change = (f"stijgt tot {fmt(p.peak, 1)} {unit} ({size}), "
                      f"piek {fmt(p.peak_t_min, 0)} min na afloop, "
                      f"na {_duration(p.recovery_t_min)} weer bijna in rust"
                      if p.rise_pct >= 1 else "stijgt niet duidelijk")
            rows.append(f"<li><strong>{label}</strong>: in rust {fmt(p.rest, 1)} {unit}; {change}.</li>")
        reps = values["reps"]
        return (f"<p>De training duurt ongeveer {_duration(now.response.session_min)}. Elke set: {reps} "
                f"{'herhaling' if reps == 1 else 'herhalingen'} met het zwaarste gewicht waarmee dat "
                f"lukt, {fmt(now.response.load_pct_1rm, 0)}% van de 1RM.</p>"
                f"<ul>{''.join(rows)}</ul>")


def _duration(minutes: float) -> str:
    """A duration in Dutch: whole minutes up to 90, then hours with one decimal."""
    return f"{fmt(minutes, 0)} minuten" if minutes <= 90 else f"{fmt(minutes / 60, 1)} uur"


def hormoonverkenner(start: str = "man", vergelijk: str | None = None) -> HormoneExplorer:
    """Explorer of the acute hormonal response (chapter "De acute hormonale respons").

    Parameters
    ----------
    start : str
        Preset to open with, one of :data:`PRESETS`.
    vergelijk : str, optional
        Preset drawn dashed for comparison.
    """
    return HormoneExplorer(start, vergelijk)


__all__ = ["hormoonverkenner"]
