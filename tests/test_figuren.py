"""The drawings of the body (chapters/figuren/*.svg): valid SVG that scales, a Dutch text alternative that the page
shows as well, self-contained, in the course's colours, and readable on a phone: no text smaller than the page's
small print at the width a phone shows it, and every text at least 4.5:1 against what it is drawn on (WCAG AA)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from book import chapters
from explorers import style

FOLDER = ROOT / "chapters" / "figuren"
SVG = "{http://www.w3.org/2000/svg}"

REQUIRED = ["spiervezel", "signaalroutes", "hormoonas", "bot-onder-belasting", "kracht-en-duur"]
"""The drawings issue 21 asks for; any other drawing in the folder is tested too."""
NAMES = sorted(set(REQUIRED) | {path.stem for path in FOLDER.glob("*.svg")})

PHONE_COLUMN_PX = 358
"""Width of the text column on a 390-px phone, CSS px (measured in Chromium on the built site). A figure is never
shown wider than this there."""

MIN_CONTRAST = 4.5
"""WCAG AA for normal text."""

PALETTE = {colour.upper() for colour in style.COLORS.values()}
NO_LIGATURES = "font-variant-ligatures: none"
"""The drawing's only style (an SVG in an image takes no CSS from the page): the PDF's text searches as typed."""
PAINT = ("fill", "stroke", "stop-color", "flood-color", "color")
SHAPES = {"rect", "circle", "ellipse", "path", "polygon"}
UNPAINTED = {"defs", "marker", "pattern", "clipPath", "mask", "symbol", "title", "desc"}
"""Elements whose children are not drawn where they stand (templates) or are no drawing at all."""
INHERITED = ("fill", "fill-opacity", "font-size", "font-family", "text-anchor", "font-weight")


def root(name: str) -> ET.Element:
    return ET.parse(FOLDER / f"{name}.svg").getroot()


def local(element: ET.Element) -> str:
    return element.tag.removeprefix(SVG)


def drawn(element: ET.Element, inherited: dict | None = None):
    """Every element that is drawn, in painting order, with its inherited presentation attributes."""
    inherited = dict(inherited or {})
    own = inherited | {key: value for key, value in element.attrib.items() if key in INHERITED}
    yield element, own
    if local(element) in UNPAINTED:
        return
    for child in element:
        yield from drawn(child, own)


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def desc(name: str) -> str:
    return text_of(root(name).find(f"{SVG}desc"))


def numbers(value: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", value)]


# --- colours and contrast -------------------------------------------------------------------------------------------

def rgb(colour: str) -> tuple[float, float, float]:
    colour = {"white": "#FFFFFF", "black": "#000000"}.get(colour.lower(), colour)
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", colour), colour
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def luminance(colour: tuple[float, float, float]) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(colour, alpha: float, below):
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(colour, below))


def path_points(d: str) -> list[tuple[float, float]]:
    """The end and control points of a path of absolute commands (M L H V C S Q T A Z): a box around the shape."""
    tokens = re.findall(r"[A-Za-z]|-?\d+(?:\.\d+)?", d)
    assert not any(t.isalpha() and t.islower() for t in tokens), "gebruik absolute padcommando's"
    points, x, y, command, i = [], 0.0, 0.0, "M", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            continue
        if command == "H":
            x, i = float(tokens[i]), i + 1
        elif command == "V":
            y, i = float(tokens[i]), i + 1
        elif command == "A":
            x, y, i = float(tokens[i + 5]), float(tokens[i + 6]), i + 7
        else:
            x, y, i = float(tokens[i]), float(tokens[i + 1]), i + 2
        points.append((x, y))
    return points


def covers(shape: ET.Element, x: float, y: float) -> bool:
    """Whether ``shape`` (its box, for a path or polygon) covers the point."""
    kind, a = local(shape), shape.attrib
    if kind == "rect":
        return (float(a.get("x", 0)) <= x <= float(a.get("x", 0)) + float(a["width"])
                and float(a.get("y", 0)) <= y <= float(a.get("y", 0)) + float(a["height"]))
    if kind in ("circle", "ellipse"):
        rx, ry = (float(a["r"]),) * 2 if kind == "circle" else (float(a["rx"]), float(a["ry"]))
        return ((x - float(a["cx"])) / rx) ** 2 + ((y - float(a["cy"])) / ry) ** 2 <= 1
    points = path_points(a["d"]) if kind == "path" else list(zip(*[iter(numbers(a["points"]))] * 2))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys)


def background(shapes: list, x: float, y: float):
    """The colour at a point: white paper, then every filled shape drawn so far that covers it, blended in order."""
    colour = (1.0, 1.0, 1.0)
    for shape, paint in shapes:
        fill = paint.get("fill", "#000000")
        if fill != "none" and not fill.startswith("url(") and covers(shape, x, y):
            alpha = float(paint.get("fill-opacity", 1)) * float(shape.get("opacity", 1))
            colour = over(rgb(fill), alpha, colour)
    return colour


def text_width(text: str, size: float, bold: bool) -> float:
    """Width of ``text`` set in DejaVu Sans, the widest of the fonts the font stack can end on (matplotlib's own)."""
    prop = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal", size=size)
    return TextToPath().get_text_width_height_descent(text, prop, ismath=False)[0]


def text_box(text: ET.Element, paint: dict) -> tuple[float, float, float, float]:
    """The box of a text (x0, y0, x1, y1), from its baseline up to the height of a capital (0.73 em)."""
    size, x, y = float(paint["font-size"]), float(text.get("x", 0)), float(text.get("y", 0))
    width = text_width(text_of(text), size, paint.get("font-weight") == "bold")
    x0 = x - {"start": 0, "middle": width / 2, "end": width}[paint.get("text-anchor", "start")]
    return x0, y - 0.73 * size, x0 + width, y


# --- the tests ------------------------------------------------------------------------------------------------------

def test_de_tekeningen_van_issue_21_bestaan():
    assert [name for name in REQUIRED if not (FOLDER / f"{name}.svg").exists()] == []


@pytest.mark.parametrize("name", NAMES)
def test_tekening_is_svg_die_meeschaalt(name):
    svg = root(name)
    assert svg.tag == f"{SVG}svg"
    x, y, width, height = numbers(svg.get("viewBox"))
    assert (x, y) == (0, 0) and width > 0 and height > 0
    # width and height give the image its proportions in the page; the viewBox lets it scale
    assert (float(svg.get("width")), float(svg.get("height"))) == (width, height)


@pytest.mark.parametrize("name", NAMES)
def test_tekening_is_een_afbeelding_met_nederlandse_titel_en_beschrijving(name):
    svg = root(name)
    assert svg.get("role") == "img" and svg.get("lang") == "nl"
    title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert list(svg)[:2] == [title, description]  # first, so every reader finds them
    assert svg.get("aria-labelledby").split() == [title.get("id"), description.get("id")]
    assert 3 <= len(text_of(title).split()) <= 12
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text_of(description)) if s]
    assert 2 <= len(sentences) <= 4 and all(s[0].isupper() and s[-1] == "." for s in sentences)
    # Dutch: the words every Dutch sentence uses, and none of the English ones
    words = set(re.findall(r"\w+", (text_of(title) + " " + text_of(description)).lower()))
    assert {"de", "en"} <= words and not words & {"the", "and", "with", "muscle", "bone"}


