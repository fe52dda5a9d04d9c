"""One look for every figure in the book: colours and their Dutch words, panel and type sizes, units.

Colours come from the Okabe–Ito palette (colour-blind safe) and belong to a quantity,
not to a figure: testosterone is blue in every chapter. The palette has eight colours, so
a colour can stand for different quantities in different chapters, never in one figure. The text
names a colour or a line style only with the words of :data:`WORDS`. Each panel is drawn for its
place on the page (:data:`PANEL_PX`), twice as sharp as a CSS pixel, with no text smaller than the
page's small print; while presenting, larger and with thicker lines.
"""

from __future__ import annotations

import os
import struct
import zlib

import matplotlib
import matplotlib.colors
import matplotlib.transforms
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

COLORS = {
    "testosterone": "#0072B2",    # blue
    "growth_hormone": "#009E73",  # bluish green
    "cortisol": "#D55E00",        # vermillion
    "measured": "#000000",        # published measurements: always black markers
    "range": "#BBBBBB",           # reference ranges: light grey band
    "session": "#E69F00",         # the training session itself: orange band
    "synthesis": "#56B4E9",       # muscle protein synthesis: sky blue
    "breakdown": "#CC79A7",       # muscle protein breakdown: reddish purple
    "net": "#0072B2",             # net protein balance: blue
    "growth": "#009E73",          # muscle growth: bluish green
    "epley": "#0072B2",           # 1RM formula of Epley: blue
    "brzycki": "#D55E00",         # 1RM formula of Brzycki: vermillion
    "fibre": "#0072B2",           # fibre cross-section: blue
    "myonuclei": "#D55E00",       # myonuclei: vermillion
    "domain": "#CC79A7",          # myonuclear domain: reddish purple
    "satellite": "#009E73",       # satellite cells: bluish green
    "endurance": "#56B4E9",       # an endurance session: sky blue band
    "mtorc1": "#0072B2",          # mTORC1, the strength route: blue
    "ampk": "#CC79A7",            # AMPK: reddish purple
    "pgc1a": "#009E73",           # PGC-1α, the endurance route: bluish green
    "hypertrophy": "#009E73",     # muscle growth with concurrent training: bluish green (as growth)
    "max_strength": "#0072B2",    # maximal strength: blue
    "explosive_strength": "#D55E00",  # explosive strength: vermillion
    "vo2max": "#56B4E9",          # VO2max: sky blue (as endurance)
    "load": "#BBBBBB",            # daily training load: light grey bars
    "fitness": "#009E73",         # fitness (CTL): bluish green
    "fatigue": "#D55E00",         # fatigue (ATL): vermillion
    "form": "#0072B2",            # form (TSB): blue
    "bone": "#0072B2",            # bone density and remodelling: blue
    "untrained": "#777777",       # the same person without training: grey
    "glucose": "#D55E00",         # blood glucose: vermillion
    "hba1c": "#CC79A7",           # HbA1c: reddish purple
    "muscle": "#D55E00",          # skeletal muscle: vermillion
    "adipose": "#F0E442",         # adipose tissue: yellow
    "liver": "#CC79A7",           # liver: reddish purple
    "brain": "#0072B2",           # brain: blue
    "heart": "#009E73",           # heart: bluish green
    "kidneys": "#56B4E9",         # kidneys: sky blue
    "residual": "#BBBBBB",        # the rest of the body: light grey
    "claim": "#E69F00",           # a popular claim, tested against the model: orange
    "hippocampus": "#009E73",     # hippocampal volume: bluish green
}

QUANTITIES = {
    # quantity: (Dutch name, unit)
    "testosterone": ("Testosteron", "nmol/L"),
    "growth_hormone": ("Groeihormoon", "µg/L"),
    "cortisol": ("Cortisol", "nmol/L"),
}

SMALL_PRINT_PX = 14.4
"""The page's small print, CSS px: the figure caption under every explorer (0.9rem in the book's theme),
the smallest text of the page's content. No text in a figure is smaller at display size."""

PANEL_PX = (330, 280)
"""Size of one panel on the page, CSS px (width, height). Each panel is an image of its own, and the images
wrap: side by side where they fit, stacked on a phone. Two fit next to each other in the book's text column
on a laptop and on a projector (672 and 741 px wide at 1280 and 1366 px), one on a 390-px phone (342 px),
so a panel is never shown smaller than drawn."""

PROJECTOR_PANEL_PX = (340, 290)
"""While presenting, with the larger type: three panels and the legend side by side on a 1366-px projector, whose
presentation mode scales the figure to the room under the question (a fifth cell wraps or the row shrinks), and the
ticks stay larger than the page's small print."""

PIXEL_RATIO = 2
"""Image pixels per CSS pixel: sharp on high-density screens (a phone has 2 or 3)."""

DPI = 96 * PIXEL_RATIO
"""Resolution of every figure: a point is 4/3 CSS px, as in the page's own CSS."""

RC = {
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "lines.linewidth": 2.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
}
"""Matplotlib settings applied to every figure of the book: no text below 11 pt, 14.7 CSS px at
display size (at least :data:`SMALL_PRINT_PX`)."""

