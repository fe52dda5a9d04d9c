"""Hersenen: hippocampal volume with age, with and without aerobic or resistance training."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D

from edu import cognition, datasets
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, slider

START = dict(training="aerobic", training_start_age=66, age_years=75)

PRESETS = {
    "stevig wandelen vanaf 66 (Erickson)": START,
    "krachttraining vanaf 66": START | {"training": "resistance"},
    "geen training": START | {"training": "none"},
    "krachttraining vanaf 50": START | {"training": "resistance", "training_start_age": 50},
    "pas beginnen op 80": START | {"training_start_age": 80, "age_years": 85},
}

AGES = np.linspace(40.0, cognition.AGES[1], 201)
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["hippocampus"]),
    "zonder training": Line2D([], [], color=style.COLORS["untrained"], lw=1.8),
    "gemeten: Erickson e.a., 2011 (één studie, na een jaar); Fraser e.a., 2021 (bevolkingsstudie)":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.cognition.hippocampal_volume`."""
    return dict(training=None if values["training"] == "none" else values["training"],
                training_start_age=values["training_start_age"])


def yearly_change_pct(volume: np.ndarray) -> np.ndarray:
    """Change per year, % of the current volume, along :data:`AGES`."""
    return 100 * np.gradient(np.log(volume), AGES)


class CognitionExplorer(Explorer):
    """The explorer behind :func:`hersenen`."""

    title = "Hersenen"
    presets = PRESETS

    def make_controls(self):
        return {
            "training": ipw.ToggleButtons(
                options=[("geen", "none")] + [(name, key) for key, name in cognition.TRAININGS.items()],
                description="Training"),
            "training_start_age": slider("Start training (leeftijd)", 40, 85, 1),
            "age_years": slider("Kijk op leeftijd", 50, 90, 1),
        }

    def make_figure(self):
        fig = style.figure(2, height_in=4.6)
        self.axes = {"volume": fig.axes[0], "rate": fig.axes[1]}
        titles = {"volume": ("Hippocampus: volume", "% van het volume op 50 jaar"),
                  "rate": ("Verandering per jaar", "% per jaar (negatief: krimp)")}
        self.lines = {}
        for key, ax in self.axes.items():
            ax.set_title(titles[key][0])
            ax.set_ylabel(titles[key][1])
            ax.set_xlabel("leeftijd (jaar)")
            ax.set_xlim(AGES[0], AGES[-1])
            self.lines[key] = {
                "untrained": ax.plot([], [], color=style.COLORS["untrained"], lw=1.8)[0],
                "ref": ax.plot([], [], color=style.COLORS["hippocampus"], ls="--", lw=1.8)[0],
                "now": ax.plot([], [], color=style.COLORS["hippocampus"])[0],
                "age": ax.axvline(0, color="0.3", ls=":", lw=1.5),
                "measured": ax.plot([], [], "o", color=style.COLORS["measured"], ms=7)[0],
            }
        self.axes["rate"].axhline(0, color="0.4", lw=1)
        self.axes["rate"].set_ylim(-2.5, 2.5)
        fraser = datasets.load("fraser2021")
        self.axes["rate"].plot([r["mean_age"] for r in fraser], [-r["loss_pct_per_year"] for r in fraser], "o",
                               color=style.COLORS["measured"], ms=7)
        self.point = self.axes["volume"].plot([], [], "o", color=style.COLORS["hippocampus"], ms=10)[0]
        for artist in [self.point] + [a for lines in self.lines.values() for a in lines.values()]:
            artist.set_animated(True)
        self.erickson = datasets.load("erickson2011")
        return fig

    def update(self, values, reference):
        inputs = model_inputs(values)
        untrained = cognition.hippocampal_volume(AGES)
        now = cognition.hippocampal_volume(AGES, **inputs)
        ref = cognition.hippocampal_volume(AGES, **model_inputs(reference[1])) if reference else None
        for key, transform in (("volume", lambda v: v), ("rate", yearly_change_pct)):
            lines = self.lines[key]
            lines["untrained"].set_data(AGES, transform(untrained))
            lines["now"].set_data(AGES, transform(now))
            lines["ref"].set_data((AGES, transform(ref)) if ref is not None else ([], []))
            lines["age"].set_xdata([values["age_years"]] * 2)
        age = values["age_years"]
        self.point.set_data([age], [cognition.hippocampal_volume(age, **inputs)])
        self._measured(values)
        self.axes["volume"].set_ylim(100 - self.fit("volume", 100 - float(untrained.min())), 110)
        self.legend(LEGEND, reference[0] if reference else None, ncols=2)
        return self._readout(values, inputs)

    def _measured(self, values):
        """Erickson 2011 after one year, from the model's volume at the start of training."""
        start = values["training_start_age"]
        mean = {g: np.mean([r["change_pct"] for r in self.erickson if r["group"] == g]) for g in ("aerobic", "control")}
        at_start = cognition.hippocampal_volume(start)
        groups = ("aerobic", "control") if values["training"] == "aerobic" else ()
        self.lines["volume"]["measured"].set_data([start + 1] * len(groups),
                                                  [at_start * (1 + mean[g] / 100) for g in groups])
        self.lines["rate"]["measured"].set_data([start + 0.5] * len(groups), [mean[g] for g in groups])

    @staticmethod
    def _readout(values, inputs):
        age = values["age_years"]
        without = cognition.hippocampal_volume(age)
        text = f"<p><strong>Op {age} jaar</strong>: {fmt(round(without, 1))}% van het volume op 50 zonder training"
        if inputs["training"] is not None and age > values["training_start_age"]:
            trained = cognition.hippocampal_volume(age, **inputs)
            # the age at which the untrained brain had this volume (the untrained curve falls steadily)
            younger = float(np.interp(-trained, -cognition.hippocampal_volume(AGES), AGES))
            text += (f", {fmt(round(trained, 1))}% met {cognition.TRAININGS[inputs['training']]}: "
                     f"het volume van iemand van {fmt(round(younger, 1))} jaar zonder training "
                     f"({fmt(round(age - younger, 1))} jaar winst)")
        text += ".</p>"
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Wandelen laat je hippocampus groeien.’</em> Onzeker. In één "
            "studie groeide hij na een jaar stevig wandelen 2% (Erickson). Over 14 studies samen had duurtraining "
            "geen aantoonbaar effect op de hele hippocampus; training remde vooral de krimp (Firth). Bij "
            "krachttraining kromp een deel van de hippocampus minder (SMART). Daarom remt training in het model de "
            "krimp, maar groeit er niets.</p>")


def hersenen(start: str = "stevig wandelen vanaf 66 (Erickson)", vergelijk: str | None = None) -> CognitionExplorer:
    """Explorer of hippocampal volume with age and training (chapter "Kracht voor je gezondheid")."""
    return CognitionExplorer(start, vergelijk)
