"""Weekplanner: strength and endurance sessions in a week, and how much of each gain survives."""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from edu import concurrent, datasets
from edu.validation import fmt
from explorers import style
from explorers.explorer import Explorer, more, slider

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_KEYS = tuple(f"day{i}" for i in range(7))

SEPARATE = ("strength", "endurance", "strength", "rest", "strength", "endurance", "rest")
SAME = ("strength+endurance", "rest", "strength+endurance", "rest", "strength+endurance", "rest", "rest")


def week(days) -> dict:
    """Control values for the seven days of a week plan."""
    return dict(zip(DAY_KEYS, days))


START = week(SEPARATE) | dict(training_status="untrained", goal="max_strength",
                              endurance_modality="cycling", endurance_minutes=30, sex="male")

PRESETS = {
    "3× kracht, 2× duur op aparte dagen": START,
    "kracht en duur in één sessie": START | week(SAME),
    "duur vóór kracht in één sessie": START | week(
        ("endurance+strength", "rest", "endurance+strength", "rest", "endurance+strength", "rest", "rest")),
    "sprinter in één sessie": START | week(SAME) | {"training_status": "athlete",
                                                    "goal": "explosive_strength"},
    "sprinter, 6 uur ertussen": START | week(
        ("strength/endurance", "rest", "strength/endurance", "rest", "strength/endurance", "rest",
         "rest")) | {"training_status": "athlete", "goal": "explosive_strength"},
    "veel hardlopen, zoals in Wilson 2012": START | week(
        ("strength+endurance", "endurance", "strength+endurance", "endurance", "strength+endurance",
         "rest", "rest")) | {"endurance_modality": "running", "endurance_minutes": 45,
                             "goal": "hypertrophy"},
    "wielrenner die ook krachttraint": START | {"training_status": "trained", "goal": "vo2max"},
    "hardloopster: kracht en lopen op aparte dagen": START | week(
        ("strength", "endurance", "rest", "strength", "endurance", "rest", "endurance")) | {
        "training_status": "trained", "endurance_modality": "running", "endurance_minutes": 45,
        "sex": "female"},
    "hardloopster: kracht direct na het lopen": START | week(
        ("endurance+strength", "rest", "rest", "endurance+strength", "rest", "rest", "endurance")) | {
        "training_status": "trained", "endurance_modality": "running", "endurance_minutes": 45,
        "sex": "female"},
}
PRESETS |= {name.replace("sprinter", "sprintster"): PRESETS[name] | {"sex": "female"}
            for name in ("sprinter in één sessie", "sprinter, 6 uur ertussen")}
"""The sprinter presets for a woman (Naomi in the chapter "Praktijk: casussen")."""

GOALS = {
    "hypertrophy": "spiermassa",
    "max_strength": "maximale kracht",
    "explosive_strength": "explosieve kracht",
    "vo2max": "uithoudingsvermogen (VO2max)",
}
"""The four qualities of :data:`edu.concurrent.QUALITIES`, named as goals."""

BASELINE = {"hypertrophy": "alleen krachttraining", "max_strength": "alleen krachttraining",
            "explosive_strength": "alleen krachttraining", "vo2max": "alleen duurtraining"}

MEASURED = {"wilson2012": ("o", "Wilson e.a., 2012 (veel hardlopen)"),
            "schumann2022": ("s", "Schumann e.a., 2022 (explosief: zelfde sessie)")}

LEGEND = {
    "model: jouw weekplan": Patch(color="0.55"),
    "jouw doel": Patch(facecolor="white", edgecolor="0.1", lw=2.5),
    **{f"gemeten: {name}": Line2D([], [], color=style.COLORS["measured"], marker=marker, ls="")
       for marker, name in MEASURED.values()},
    "krachttraining": Patch(color=style.COLORS["session"]),
    "duurtraining": Patch(color=style.COLORS["endurance"]),
}


BLOCKS = {
    # day of the plan: (hour the block starts, hours drawn, colour) per session
    "rest": (),
    "strength": ((6, 3, "session"),),
    "endurance": ((6, 3, "endurance"),),
    "strength+endurance": ((6, 1.5, "session"), (7.5, 1.5, "endurance")),
    "endurance+strength": ((6, 1.5, "endurance"), (7.5, 1.5, "session")),
    "strength/endurance": ((6, 3, "session"), (12, 3, "endurance")),
}
"""How the week strip draws each day of :data:`edu.concurrent.DAYS`."""

SHORT = {"close": "sessies te dicht op elkaar", "apart": "een klein deel blijft, ook met tijd ertussen"}


