"""edu.fitness_fatigue: Banister's single-impulse properties, the Performance Manager's steady state, tapers."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edu import InputError
from edu.fitness_fatigue import (break_even_day, impulse_response, peak_day, performance_manager,
                                 training_plan)


def one_load(days=120, load=100.0):
    daily = np.zeros(days)
    daily[0] = load
    return daily


def test_een_prikkel_komt_de_dag_erna_pas_in_de_prestatie():
    p = impulse_response(one_load(), p0=500.0)
    assert p[0] == 500.0
    assert p[1] == pytest.approx(500.0 + 100 * (math.exp(-1 / 42) - 2 * math.exp(-1 / 7)))


def test_een_prikkel_volgt_de_analytische_formule():
    """w·(k1·e^(−t/τ1) − k2·e^(−t/τ2)) for t >= 1."""
    t = np.arange(1, 120)
    expected = 100 * (1.3 * np.exp(-t / 30) - 2.5 * np.exp(-t / 9))
    got = impulse_response(one_load(), k1=1.3, k2=2.5, tau1_d=30, tau2_d=9)[1:]
    assert np.allclose(got, expected)


@pytest.mark.parametrize("k1, k2, tau1, tau2", [(1, 2, 42, 7), (1, 1.5, 30, 10), (0.5, 3, 50, 4)])
def test_prestatie_wordt_positief_en_piekt_op_de_analytische_dag(k1, k2, tau1, tau2):
    p = impulse_response(one_load(200), k1=k1, k2=k2, tau1_d=tau1, tau2_d=tau2)
    zero, peak = break_even_day(k1=k1, k2=k2, tau1_d=tau1, tau2_d=tau2), peak_day(
        k1=k1, k2=k2, tau1_d=tau1, tau2_d=tau2)
    assert zero == pytest.approx(math.log(k2 / k1) * tau1 * tau2 / (tau1 - tau2))
    assert np.all(p[1:math.ceil(zero)] < 0) and np.all(p[math.ceil(zero):math.ceil(peak) + 1] > 0)
    assert int(np.argmax(p)) in (math.floor(peak), math.ceil(peak))


def test_standaard_prikkel_na_6_dagen_positief_en_piek_na_21_dagen():
    assert break_even_day() == pytest.approx(5.8, abs=0.05)
    assert peak_day() == pytest.approx(20.9, abs=0.05)


def test_analytische_dagen_vragen_langzamere_fitheid_dan_vermoeidheid():
    with pytest.raises(InputError, match=r"tijdconstanten \(tau1_d, tau2_d\): 7 en 42 dagen"):
        peak_day(tau1_d=7, tau2_d=42)


def test_manager_stabiel_onder_constante_belasting():
    m = performance_manager(np.full(600, 80.0))
    assert m.fitness[-1] == pytest.approx(80.0, rel=1e-3)
    assert m.fatigue[-1] == pytest.approx(80.0, rel=1e-9)
    assert abs(m.form[-1]) < 0.1


def test_manager_eerste_dag_en_vorm_van_gisteren():
    load = np.array([100.0, 0, 50, 0, 0])
    m = performance_manager(load)
    assert m.fitness[0] == pytest.approx(100 * (1 - math.exp(-1 / 42)))
    assert m.fatigue[0] == pytest.approx(100 * (1 - math.exp(-1 / 7)))
    assert m.form[0] == 0.0
    assert np.allclose(m.form[1:], (m.fitness - m.fatigue)[:-1])


def test_vorm_is_banisters_prestatie_met_vaste_winsten():
    """TSB(n) = CTL(n−1) − ATL(n−1) is Banister's p(n) with k = e^(1/N) − 1."""
    rng = np.random.default_rng(1)
    load = rng.uniform(0, 150, 200)
    m = performance_manager(load, fitness_days=35, fatigue_days=5)
    banister = impulse_response(load, k1=math.expm1(1 / 35), k2=math.expm1(1 / 5), tau1_d=35,
                                tau2_d=5)
    assert np.allclose(m.form, banister)


def test_taper_geeft_betere_vorm_op_wedstrijddag():
    """Bosquet 2007: two weeks at half the volume; form turns positive, most fitness stays,
    and a taper twice as long gains nothing more."""
    form = {}
    for days in (0, 14, 28):
        m = performance_manager(training_plan(weeks=12, recovery_every=0, taper_days=days,
                                              taper_reduction_pct=50))
        form[days], fitness = m.form[-1], m.fitness[-1]
        if days == 0:
            untapered = fitness
        if days == 14:
            assert fitness > 0.8 * untapered
    assert form[0] < 0 < form[28] < form[14]


