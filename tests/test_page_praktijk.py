"""What the pages of the chapter "Praktijk: casussen" say about its clients, from the explorers set to each case,
holds for the models: Ans on the first page (praktijk), Marco and Ricardo on praktijk-zorg, Sanne and Naomi on
praktijk-sport."""

import pytest

from edu import bone, concurrent
from explorers.bone import BoneExplorer as B
from explorers.concurrent import DAY_KEYS, WEEKDAYS
from explorers.concurrent import WeekPlannerExplorer as W
from explorers.explorer import NONE
from explorers.fitness_fatigue import FitnessFatigueExplorer as F
from explorers.glucose import GlucoseExplorer as G
from explorers.hormones import HormoneExplorer as H
from explorers.one_rm import OneRMExplorer as R
from explorers.protein import ProteinExplorer as P
from explorers.training import TrainingVariablesExplorer as V

ZWAAR, MATIG = "vrouw van 68: zwaar trainen (LIFTMOR)", "vrouw van 68: matige krachttraining"
HIP, UNTRAINED = {"site": "femoral_neck"}, {"training": NONE}
ANS15, ANS25 = "68 jaar, 62 kg, 3 × 15 g", "68 jaar, 62 kg, 3 × 25 g"
APART, DIRECT = "hardloopster: kracht en lopen op aparte dagen", "hardloopster: kracht direct na het lopen"
STRENGTH_FIRST = {"day0": "strength+endurance", "day3": "strength+endurance"}
"""Sanne's week with the strength session first on both gym days ("kracht, dan duur")."""
PRE, PRE_DAY = "prediabetes, zonder recente training", "prediabetes, 1 dag na krachttraining"
KNIE = "na een knieoperatie: 30% 1RM"
SAMEN, ZES = "sprintster in één sessie", "sprintster, 6 uur ertussen"
GH, C, T = "growth_hormone", "cortisol", "testosterone"


def bmd(preset, age, **changes):
    """Bone density at ``age`` for the person of a botten preset, % of peak."""
    return bone.bmd_trajectory(age, **B.scenario(preset, **changes)["lifespan"])


def week(preset, **changes):
    return W.result(preset, **changes).adaptation


# Ans (68), osteopenie (praktijk)

def test_ans_wint_in_8_maanden_zware_training_en_daarna_zakt_de_lijn_weer():
    at_68, after_8_months = bmd(ZWAAR, 68), bmd(ZWAAR, 68 + 8 / 12)
    assert bmd(ZWAAR, 68, **UNTRAINED) == at_68 < after_8_months
    assert bmd(ZWAAR, 80) < after_8_months


def test_op_80_heeft_ans_in_de_wervels_met_zware_training_meer_dan_op_68_en_dan_met_matige_training():
    heavy, moderate = B.result(ZWAAR), B.result(MATIG)
    assert bmd(ZWAAR, 68) < bmd(ZWAAR, 80)
    assert moderate.untrained_at_report == heavy.untrained_at_report
    assert 0 < moderate.gain_at_report and heavy.gain_at_report > 2 * moderate.gain_at_report


def test_in_de_dijbeenhals_verliest_ans_sneller_en_zit_ze_op_80_ook_met_training_onder_die_van_68():
    spine_loss = bmd(ZWAAR, 68, **UNTRAINED) - bmd(ZWAAR, 80, **UNTRAINED)
    assert spine_loss < bmd(ZWAAR, 68, **HIP, **UNTRAINED) - bmd(ZWAAR, 80, **HIP, **UNTRAINED)
    assert bmd(ZWAAR, 80, **HIP) < bmd(ZWAAR, 68, **HIP)
    assert 0 < B.result(ZWAAR, **HIP).gain_at_report < B.result(ZWAAR).gain_at_report


def test_ans_heeft_een_verzadigende_dosis_rond_25_g_meer_dan_iemand_van_25_met_hetzelfde_gewicht():
    ans, young = P.result(ANS15), P.result(ANS15, age_years=25)
    assert 15 < ans.saturating_g < 30 and young.saturating_g < ans.saturating_g
    assert ans.share_pct < P.result(ANS25).share_pct


def test_met_3_keer_15_g_is_de_balans_van_ans_opgeteld_negatief_met_3_keer_25_g_positief():
    low, enough = P.result(ANS15).balance, P.result(ANS25).balance
    assert low.net < 0 < enough.net and low.positive_h < enough.positive_h


# Sanne (34), hardloopster (praktijk-sport)

