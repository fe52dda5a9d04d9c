"""edu.metabolism against Elia 1992 / Wang 2010 over the whole age range, and the popular claim about a kilo of
muscle."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError
from edu.metabolism import (CLAIM_KCAL_PER_KG, HIGH_RATE_ORGANS, INPUTS, TISSUES, extra_muscle, kcal_per_kg,
                            reference_organs, resting_energy_kcal, tissue_energy_kcal, tissue_masses_kg)


def test_een_kilo_spier_verbrandt_13_kcal_per_dag_niet_50():
    """Elia 1992: 13 kcal/kg/day; Wang 2010: 12.6 above 50."""
    extra = resting_energy_kcal(muscle_kg=31, fat_kg=18) - resting_energy_kcal(muscle_kg=30, fat_kg=18)
    assert extra == pytest.approx(13.0)
    assert kcal_per_kg("muscle", age_years=60) == 12.6
    assert kcal_per_kg("liver") == 200 and kcal_per_kg("heart") == kcal_per_kg("kidneys") == 440


def test_anderhalve_kilo_spier_is_ongeveer_twintig_kcal():
    gain = resting_energy_kcal(muscle_kg=30.5, fat_kg=18) - resting_energy_kcal(muscle_kg=29, fat_kg=18)
    assert gain == pytest.approx(20, abs=1)
    assert extra_muscle(1.5).kcal == pytest.approx(gain)


@pytest.mark.parametrize("age", [30, 65])
def test_extra_spier_levert_een_kwart_van_de_bewering_op_zoals_elia_en_wang(age):
    """Elia 1992: 13 kcal/kg/day (Wang 2010: 12.6 over 50), against the claim of 50: about a quarter."""
    extra = extra_muscle(5, age_years=age)
    before = resting_energy_kcal(muscle_kg=29, fat_kg=18, age_years=age)
    assert extra.kcal == pytest.approx(resting_energy_kcal(muscle_kg=34, fat_kg=18, age_years=age) - before)
    assert extra.claim_kcal == 5 * CLAIM_KCAL_PER_KG == 250
    assert 0.25 <= extra.kcal / extra.claim_kcal <= 0.27


def test_westcott_tien_weken_verklaart_maar_een_klein_deel_van_plus_zeven_procent():
    """Westcott 2012: +1.4 kg lean, −1.8 kg fat, RMR +7% after 10 weeks; tissue rates explain ~1%."""
    before = resting_energy_kcal(muscle_kg=29, fat_kg=18.2)
    after = resting_energy_kcal(muscle_kg=29 + 1.4, fat_kg=18.2 - 1.8)
    assert 0 < 100 * (after / before - 1) < 1.5


def test_referentieman_en_vrouw_geven_een_gangbare_rustverbranding():
    man = resting_energy_kcal(muscle_kg=29.0, fat_kg=18.2)
    woman = resting_energy_kcal(muscle_kg=17.5, fat_kg=22.5, reference="woman")
    organs = {f"{organ}_kg": mass for organ, mass in reference_organs("woman").items()}
    assert woman == resting_energy_kcal(muscle_kg=17.5, fat_kg=22.5, **organs)
    assert 1600 < man < 1800 and 1250 < woman < 1450


def test_organen_wegen_weinig_maar_verbruiken_het_meest():
    energy = tissue_energy_kcal(muscle_kg=29.0, fat_kg=18.2)
    masses = tissue_masses_kg(muscle_kg=29.0, fat_kg=18.2)
    organs = sum(energy[k] for k in HIGH_RATE_ORGANS)
    assert organs / sum(energy.values()) > 0.5 and sum(masses[k] for k in HIGH_RATE_ORGANS) / sum(masses.values()) < 0.1
    assert energy["muscle"] / sum(energy.values()) < 0.25


def test_de_organen_zijn_die_van_de_referentiepersoon_tenzij_gegeven():
    """ICRP 89: reference man 73 kg, reference woman 60 kg."""
    man, woman = tissue_masses_kg(muscle_kg=29, fat_kg=18.2), tissue_masses_kg(muscle_kg=17.5, fat_kg=22.5,
                                                                               reference="woman")
    assert sum(man.values()) == pytest.approx(73, abs=0.1) and sum(woman.values()) == pytest.approx(60, abs=0.1)
    assert tissue_masses_kg(muscle_kg=29, fat_kg=18.2, liver_kg=2.0) == man | {"liver": 2.0}


def test_boven_de_vijftig_ongeveer_drie_procent_minder():
    """Wang 2010: Elia's rates hold at 21–30 and 31–50 years, about 3% too high above 50."""
    young = resting_energy_kcal(muscle_kg=29, fat_kg=18.2, age_years=40)
    old = resting_energy_kcal(muscle_kg=29, fat_kg=18.2, age_years=60)
    assert old / young == pytest.approx(0.97, abs=0.01)


