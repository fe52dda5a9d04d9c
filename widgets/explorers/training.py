"""Trainingsvariabelen and the 1RM-rekenaar: a programme against the guideline, loads from a set to failure."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from edu import datasets, training
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

# -- trainingsvariabelen -------------------------------------------------------------------

START = dict(weekly_sets=12, load_pct_1rm=75, reps_in_reserve=0, sessions_per_week=2, reps=10, rest_s=90,
             weeks=12)

PRESETS = {
    "volgens de richtlijn": START,
    "weinig volume: 4 sets per week": START | {"weekly_sets": 4},
    "veel volume: 24 sets per week": START | {"weekly_sets": 24},
    "2 herhalingen in reserve": START | {"reps_in_reserve": 2},
    "ver van falen: 5 in reserve": START | {"reps_in_reserve": 5},
    "licht tot falen: 30% 1RM": START | {"load_pct_1rm": 30, "reps": 30},
    "zeer licht: 20% 1RM": START | {"load_pct_1rm": 20, "reps": 30},
    "alles in één training per week": START | {"sessions_per_week": 1},
    "zwaar en kort: 90% 1RM, 3 herhalingen": START | {"load_pct_1rm": 90, "reps": 3, "rest_s": 180},
    "na een knieoperatie: 30% 1RM": START | {"load_pct_1rm": 30, "reps": 25, "sessions_per_week": 3,
                                            "rest_s": 60},
}

LEGEND = {
    "model: huidige instellingen": Line2D([], [], color=style.COLORS["growth"]),
    "jouw programma": Line2D([], [], color=style.COLORS["growth"], marker="D", ls="", mec="0.2"),
    "richtlijn": Patch(color=style.COLORS["range"], alpha=0.5),
    "gemeten: Schoenfeld e.a., 2017 (na 8–12 weken); Lasevicius e.a., 2018":
        Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

SETS = np.linspace(0.0, 40.0, 161)
LOADS = np.linspace(20.0, 100.0, 161)


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.training.hypertrophy_gain_pct` (besides the sets)."""
    return {k: values[k] for k in ("load_pct_1rm", "weeks", "reps_in_reserve")}


def relative_to_heavy(load_pct_1rm):
    """Growth at ``load_pct_1rm`` in % of the growth at 100% 1RM (the same for any volume and duration)."""
    return (100 * training.hypertrophy_gain_pct(10, load_pct_1rm=load_pct_1rm)
            / training.hypertrophy_gain_pct(10, load_pct_1rm=100))


LABELS = {
    "load_pct_1rm": ("Belasting", "% 1RM"),
    "reps": ("Herhalingen per set", ""),
    "reps_in_reserve": ("Herhalingen in reserve", ""),
    "weekly_sets": ("Sets per spiergroep per week", ""),
    "rest_s": ("Rust tussen sets", "s"),
    "sessions_per_week": ("Trainingen per spiergroep per week", ""),
}


