"""The shared input checks: Dutch messages that name parameter, value and range."""

import math

import numpy as np
import pytest

from edu import InputError
from edu import validation as check


def test_de_melding_noemt_parameter_waarde_en_bereik():
    with pytest.raises(InputError) as err:
        check.number(-5, name="rest_s", label="rustpauze", lo=0, hi=600, unit="s")
    assert str(err.value) == ("Ongeldige waarde voor rustpauze (rest_s): −5 s. "
                              "Kies een waarde tussen 0 en 600 s.")


def test_inputerror_is_een_valueerror():
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize("value", ["tien", None, True, [1, "a"], math.nan, math.inf])
def test_geen_getal_wordt_geweigerd(value):
    with pytest.raises(InputError, match=r"sets \(sets\).*Kies een waarde tussen 1 en 10"):
        check.number(value, name="sets", label="sets", lo=1, hi=10)


def test_nan_wordt_in_het_nederlands_benoemd():
    with pytest.raises(InputError, match=r"geen getal \(NaN\)"):
        check.number(np.array([1.0, np.nan]), name="t_min", label="tijd", lo=-10, hi=10, array=True)


def test_een_rij_waar_een_getal_hoort_wordt_geweigerd():
    with pytest.raises(InputError, match=r"weken \(weeks\): een rij van 2 getallen\. Geef één getal"):
        check.number([1, 2], name="weeks", label="weken", lo=0, hi=52)
    with pytest.raises(InputError, match=r"tijd \(t_min\): een lege rij"):
        check.number([], name="t_min", label="tijd", lo=0, hi=10, array=True)


def test_gehele_getallen_worden_afgedwongen():
    assert check.number(3.0, name="n", label="aantal", lo=1, hi=5, integer=True) == 3
    with pytest.raises(InputError, match="Kies een geheel getal tussen 1 en 5"):
        check.number(2.5, name="n", label="aantal", lo=1, hi=5, integer=True)


def test_decimale_komma_in_meldingen():
    with pytest.raises(InputError, match=r"0,5 s\. Kies een waarde tussen 1 en 2,5 s"):
        check.number(0.5, name="x", label="x", lo=1, hi=2.5, unit="s")


def test_keuze_noemt_de_opties():
    with pytest.raises(InputError, match=r'geslacht \(sex\): \'x\'\. Kies uit "male" \(man\)'):
        check.choice("x", name="sex", label="geslacht", options={"male": "man", "female": "vrouw"})


def test_schakelaar_accepteert_alleen_ja_of_nee():
    assert check.flag(np.bool_(True), name="f", label="f") is True
    with pytest.raises(InputError, match="Kies True"):
        check.flag(1, name="f", label="f")


@pytest.mark.parametrize("x, shown", [(2.5, "2,5"), (1500, "1500"), (30_000, "30.000"), (0.00038, "0,00038")])
def test_getallen_in_nederlandse_notatie(x, shown):
    assert check.fmt(x) == shown


@pytest.mark.parametrize("x, decimals, shown", [
    (1500.0, 1, "1500,0"), (15000, None, "15.000"), (-12345.6, 1, "−12.345,6"), (-0.04, 1, "0,0"),
    (12.3456, None, "12,35"), (99999.5, None, "100.000"), (-7, None, "−7"), (0.5, 2, "0,50"),
])
def test_een_getal_heeft_een_schrijfwijze_komma_punt_vanaf_vijf_cijfers_en_een_minteken(x, decimals, shown):
    assert check.fmt(x, decimals) == shown


def test_een_declaratie_controleert_haar_bereik_en_kan_door_een_andere_invoer_smaller_worden():
    rest = check.Number("rest_s", "rust tussen de sets", 0, 300, 15, default=60, unit="s")
    assert rest(90) == 90.0
    with pytest.raises(InputError, match=r"rust tussen de sets \(rest_s\): 400 s\. Kies een waarde tussen 0 en 300 s"):
        rest(400)
    with pytest.raises(InputError, match=r"Kies een waarde tussen 0 en 120 s"):
        rest(200, hi=120)
    with pytest.raises(InputError, match=r"'geen' is geen getal"):
        rest("geen")
    assert check.Number("session_at_h", "tijdstip", -48, 96, 0.5, optional=True)(None) is None


def test_een_keuze_en_een_schakelaar_zijn_ook_declaraties():
    sex = check.Choice("sex", "geslacht", {"male": "man", "female": "vrouw"}, default="male")
    assert sex("female") == "female"
    with pytest.raises(InputError, match=r'geslacht \(sex\): \'x\'\. Kies uit "male" \(man\), "female" \(vrouw\)'):
        sex("x")
    assert check.Flag("forced_reps", "geforceerde herhalingen")(True) is True


def test_elke_invoer_wordt_maar_een_keer_gedeclareerd():
    with pytest.raises(ValueError):
        check.declare(check.Flag("x", "x"), check.Flag("x", "y"))