AGES = np.linspace(18, 90, 721)


def test_geen_sprong_op_vijftig_maar_een_geleidelijke_overgang():
    """Between Wang's 31–50 group and the group over 50 the rates change gradually."""
    total = np.array([resting_energy_kcal(muscle_kg=29, fat_kg=18.2, age_years=a) for a in AGES])
    assert np.all(np.diff(total) <= 1e-9)                       # never higher with age
    assert np.max(-np.diff(total)) < 0.5                         # < 5 kcal/day per year of age
    below, above = (resting_energy_kcal(muscle_kg=29, fat_kg=18.2, age_years=a) for a in (49.99, 50.01))
    assert below - above < 0.1                                   # was 52 kcal/day


@pytest.mark.parametrize("tissue", list(TISSUES))
def test_getallen_per_kilo_altijd_tussen_elia_en_wang(tissue):
    """At every age each rate lies between Wang's over-50 value and Elia's (Wang 2010, abstract)."""
    rates = [kcal_per_kg(tissue, age_years=a) for a in AGES]
    assert min(rates) == pytest.approx(kcal_per_kg(tissue, age_years=90))
    assert max(rates) == pytest.approx(kcal_per_kg(tissue, age_years=18))
    assert kcal_per_kg(tissue, age_years=90) / kcal_per_kg(tissue, age_years=18) == pytest.approx(0.97, abs=0.01)


@settings(max_examples=60, deadline=None)
@given(muscle=st.floats(INPUTS["muscle_kg"].lo, INPUTS["muscle_kg"].hi), extra=st.floats(0, 5),
       fat=st.floats(INPUTS["fat_kg"].lo, INPUTS["fat_kg"].hi), age=st.floats(18, 90),
       liver=st.floats(INPUTS["liver_kg"].lo, INPUTS["liver_kg"].hi))
def test_meer_weefsel_nooit_minder_verbranding(muscle, fat, extra, age, liver):
    kw = dict(fat_kg=fat, age_years=age, liver_kg=liver)
    energy = tissue_energy_kcal(muscle_kg=muscle, **kw)
    assert set(energy) == set(TISSUES) and all(v > 0 for v in energy.values())
    assert resting_energy_kcal(muscle_kg=min(muscle + extra, 60), **kw) >= sum(energy.values())


@pytest.mark.parametrize("call, match", [
    (lambda: resting_energy_kcal(muscle_kg=100, fat_kg=10),
     r"spiermassa \(muscle_kg\): 100 kg\. Kies een waarde tussen 5 en 60 kg"),
    (lambda: resting_energy_kcal(muscle_kg=30, fat_kg=-1), r"vetmassa \(fat_kg\): −1 kg"),
    (lambda: resting_energy_kcal(muscle_kg=30, fat_kg=10, brain_kg=5), r"massa hersenen \(brain_kg\): 5 kg"),
    (lambda: extra_muscle(8),
     r"extra spier door training \(extra_muscle_kg\): 8 kg\. Kies een waarde tussen 0 en 5 kg"),
    (lambda: reference_organs("kind"), r"referentiepersoon \(reference\)"),
])
def test_foute_invoer_geeft_een_nederlandse_melding(call, match):
    with pytest.raises(InputError, match=match):
        call()