@pytest.mark.parametrize("name", NAMES)
def test_tekening_haalt_niets_van_buiten(name):
    svg = root(name)
    ids = {element.get("id") for element in svg.iter() if element.get("id")}
    assert not {local(e) for e in svg.iter()} & {"image", "script", "foreignObject", "a", "iframe", "style", "use"}
    for element in svg.iter():
        for key, value in element.attrib.items():  # the parser keeps no xmlns: the namespace is no reference
            assert not re.search(r"https?:|//|@import|data:", value), (key, value)
            if "href" in key:
                assert value.startswith("#") and value[1:] in ids, (key, value)
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#") and target[1:] in ids, (key, value)
    assert "http" not in (FOLDER / f"{name}.svg").read_text(encoding="utf-8").replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


@pytest.mark.parametrize("name", NAMES)
def test_tekening_gebruikt_alleen_kleuren_van_de_cursus(name):
    wrong = []
    for element in root(name).iter():
        # paint as attributes, so this test reads it; the one style: no ligatures, so "fi" prints as two letters
        assert element.get("style", NO_LIGATURES) == NO_LIGATURES, "stijl als attributen, zodat deze test ze leest"
        for key in PAINT:
            value = element.get(key)
            if value is None or value == "none" or value.startswith("url(#"):
                continue
            r, g, b = rgb(value)
            if value.upper() not in PALETTE and not r == g == b:  # a colour of style.COLORS, or a grey
                wrong.append(f"{local(element)} {key}={value}")
    assert wrong == []


