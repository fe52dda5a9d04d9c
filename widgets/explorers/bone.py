"""Botten: peak strain → remodelling (Frost's mechanostat), and bone density over the lifespan."""

from __future__ import annotations

from dataclasses import dataclass, replace

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from edu import bone, datasets
from edu.validation import fmt
from explorers import style
from explorers.explorer import NONE, Explorer, more

START = {"peak_strain_microstrain": 1000, "sex": "female", "site": "spine", "menopause_age": 51, "training": "hirit",
         "training_start_age": 65, "disuse_microstrain": 200, "modelling_microstrain": 1500}

PRESETS = {
    "vrouw, zwaar trainen vanaf 65 (LIFTMOR)": START,
    "vrouw zonder training": START | {"training": NONE},
    "vrouw, matige krachttraining vanaf 50": START | {"training": "resistance", "training_start_age": 50},
    "man, zwaar trainen vanaf 65 (LIFTMOR-M)": START | {"sex": "male"},
    "heup (dijbeenhals) in plaats van rug": START | {"site": "femoral_neck"},
    "bedrust of ruimtevaart: bijna geen belasting": START | {"peak_strain_microstrain": 50},
    "grote belasting: opbouw": START | {"peak_strain_microstrain": 2500},
    "vroege menopauze (45 jaar)": START | {"menopause_age": 45, "training": NONE},
    "vrouw van 68: zwaar trainen (LIFTMOR)": START | {"training_start_age": 68},
    "vrouw van 68: matige krachttraining": START | {"training": "resistance", "training_start_age": 68},
}

INPUTS = {key: bone.INPUTS[key] for key in START} | {
    "peak_strain_microstrain": replace(bone.INPUTS["peak_strain_microstrain"], hi=6000),
    "disuse_microstrain": replace(bone.INPUTS["disuse_microstrain"], lo=50, hi=400),
    "modelling_microstrain": replace(bone.INPUTS["modelling_microstrain"], lo=800, hi=2900),
}
"""The controls, from the model's declarations (:data:`edu.bone.INPUTS`). Three sliders cover less than
the model accepts: peak strain up to 6000 µε, twice the microdamage threshold, where the model has
stopped (the fracture strain, ~25,000 µε, needs no slider); the set points over the spread of Frost's
papers (disuse 50–400, modelling 800–2900 µε), so that they always stay in order."""

STRAIN = np.geomspace(20, bone.INPUTS["peak_strain_microstrain"].hi, 300)
AGES = np.linspace(bone.INPUTS["age_years"].lo, bone.INPUTS["age_years"].hi, 281)
REPORT_AGE = 80
ZONE_SHADES = {"disuse": "#D55E00", "adapted": "#BBBBBB", "overload": "#009E73",
               "microdamage": "#E69F00", "fracture": "#000000"}
LEGEND = {
    "model": Line2D([], [], color=style.COLORS["bone"]),
    "zonder training": Line2D([], [], color=style.COLORS["untrained"], lw=1.8),
    "gemeten: LIFTMOR, SWAN, NHANES": Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
} | {name: Patch(color=ZONE_SHADES[key], alpha=0.25) for key, name in bone.ZONES.items()}

LIFTMOR = datasets.load("liftmor")
SWAN = {r["site"]: r["ten_year_loss_pct"] for r in datasets.load("greendale2012")}
NHANES = datasets.load("nhanes_bmd")


def model_inputs(values: dict) -> dict:
    """The scenario: the peak strain, the set points (keywords of :func:`edu.bone.set_points`) and the
    person (keywords of :func:`edu.bone.bmd_trajectory`)."""
    return {"peak_strain_microstrain": values["peak_strain_microstrain"],
            "set_points": {key: values[key] for key in ("disuse_microstrain", "modelling_microstrain")},
            "lifespan": {"sex": values["sex"], "site": values["site"], "menopause_age": values["menopause_age"],
                         "training": None if values["training"] == NONE else values["training"],
                         "training_start_age": values["training_start_age"]}}