PROJECTOR_RC = RC | {"font.size": 15, "axes.titlesize": 17, "axes.labelsize": 14, "legend.fontsize": 13,
                     "xtick.labelsize": 13, "ytick.labelsize": 13}
"""While presenting: larger type, readable from the back of a room (lines: :func:`thicken`)."""

PROJECTOR_LINE_SCALE = 1.5
"""While presenting every line of a figure is this much thicker."""

COMPARED = {"ls": "--", "lw": 1.8}
"""How an explorer draws its comparison (:meth:`explorers.explorer.Explorer.reference`): dashed, in the compared
line's own colour, or in dark grey ("0.2") where it has none (the end of a bar, the legend's entry)."""

WORDS = {
    "colours": {  # style.COLORS, and the greys of axes furniture: the adjective, inflected ("de blauwe lijn")
        "#0072B2": ("blauw", "blauwe"),
        "#009E73": ("groen", "groene"),
        "#D55E00": ("rood", "rode"),
        "#E69F00": ("oranje", "oranje"),
        "#56B4E9": ("lichtblauw", "lichtblauwe"),
        "#CC79A7": ("roze", "roze"),
        "#F0E442": ("geel", "gele"),
        "#000000": ("zwart", "zwarte"),
        "#BBBBBB": ("lichtgrijs", "lichtgrijze"),
        "#777777": ("grijs", "grijze"),
        "0.2": ("donkergrijs", "donkergrijze"),  # the comparison's legend entry, outlines
        "0.4": ("grijs", "grijze"),              # zero lines, limits
        "0.5": ("grijs", "grijze"),
        "0.55": ("grijs", "grijze"),
        "white": ("wit", "witte"),
    },
    "lines": {  # line styles: the adjective, inflected
        "-": ("doorgetrokken", "doorgetrokken"),
        "--": ("gestreept", "gestreepte"),
        ":": ("gestippeld", "gestippelde"),
    },
    "markers": {  # the noun, and its plural
        "o": ("rondje", "rondjes"),
        "s": ("vierkantje", "vierkantjes"),
        "D": ("ruit", "ruiten"),
        "|": ("streepje", "streepjes"),
    },
}
"""The Dutch words for every colour, line style and marker the figures draw. The figures' text alternatives
use them, and the pages name a line or a colour only with them (tests/test_explorers.py)."""

_COLOURS = {matplotlib.colors.to_hex(key): words for key, words in WORDS["colours"].items()}


def words(artist) -> tuple[tuple[str, ...], str] | None:
    """How the text names ``artist``, from :data:`WORDS`: its adjectives (colour, line style) and its noun ("lijn",
    a marker's plural, "vlak"), as in "blauwe gestreepte lijn" and "lichtgrijs vlak"; ``None`` for an artist that
    draws nothing to name."""
    if isinstance(artist, Line2D):
        colour = _COLOURS[matplotlib.colors.to_hex(artist.get_color())][1]
        if artist.get_linestyle() in WORDS["lines"]:
            return (colour, WORDS["lines"][artist.get_linestyle()][1]), "lijn"
        if artist.get_marker() in WORDS["markers"]:
            return (colour,), WORDS["markers"][artist.get_marker()][1]
        return None
    faces = np.atleast_2d(artist.get_facecolor() if isinstance(artist, (Patch, Collection)) else [])
    if len(faces) and faces[0][3] > 0:  # "vlak" takes the adjective as it is
        return (_COLOURS[matplotlib.colors.to_hex(faces[0], keep_alpha=False)][0],), "vlak"
    return None


def phrase(artist) -> str | None:
    """``artist`` in Dutch words (:func:`words`): "blauwe gestreepte lijn", "zwarte rondjes", "oranje vlak"."""
    named = words(artist)
    if named is None:
        return None
    adjectives, noun = named
    marker = WORDS["markers"].get(artist.get_marker()) if noun == "lijn" else None
    return " ".join([*adjectives, noun] + ([f"met {marker[1]}"] if marker else []))


PRESENTING = "EXPLORERS_PRESENTING"
"""The one way to ask for the projector look: this environment variable set to ``1`` before an explorer is made.
The site's presentation mode (``?presenteer``, ``chapters/assets/presenteer.js``) has its Python runtime set it
(``book/live/worker.js``); in a notebook, ``os.environ["EXPLORERS_PRESENTING"] = "1"`` does the same. The explorers
know nothing else of the page."""


def presenting() -> bool:
    """Whether explorers are made for a projector (:data:`PRESENTING`): larger type, thicker lines, the examples as
    buttons."""
    return os.environ.get(PRESENTING) == "1"


def rc() -> dict:
    """The matplotlib settings explorers are drawn with now: :data:`PROJECTOR_RC` while presenting, else :data:`RC`."""
    return PROJECTOR_RC if presenting() else RC


def context():
    """Context in which a figure and its artists are made, so they take the book's style."""
    return matplotlib.rc_context(rc())


