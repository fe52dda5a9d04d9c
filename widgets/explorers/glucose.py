"""Bloedsuiker: the glucose curve after a meal, with a recent session and reduced insulin sensitivity,
and the HbA1c effect of a training programme next to the meta-analyses."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D

from edu import datasets, glucose
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

TIMING = {"geen recente training": None, "direct na de training": 0, "2 uur na de training": 2,
          "1 dag na de training": 24, "2 dagen na de training": 48, "3 dagen na de training": 72}
"""Dutch choice → hours between the end of the session and the meal."""

START = dict(timing="geen recente training", insulin_sensitivity=1.0, carbs_g=75, fasting_mmol_l=5.0,
             insulin_secretion=1.0, weeks=12, sessions_per_week=3, minutes_per_session=50,
             baseline_hba1c_pct=7.5)

PRESETS = {
    "gezond, zonder recente training": START,
    "gezond, 1 dag na krachttraining": START | {"timing": "1 dag na de training"},
    "verminderde insulinegevoeligheid": START | {"insulin_sensitivity": 0.3},
    "verminderd gevoelig, direct na de training": START | {"insulin_sensitivity": 0.3,
                                                           "timing": "direct na de training"},
    "diabetes type 2": START | {"insulin_sensitivity": 0.2, "fasting_mmol_l": 7.5, "insulin_secretion": 0.5},
    "diabetes type 2, een half jaar 3× per week": START | {
        "insulin_sensitivity": 0.2, "fasting_mmol_l": 7.5, "insulin_secretion": 0.5, "weeks": 26},
    "programma van 2× 30 minuten": START | {"sessions_per_week": 2, "minutes_per_session": 30},
    "prediabetes, zonder recente training": START | {
        "insulin_sensitivity": 0.4, "fasting_mmol_l": 6.0, "baseline_hba1c_pct": 6.0},
    "prediabetes, 1 dag na krachttraining": START | {
        "insulin_sensitivity": 0.4, "fasting_mmol_l": 6.0, "baseline_hba1c_pct": 6.0,
        "timing": "1 dag na de training"},
}

T = np.linspace(0.0, 180.0, 181)
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["glucose"]),
    "WHO-grenzen na 2 uur": Line2D([], [], color="0.3", ls=":", lw=2),
    "gemeten (95%-interval): Umpierre e.a., 2011; Strasser e.a., 2010":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls="-", lw=1.5),
}


def meal_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.glucose.meal_response`."""
    return dict(carbs_g=values["carbs_g"], insulin_sensitivity=values["insulin_sensitivity"],
                hours_since_training=TIMING[values["timing"]], fasting_mmol_l=values["fasting_mmol_l"],
                insulin_secretion=values["insulin_secretion"])