@dataclass(frozen=True)
class Result:
    """One scenario as the explorer shows it."""

    set_points: bone.Thresholds
    strain: np.ndarray
    """Strains of the mechanostat curve, µε: up to the microdamage threshold, where the model stops."""
    rate: np.ndarray
    """Yearly change in bone mass along ``strain``, %."""
    zone: str
    rate_at_peak: float | None
    """At the peak strain; ``None`` above the microdamage threshold."""
    untrained: np.ndarray
    """BMD over :data:`AGES` without training, % of peak."""
    trained: np.ndarray
    """BMD over :data:`AGES` with the scenario's training."""
    untrained_at_report: float
    """BMD at :data:`REPORT_AGE` without training."""
    gain_at_report: float
    """What the training adds at :data:`REPORT_AGE`, percentage points."""
    measured: tuple
    """Measurements placed on the model's curve: ages, BMD (% of peak) and spread."""


def run(inputs: dict) -> Result:
    """The mechanostat and the lifespan curves of one scenario."""
    peak, points, person = inputs["peak_strain_microstrain"], inputs["set_points"], inputs["lifespan"]
    th = bone.set_points(**points)
    strain = np.append(STRAIN[STRAIN < th.microdamage], th.microdamage)
    untrained = person | {"training": None}
    return Result(set_points=th, strain=strain, rate=bone.remodeling_rate(strain, **points),
                  zone=bone.zone(peak, **points),
                  rate_at_peak=bone.remodeling_rate(peak, **points) if peak <= th.microdamage else None,
                  untrained=bone.bmd_trajectory(AGES, **untrained), trained=bone.bmd_trajectory(AGES, **person),
                  untrained_at_report=bone.bmd_trajectory(REPORT_AGE, **untrained),
                  gain_at_report=bone.bmd_training_gain(REPORT_AGE, **person), measured=_measured(person))


def _measured(person: dict) -> tuple:
    """LIFTMOR's groups after 8 months (from the model's untrained value at the start of training), SWAN's
    10-year loss around the menopause, and the NHANES age groups as % of the youngest group (total hip
    standing in for the femoral neck)."""
    untrained = person | {"training": None}
    start, sex, site = person["training_start_age"], person["sex"], person["site"]
    at_start = bone.bmd_trajectory(start, **untrained)
    rows = [r for r in LIFTMOR if r["sex"] == sex and r["site"] == site] if person["training"] == "hirit" else []
    x = [start + r["months"] / 12 for r in rows]
    y = [at_start + r["change_pct"] for r in rows]
    err = [r["spread_pct"] for r in rows]
    if sex == "female":
        m = person["menopause_age"]
        x.append(m + 5)
        y.append(bone.bmd_trajectory(m - 5, **untrained) - SWAN[site])
        err.append(0.0)
    groups = [r for r in NHANES if (r["sex"], r["site"]) == (sex, "spine" if site == "spine" else "total_hip")]
    if len(groups) > 1:
        young = min(groups, key=lambda r: r["age_from"])["bmd_g_cm2"]
        x += [(r["age_from"] + r["age_to"] + 1) / 2 for r in groups]
        y += [100 * r["bmd_g_cm2"] / young for r in groups]
        err += [0.0] * len(groups)
    return np.array(x, float), np.array(y, float), np.array(err, float)


