"""Ruststofwisseling: body composition → resting energy per tissue, and what extra muscle adds."""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.patches import Patch

from edu import datasets, metabolism
from edu import validation as check
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more

AGE_GROUPS = {"to_50": ("tot en met 50 jaar", 35), "over_50": ("ouder dan 50 jaar", 65)}
"""Wang et al. (2010)'s groups up to and over 50, each with its Dutch name and an age at which the model
uses that group's rates (:class:`edu.metabolism.Parameters`)."""

AGE_GROUP = check.Choice("age_group", "leeftijd", {key: name for key, (name, _) in AGE_GROUPS.items()},
                         default="to_50")
"""The explorer-only control that chooses one of :data:`AGE_GROUPS`."""

INPUTS = {"extra_muscle_kg": metabolism.INPUTS["extra_muscle_kg"], "muscle_kg": metabolism.INPUTS["muscle_kg"],
          "fat_kg": metabolism.INPUTS["fat_kg"], "reference": metabolism.INPUTS["reference"], "age_group": AGE_GROUP}

START = {"extra_muscle_kg": 1.4, "muscle_kg": 29.0, "fat_kg": 18.0, "reference": "man", "age_group": "to_50"}

PRESETS = {
    "man, 10 weken krachttraining (+1,4 kg spier)": START,
    "vrouw, 10 weken krachttraining": START | {"reference": "woman", "muscle_kg": 17.5, "fat_kg": 22.5},
    "bodybuilder: 45 kg spier": START | {"muscle_kg": 45.0, "fat_kg": 10.0, "extra_muscle_kg": 3.0},
    "man ouder dan 50": START | {"age_group": "over_50", "muscle_kg": 25.0, "fat_kg": 24.0},
    "5 kg extra spier": START | {"extra_muscle_kg": 5.0},
}

ROWS = ("gewicht", "rustverbranding")
LEGEND = {name: Patch(color=style.COLORS[key]) for key, name in metabolism.TISSUES.items()}
MEASURED = {r["study"]: r for r in datasets.load("rmr_training")}
"""Rises of resting energy after training: Westcott (2012) as a percentage, Aristizabal et al. (2015) in kcal."""


def model_inputs(values: dict) -> dict:
    """The scenario: the body (keywords of :func:`edu.metabolism.tissue_energy_kcal`) and the extra muscle
    (keywords of :func:`edu.metabolism.extra_muscle`)."""
    age = AGE_GROUPS[values["age_group"]][1]
    return {"body": {"muscle_kg": values["muscle_kg"], "fat_kg": values["fat_kg"], "reference": values["reference"],
                     "age_years": age},
            "extra": {"extra_muscle_kg": values["extra_muscle_kg"], "age_years": age}}


@dataclass(frozen=True)
class Result:
    """One scenario as the explorer shows it."""

    mass_kg: dict
    """Mass of each tissue (keys of :data:`edu.metabolism.TISSUES`), kg."""
    kcal: dict
    """Resting energy of each tissue, kcal per day."""
    total_kcal: float
    muscle_kcal_per_kg: float
    extra: metabolism.ExtraMuscle
    westcott_kcal: float
    """What Westcott (2012)'s +7% would be for this body, kcal per day."""

    @property
    def mass_pct(self) -> dict:
        """Share of each tissue in body mass, %."""
        return {k: 100 * v / sum(self.mass_kg.values()) for k, v in self.mass_kg.items()}

    @property
    def kcal_pct(self) -> dict:
        """Share of each tissue in resting energy, %."""
        return {k: 100 * v / self.total_kcal for k, v in self.kcal.items()}

    @property
    def organs_kcal(self) -> float:
        """Resting energy of liver, brain, heart and kidneys together, kcal per day."""
        return sum(self.kcal[k] for k in metabolism.HIGH_RATE_ORGANS)

    @property
    def organs_kg(self) -> float:
        """Mass of liver, brain, heart and kidneys together, kg."""
        return sum(self.mass_kg[k] for k in metabolism.HIGH_RATE_ORGANS)


def run(inputs: dict) -> Result:
    """The resting energy of one body and what its extra muscle adds."""
    body = inputs["body"]
    kcal = metabolism.tissue_energy_kcal(**body)
    total = sum(kcal.values())
    masses = metabolism.tissue_masses_kg(muscle_kg=body["muscle_kg"], fat_kg=body["fat_kg"],
                                         reference=body["reference"])
    return Result(mass_kg=masses, kcal=kcal, total_kcal=total,
                  muscle_kcal_per_kg=metabolism.kcal_per_kg("muscle", age_years=body["age_years"]),
                  extra=metabolism.extra_muscle(**inputs["extra"]),
                  westcott_kcal=MEASURED["westcott2012"]["rmr_pct"] / 100 * total)