def test_sanne_loopt_in_beide_weekplannen_even_vaak():
    assert W.scenario(APART)["endurance_sessions_per_week"] == W.scenario(DIRECT)["endurance_sessions_per_week"]


def test_haar_vo2max_en_spiermassa_lijden_nauwelijks_direct_na_het_lopen_iets_meer():
    apart, direct = week(APART), week(DIRECT)
    assert min(apart.vo2max, direct.vo2max) > 0.95 and direct.vo2max < apart.vo2max
    assert min(apart.hypertrophy, direct.hypertrophy) > 0.95


def test_met_kracht_eerst_houdt_sanne_haar_maximale_kracht_als_op_aparte_dagen_een_man_niet():
    assert concurrent.DAYS["strength+endurance"].startswith("kracht, dan duur")
    apart, direct, first = week(APART), week(DIRECT), week(DIRECT, **STRENGTH_FIRST)
    assert W.scenario(DIRECT, **STRENGTH_FIRST)["strength_first"]
    assert direct.max_strength < first.max_strength == pytest.approx(apart.max_strength, abs=0.01)
    assert week(DIRECT, **STRENGTH_FIRST, sex="male").max_strength < first.max_strength - 0.1


def test_in_een_sessie_raakt_sanne_ruim_een_kwart_van_haar_explosieve_winst_kwijt_apart_minder_dan_een_tiende():
    apart, direct, first = week(APART), week(DIRECT), week(DIRECT, **STRENGTH_FIRST)
    assert direct.explosive_strength < first.explosive_strength < 0.75
    assert apart.explosive_strength > 0.9
    # the prediction: direct after running, explosive strength suffers most
    assert direct.explosive_strength < min(direct.max_strength, direct.vo2max, direct.hypertrophy)


def test_fietsen_op_aparte_dagen_kost_in_het_model_minder_explosieve_kracht_dan_hardlopen():
    assert week(APART, endurance_modality="cycling").explosive_strength > week(APART).explosive_strength


def test_sannes_1rm_volgens_brzycki_lager_dan_epley_en_haar_gewicht_voor_5_herhalingen_onder_haar_1rm():
    sanne = R.result("45 kg, 8 herhalingen; doel 5")
    assert sanne.one_rm_kg["brzycki"] < sanne.one_rm_kg["epley"]
    assert R.scenario("45 kg, 8 herhalingen; doel 5")["set"]["weight_kg"] < sanne.target_kg["epley"] \
        < sanne.one_rm_kg["epley"]
    weight = R.scenario("45 kg, 8 herhalingen; doel 5")["set"]["weight_kg"]  # the prediction: "een paar kilo zwaarder"
    assert all(0 < sanne.target_kg[f] - weight < 8 for f in ("epley", "brzycki"))


# Marco (45), prediabetes (praktijk-zorg)

def test_een_gezond_persoon_is_na_2_uur_normaal_marco_in_geen_enkele_situatie():
    assert G.result("gezond, zonder recente training").category == "normal"
    marco = [G.result(PRE), G.result(PRE_DAY), G.result(PRE, timing="right_after"), G.result(PRE, timing="2_days")]
    assert all(m.category == "impaired" for m in marco)


def test_direct_na_de_training_het_laagst_een_dag_later_hoger_na_twee_dagen_bijna_als_zonder_training():
    direct, day, two_days = G.result(PRE, timing="right_after"), G.result(PRE_DAY), G.result(PRE, timing="2_days")
    two_hours = [m.meal.two_hour_mmol_l for m in (direct, day, two_days, G.result(PRE))]
    assert two_hours == sorted(two_hours) and len(set(two_hours)) == 4
    assert 0 < two_days.effect.sensitivity_gain_pct < day.effect.sensitivity_gain_pct


def test_het_hba1c_van_marco_daalt_veel_minder_dan_bij_diabetes_en_niet_onder_de_grens_van_normaal():
    marco, diabetes = G.result(PRE).hba1c_change, G.result("diabetes type 2").hba1c_change
    assert diabetes < 3 * marco < 0
    assert G.scenario(PRE)["programme"]["baseline_hba1c_pct"] + marco > 5.7


def test_een_heel_hoog_hba1c_geeft_maar_iets_meer_daling():
    diabetes, high = G.result("diabetes type 2").hba1c_change, G.result("diabetes type 2", baseline_hba1c_pct=12.0)
    assert high.hba1c_change < diabetes and high.hba1c_change / diabetes < 1.5


# Ricardo (31), knieoperatie (praktijk-zorg)