class BoneExplorer(Explorer):
    """The explorer behind :func:`botten`."""

    title = "Botten"
    presets = PRESETS
    inputs = INPUTS
    model_inputs = staticmethod(model_inputs)
    run = staticmethod(run)

    def layout(self):
        c = self.controls
        return ipw.VBox([c["peak_strain_microstrain"], c["training"], c["training_start_age"],
                         more(c["sex"], c["site"], c["menopause_age"], c["disuse_microstrain"],
                              c["modelling_microstrain"])])

    def make_figure(self):
        fig = style.figure(2)
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
        self.zones = {key: style.vspan(ax, 1, 2, color=color, alpha=0.25, lw=0) for key, color in ZONE_SHADES.items()}
        self.strain = {"ref": ax.plot([], [], color=style.COLORS["bone"], **style.COMPARED)[0],
                       "now": ax.plot([], [], color=style.COLORS["bone"])[0],
                       "point": ax.plot([], [], "o", color=style.COLORS["bone"], ms=11)[0]}
        ax = self.axes["bmd"]
        ax.set_title("Botdichtheid over het leven")
        ax.set_xlim(AGES[0], AGES[-1])
        ax.set_xlabel("leeftijd (jaar)")
        ax.set_ylabel("% van de piekbotdichtheid")
        self.bmd = {"untrained": ax.plot([], [], color=style.COLORS["untrained"], lw=1.8)[0],
                    "ref": ax.plot([], [], color=style.COLORS["bone"], **style.COMPARED)[0],
                    "now": ax.plot([], [], color=style.COLORS["bone"])[0],
                    "start": ax.axvline(0, color=style.COLORS["bone"], ls=":", lw=1.5),
                    "measured": ax.errorbar([np.nan], [np.nan], yerr=[np.nan], fmt="o",
                                            color=style.COLORS["measured"], ms=7)}
        points, _, (bars,) = self.bmd["measured"].lines
        self.measured = points, bars
        return fig

    def update(self, values, now, ref):
        th = now.set_points
        edges = [STRAIN[0], th.disuse, th.modelling, th.microdamage, th.fracture, STRAIN[-1]]
        for span, lo, hi in zip(self.zones.values(), edges, edges[1:]):
            span.set_x(lo)
            span.set_width(hi - lo)
        s = self.strain
        s["now"].set_data(now.strain, now.rate)
        s["ref"].set_data((ref[1].strain, ref[1].rate) if ref and ref[1].set_points != th else ([], []))
        strain = max(values["peak_strain_microstrain"], STRAIN[0])
        s["point"].set_data(([strain], [now.rate_at_peak]) if now.rate_at_peak is not None else ([], []))
        b = self.bmd
        b["untrained"].set_data(AGES, now.untrained)
        b["now"].set_data(AGES, now.trained)
        b["ref"].set_data((AGES, ref[1].trained) if ref else ([], []))
        b["start"].set_xdata([values["training_start_age"] if values["training"] != NONE else np.nan] * 2)
        x, y, err = now.measured
        points, bars = self.measured
        points.set_data(x, y)
        bars.set_segments([[(xi, yi - e), (xi, yi + e)] for xi, yi, e in zip(x, y, err)])
        self.axes["bmd"].set_ylim(98 - self.fit("bmd", 100 - float(now.untrained.min())), 106)
        self.legend(LEGEND, ref[0] if ref else None)
        return self._readout(values, now)

    @staticmethod
    def _readout(values, now):
        rate = now.rate_at_peak
        change = ("kleine scheurtjes ontstaan sneller dan het bot ze herstelt. Hier stopt de lijn: het model "
                  "rekent geen opbouw meer uit. Meer belasting geeft hier geen extra winst, maar een kans op "
                  "een vermoeidheidsbreuk" if rate is None else
                  f"bot wordt afgebroken: {fmt(rate, 1)}% per jaar" if rate < 0 else
                  f"bot wordt opgebouwd: +{fmt(rate, 1)}% per jaar" if rate > 0 else
                  "bot blijft zoals het is")
        text = (f"<p><strong>Mechanostat</strong>: bij {fmt(values['peak_strain_microstrain'])} µε zit je in de "
                f"zone <em>{bone.ZONES[now.zone]}</em>; {change}.</p>")
        without, gained = now.untrained_at_report, now.gain_at_report
        text += f"<p><strong>Op {REPORT_AGE} jaar</strong>: {fmt(without, 1)}% van de piek zonder training"
        if values["training"] != NONE:
            text += (f", {fmt(without + gained, 1)}% met {bone.TRAININGS[values['training']]} "
                     + (f"(+{fmt(gained, 1)} procentpunt)" if gained > 0 else
                        "(geen winst: voor deze plek is geen effect gemeten)"))
        text += ".</p>"
        women = {r["group"]: r["change_pct"] for r in LIFTMOR if r["study"] == "watson2018" and r["site"] == "spine"}
        return text + (
            "<p><strong>Mythe of feit?</strong> <em>‘Na je dertigste kun je je botten niet meer sterker "
            "maken.’</em> Mythe. Vrouwen van rond de 65 met een lage botdichtheid trainden 8 maanden "
            f"zwaar (LIFTMOR): lendenwervels {fmt(women['hirit'])}% tegen {fmt(women['control'])}% in "
            "de controlegroep, onder begeleiding en met één lichte blessure.</p>")


def botten(start: str = "vrouw, zwaar trainen vanaf 65 (LIFTMOR)", vergelijk: str | None = None) -> BoneExplorer:
    """Explorer of the mechanostat and bone density over the lifespan (chapter "Kracht voor je gezondheid")."""
    return BoneExplorer(start, vergelijk)


__all__ = ["botten"]