def thicken(fig: Figure, scale: float = PROJECTOR_LINE_SCALE) -> None:
    """Make every line of ``fig`` ``scale`` times thicker (for the projector)."""
    for line in fig.findobj(Line2D):
        line.set_linewidth(line.get_linewidth() * scale)


def figure(panels: int, *, height: float = 1.0) -> Figure:
    """A new figure of ``panels`` panels, each with one axes (``fig.axes``, in order), and a last cell for the
    legend; call inside :func:`context`.

    Every cell is a subfigure of :data:`PANEL_PX` (``height`` times as high) and becomes an image of its own
    on the page (:meth:`explorers.explorer.Explorer.render`), so the page can put the panels side by side or
    stack them. The cells are drawn in one row, in one pass.
    """
    width, high = PROJECTOR_PANEL_PX if presenting() else PANEL_PX
    fig = Figure(figsize=((panels + 1) * width / 96, height * high / 96), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    for cell in fig.subfigures(1, panels + 1, wspace=0, hspace=0)[:panels]:
        cell.subplots()
    return fig


def fit(text: Text, width_px: float, renderer) -> None:
    """Break ``text`` into lines at its spaces so that no line is wider than ``width_px`` (image pixels)."""
    parts = text.get_text().split()
    if not parts:
        return
    lines, line = [], parts[0]
    for word in parts[1:]:
        text.set_text(f"{line} {word}")
        extent = text.get_window_extent(renderer)
        if max(extent.width, extent.height) > width_px:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}"
    text.set_text("\n".join([*lines, line]))


def rows(ax, labels) -> np.ndarray:
    """Rows of horizontal bars or points, the first on top, each named above its row from the panel's left
    edge (a name beside the row would take the narrow panel's width); returns the rows' y (bars: height 0.5)."""
    y = np.arange(len(labels), dtype=float)[::-1]
    ax.set_yticks([])
    ax.set_ylim(-0.45, len(labels) - 0.2)
    names = matplotlib.transforms.blended_transform_factory(ax.transAxes, ax.transData)
    for row, label in zip(y, labels):
        ax.text(0.01, row + 0.28, label, transform=names, ha="left", va="bottom")
    return y


def vspan(ax, x0: float, x1: float, **kwargs) -> Rectangle:
    """A band from ``x0`` to ``x1`` over the axes' full height, movable with ``set_x``/``set_width``.

    ``ax.axvspan`` returns a Polygon before matplotlib 3.9, the version Pyodide 0.27 ships
    for the in-browser explorers; this Rectangle behaves the same on every version.
    """
    patch = Rectangle((x0, 0), x1 - x0, 1, transform=ax.get_xaxis_transform(), **kwargs)
    ax.add_patch(patch)
    return patch


def hspan(ax, y0: float, y1: float, **kwargs) -> Rectangle:
    """A band from ``y0`` to ``y1`` over the axes' full width (see :func:`vspan`)."""
    patch = Rectangle((0, y0), 1, y1 - y0, transform=ax.get_yaxis_transform(), **kwargs)
    ax.add_patch(patch)
    return patch


def png(rgba, *, small: bool = False) -> bytes:
    """Encode opaque RGBA pixels as PNG: fast, while a learner moves a control (true colour, unfiltered rows,
    quick compression: twice as fast as matplotlib's encoder), or ``small``, for the page (the 256 most
    frequent colours, each rarer one, an edge's antialiasing, drawn in the nearest of them: a third of the bytes)."""
    rgb = np.asarray(rgba)[..., :3]
    height, width, _ = rgb.shape
    if small:
        packed = rgb.astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], np.uint32)
        codes, pixels, counts = np.unique(packed.ravel(), return_inverse=True, return_counts=True)
        colours = np.stack([codes >> 16, codes >> 8 & 255, codes & 255], axis=1).astype(int)
        palette = colours[np.argsort(counts)[::-1][:256]]
        nearest = np.argmin(((colours[:, None, :] - palette[None, :, :]) ** 2).sum(axis=2), axis=1)
        values = nearest.astype(np.uint8)[pixels].reshape(height, width)
        header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
        extra = _chunk(b"PLTE", palette.astype(np.uint8).tobytes())
    else:
        values = rgb.reshape(height, 3 * width)
        header, extra = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0), b""
    lines = np.zeros((height, values.shape[1] + 1), np.uint8)  # each row: its filter type (0, none), its pixels
    lines[:, 1:] = values
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + extra
            + _chunk(b"IDAT", zlib.compress(lines.tobytes(), 9 if small else 1)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def nice_limit(current: float, needed: float) -> float:
    """An axis limit that holds ``needed``: keep ``current`` while it fits well, else a round number.

    ``current`` is kept while ``needed`` lies between half of it and all of it, so the axes
    stay put while a learner moves a control and comparisons stay visible.
    """
    if 0.5 * current <= needed <= current and current > 0:
        return current
    if needed <= 0:
        return 1.0
    magnitude = 10 ** np.floor(np.log10(needed))
    return float(min(m * magnitude for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= needed))