class MetabolismExplorer(Explorer):
    """The explorer behind :func:`ruststofwisseling`."""

    title = "Ruststofwisseling"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        c = self.controls
        return ipw.VBox([c["extra_muscle_kg"], c["muscle_kg"], c["fat_kg"], more(c["reference"], c["age_group"])])

    def make_figure(self):
        fig = style.figure(2)
        self.axes = {"share": fig.axes[0], "extra": fig.axes[1]}
        ax = self.axes["share"]
        ax.set_title("Wie verbruikt de energie in rust?")
        ax.set_xlim(0, 100)
        ax.set_xlabel("% van het totaal")
        self.rows = style.rows(ax, ROWS)  # weight on top
        self.blocks = {key: ax.barh(self.rows, [0, 0], color=style.COLORS[key], height=0.5, edgecolor="white")
                       for key in metabolism.TISSUES}
        self.labels = [ax.text(0, y, "", ha="center", va="center") for y in self.rows]
        self.ref_muscle = [ax.plot([], [], color="0.2", **style.COMPARED)[0] for _ in self.rows]
        """The comparison's muscle share in each row: where its first block ends, dashed."""
        ax = self.axes["extra"]
        ax.set_title("Wat levert de extra spier op?")
        ax.set_xlabel("extra rustverbranding (kcal per dag)")
        claims = ("model: Elia", f"bewering: {fmt(metabolism.CLAIM_KCAL_PER_KG)} kcal per kg", "Westcott: +7%",
                  "Aristizabal: gemeten")
        rows = style.rows(ax, claims)
        colors = [style.COLORS["muscle"], style.COLORS["claim"], style.COLORS["measured"], style.COLORS["measured"]]
        self.bars = ax.barh(rows, [0] * 4, color=colors, height=0.5)
        self.ref_bars = [ax.plot([], [], color="0.2", **style.COMPARED)[0] for _ in rows[:3]]
        """The comparison's ends of the three bars that depend on the body (not the measured one), dashed."""
        aristizabal = MEASURED["aristizabal2015"]
        ax.errorbar([aristizabal["rmr_kcal"]], [rows[3]], xerr=[aristizabal["rmr_sd_kcal"]], fmt="none",
                    color="0.4", capsize=6, lw=1.5)
        return fig

    def update(self, values, now, ref):
        shares = np.array([[share[k] for k in metabolism.TISSUES] for share in (now.mass_pct, now.kcal_pct)])
        left = np.concatenate([np.zeros((2, 1)), np.cumsum(shares, axis=1)[:, :-1]], axis=1)
        for i, container in enumerate(self.blocks.values()):
            for row, patch in enumerate(container):
                patch.set_x(left[row, i])
                patch.set_width(shares[row, i])
        muscle = list(metabolism.TISSUES).index("muscle")
        ref_shares = [ref[1].mass_pct["muscle"], ref[1].kcal_pct["muscle"]] if ref else [None, None]
        for row, (label, line, shown) in enumerate(zip(self.labels, self.ref_muscle, ref_shares)):
            label.set_position((left[row, muscle] + shares[row, muscle] / 2, self.rows[row]))
            label.set_text(f"spier {fmt(shares[row, muscle], 0)}%")
            y = self.rows[row]
            line.set_data(([shown] * 2, [y - 0.3, y + 0.3]) if ref else ([], []))
        aristizabal = MEASURED["aristizabal2015"]
        heights = [now.extra.kcal, now.extra.claim_kcal, now.westcott_kcal, aristizabal["rmr_kcal"]]
        for bar, height in zip(self.bars, heights):
            bar.set_width(height)
        compared = [ref[1].extra.kcal, ref[1].extra.claim_kcal, ref[1].westcott_kcal] if ref else []
        for line, bar, height in zip(self.ref_bars, self.bars, compared or [None] * 3):
            y = bar.get_y() + bar.get_height() / 2
            line.set_data(([height] * 2, [y - 0.3, y + 0.3]) if ref else ([], []))
        top = aristizabal["rmr_kcal"] + aristizabal["rmr_sd_kcal"]
        self.axes["extra"].set_xlim(0, self.fit_y("extra", heights, compared, top))
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        extra = values["extra_muscle_kg"]
        pct = [r["rmr_pct"] for r in MEASURED.values()]
        return (
            f"<p><strong>Rustverbranding</strong>: {fmt(now.total_kcal, 0)} kcal per dag. Je spieren "
            f"({fmt(values['muscle_kg'])} kg) verbruiken daarvan {fmt(now.kcal['muscle'], 0)} kcal "
            f"({fmt(now.kcal_pct['muscle'], 0)}%); lever, hersenen, hart en nieren samen {fmt(now.organs_kcal, 0)} "
            f"kcal.</p><p><strong>Mythe of feit?</strong> <em>‘Elke kilo spier verbrandt "
            f"{fmt(metabolism.CLAIM_KCAL_PER_KG)} kcal per dag in rust.’</em> Mythe. Een kilo spier verbruikt in "
            f"rust ongeveer {fmt(now.muscle_kcal_per_kg)} kcal per dag. {fmt(extra)} kg extra spier levert dus "
            f"{fmt(now.extra.kcal, 0)} kcal per dag op ({fmt(100 * now.extra.kcal / now.total_kcal, 1)}% van je "
            f"rustverbranding), geen {fmt(now.extra.claim_kcal, 0)}. Toch steeg de rustverbranding in trainingsstudies "
            f"met {fmt(min(pct))} tot {fmt(max(pct))}%, ook in een studie met een controlegroep en drie dagen na de "
            "laatste training (Kirk). Dat is meer dan de extra spier zelf verklaart; waar de rest vandaan komt, is "
            "nog niet duidelijk.</p>")


def ruststofwisseling(start: str = "man, 10 weken krachttraining (+1,4 kg spier)",
                      vergelijk: str | None = None) -> MetabolismExplorer:
    """Explorer of resting energy per tissue and the value of extra muscle (chapter "Kracht voor je gezondheid")."""
    return MetabolismExplorer(start, vergelijk)


__all__ = ["ruststofwisseling"]
