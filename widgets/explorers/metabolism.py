"""Ruststofwisseling: body composition → resting energy per tissue, and what extra muscle adds."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.patches import Patch

from edu import datasets, metabolism
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

AGE_GROUPS = {"tot en met 50 jaar": 35, "ouder dan 50 jaar": 65}
"""Wang et al. (2010)'s groups up to and over 50, each as an age where the model uses that group's rates."""

START = dict(reference="man", muscle_kg=29.0, fat_kg=18.0, extra_muscle_kg=1.4,
             age_years=AGE_GROUPS["tot en met 50 jaar"])

PRESETS = {
    "man, 10 weken krachttraining (+1,4 kg spier)": START,
    "vrouw, 10 weken krachttraining": START | {"reference": "woman", "muscle_kg": 17.5, "fat_kg": 22.5},
    "bodybuilder: 45 kg spier": START | {"muscle_kg": 45.0, "fat_kg": 10.0, "extra_muscle_kg": 3.0},
    "man ouder dan 50": START | {"age_years": AGE_GROUPS["ouder dan 50 jaar"], "muscle_kg": 25.0, "fat_kg": 24.0},
    "5 kg extra spier": START | {"extra_muscle_kg": 5.0},
}

CLAIM_KCAL_PER_KG = 50
"""The popular claim tested in the explorer: "a kilo of muscle burns 50 kcal a day"."""

ROWS = ("gewicht", "rustverbranding")
LEGEND = {name: Patch(color=style.COLORS[key]) for key, name in metabolism.TISSUES.items()}


def model_inputs(values: dict, extra: float = 0.0) -> dict:
    """The control values as keywords of :func:`edu.metabolism.tissue_energy_kcal`, with ``extra`` kg of muscle."""
    return dict(muscle_kg=min(values["muscle_kg"] + extra, metabolism.LIMITS_KG["muscle"][1]),
                fat_kg=values["fat_kg"], age_years=values["age_years"],
                organ_masses=metabolism.reference_organs(values["reference"]))


class MetabolismExplorer(Explorer):
    """The explorer behind :func:`ruststofwisseling`."""

    title = "Ruststofwisseling"
    presets = PRESETS

    def make_controls(self):
        return {
            "extra_muscle_kg": slider("Extra spier door training (kg)", 0.0, 5.0, 0.1),
            "muscle_kg": slider("Spiermassa (kg)", 10.0, 50.0, 0.5),
            "fat_kg": slider("Vetmassa (kg)", 5.0, 60.0, 0.5),
            "reference": ipw.ToggleButtons(options=[(name, key) for key, name in metabolism.REFERENCES.items()],
                                           description="Organen van"),
            "age_years": ipw.ToggleButtons(options=list(AGE_GROUPS.items()), description="Leeftijd"),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["extra_muscle_kg"], c["muscle_kg"], c["fat_kg"], more(c["reference"], c["age_years"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.6, width_ratios=[1.3, 1])
        self.axes = {"share": fig.axes[0], "extra": fig.axes[1]}
        ax = self.axes["share"]
        ax.set_title("Wie verbruikt de energie in rust?")
        ax.set_xlim(0, 100)
        ax.set_xlabel("% van het totaal")
        ax.set_yticks([1, 0], ROWS)  # weight on top
        self.blocks = {key: ax.barh([1, 0], [0, 0], color=style.COLORS[key], height=0.6, edgecolor="white")
                       for key in metabolism.TISSUES}
        self.labels = [ax.text(0, y, "", ha="center", va="center", fontsize=11) for y in (1, 0)]
        ax = self.axes["extra"]
        ax.set_title("Wat levert de extra spier op?")
        ax.set_ylabel("extra rustverbranding (kcal per dag)")
        self.claims = ("model: Elia", f"bewering: {CLAIM_KCAL_PER_KG} kcal per kg", "Westcott: +7%",
                       "Aristizabal: gemeten")
        ax.set_xticks(range(4), [c.replace(": ", ":\n") for c in self.claims])
        colors = [style.COLORS["muscle"], style.COLORS["claim"], style.COLORS["measured"], style.COLORS["measured"]]
        self.bars = ax.bar(range(4), [0] * 4, color=colors, width=0.6)
        self.measured = datasets.load("rmr_training")
        aristizabal = next(r for r in self.measured if r["study"] == "aristizabal2015")
        ax.errorbar([3], [aristizabal["rmr_kcal"]], yerr=[aristizabal["rmr_sd_kcal"]], fmt="none",
                    color="0.4", capsize=6, lw=1.5)
        for artist in [*self.labels, *self.bars] + [p for c in self.blocks.values() for p in c]:
            artist.set_animated(True)
        return fig

    def update(self, values, reference):
        energy = metabolism.tissue_energy_kcal(**model_inputs(values))
        masses = model_inputs(values)["organ_masses"] | {"muscle": values["muscle_kg"], "adipose": values["fat_kg"]}
        shares = np.array([[masses[k] for k in metabolism.TISSUES], [energy[k] for k in metabolism.TISSUES]])
        shares = 100 * shares / shares.sum(axis=1, keepdims=True)
        left = np.concatenate([np.zeros((2, 1)), np.cumsum(shares, axis=1)[:, :-1]], axis=1)
        for i, container in enumerate(self.blocks.values()):
            for row, patch in enumerate(container):
                patch.set_x(left[row, i])
                patch.set_width(shares[row, i])
        muscle = list(metabolism.TISSUES).index("muscle")
        for row, label in enumerate(self.labels):
            label.set_position((left[row, muscle] + shares[row, muscle] / 2, 1 - row))
            label.set_text(f"spier {fmt(round(shares[row, muscle]))}%")

        total = sum(energy.values())
        extra = values["extra_muscle_kg"]
        model = metabolism.resting_energy_kcal(**model_inputs(values, extra)) - total
        westcott = next(r for r in self.measured if r["study"] == "westcott2012")
        aristizabal = next(r for r in self.measured if r["study"] == "aristizabal2015")
        heights = [model, CLAIM_KCAL_PER_KG * extra, westcott["rmr_pct"] / 100 * total, aristizabal["rmr_kcal"]]
        for bar, height in zip(self.bars, heights):
            bar.set_height(height)
        self.axes["extra"].set_ylim(0, self.fit_y("extra", heights,
                                                  aristizabal["rmr_kcal"] + aristizabal["rmr_sd_kcal"]))
        self.legend(LEGEND, None, ncols=7)
        return self._readout(values, energy, total, model, self.measured)

    @staticmethod
    def _readout(values, energy, total, model, measured):
        def n(x):
            return fmt(round(float(x)))

        per_kg = metabolism.kcal_per_kg("muscle", age_years=values["age_years"])
        extra = values["extra_muscle_kg"]
        pct = [r["rmr_pct"] for r in measured]
        return (
            f"<p><strong>Rustverbranding</strong>: {n(total)} kcal per dag. Je spieren ({fmt(values['muscle_kg'])} kg) "
            f"verbruiken daarvan {n(energy['muscle'])} kcal ({n(100 * energy['muscle'] / total)}%); lever, hersenen, "
            f"hart en nieren samen {n(sum(energy[k] for k in ('liver', 'brain', 'heart', 'kidneys')))} kcal.</p>"
            f"<p><strong>Mythe of feit?</strong> <em>‘Elke kilo spier verbrandt {CLAIM_KCAL_PER_KG} kcal per dag in "
            f"rust.’</em> Mythe. Een kilo spier verbruikt in rust ongeveer {fmt(per_kg)} kcal per dag. "
            f"{fmt(extra)} kg extra spier levert dus {n(model)} kcal per dag op "
            f"({fmt(round(100 * model / total, 1))}% van je rustverbranding), geen {n(CLAIM_KCAL_PER_KG * extra)}. "
            f"Toch steeg de rustverbranding in trainingsstudies met {fmt(min(pct))} tot {fmt(max(pct))}%, "
            "ook in een studie met een controlegroep en drie dagen na de laatste training (Kirk). Dat is meer dan de "
            "extra spier zelf verklaart; waar de rest vandaan komt, is nog niet duidelijk.</p>")


def ruststofwisseling(start: str = "man, 10 weken krachttraining (+1,4 kg spier)",
                      vergelijk: str | None = None) -> MetabolismExplorer:
    """Explorer of resting energy per tissue and the value of extra muscle (chapter "Kracht voor je gezondheid")."""
    return MetabolismExplorer(start, vergelijk)