def programme_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.glucose.hba1c_change`."""
    return {k: values[k] for k in ("weeks", "sessions_per_week", "minutes_per_session", "baseline_hba1c_pct")}


class GlucoseExplorer(Explorer):
    """The explorer behind :func:`bloedsuiker`."""

    title = "Bloedsuiker"
    presets = PRESETS

    def make_controls(self):
        return {
            "timing": ipw.Dropdown(options=[(k, k) for k in TIMING], description="Maaltijd",
                                   style={"description_width": "12em"}, layout=ipw.Layout(width="32em")),
            "insulin_sensitivity": slider("Insulinegevoeligheid (× gezond)", 0.1, 2.0, 0.05),
            "sessions_per_week": slider("Trainingen per week", 0, 7, 1),
            "carbs_g": slider("Koolhydraten in de maaltijd (g)", 0, 150, 5),
            "fasting_mmol_l": slider("Nuchtere glucose (mmol/L)", 3.5, 10.0, 0.1),
            "insulin_secretion": slider("Insulineafgifte (× gezond)", 0.1, 2.0, 0.05),
            "weeks": slider("Lengte van het programma (weken)", 0, 52, 1),
            "minutes_per_session": slider("Minuten per training", 10, 120, 5),
            "baseline_hba1c_pct": slider("HbA1c bij de start (%)", 5.7, 12.0, 0.1),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["timing"], c["insulin_sensitivity"], c["sessions_per_week"],
                         more(c["carbs_g"], c["fasting_mmol_l"], c["insulin_secretion"], c["weeks"],
                              c["minutes_per_session"], c["baseline_hba1c_pct"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.8, width_ratios=[1.2, 1])
        self.axes = {"meal": fig.axes[0], "hba1c": fig.axes[1]}
        ax = self.axes["meal"]
        ax.set_title("Glucose na een maaltijd")
        ax.set_xlim(T[0], T[-1])
        ax.set_xticks(range(0, 181, 30))
        ax.set_xlabel("minuten na de maaltijd")
        ax.set_ylabel("glucose in het bloed (mmol/L)")
        p = glucose.PARAMS
        for level, text in ((p.impaired_mmol_l, "verminderde tolerantie"), (p.diabetes_mmol_l, "diabetes")):
            ax.axhline(level, color="0.3", ls=":", lw=2)
            ax.text(T[0] + 3, level, f"{text} (≥ {fmt(level)})", ha="left", va="bottom", fontsize=10, color="0.3")
        ax.axvline(120, color="0.3", ls=":", lw=1)
        self.meal = {"ref": ax.plot([], [], color=style.COLORS["glucose"], ls="--", lw=1.8)[0],
                     "now": ax.plot([], [], color=style.COLORS["glucose"])[0],
                     "two_hours": ax.plot([], [], "o", color=style.COLORS["glucose"], ms=10)[0]}
        ax = self.axes["hba1c"]
        ax.set_title("HbA1c na een trainingsprogramma")
        ax.set_xlabel("verandering HbA1c (procentpunt)")
        self.trials = datasets.load("hba1c_trials")
        rows = ["model: jouw programma"] + [
            f"{'Umpierre' if r['study'] == 'umpierre2011' else 'Strasser'}: {r['label']}" for r in self.trials]
        top = len(rows) - 1  # the first row on top
        ax.set_yticks([top - i for i in range(len(rows))], rows)
        ax.set_ylim(-0.5, top + 0.5)
        ax.set_xlim(-1.3, 0.2)
        ax.axvline(0, color="0.4", lw=1)
        for i, r in enumerate(self.trials, start=1):
            if r["ci_low"] != "":
                ax.plot([r["ci_low"], r["ci_high"]], [top - i] * 2, color=style.COLORS["measured"], lw=1.5)
            ax.plot([r["change"]], [top - i], "o", color=style.COLORS["measured"], ms=7)
        self.bar = ax.barh([top], [0.0], color=style.COLORS["hba1c"], height=0.6)[0]
        self.ref_bar = ax.plot([], [], "|", color="0.2", ms=24, mew=2.5)[0]
        for artist in [*self.meal.values(), self.bar, self.ref_bar]:
            artist.set_animated(True)
        return fig

    def update(self, values, reference):
        now = glucose.meal_response(T, **meal_inputs(values))
        m = self.meal
        m["now"].set_data(T, now.glucose_mmol_l)
        m["two_hours"].set_data([120], [now.glucose_mmol_l[120]])
        ref = glucose.postprandial(T, **meal_inputs(reference[1])) if reference else None
        m["ref"].set_data((T, ref) if ref is not None else ([], []))
        self.axes["meal"].set_ylim(0, self.fit_y("meal", now.glucose_mmol_l, [] if ref is None else ref,
                                                 at_least=glucose.PARAMS.diabetes_mmol_l + 1))
        change = glucose.hba1c_change(**programme_inputs(values))
        self.bar.set_width(change)
        self.ref_bar.set_data(([glucose.hba1c_change(**programme_inputs(reference[1]))], [self.bar.get_y() + 0.3])
                              if reference else ([], []))
        self.legend(LEGEND, reference[0] if reference else None, ncols=2)
        return self._readout(values, now, change)

    def _readout(self, values, now, change):
        g = now.glucose_mmol_l
        two_hours = float(g[120])
        category = glucose.CATEGORIES[glucose.who_category(two_hours)]
        text = (f"<p><strong>Na de maaltijd</strong>: piek {fmt(round(float(g.max()), 1))} mmol/L na "
                f"{fmt(round(float(T[np.argmax(g)])))} minuten; na 2 uur {fmt(round(two_hours, 1))} mmol/L "
                f"(WHO: <em>{category}</em>).")
        hours = TIMING[values["timing"]]
        if hours is not None:
            rested = glucose.postprandial(T, **(meal_inputs(values) | {"hours_since_training": None}))
            text += (f" De training {values['timing'].removesuffix(' na de training')} ervoor verlaagt de piek met "
                     f"{fmt(round(float(rested.max() - g.max()), 2))} mmol/L; de insulinegevoeligheid is "
                     f"{fmt(round(100 * (now.sensitivity_factor - 1)))}% hoger dan uitgerust.")
        start = values["baseline_hba1c_pct"]
        text += (f"</p><p><strong>Programma</strong> van {fmt(values['weeks'])} weken, "
                 f"{fmt(values['sessions_per_week'])}× {fmt(values['minutes_per_session'])} minuten per week: "
                 f"HbA1c {fmt(round(change, 2))} procentpunt (van {fmt(start)}% naar "
                 f"{fmt(round(start + change, 1))}%).</p>")
        resistance = next(r for r in self.trials if r["study"] == "umpierre2011" and r["label"] == "krachttraining")
        aerobic = next(r for r in self.trials if r["label"] == "duurtraining")
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Tegen diabetes helpt alleen cardio.’</em> Mythe. In de "
            f"meta-analyse van Umpierre daalde HbA1c met {fmt(resistance['change'])} procentpunt bij "
            f"krachttraining en {fmt(aerobic['change'])} bij duurtraining; de intervallen overlappen. "
            "Meer minuten per week deed meer.</p>")


def bloedsuiker(start: str = "gezond, zonder recente training", vergelijk: str | None = None) -> GlucoseExplorer:
    """Explorer of blood glucose after a meal and HbA1c over a programme (chapter "Kracht voor je gezondheid")."""
    return GlucoseExplorer(start, vergelijk)
