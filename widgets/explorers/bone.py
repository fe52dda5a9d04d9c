"""Botten: peak strain → remodelling (Frost's mechanostat), and bone density over the lifespan."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from edu import bone, datasets
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

START = dict(peak_strain=1000, sex="female", site="spine", menopause_age=51, training="hirit",
             training_start_age=65, disuse=200, modelling=1500)

PRESETS = {
    "vrouw, zwaar trainen vanaf 65 (LIFTMOR)": START,
    "vrouw zonder training": START | {"training": "none"},
    "vrouw, matige krachttraining vanaf 50": START | {"training": "resistance", "training_start_age": 50},
    "man, zwaar trainen vanaf 65 (LIFTMOR-M)": START | {"sex": "male"},
    "heup (dijbeenhals) in plaats van rug": START | {"site": "femoral_neck"},
    "bedrust of ruimtevaart: bijna geen belasting": START | {"peak_strain": 50},
    "grote belasting: opbouw": START | {"peak_strain": 2500},
    "vroege menopauze (45 jaar)": START | {"menopause_age": 45, "training": "none"},
    "vrouw van 68: zwaar trainen (LIFTMOR)": START | {"training_start_age": 68},
    "vrouw van 68: matige krachttraining": START | {"training": "resistance", "training_start_age": 68},
}

STRAIN = np.geomspace(20, bone.MAX_STRAIN, 300)
DAMAGE = bone.PARAMS.thresholds.microdamage
CURVE = np.append(STRAIN[STRAIN < DAMAGE], DAMAGE)
"""Strains of the mechanostat curve: the model stops at the microdamage threshold."""
AGES = np.linspace(bone.AGES[0], bone.AGES[1], 281)
REPORT_AGE = 80
ZONE_SHADES = {"disuse": "#D55E00", "adapted": "#BBBBBB", "overload": "#009E73",
               "microdamage": "#E69F00", "fracture": "#000000"}
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["bone"]),
    "zonder training": Line2D([], [], color=style.COLORS["untrained"], lw=1.8),
    "gemeten: LIFTMOR, SWAN, NHANES": Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
} | {name: Patch(color=ZONE_SHADES[key], alpha=0.25) for key, name in bone.ZONES.items()}


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.bone.bmd_trajectory`."""
    return dict(sex=values["sex"], site=values["site"], menopause_age=values["menopause_age"],
                training=None if values["training"] == "none" else values["training"],
                training_start_age=values["training_start_age"])


def thresholds(values: dict) -> dict:
    """The control values as the ``thresholds`` of :func:`edu.bone.remodeling_rate`."""
    return {"disuse": values["disuse"], "modelling": values["modelling"]}


