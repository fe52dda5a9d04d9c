"""Bloedsuiker: the glucose curve after a meal, with a recent session and reduced insulin sensitivity,
and the HbA1c effect of a training programme next to the meta-analyses."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D

from edu import datasets, glucose
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

TIMINGS = {"rested": ("geen recente training", None), "right_after": ("direct na de training", 0),
           "2_hours": ("2 uur na de training", 2), "1_day": ("1 dag na de training", 24),
           "2_days": ("2 dagen na de training", 48), "3_days": ("3 dagen na de training", 72)}
"""When the meal falls after a session: a few moments the text discusses, each with its Dutch name and the
hours between the end of the session and the meal (``hours_since_training``)."""

TIMING = check.Choice("timing", "maaltijd", {key: name for key, (name, _) in TIMINGS.items()}, default="rested")
"""The explorer-only control that chooses one of :data:`TIMINGS`."""

MEAL = ("carbs_g", "insulin_sensitivity", "fasting_mmol_l", "insulin_secretion")
PROGRAMME = ("weeks", "sessions_per_week", "minutes_per_session", "baseline_hba1c_pct")
"""The controls that are inputs of :func:`edu.glucose.meal_response` and :func:`edu.glucose.hba1c_change`."""

SHOWN = ("timing", "insulin_sensitivity", "sessions_per_week")
"""The controls in view; the others fold away under "Meer instellingen"."""

INPUTS = {"timing": TIMING} | {key: glucose.INPUTS[key] for key in (*SHOWN[1:], *MEAL, *PROGRAMME)}

START = {"timing": "rested", "insulin_sensitivity": 1.0, "carbs_g": 75, "fasting_mmol_l": 5.0,
         "insulin_secretion": 1.0, "weeks": 12, "sessions_per_week": 3, "minutes_per_session": 50,
         "baseline_hba1c_pct": 7.5}

PRESETS = {
    "gezond, zonder recente training": START,
    "gezond, 1 dag na krachttraining": START | {"timing": "1_day"},
    "verminderde insulinegevoeligheid": START | {"insulin_sensitivity": 0.3},
    "verminderd gevoelig, direct na de training": START | {"insulin_sensitivity": 0.3, "timing": "right_after"},
    "diabetes type 2": START | {"insulin_sensitivity": 0.2, "fasting_mmol_l": 7.5, "insulin_secretion": 0.5},
    "diabetes type 2, een half jaar 3× per week": START | {
        "insulin_sensitivity": 0.2, "fasting_mmol_l": 7.5, "insulin_secretion": 0.5, "weeks": 26},
    "programma van 2× 30 minuten": START | {"sessions_per_week": 2, "minutes_per_session": 30},
    "prediabetes, zonder recente training": START | {
        "insulin_sensitivity": 0.4, "fasting_mmol_l": 6.0, "baseline_hba1c_pct": 6.0},
    "prediabetes, 1 dag na krachttraining": START | {
        "insulin_sensitivity": 0.4, "fasting_mmol_l": 6.0, "baseline_hba1c_pct": 6.0, "timing": "1_day"},
}

T = np.linspace(0.0, 180.0, 181)
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["glucose"]),
    "WHO-grenzen na 2 uur": Line2D([], [], color="0.4", ls=":", lw=2),
    "gemeten (95%-interval): Umpierre e.a., 2011; Strasser e.a., 2010":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls="-", lw=1.5),
}
TRIALS = datasets.load("hba1c_trials")


def model_inputs(values: dict) -> dict:
    """The scenario: the meal (keywords of :func:`edu.glucose.meal_response`) and the programme (keywords of
    :func:`edu.glucose.hba1c_change`)."""
    return {"meal": {key: values[key] for key in MEAL} | {"hours_since_training": TIMINGS[values["timing"]][1]},
            "programme": {key: values[key] for key in PROGRAMME}}


@dataclass(frozen=True)
class Result:
    """One scenario as the explorer shows it."""

    meal: glucose.Meal
    """The glucose curve over :data:`T`, its peak and 2-hour value."""
    category: str
    """WHO category of the 2-hour value (key of :data:`edu.glucose.CATEGORIES`)."""
    effect: glucose.TrainingEffect | None
    """What the recent session changes; ``None`` without one."""
    hba1c_change: float
    """Change in HbA1c after the programme, percentage points."""


def run(inputs: dict) -> Result:
    """The meal and the programme of one scenario."""
    meal = glucose.meal_response(T, **inputs["meal"])
    recent = inputs["meal"]["hours_since_training"] is not None
    return Result(meal=meal, category=glucose.who_category(meal.two_hour_mmol_l),
                  effect=glucose.training_effect(**inputs["meal"]) if recent else None,
                  hba1c_change=glucose.hba1c_change(**inputs["programme"]))


class GlucoseExplorer(Explorer):
    """The explorer behind :func:`bloedsuiker`."""

    title = "Bloedsuiker"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        shown = [self.controls[key] for key in SHOWN]
        return ipw.VBox([*shown, more(*(c for c in self.controls.values() if c not in shown))])

    def make_figure(self):
        fig = style.figure(2, height=1.3)
        self.axes = {"meal": fig.axes[0], "hba1c": fig.axes[1]}
        ax = self.axes["meal"]
        ax.set_title("Glucose na een maaltijd")
        ax.set_xlim(T[0], T[-1])
        ax.set_xticks(range(0, 181, 30))
        ax.set_xlabel("minuten na de maaltijd")
        ax.set_ylabel("glucose in het bloed (mmol/L)")
        p = glucose.PARAMS
        for level, text in ((p.impaired_mmol_l, "verminderde tolerantie"), (p.diabetes_mmol_l, "diabetes")):
            ax.axhline(level, color="0.4", ls=":", lw=2)
            ax.text(T[0] + 3, level, f"{text} (≥ {fmt(level)})", ha="left", va="bottom", color="0.3")
        ax.axvline(120, color="0.4", ls=":", lw=1)
        self.meal = {"ref": ax.plot([], [], color=style.COLORS["glucose"], **style.COMPARED)[0],
                     "now": ax.plot([], [], color=style.COLORS["glucose"])[0],
                     "two_hours": ax.plot([], [], "o", color=style.COLORS["glucose"], ms=10)[0]}
        ax = self.axes["hba1c"]
        ax.set_title("HbA1c na een trainingsprogramma")
        ax.set_xlabel("verandering HbA1c (procentpunt)")
        rows = ["model: jouw programma"] + [
            f"{'Umpierre' if r['study'] == 'umpierre2011' else 'Strasser'}: {r['label']}" for r in TRIALS]
        y = style.rows(ax, rows)
        ax.set_xlim(-1.3, 0.2)
        ax.axvline(0, color="0.4", lw=1)
        for row, r in zip(y[1:], TRIALS):
            if r["ci_low"] != "":
                ax.plot([r["ci_low"], r["ci_high"]], [row] * 2, color=style.COLORS["measured"], lw=1.5)
            ax.plot([r["change"]], [row], "o", color=style.COLORS["measured"], ms=7)
        self.bar = ax.barh([y[0]], [0.0], color=style.COLORS["hba1c"], height=0.5)[0]
        self.ref_bar = ax.plot([], [], "|", color="0.2", ms=24, mew=2.5)[0]
        return fig

    def update(self, values, now, ref):
        m = self.meal
        m["now"].set_data(T, now.meal.glucose_mmol_l)
        m["two_hours"].set_data([120], [now.meal.two_hour_mmol_l])
        m["ref"].set_data((T, ref[1].meal.glucose_mmol_l) if ref else ([], []))
        self.axes["meal"].set_ylim(0, self.fit_y("meal", now.meal.glucose_mmol_l,
                                                 ref[1].meal.glucose_mmol_l if ref else [],
                                                 at_least=glucose.PARAMS.diabetes_mmol_l + 1))
        self.bar.set_width(now.hba1c_change)
        self.ref_bar.set_data(([ref[1].hba1c_change], [self.bar.get_y() + 0.25]) if ref else ([], []))
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        meal = now.meal
        text = (f"<p><strong>Na de maaltijd</strong>: piek {fmt(meal.peak_mmol_l, 1)} mmol/L na "
                f"{fmt(meal.peak_min, 0)} minuten; na 2 uur {fmt(meal.two_hour_mmol_l, 1)} mmol/L "
                f"(WHO: <em>{glucose.CATEGORIES[now.category]}</em>).")
        if now.effect is not None:
            when = TIMINGS[values["timing"]][0].removesuffix(" na de training")
            text += (f" De training {when} ervoor verlaagt de piek met {fmt(now.effect.peak_drop_mmol_l, 2)} mmol/L; "
                     f"de insulinegevoeligheid is {fmt(now.effect.sensitivity_gain_pct, 0)}% hoger dan uitgerust.")
        start = values["baseline_hba1c_pct"]
        text += (f"</p><p><strong>Programma</strong> van {fmt(values['weeks'])} weken, "
                 f"{fmt(values['sessions_per_week'])}× {fmt(values['minutes_per_session'])} minuten per week: "
                 f"HbA1c {fmt(now.hba1c_change, 2)} procentpunt (van {fmt(start)}% naar "
                 f"{fmt(start + now.hba1c_change, 1)}%).</p>")
        resistance = next(r for r in TRIALS if r["study"] == "umpierre2011" and r["label"] == "krachttraining")
        aerobic = next(r for r in TRIALS if r["label"] == "duurtraining")
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Tegen diabetes helpt alleen cardio.’</em> Mythe. In de "
            f"meta-analyse van Umpierre daalde HbA1c met {fmt(resistance['change'])} procentpunt bij "
            f"krachttraining en {fmt(aerobic['change'])} bij duurtraining; de intervallen overlappen. "
            "Meer minuten per week deed meer.</p>")


def bloedsuiker(start: str = "gezond, zonder recente training", vergelijk: str | None = None) -> GlucoseExplorer:
    """Explorer of blood glucose after a meal and HbA1c over a programme (chapter "Kracht voor je gezondheid")."""
    return GlucoseExplorer(start, vergelijk)


__all__ = ["bloedsuiker"]