@pytest.mark.parametrize("name", NAMES)
def test_tekst_is_echte_tekst_in_een_systeemlettertype(name):
    svg = root(name)
    fonts = [f.strip() for f in svg.get("font-family").split(",")]
    assert fonts[0] == "system-ui" and fonts[-1] == "sans-serif"
    assert not any(e.get("font-family") for e in svg.iter() if e is not svg)
    texts = [text_of(t) for t in svg.iter(f"{SVG}text")]
    assert len(texts) >= 5 and all(texts)


@pytest.mark.parametrize("name", NAMES)
def test_tekst_is_op_een_telefoon_niet_kleiner_dan_de_kleine_letters_van_de_pagina(name):
    svg = root(name)
    scale = shown_width(name) / numbers(svg.get("viewBox"))[2]
    sizes = {text_of(e): float(paint["font-size"]) * scale for e, paint in drawn(svg) if local(e) == "text"}
    assert min(sizes.values()) >= style.SMALL_PRINT_PX, sizes


@pytest.mark.parametrize("name", NAMES)
def test_tekst_contrasteert_met_waar_hij_op_staat(name):
    shapes, low = [], {}
    for element, paint in drawn(root(name)):
        if local(element) in SHAPES:
            shapes.append((element, paint))
        elif local(element) == "text":
            x0, y0, x1, y1 = text_box(element, paint)
            ink = rgb(paint.get("fill", "#000000"))
            points = [(x0 + (x1 - x0) * i / 6, y0 + (y1 - y0) * j / 3) for i in range(7) for j in (1, 2)]
            low[text_of(element)] = min(contrast(ink, background(shapes, x, y)) for x, y in points)
    assert min(low.values()) >= MIN_CONTRAST, {t: round(c, 2) for t, c in low.items() if c < MIN_CONTRAST}


def test_de_contrastmeting_ziet_tekst_op_een_te_lichte_kleur():
    svg = ET.fromstring(f'<svg xmlns="{SVG[1:-1]}"><rect x="0" y="0" width="100" height="40" fill="#E69F00"/>'
                        '<text x="10" y="30" font-size="15" fill="#FFFFFF">oranje</text></svg>')
    (rect, paint), = [(e, p) for e, p in drawn(svg) if local(e) == "rect"]
    text = svg.find(f"{SVG}text")
    x0, y0, x1, y1 = text_box(text, {"font-size": "15"})
    assert contrast((1, 1, 1), background([(rect, paint)], (x0 + x1) / 2, (y0 + y1) / 2)) < MIN_CONTRAST


# --- the pages that show them ---------------------------------------------------------------------------------------

FIGURE = re.compile(r"^```\{figure\} figuren/(?P<file>[\w-]+)\.svg\n"  # the drawing
                    r"(?P<options>(?::[\w-]+:[^\n]*\n)+)\n"  # :alt:, :width:
                    r"(?P<caption>.+?)\n```", re.M | re.S)


def figures() -> dict[str, list[dict]]:
    """Per drawing, every figure directive that shows it on a page of the book: its page, options and caption."""
    found = {}
    for page in chapters.in_order():
        cells = chapters.notebook(page)["cells"]
        sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        if not cells and (ROOT / "chapters" / f"{page}.md").exists():
            sources = [(ROOT / "chapters" / f"{page}.md").read_text(encoding="utf-8")]
        for source in sources:
            for match in FIGURE.finditer(source):
                options = dict(re.findall(r"^:([\w-]+): (.*)$", match["options"], re.M))
                found.setdefault(match["file"], []).append(
                    {"page": page, "options": options, "caption": " ".join(match["caption"].split())})
    return found


def shown_width(name: str) -> float:
    """The width a phone shows the drawing at, CSS px: the page's :width:, at most the text column."""
    widths = []
    for figure in figures().get(name, [{"options": {}}]):
        width = figure["options"].get("width", "100%")
        value = float(width.rstrip("px%"))
        widths.append(PHONE_COLUMN_PX * value / 100 if width.endswith("%") else min(value, PHONE_COLUMN_PX))
    return min(widths)


@pytest.mark.parametrize("name", NAMES)
def test_tekening_staat_op_een_pagina_met_haar_beschrijving_als_alt_tekst_en_een_onderschrift(name):
    shown = figures().get(name, [])
    assert shown, f"geen pagina toont figuren/{name}.svg"
    for figure in shown:
        assert " ".join(figure["options"].get("alt", "").split()) == desc(name), figure["page"]
        assert figure["caption"].endswith(".") and len(re.findall(r"[.!?](?:\s|$)", figure["caption"])) == 1