class BoneExplorer(Explorer):
    """The explorer behind :func:`botten`."""

    title = "Botten"
    presets = PRESETS

    def make_controls(self):
        return {
            "peak_strain": slider("Piekvervorming (µε)", 0, 6000, 50),
            "training": ipw.ToggleButtons(
                options=[("geen", "none")] + [(name, key) for key, name in bone.TRAININGS.items()],
                description="Training"),
            "training_start_age": slider("Start training (leeftijd)", 30, 85, 1),
            "sex": ipw.ToggleButtons(options=[(name, key) for key, name in bone.SEXES.items()],
                                     description="Geslacht"),
            "site": ipw.ToggleButtons(options=[(name, key) for key, name in bone.SITES.items()],
                                      description="Meetplaats"),
            "menopause_age": slider("Leeftijd bij de menopauze", 40, 60, 1),
            "disuse": slider("Drempel afbraak (µε)", 50, 400, 10),
            "modelling": slider("Drempel opbouw (µε)", 800, 2900, 50),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["peak_strain"], c["training"], c["training_start_age"],
                         more(c["sex"], c["site"], c["menopause_age"], c["disuse"], c["modelling"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.8, width_ratios=[1, 1.3])
        self.axes = {"strain": fig.axes[0], "bmd": fig.axes[1]}
        ax = self.axes["strain"]
        ax.set_title("Mechanostat: vervorming → botombouw")
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt(v)))
        ax.set_xlim(STRAIN[0], STRAIN[-1])
        ax.set_ylim(-13, 6)
        ax.axhline(0, color="0.4", lw=1)
        ax.set_xlabel("grootste vervorming per dag (microstrain, µε)")
        ax.set_ylabel("botmassa: verandering (% per jaar)")
        self.zones = {key: style.vspan(ax, 1, 2, color=color, alpha=0.25, lw=0, animated=True)
                      for key, color in ZONE_SHADES.items()}
        self.strain = {"ref": ax.plot([], [], color=style.COLORS["bone"], ls="--", lw=1.8)[0],
                       "now": ax.plot([], [], color=style.COLORS["bone"])[0],
                       "point": ax.plot([], [], "o", color=style.COLORS["bone"], ms=11)[0]}
        ax = self.axes["bmd"]
        ax.set_title("Botdichtheid over het leven")
        ax.set_xlim(AGES[0], AGES[-1])
        ax.set_xlabel("leeftijd (jaar)")
        ax.set_ylabel("% van de piekbotdichtheid")
        self.bmd = {"untrained": ax.plot([], [], color=style.COLORS["untrained"], lw=1.8)[0],
                    "ref": ax.plot([], [], color=style.COLORS["bone"], ls="--", lw=1.8)[0],
                    "now": ax.plot([], [], color=style.COLORS["bone"])[0],
                    "start": ax.axvline(0, color=style.COLORS["bone"], ls=":", lw=1.5),
                    "measured": ax.errorbar([np.nan], [np.nan], yerr=[np.nan], fmt="o",
                                            color=style.COLORS["measured"], ms=7)}
        points, _, (bars,) = self.bmd["measured"].lines
        self.measured = points, bars
        for artist in [*self.strain.values(), self.bmd["untrained"], self.bmd["ref"], self.bmd["now"],
                       self.bmd["start"], points, bars]:
            artist.set_animated(True)
        self.liftmor = datasets.load("liftmor")
        self.swan = {r["site"]: r["ten_year_loss_pct"] for r in datasets.load("greendale2012")}
        self.nhanes = datasets.load("nhanes_bmd")
        return fig

    def update(self, values, reference):
        th = thresholds(values)
        edges = [STRAIN[0], th["disuse"], th["modelling"], DAMAGE, bone.PARAMS.thresholds.fracture, STRAIN[-1]]
        for (key, span), lo, hi in zip(self.zones.items(), edges, edges[1:]):
            span.set_x(lo)
            span.set_width(hi - lo)
        s = self.strain
        s["now"].set_data(CURVE, bone.remodeling_rate(CURVE, thresholds=th))
        s["ref"].set_data((CURVE, bone.remodeling_rate(CURVE, thresholds=thresholds(reference[1])))
                          if reference and thresholds(reference[1]) != th else ([], []))
        strain = max(values["peak_strain"], STRAIN[0])
        rate = (bone.remodeling_rate(values["peak_strain"], thresholds=th) if values["peak_strain"] <= DAMAGE
                else None)
        s["point"].set_data(([strain], [rate]) if rate is not None else ([], []))

        inputs = model_inputs(values)
        untrained = bone.bmd_trajectory(AGES, **(inputs | {"training": None}))
        trained = bone.bmd_trajectory(AGES, **inputs)
        b = self.bmd
        b["untrained"].set_data(AGES, untrained)
        b["now"].set_data(AGES, trained)
        b["ref"].set_data((AGES, bone.bmd_trajectory(AGES, **model_inputs(reference[1])))
                          if reference else ([], []))
        started = inputs["training"] is not None
        b["start"].set_xdata([values["training_start_age"] if started else np.nan] * 2)
        self._measured(values, inputs)
        self.axes["bmd"].set_ylim(98 - self.fit("bmd", 100 - float(untrained.min())), 106)
        self.legend(LEGEND, reference[0] if reference else None, ncols=5)
        return self._readout(values, inputs, rate)

    def _measured(self, values, inputs):
        """LIFTMOR groups after 8 months (from the model's value at the start), SWAN's 10-year loss, and
        the NHANES age groups as % of the youngest group (total hip standing in for the femoral neck)."""
        start = values["training_start_age"]
        at_start = bone.bmd_trajectory(start, **(inputs | {"training": None}))
        rows = [r for r in self.liftmor if r["sex"] == values["sex"] and r["site"] == values["site"]]
        x = [start + r["months"] / 12 for r in rows] if inputs["training"] == "hirit" else []
        y = [at_start + r["change_pct"] for r in rows][:len(x)]
        err = [r["spread_pct"] for r in rows][:len(x)]
        if values["sex"] == "female":
            m = values["menopause_age"]
            x.append(m + 5)
            y.append(bone.bmd_trajectory(m - 5, **(inputs | {"training": None})) - self.swan[values["site"]])
            err.append(0.0)
        site = "spine" if values["site"] == "spine" else "total_hip"
        groups = [r for r in self.nhanes if (r["sex"], r["site"]) == (values["sex"], site)]
        if len(groups) > 1:
            x += [(r["age_from"] + r["age_to"] + 1) / 2 for r in groups]
            young = min(groups, key=lambda r: r["age_from"])["bmd_g_cm2"]
            y += [100 * r["bmd_g_cm2"] / young for r in groups]
            err += [0.0] * len(groups)
        x, y, err = np.array(x, float), np.array(y, float), np.array(err, float)
        points, bars = self.measured
        points.set_data(x, y)
        bars.set_segments([[(xi, yi - e), (xi, yi + e)] for xi, yi, e in zip(x, y, err)])

    def _readout(self, values, inputs, rate):
        zone = bone.ZONES[bone.zone(values["peak_strain"], thresholds=thresholds(values))]
        change = ("kleine scheurtjes ontstaan sneller dan het bot ze herstelt. Hier stopt de lijn: het model "
                  "rekent geen opbouw meer uit. Meer belasting geeft hier geen extra winst, maar een kans op "
                  "een vermoeidheidsbreuk" if rate is None else
                  f"bot wordt afgebroken: {fmt(round(rate, 1))}% per jaar" if rate < 0 else
                  f"bot wordt opgebouwd: +{fmt(round(rate, 1))}% per jaar" if rate > 0 else
                  "bot blijft zoals het is")
        text = (f"<p><strong>Mechanostat</strong>: bij {fmt(values['peak_strain'])} µε zit je in de zone "
                f"<em>{zone}</em>; {change}.</p>")
        without = bone.bmd_trajectory(REPORT_AGE, **(inputs | {"training": None}))
        text += f"<p><strong>Op {REPORT_AGE} jaar</strong>: {fmt(round(without, 1))}% van de piek zonder training"
        if inputs["training"] is not None:
            gained = bone.bmd_trajectory(REPORT_AGE, **inputs) - without
            text += (f", {fmt(round(without + gained, 1))}% met {bone.TRAININGS[inputs['training']]} "
                     + (f"(+{fmt(round(gained, 1))} procentpunt)" if gained > 0 else
                        "(geen winst: voor deze plek is geen effect gemeten)"))
        text += ".</p>"
        women = {r["group"]: r["change_pct"] for r in self.liftmor
                 if r["study"] == "watson2018" and r["site"] == "spine"}
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Na je dertigste kun je je botten niet meer sterker "
            "maken.’</em> Mythe. Vrouwen van rond de 65 met een lage botdichtheid trainden 8 maanden "
            f"zwaar (LIFTMOR): lendenwervels {fmt(women['hirit'])}% tegen {fmt(women['control'])}% in "
            "de controlegroep, onder begeleiding en met één lichte blessure.</p>")


def botten(start: str = "vrouw, zwaar trainen vanaf 65 (LIFTMOR)", vergelijk: str | None = None) -> BoneExplorer:
    """Explorer of the mechanostat and bone density over the lifespan (chapter "Kracht voor je gezondheid")."""
    return BoneExplorer(start, vergelijk)
