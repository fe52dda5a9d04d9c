"""The presenter site: a start page with every chapter, one presentatiemodus page per chapter,
examples from the URL; in a real browser through Voilà on 127.0.0.1."""

import json
import subprocess
import sys

import pytest

from book import chapters, presentation
from explorers import registry, style
from explorers.hormones import hormoonverkenner

from conftest import CHAPTERS, ROOT


def test_startpagina_noemt_elk_hoofdstuk_met_verkenners_in_de_volgorde_van_het_boek(tmp_path):
    names = presentation.build(tmp_path)
    assert set(CHAPTERS) <= set(names)
    start = "\n".join(c["source"] for c in json.loads((tmp_path / presentation.START).read_text())["cells"])
    positions = [start.index(f"]({name}.ipynb)") for name in names]
    assert positions == sorted(positions)
    for name in names:
        assert chapters.title(name) in start
        assert (tmp_path / f"{name}.ipynb").exists()


@pytest.mark.parametrize("name", CHAPTERS)
def test_elke_verkenner_van_het_hoofdstuk_is_een_onderdeel(name):
    chapter = json.loads((ROOT / f"chapters/{name}.ipynb").read_text(encoding="utf-8"))
    calls = [s for c in chapter["cells"] if c["cell_type"] == "code"
             and (s := "".join(c["source"]).strip()).startswith(tuple(f"{e}(" for e in registry()))]
    scenes = presentation.scenes(chapter)
    assert len(scenes) == len(calls) > 0
    assert [call.split("(")[0] for call in calls] == [explorer for _, explorer, _ in scenes]
    page = presentation.presenter_notebook(name)
    source = "".join(page["cells"][1]["source"])
    assert f"presentatie({name!r})" in source and "{cite}" not in json.dumps(page)


def test_voorbeeld_uit_de_url_opent_het_eerste_onderdeel_dat_het_heeft(monkeypatch):
    monkeypatch.setenv("VOILA_KERNEL_ID", "test")  # as inside Voilà: presentatiemodus
    scenes = presentation.scenes(json.loads((ROOT / "chapters/hormonen.ipynb").read_text(encoding="utf-8")))
    wanted = "alleen armen"
    first = next(i for i, (_, e, kw) in enumerate(scenes) if wanted in presentation.examples(e))
    monkeypatch.setenv("QUERY_STRING", "voorbeeld=alleen+armen")
    shown = presentation.presentatie("hormonen")
    assert shown.scene.value == first
    assert shown.explorer(first).preset.value == wanted
    shown.go(+1)
    assert shown.scene.value == first + 1


def test_onbekend_voorbeeld_of_hoofdstuk_geeft_een_nederlandse_fout():
    unknown = r'Voorbeeld "zwemmen" bestaat niet in hoofdstuk "hormonen"\. Kies uit: .*vrouw'
    with pytest.raises(ValueError, match=unknown):
        presentation.Presentatie("hormonen", "zwemmen")
    with pytest.raises(SystemExit, match=r'Hoofdstuk "yoga" bestaat niet\. Kies uit: .*hormonen'):
        presentation.serve("yoga", None, 0)
    with pytest.raises(SystemExit, match=r'Voorbeeld "zwemmen" bestaat niet'):
        presentation.serve("hormonen", "zwemmen", 0)


def test_presentatiemodus_maakt_letters_groter_en_lijnen_dikker(monkeypatch):
    book = hormoonverkenner()
    monkeypatch.setenv("VOILA_KERNEL_ID", "test")
    shown = hormoonverkenner()
    def widths(ex):
        return [line.get_linewidth() for ax in ex.figure.axes for line in ax.lines]

    assert all(p == pytest.approx(style.PROJECTOR_LINE_SCALE * b) for p, b in zip(widths(shown), widths(book)))
    assert shown.figure.axes[0].title.get_fontsize() > book.figure.axes[0].title.get_fontsize()
    assert type(shown.preset).__name__ == "ToggleButtons"  # every example one click away


def test_voila_start_met_het_gereedschap_van_het_boek_importeerbaar_voor_de_paginas(tmp_path, monkeypatch):
    started = {}
    with monkeypatch.context() as patch:
        patch.setattr(subprocess, "Popen", lambda args, **kwargs: started.update(args=args, **kwargs))
        presentation.voila(tmp_path, 8866, stdout=subprocess.DEVNULL)
    assert str(tmp_path) in started["args"] and "--Voila.ip=127.0.0.1" in started["args"]
    code = "".join(presentation.presenter_notebook("hormonen")["cells"][1]["source"]).splitlines()[0]
    assert code == "from book.presentation import presentatie"
    # the pages' kernels start in the site's folder, with Voilà's environment
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=started["env"], capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