def test_trainingsplan_telt_trainingen_herstelweken_en_taper():
    plan = training_plan(weeks=8, sessions_per_week=3, session_load=100, recovery_every=4,
                         taper_days=7, taper_reduction_pct=40)
    assert plan.size == 56 and plan[-1] == 0  # the competition day
    weekly = plan.reshape(8, 7).sum(axis=1)
    # the taper in the last week, which is no recovery week
    assert list(weekly) == [300, 300, 300, 150, 300, 300, 300, pytest.approx(180)]


@pytest.mark.parametrize("call, message", [
    (lambda: impulse_response([10, -1]), r"belasting per dag \(daily_load\): −1\. Kies een waarde tussen 0 en 1000"),
    (lambda: impulse_response(5), r"daily_load\): een los getal\. Geef een rij van 1 tot 3650 getallen"),
    (lambda: impulse_response([[1, 2]]), r"een tabel met 2 dimensies"),
    (lambda: impulse_response([1], tau2_d=0), r"tijdconstante van vermoeidheid \(tau2_d\): 0 dagen"),
    (lambda: performance_manager([1], fitness_days=200), r"tijdconstante van de fitheid \(fitness_days\): 200 dagen"),
    (lambda: training_plan(recovery_every=1), r"herstelweek elke \(recovery_every\): 1 week"),
    (lambda: training_plan(weeks=2, taper_days=21),
     r"taper vóór de wedstrijd \(taper_days\): 21 dagen\. Kies een geheel getal tussen 0 en 14"),
])
def test_foute_invoer_geeft_nederlandse_melding(call, message):
    with pytest.raises(InputError, match=message):
        call()


loads = st.lists(st.floats(0, 1000), min_size=1, max_size=200)


@settings(max_examples=60, deadline=None)
@given(load=loads, k1=st.floats(0.01, 10), k2=st.floats(0.01, 10), tau1=st.floats(1, 100),
       tau2=st.floats(1, 100))
def test_impulsrespons_eindig_en_lineair(load, k1, k2, tau1, tau2):
    p = impulse_response(load, k1=k1, k2=k2, tau1_d=tau1, tau2_d=tau2)
    double = impulse_response(2 * np.asarray(load) if max(load) <= 500 else load, k1=k1, k2=k2,
                              tau1_d=tau1, tau2_d=tau2)
    assert np.isfinite(p).all() and p.shape == (len(load),)
    if max(load) <= 500:
        assert np.allclose(double, 2 * p, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(load=loads, fit=st.floats(1, 100), fat=st.floats(1, 100))
def test_manager_blijft_binnen_de_belasting(load, fit, fat):
    m = performance_manager(load, fitness_days=fit, fatigue_days=fat)
    top = max(load)
    for series in (m.fitness, m.fatigue):
        assert np.all(series >= 0) and np.all(series <= top * (1 + 1e-12))
    assert np.all(np.abs(m.form) <= top * (1 + 1e-12))


def test_op_de_wedstrijddag_telt_de_fitheid_en_vermoeidheid_van_gisteren():
    """Allen & Coggan 2010: form (TSB) is yesterday's fitness (CTL) minus yesterday's fatigue (ATL)."""
    m = performance_manager(training_plan(taper_days=14))
    race = m.race_day()
    assert (race.fitness, race.fatigue) == (m.fitness[-2], m.fatigue[-2])
    assert race.form == m.form[-1] == pytest.approx(race.fitness - race.fatigue)
    assert race.top_fitness == m.fitness.max()
    assert race.top_fitness_days_before == m.fitness.size - 1 - m.fitness.argmax()
    alone = performance_manager([80.0]).race_day()
    assert (alone.fitness, alone.fatigue, alone.form) == (0.0, 0.0, 0.0)  # nothing trained before the race


def test_een_taper_van_twee_weken_brengt_de_beste_vorm_vlak_voor_de_wedstrijd_een_te_lange_eerder():
    """Bosquet 2007: about two weeks of taper; four weeks loses fitness and the best form comes too early."""
    two = performance_manager(training_plan(taper_days=14)).race_day()
    four = performance_manager(training_plan(taper_days=28)).race_day()
    assert two.best_form_days_before <= 2 and two.best_form >= two.form > 0
    assert four.best_form_days_before >= 4 and four.form < two.form and four.fitness < two.fitness


def test_de_beste_vorm_komt_uit_de_gevraagde_periode():
    m = performance_manager(training_plan(recovery_every=0))
    for window in (1, 7, 28, 3650):
        race = m.race_day(window_days=window)
        assert race.best_form_days_before <= window
        assert race.best_form == m.form[-1 - min(window, m.form.size - 1):].max()
    with pytest.raises(InputError, match=r"periode voor de beste vorm \(window_days\): 0 dagen"):
        m.race_day(window_days=0)