def plan(values: dict) -> tuple:
    """The week plan (seven keys of :data:`edu.concurrent.DAYS`) of the control values."""
    return tuple(values[k] for k in DAY_KEYS)


def model_inputs(values: dict) -> dict:
    """The control values as keywords of :func:`edu.concurrent.relative_adaptation`."""
    return concurrent.week_inputs(plan(values)) | dict(
        training_status=values["training_status"], endurance_modality=values["endurance_modality"],
        endurance_minutes=values["endurance_minutes"], sex=values["sex"])


def measured_ratios() -> dict:
    """Published ratios of concurrent to single-mode gains, per study and quality.

    Wilson 2012: concurrent over strength-only effect size; Schumann 2022: one plus the
    standardised difference over Wilson's strength-only effect size.
    """
    wilson = {r["quality"]: r for r in datasets.load("wilson2012")}
    return {
        "wilson2012": {q: r["concurrent_es"] / r["strength_only_es"] for q, r in wilson.items()},
        "schumann2022": {r["quality"]: 1 + r["smd"] / wilson[r["quality"]]["strength_only_es"]
                         for r in datasets.load("schumann2022")},
    }


class WeekPlannerExplorer(Explorer):
    """The explorer behind :func:`weekplanner`."""

    title = "Weekplanner"
    presets = PRESETS

    def make_controls(self):
        days = {key: ipw.Dropdown(options=[(name, k) for k, name in concurrent.DAYS.items()],
                                  description=label, layout=ipw.Layout(width="15em"),
                                  style={"description_width": "2em"})
                for key, label in zip(DAY_KEYS, WEEKDAYS)}
        return days | {
            "training_status": ipw.ToggleButtons(
                options=[(name, key) for key, name in concurrent.STATUSES.items()],
                description="Niveau"),
            "goal": ipw.Dropdown(options=[(name, key) for key, name in GOALS.items()],
                                 description="Doel"),
            "endurance_modality": ipw.ToggleButtons(
                options=[(name, key) for key, name in concurrent.MODALITIES.items()],
                description="Duur"),
            "endurance_minutes": slider("Minuten per duurtraining", 10, 120, 5),
            "sex": ipw.ToggleButtons(options=[(name, key) for key, name in concurrent.SEXES.items()],
                                     description="Geslacht"),
        }

    def layout(self):
        c = self.controls
        days = [c[k] for k in DAY_KEYS]
        return ipw.VBox([ipw.HBox(days[:4]), ipw.HBox(days[4:]), c["training_status"], c["goal"],
                         more(c["endurance_modality"], c["endurance_minutes"], c["sex"])])

    def make_figure(self):
        fig = style.figure(2, height_in=4.2, width_ratios=(2, 3))
        self.week_ax, self.ax = fig.axes
        ax = self.week_ax
        ax.set_title("Jouw week")
        ax.set_xlim(-0.5, 6.5)
        ax.set_ylim(0, 24)  # hours of the day counted down from the top: morning above
        ax.set_xticks(range(7), WEEKDAYS)
        ax.set_yticks([0, 6, 12, 18, 24], ["", "avond", "middag", "ochtend", ""])
        ax.grid(False)
        self.blocks = []
        for day in range(7):
            for slot in range(2):
                block = Rectangle((day - 0.4, 0), 0.8, 0, lw=0, animated=True)
                ax.add_patch(block)
                self.blocks.append(block)

        ax = self.ax
        ax.set_title("Winst vergeleken met één soort training alleen")
        y = np.arange(len(GOALS))[::-1]
        self.y = dict(zip(GOALS, y))
        ax.set_yticks(y, [GOALS[q].split(" (")[0] for q in GOALS])
        ax.set_xlim(0, 116)
        ax.set_xlabel("% van de winst bij alleen die training")
        ax.axvline(100, color="0.3", lw=1.5)
        self.bars = ax.barh(y, [0] * 4, height=0.55, color=[style.COLORS[q] for q in GOALS],
                            animated=True)
        self.ref_bars = [ax.plot([], [], color="0.2", ls="--", lw=1.8, animated=True)[0] for _ in GOALS]
        self.labels = [ax.text(102, yi, "", va="center", ha="left", fontsize=12, animated=True) for yi in y]
        for study, (marker, _) in MEASURED.items():
            ratios = measured_ratios()[study]
            ax.plot([100 * ratios[q] for q in ratios], [self.y[q] + 0.33 for q in ratios], marker,
                    color=style.COLORS["measured"], ms=8, ls="")
        return fig

    def update(self, values, reference):
        now = concurrent.relative_adaptation(**model_inputs(values))
        ref = concurrent.relative_adaptation(**model_inputs(reference[1])) if reference else None
        self._week(plan(values))
        for bar, line, label, q in zip(self.bars, self.ref_bars, self.labels, GOALS):
            pct = 100 * getattr(now, q)
            bar.set_width(pct)
            goal = q == values["goal"]
            bar.set_edgecolor("0.1" if goal else "none")
            bar.set_linewidth(2.5 if goal else 0)
            label.set_text(f"{fmt(round(pct))}%")
            y = self.y[q]
            line.set_data(([100 * getattr(ref, q)] * 2, [y - 0.35, y + 0.35]) if ref else ([], []))
        self.legend(LEGEND, reference[0] if reference else None, ncols=3)
        return self._readout(values, now)

    def _week(self, days):
        """Draw each day's sessions: strength orange, endurance sky blue, in the order done."""
        for block in self.blocks:
            block.set_visible(False)
        for day, kind in enumerate(days):
            for (top, height, color), block in zip(BLOCKS[kind], self.blocks[2 * day:2 * day + 2]):
                block.set_y(24 - top - height)
                block.set_height(height)
                block.set_color(style.COLORS[color])
                block.set_visible(True)

    def _readout(self, values, now):
        timing = concurrent.week_inputs(plan(values))
        n_strength = sum("strength" in day for day in plan(values))
        n_endurance = timing["endurance_sessions_per_week"]
        modality = concurrent.MODALITIES[values["endurance_modality"]]
        text = (f"<p><strong>Week</strong>: {n_strength}× kracht, {n_endurance}× {modality} van "
                f"{fmt(values['endurance_minutes'])} min")
        if n_strength and n_endurance:
            gap = timing["hours_between"]
            text += ("; kortste tijd ertussen: " + ("zelfde sessie" if gap == 0 else f"{fmt(gap)} uur")
                     + ("" if timing["strength_first"] else ", duur eerst"))
        text += (f". Cliënt: {concurrent.STATUSES[values['training_status']]}, "
                 f"{concurrent.SEXES[values['sex']]}.</p>")
        goal = values["goal"]
        pct = round(100 * getattr(now, goal))
        text += (f"<p><strong>Doel: {GOALS[goal]}</strong>. Je houdt {fmt(pct)}% over van de winst "
                 f"bij {BASELINE[goal]}. {self._reason(values, now, goal, timing)}</p>")
        others = [q for q in GOALS if q != goal and getattr(now, q) < 0.95]
        if others:
            text += "<p>Ook: " + "; ".join(
                f"{GOALS[q]} {fmt(round(100 * getattr(now, q)))}% ({SHORT[self._cause(now, q)]})"
                for q in others) + ".</p>"
        return text

    @staticmethod
    def _cause(now, quality) -> str:
        """The model's largest cause of interference for ``quality``: "none", "close" or "apart"."""
        same, apart = now.same_session[quality], now.separate_sessions[quality]
        if same + apart < 0.05:
            return "none"
        return "close" if same >= apart else "apart"

    def _reason(self, values, now, quality, timing) -> str:
        """Why ``quality`` loses what it loses, in Dutch."""
        cause = self._cause(now, quality)
        if cause == "none":
            return "Hier stoort de combinatie nauwelijks."
        name = GOALS[quality].split(" (")[0].capitalize()
        if cause == "close":
            gap = timing["hours_between"]
            when = "in dezelfde sessie" if gap == 0 else f"maar {fmt(gap)} uur na elkaar"
            text = (f"{name} lijdt hier omdat kracht en duur {when} vallen: de vermoeidheid van de "
                    "ene training drukt de kwaliteit van de andere.")
            if not timing["strength_first"] and quality in concurrent.PARAMS.order_sensitive:
                text += " De duurtraining komt eerst; kracht eerst scheelt."
        else:
            text = (f"{name} verliest hier een klein deel, ook met {fmt(timing['hours_between'])} uur "
                    "tussen kracht en duur.")
            if values["endurance_modality"] == "running":
                text += (" Hardlopen telt in het model iets zwaarder, omdat de landingen de beenspieren "
                         "extra belasten.")
        beginner = concurrent.relative_adaptation(**model_inputs(values) | {"training_status": "untrained"})
        if getattr(now, quality) < getattr(beginner, quality):
            text += (f" Als {concurrent.STATUSES[values['training_status']]} verlies je hier meer "
                     "dan een beginner.")
        return text


def weekplanner(start: str = "3× kracht, 2× duur op aparte dagen",
                vergelijk: str | None = None) -> WeekPlannerExplorer:
    """Explorer of concurrent training in a week plan (chapter "Kracht én duur")."""
    return WeekPlannerExplorer(start, vergelijk)