class TrainingVariablesExplorer(Explorer):
    """The explorer behind :func:`trainingsvariabelen`."""

    title = "Trainingsvariabelen"
    presets = PRESETS

    def make_controls(self):
        return {
            "weekly_sets": slider("Sets per spiergroep per week", 0, 40, 1),
            "load_pct_1rm": slider("Belasting (% 1RM)", 20, 100, 5),
            "reps_in_reserve": slider("Herhalingen in reserve", 0, training.MAX_RIR, 1),
            "sessions_per_week": slider("Trainingen per spiergroep per week", 1, 7, 1),
            "reps": slider("Herhalingen per set", 1, 30, 1),
            "rest_s": slider("Rust tussen sets (s)", 0, 300, 15),
            "weeks": slider("Duur van het programma (weken)", 1, 52, 1),
        }

    def layout(self):
        c = self.controls
        return ipw.VBox([c["weekly_sets"], c["load_pct_1rm"], c["reps_in_reserve"],
                         more(c["sessions_per_week"], c["reps"], c["rest_s"], c["weeks"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.4)
        volume, load = fig.axes
        low, high = training.GUIDELINE["weekly_sets"]
        style.vspan(volume, low, high, color=style.COLORS["range"], alpha=0.35, lw=0)
        volume.set_title("Verwachte groei van de spierdoorsnede (%)")
        volume.set_xlabel("sets per spiergroep per week")
        volume.set_xlim(0, SETS[-1])
        for row in datasets.load("schoenfeld2017_volume"):
            volume.plot([row["sets_low"], row["sets_high"]], [row["gain_pct"]] * 2,
                        color=style.COLORS["measured"], lw=1.5)
            volume.plot([row["sets_typical"]], [row["gain_pct"]], "o", color=style.COLORS["measured"], ms=7)
        low, high = training.GUIDELINE["load_pct_1rm"]
        style.vspan(load, low, high, color=style.COLORS["range"], alpha=0.35, lw=0)
        load.set_title("Groei vergeleken met zware belasting (%)")
        load.set_xlabel("belasting (% 1RM)")
        load.set_xlim(LOADS[0], LOADS[-1])
        load.plot(LOADS, relative_to_heavy(LOADS), color=style.COLORS["growth"])
        rows = datasets.load("lasevicius2018")
        heavy = np.mean([r["vl_csa_pct"] for r in rows if r["load_pct_1rm"] >= 40])
        load.plot([r["load_pct_1rm"] for r in rows], [100 * r["vl_csa_pct"] / heavy for r in rows], "o",
                  color=style.COLORS["measured"], ms=7)
        load.set_ylim(0, 110)
        a = {
            "ref": volume.plot([], [], color=style.COLORS["growth"], ls="--", lw=1.8)[0],
            "curve": volume.plot([], [], color=style.COLORS["growth"])[0],
            "now": volume.plot([], [], "D", color=style.COLORS["growth"], ms=11, mec="0.2")[0],
            "load_now": load.plot([], [], "D", color=style.COLORS["growth"], ms=11, mec="0.2")[0],
        }
        for artist in a.values():
            artist.set_animated(True)
        self.artists = a
        return fig

    def update(self, values, reference):
        a = self.artists
        volume, load = self.figure.axes
        kwargs = model_inputs(values)
        curve = training.hypertrophy_gain_pct(SETS, **kwargs)
        gain = training.hypertrophy_gain_pct(values["weekly_sets"], **kwargs)
        a["curve"].set_data(SETS, curve)
        a["now"].set_data([values["weekly_sets"]], [gain])
        ref = None
        if reference:
            ref = training.hypertrophy_gain_pct(SETS, **model_inputs(reference[1]))
        a["ref"].set_data((SETS, ref) if ref is not None else ([], []))
        volume.set_ylim(0, self.fit_y("volume", curve, ref if ref is not None else [], at_least=10))
        relative = relative_to_heavy(values["load_pct_1rm"])
        a["load_now"].set_data([values["load_pct_1rm"]], [relative])
        self.legend(LEGEND, reference[0] if reference else None)
        return self._readout(values, gain, relative)

    def _readout(self, values, gain, relative):
        checks = training.guideline_check(**{k: values[k] for k in LABELS})
        items = []
        for key, check in checks.items():
            label, unit = LABELS[key]
            shown = f"{fmt(check.value)}{' ' + unit if unit else ''}"
            span = f"{fmt(check.low)}–{fmt(check.high)}{' ' + unit if unit else ''}"
            mark = "✔" if check.status == "ok" else "✘"
            verdict = {"ok": "binnen de richtlijn", "low": "lager dan de richtlijn",
                       "high": "hoger dan de richtlijn"}[check.status]
            items.append(f"<li>{mark} <strong>{label}</strong>: {shown}, {verdict} ({span}). "
                         f"{self._advice(key, check, values, relative)}</li>")
        rir = values["reps_in_reserve"]
        proximity = (f" Met {fmt(rir)} {'herhaling' if rir == 1 else 'herhalingen'} in reserve is dat "
                     f"{fmt(round(100 * training.proximity_factor(rir)))}% van de groei bij sets tot falen."
                     if rir else "")
        return (f"<p>Verwachte groei van de spierdoorsnede na {fmt(values['weeks'])} weken: "
                f"<strong>{fmt(round(gain, 1))}%</strong>.{proximity} Dat is een gemiddelde: mensen "
                f"verschillen sterk.</p><ul>{''.join(items)}</ul>")

    @staticmethod
    def _advice(key, check, values, relative):
        """Why a variable outside the guideline matters or not, with the model's numbers."""
        if check.status == "ok":
            return ""
        if key == "load_pct_1rm" and check.status == "low":
            return (f"Met sets tot (bijna) falen geeft deze belasting volgens het model "
                    f"{fmt(round(relative))}% van de groei bij zware belasting; de kracht neemt "
                    f"wel minder toe.")
        if key == "load_pct_1rm":
            return "Goed voor maximale kracht; per set haal je minder herhalingen en volume."
        kwargs = model_inputs(values)
        if key == "weekly_sets" and check.status == "low":
            at_low = training.hypertrophy_gain_pct(check.low, **kwargs)
            return f"Met {fmt(check.low)} sets voorspelt het model {fmt(round(at_low, 1))}%."
        if key == "weekly_sets":
            extra = (training.hypertrophy_gain_pct(check.value, **kwargs)
                     - training.hypertrophy_gain_pct(check.high, **kwargs))
            return (f"De sets boven {fmt(check.high)} leveren volgens het model samen nog "
                    f"{fmt(round(extra, 1))}% extra op. Meer kan dus nog iets opleveren, maar herstel "
                    f"en tijd worden de grens.")
        if key == "reps_in_reserve":
            return "Ga dichter naar falen, of doe meer sets."
        if key == "rest_s" and check.status == "high":
            return "Mag: de groei wordt er niet minder door, de training duurt wel langer."
        if key == "rest_s":
            return "Weinig herstel: in de volgende sets haal je minder herhalingen, dus minder volume."
        if key == "sessions_per_week" and check.status == "low":
            return ("Bij hetzelfde aantal sets per week maakt de frequentie weinig uit. Veel sets in één "
                    "training zijn wel zwaar: verdeel ze, dan blijft elke set van goede kwaliteit.")
        if key == "sessions_per_week":
            return "Kan, als het totale volume en het herstel kloppen."
        return "Past bij kracht (weinig) of uithoudingsvermogen (veel) meer dan bij spiergroei."


def trainingsvariabelen(start: str = "volgens de richtlijn", vergelijk: str | None = None) -> TrainingVariablesExplorer:
    """Explorer of a programme against the hypertrophy guideline (chapter "Spiergroei")."""
    return TrainingVariablesExplorer(start, vergelijk)


# -- 1RM-rekenaar --------------------------------------------------------------------------

RM_START = dict(weight_kg=80.0, reps=8, target_reps=10)

RM_PRESETS = {
    "80 kg, 8 herhalingen": RM_START,
    "100 kg, 3 herhalingen": RM_START | {"weight_kg": 100.0, "reps": 3, "target_reps": 5},
    "60 kg, 12 herhalingen": RM_START | {"weight_kg": 60.0, "reps": 12, "target_reps": 8},
    "30 kg, 15 herhalingen": RM_START | {"weight_kg": 30.0, "reps": 15, "target_reps": 12},
    "45 kg, 8 herhalingen; doel 5": RM_START | {"weight_kg": 45.0, "reps": 8, "target_reps": 5},
}

RM_LEGEND = {
    "Epley (1985)": Line2D([], [], color=style.COLORS["epley"]),
    "Brzycki (1993)": Line2D([], [], color=style.COLORS["brzycki"]),
    "jouw set": Line2D([], [], color="0.2", marker="D", ls=""),
    "doel": Patch(color=style.COLORS["session"], alpha=0.5),
    "tabel: Baechle & Earle, 2008 (NSCA)": Line2D([], [], color=style.COLORS["measured"], marker="o", ls=""),
}

NAMES = {"epley": "Epley", "brzycki": "Brzycki"}


def _reps(formula):
    return np.arange(1, training.MAX_REPS[formula] + 1)


def _valid(formula, reps) -> bool:
    return reps <= training.MAX_REPS[formula]


class OneRMExplorer(Explorer):
    """The explorer behind :func:`rekenaar_1rm`."""

    title = "1RM-rekenaar"
    presets = RM_PRESETS

    def make_controls(self):
        return {
            "weight_kg": slider("Gewicht (kg)", 5, 300, 2.5),
            "reps": slider("Herhalingen tot falen", 1, max(training.MAX_REPS.values()), 1),
            "target_reps": slider("Doel: herhalingen per set", 1, max(training.MAX_REPS.values()), 1),
        }

    def make_figure(self):
        fig = style.figure(2, height_in=4.2)
        pct, kg = fig.axes
        pct.set_title("Belasting bij een aantal herhalingen (% 1RM)")
        kg.set_title("Gewicht voor je doel (kg)")
        top = max(training.MAX_REPS.values())
        for ax in fig.axes:
            ax.set_xlabel("herhalingen tot falen")
            ax.set_xlim(0.5, top + 0.5)
            ax.set_xticks(range(1, top + 1, 2))
        for formula in training.FORMULAS:
            r = _reps(formula)
            pct.plot(r, training.load_for_reps(100, r, formula), color=style.COLORS[formula])
        nsca = datasets.load("nsca_pct_1rm")
        pct.plot([n["reps"] for n in nsca], [n["pct_1rm"] for n in nsca], "o",
                 color=style.COLORS["measured"], ms=6)
        pct.set_ylim(50, 105)
        a = {"you": pct.plot([], [], "D", color="0.2", ms=11)[0],
             "target": kg.axvline(1, color=style.COLORS["session"], lw=6, alpha=0.5)}
        for formula in training.FORMULAS:
            a[formula] = kg.plot([], [], color=style.COLORS[formula], marker="o", ms=5)[0]
            a[f"{formula}_target"] = kg.plot([], [], "D", color=style.COLORS[formula], ms=11, mec="0.2")[0]
        for artist in a.values():
            artist.set_animated(True)
        self.artists = a
        return fig

    def estimates(self, values) -> dict[str, float]:
        """1RM per formula valid for the set's repetitions."""
        return {f: training.one_rm(values["weight_kg"], values["reps"], f)
                for f in training.FORMULAS if _valid(f, values["reps"])}

    def update(self, values, reference):
        a = self.artists
        _, kg = self.figure.axes
        estimates = self.estimates(values)
        a["you"].set_data([values["reps"]], [100 * values["weight_kg"] / estimates["epley"]])
        a["target"].set_xdata([values["target_reps"]] * 2)
        loads = []
        for formula in training.FORMULAS:
            if formula in estimates:
                r = _reps(formula)
                curve = training.load_for_reps(estimates[formula], r, formula)
                a[formula].set_data(r, curve)
                loads.append(curve)
            else:
                a[formula].set_data([], [])
            if formula in estimates and _valid(formula, values["target_reps"]):
                target = training.load_for_reps(estimates[formula], values["target_reps"], formula)
                a[f"{formula}_target"].set_data([values["target_reps"]], [target])
            else:
                a[f"{formula}_target"].set_data([], [])
        kg.set_ylim(0, self.fit_y("kg", *loads))
        self.legend(RM_LEGEND)
        return self._readout(values, estimates)

    def _readout(self, values, estimates):
        lines = [f"{NAMES[f]} {fmt(round(v, 1))} kg" for f, v in estimates.items()]
        text = f"<p>Geschatte 1RM: {', '.join(lines)}."
        if len(estimates) == 2:
            low, high = sorted(estimates.values())
            text += f" De formules verschillen {fmt(round(100 * (high - low) / low, 1))}%."
        text += "</p>"
        missing = [f for f in training.FORMULAS if f not in estimates]
        for f in missing:
            text += (f"<p>{NAMES[f]} is alleen bedoeld voor sets tot en met "
                     f"{training.MAX_REPS[f]} herhalingen.</p>")
        targets = [f"{fmt(round(training.load_for_reps(v, values['target_reps'], f), 1))} kg ({NAMES[f]})"
                   for f, v in estimates.items() if _valid(f, values["target_reps"])]
        if targets:
            text += (f"<p>Voor sets van {values['target_reps']} herhalingen tot falen: "
                     f"{' of '.join(targets)}.</p>")
        return text + ("<p>Hoe meer herhalingen in de set, hoe onzekerder de schatting: "
                       "gebruik bij voorkeur een zware set met weinig herhalingen.</p>")


def rekenaar_1rm(start: str = "80 kg, 8 herhalingen", vergelijk: str | None = None) -> OneRMExplorer:
    """Explorer estimating 1RM and loads for a repetition target (chapter "Spiergroei")."""
    return OneRMExplorer(start, vergelijk)