def test_30_procent_1rm_is_te_licht_voor_de_richtlijn_maar_het_volume_klopt():
    checks = V.result(KNIE).checks
    assert checks["load_pct_1rm"].status == "low" and checks["weekly_sets"].status == "ok"


def test_op_30_procent_1rm_groeit_ricardo_bijna_zoveel_als_volgens_de_richtlijn_op_20_procent_veel_minder():
    knee, guideline = V.result(KNIE), V.result("volgens de richtlijn")
    assert 0.75 * guideline.gain_pct < knee.gain_pct < guideline.gain_pct
    assert V.result(KNIE, load_pct_1rm=20).relative_pct < 60 < 80 < knee.relative_pct


def test_twee_herhalingen_in_reserve_kosten_ricardo_weinig_groei():
    knee = V.result(KNIE)
    assert V.scenario(KNIE)["growth"]["reps_in_reserve"] == 0
    assert 0.9 * knee.gain_pct < V.result(KNIE, reps_in_reserve=2).gain_pct < knee.gain_pct


def test_zonder_training_is_de_eiwitbalans_korter_positief_en_opgeteld_negatief():
    still, active = P.result("geen training, 3 maaltijden").balance, P.result("training, 3 maaltijden van 20 g").balance
    assert still.net < 0 < active.net and still.positive_h < active.positive_h


# Naomi (22), sprintster (praktijk-sport)

def test_de_week_van_naomi_in_de_verkenner_is_haar_plan_twee_keer_kracht_en_fietsen_in_een_bezoek():
    # her plan: strength twice a week (her coach), and twice 30 minutes of cycling, in one visit; racing on Saturday
    for preset in (SAMEN, ZES):
        plan = [W.presets[preset][day] for day in DAY_KEYS]
        assert sum("strength" in day for day in plan) == 2 and plan[WEEKDAYS.index("za")] == "rest"
        assert W.scenario(preset)["endurance_sessions_per_week"] == 2
        assert W.presets[preset]["endurance_modality"] == "cycling" and W.presets[preset]["endurance_minutes"] == 30
        assert W.presets[preset]["sex"] == "female" and W.presets[preset]["training_status"] == "athlete"
    assert W.scenario(SAMEN)["hours_between"] == 0 and W.scenario(ZES)["hours_between"] == 6
    assert [W.presets[SAMEN][d] != "rest" for d in DAY_KEYS] == [W.presets[ZES][d] != "rest" for d in DAY_KEYS]


def test_de_taper_van_naomi_rekent_met_haar_vier_trainingen_per_week():
    for preset in ("wedstrijdperiode: taper van 1 week", "taper van 2 weken (50% minder)"):
        assert F.presets[preset]["sessions_per_week"] == 4


def test_naomi_houdt_in_een_sessie_minder_dan_twee_derde_van_haar_explosieve_winst_met_tijd_ertussen_ruim_90():
    same, six = week(SAMEN), week(ZES)
    day = concurrent.relative_adaptation(**W.scenario(ZES) | {"hours_between": 24})
    assert same.explosive_strength < 2 / 3 < 0.9 < six.explosive_strength <= day.explosive_strength
    assert all(a.max_strength > 0.99 for a in (same, six, day))


def test_een_man_van_haar_niveau_verliest_in_een_sessie_wel_maximale_kracht_evenveel_explosieve():
    same, man = week(SAMEN), week(SAMEN, sex="male")
    assert man.max_strength < 0.75 and man.explosive_strength == same.explosive_strength


def test_een_atleet_verliest_in_het_model_meer_explosieve_kracht_dan_een_beginner():
    assert week(SAMEN).explosive_strength < week(SAMEN, training_status="untrained").explosive_strength


def test_korte_rust_en_10_herhalingen_geven_naomi_meer_groeihormoon_en_cortisol_testosteron_blijft_gelijk():
    short, heavy = H.result("vrouw").peaks, H.result("vrouw, 5RM, 3 min rust").peaks
    assert short[GH].peak > heavy[GH].peak > short[GH].rest
    assert short[C].rise_pct > heavy[C].rise_pct
    assert short[T].rise_pct < 1 and heavy[T].rise_pct < 1


def test_zonder_taper_een_negatieve_vorm_twee_weken_geeft_een_betere_vorm_een_week_meer_fitheid():
    none = F.result("12 weken opbouw, geen taper").race
    one, two = F.result("wedstrijdperiode: taper van 1 week").race, F.result("taper van 2 weken (50% minder)").race
    assert none.form < 0 < one.form < two.form
    assert two.fitness < one.fitness < none.fitness
