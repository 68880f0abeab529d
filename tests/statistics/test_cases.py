"""Table-driven cases for the statistics extractor: (text, expected rows).

Expected rows list every span the extractor must return, in order, with the values to check.
An empty list means the text holds no statistic. Known gaps stay visible as strict xfails.
"""
from __future__ import annotations

import pytest

from .helpers import assert_rows


def p(span, value, op="="):
    return (span, {"kind": "p_value", "value": value, "operator": op})


def ci(span, lower, upper, level=0.95):
    return (span, {"kind": "confidence_interval", "lower": lower, "upper": upper, "level": level})


def eff(span, measure, value, op="="):
    return (span, {"kind": "effect_measure", "measure": measure, "value": value, "operator": op})


def msd(span, value, sd, unit=None):
    return (span, {"kind": "mean_sd", "value": value, "sd": sd, "unit": unit})


def med(span, value, lower, upper, measure=None, unit=None):
    return (span, {"kind": "median", "value": value, "lower": lower, "upper": upper, "measure": measure,
                   "unit": unit})


def pct(span, value, op="=", unit="%"):
    return (span, {"kind": "percentage", "value": value, "operator": op, "unit": unit})


def prop(span, x, y):
    return (span, {"kind": "proportion", "value": x, "denominator": y})


def fold(span, value, op="="):
    return (span, {"kind": "fold_change", "value": value, "operator": op})


def het(span, value, unit="%"):
    return (span, {"kind": "heterogeneity", "value": value, "measure": "I2", "unit": unit})


def ts(span, measure, value, df=None):
    return (span, {"kind": "test_statistic", "measure": measure, "value": value, "df": df})


def nnt(span, measure, value):
    return (span, {"kind": "nnt", "measure": measure, "value": value})


def xfail(text, rows, reason):
    return pytest.param(text, rows, marks=pytest.mark.xfail(strict=True, reason=reason))


P_VALUES = [
    ("Skin senescence markers fell (P=0.008) after treatment.", [p("P=0.008", 0.008)]),
    ("Weight loss was greater in women (p<0.01).", [p("p<0.01", 0.01, "<")]),
    ("The difference was significant (P < .002).", [p("P < .002", 0.002, "<")]),
    ("Fatigue scores did not differ (p = NS).", [p("p = NS", None)]),
    ("Mortality was lower in the treated arm (P=0·02).", [p("P=0·02", 0.02)]),
    ("The association was strong (p = 4.1 × 10⁻⁶).", [p("p = 4.1 × 10⁻⁶", 4.1e-6)]),
    ("The variant was associated with risk (p=4.1e-6).", [p("p=4.1e-6", 4.1e-6)]),
    ("The trend reached a p-value of 0.03 in the final model.", [p("p-value of 0.03", 0.03)]),
    ("Anger and depression improved (P=0.011 and P=0.046, respectively).",
     [p("P=0.011", 0.011), p("P=0.046", 0.046)]),
    ("Risk rose across quartiles (P for trend = 0.03).", [p("P for trend = 0.03", 0.03)]),
    ("No modification by sex was seen (P for interaction = 0.41).", [p("P for interaction = 0.41", 0.41)]),
    ("Survival improved markedly (P<0.001).", [p("P<0.001", 0.001, "<")]),
    ("Results were considered significant at p ≤ 0.05 throughout.", [p("p ≤ 0.05", 0.05, "<=")]),
    ("The groups were similar at baseline (P > 0.05).", [p("P > 0.05", 0.05, ">")]),
    ("Scores rose (P = 0.045) at week 12.", [p("P = 0.045", 0.045)]),
    ("Values were compared with a P value of 0.12 for the primary end point.", [p("P value of 0.12", 0.12)]),
    ("The effect was robust (p = 2.3 x 10^-8).", [p("p = 2.3 x 10^-8", 2.3e-8)]),
    ("The lead variant reached genome-wide significance (P = 3 × 10−9).", [p("P = 3 × 10−9", 3e-9)]),
    ("The result held (P=1.2E-5).", [p("P=1.2E-5", 1.2e-5)]),
    ("The gain was large (p = 10−11).", [p("p = 10−11", 1e-11)]),
    ("A significant interaction was found (Pinteraction = 0.02).", [p("Pinteraction = 0.02", 0.02)]),
    ("Risk rose with dose (P-trend < 0.001).", [p("P-trend < 0.001", 0.001, "<")]),
    ("This was not significant (P = n.s.).", [p("P = n.s.", None)]),
    ("Differences in pain (P=0.04) and sleep (P=0.31) are shown.", [p("P=0.04", 0.04), p("P=0.31", 0.31)]),
    ("Cognition and mood improved (P = 0.011 and 0.046, respectively).",
     [p("P = 0.011", 0.011), p("0.046", 0.046)]),
    ("The p value was 0.07 in the sensitivity analysis.", [p("p value was 0.07", 0.07)]),
    ("The P‐value was 0.07 after adjustment.", [p("P‐value was 0.07", 0.07)]),
    ("All comparisons were significant (p<.05).", [p("p<.05", 0.05, "<")]),
    ("Both outcomes improved (P ≥ 0.2 for neither).", [p("P ≥ 0.2", 0.2, ">=")]),
    ("The benefit persisted (P = 0.0077) at follow-up.", [p("P = 0.0077", 0.0077)]),
    ("Significance was set at P<0.05 (two-sided).", [p("P<0.05", 0.05, "<")]),
    ("An impossible value (P = 1.4) was printed.", [(("P = 1.4"), {"kind": "p_value", "value": 1.4,
                                                                  "flags": "p_out_of_range", "consistent": False})]),
    ("Survival did not differ (log-rank P=0.09).", [p("log-rank P=0.09", 0.09)]),
    ("There was heterogeneity across strata (P for heterogeneity = 0.08).",
     [p("P for heterogeneity = 0.08", 0.08)]),
    ("Gene p53 and protein p16 were measured in 12 samples.", []),
    ("See page p. 23 for the protocol.", []),
]

INTERVALS = [
    ("The pooled estimate was RR 1.09 (95% CI 1.01-1.18).", [eff("RR 1.09", "RR", 1.09), ci("95% CI 1.01-1.18", 1.01, 1.18)]),
    ("The mean difference was −0.8 points (95% CI, −1.3 to −0.4).",
     [eff("mean difference was −0.8", "MD", -0.8), ci("95% CI, −1.3 to −0.4", -1.3, -0.4)]),
    ("Risk doubled in exposed women (odds ratio [OR], 3.05; 95% confidence interval [CI], 1.12 to 3.40).",
     [fold("doubled", 2), eff("odds ratio [OR], 3.05", "OR", 3.05),
      ci("95% confidence interval [CI], 1.12 to 3.40", 1.12, 3.40)]),
    ("The change was 0.7 (95% CI: 0.5-0.9).", [ci("95% CI: 0.5-0.9", 0.5, 0.9)]),
    ("The hazard ratio was 0.81 [0.71, 0.93] in the adjusted model.",
     [eff("hazard ratio was 0.81", "HR", 0.81), ci("0.71, 0.93", 0.71, 0.93, None)]),
    ("Death was less frequent (HR 0.77 (0.58–1.04)).", [eff("HR 0.77", "HR", 0.77), ci("0.58–1.04", 0.58, 1.04, None)]),
    ("Bioequivalence held (ratio 0.96; 90% CI 0.83, 1.11).", [ci("90% CI 0.83, 1.11", 0.83, 1.11, 0.90)]),
    ("The posterior mean was 0.42 (95% CrI 0.10 to 0.75).", [ci("95% CrI 0.10 to 0.75", 0.10, 0.75)]),
    ("The effect was 1.2 (95% credible interval 0.9–1.6).", [ci("95% credible interval 0.9–1.6", 0.9, 1.6)]),
    ("The estimate was 2.0 (99% CI 1.1 to 3.6).", [ci("99% CI 1.1 to 3.6", 1.1, 3.6, 0.99)]),
    ("The slope was 0.3 (CI 0.1-0.5).", [ci("CI 0.1-0.5", 0.1, 0.5, None)]),
    ("Weight fell by 4.1 kg (95% CI −5.2 – −3.0).", [ci("95% CI −5.2 – −3.0", -5.2, -3.0)]),
    ("Absolute difference 3.2% (95% CI 1.1% to 5.3%).",
     [pct("3.2%", 3.2), ci("95% CI 1.1% to 5.3%", 1.1, 5.3)]),
    ("Risk rose (OR 1.10, 95% CI [1.01; 1.18]).",
     [eff("OR 1.10", "OR", 1.10), ci("95% CI [1.01; 1.18]", 1.01, 1.18)]),
    ("Diarrhoea rose (HR; 95% CI: 1.19; 0.94–1.50).", []),
    ("Recall rose (95%CI=1.05–1.30).", [ci("95%CI=1.05–1.30", 1.05, 1.30)]),
    ("Its 95% confidence interval was 0.62 to 0.94.", [ci("95% confidence interval was 0.62 to 0.94", 0.62, 0.94)]),
    ("A reversed interval (95% CI 1.40-1.10) was printed.",
     [(("95% CI 1.40-1.10"), {"kind": "confidence_interval", "flags": "ci_reversed", "consistent": False})]),
    ("A 95% confidence level was used for all analyses.", []),
    ("Patients aged 65 to 80 years were eligible.", []),
    ("References [9,10] and [12] support this.", []),
    ("The 95% CI -- was not reported.", []),
]

EFFECTS = [
    ("Recurrence-free survival improved: 1-year RR 1.09 and 3-year RR 1.10.",
     [eff("RR 1.09", "RR", 1.09), eff("RR 1.10", "RR", 1.10)]),
    ("Risk was higher in smokers (HR = 1.7).", [eff("HR = 1.7", "HR", 1.7)]),
    ("The hazard ratio for death was 0.77.", [eff("hazard ratio for death was 0.77", "HR", 0.77)]),
    ("Depression scores fell (SMD −0.35).", [eff("SMD −0.35", "SMD", -0.35)]),
    ("In the full model, adjusted HR 0.81 favoured treatment.", [eff("adjusted HR 0.81", "HR", 0.81)]),
    ("Smoking predicted relapse (aOR 2.1).", [eff("aOR 2.1", "OR", 2.1)]),
    ("The relative risk was 0.62 for fractures.", [eff("relative risk was 0.62", "RR", 0.62)]),
    ("The risk ratio of 1.4 was consistent across subgroups.", [eff("risk ratio of 1.4", "RR", 1.4)]),
    ("The odds ratio was 2.45 for any infection.", [eff("odds ratio was 2.45", "OR", 2.45)]),
    ("Falls were rarer (IRR 0.71).", [eff("IRR 0.71", "IRR", 0.71)]),
    ("The incidence rate ratio was 1.27 in exposed communities.",
     [eff("incidence rate ratio was 1.27", "IRR", 1.27)]),
    ("Systolic pressure fell (MD −4.2 mmHg).", [(("MD −4.2"), {"kind": "effect_measure", "value": -4.2, "unit": "mmHg"})]),
    ("The mean difference was 2.3 points.", [eff("mean difference was 2.3", "MD", 2.3)]),
    ("The weighted mean difference was −1.1 kg.", [eff("weighted mean difference was −1.1", "MD", -1.1)]),
    ("Effects were moderate (Hedges' g = 0.45).", [eff("Hedges' g = 0.45", "SMD", 0.45)]),
    ("The effect size was large (Cohen's d = 0.92).", [eff("Cohen's d = 0.92", "SMD", 0.92)]),
    ("Screening gave an absolute risk reduction of 1.2%.", [(("absolute risk reduction of 1.2"), {"kind": "effect_measure", "measure": "ARR", "value": 1.2, "unit": "%"})]),
    ("Statins gave an RRR of 25%.", [eff("RRR of 25", "RRR", 25.0)]),
    ("Exercise predicted fitness (β = 0.32).", [eff("β = 0.32", "beta", 0.32)]),
    ("Adherence predicted change (beta = −0.12).", [eff("beta = −0.12", "beta", -0.12)]),
    ("Haemoglobin rose with high-dose Epoetin beta: 72.9 (19.4)%.", []),
    ("Infarct size was predicted (β coefficient, 6.80; P = 0.04).",
     [eff("β coefficient, 6.80", "beta", 6.80), p("P = 0.04", 0.04)]),
    ("The primary endpoint was the mean difference in VAS scores at 1-min after injection.", []),
    ("Apelin correlated with stiffness (r = −0.51).", [eff("r = −0.51", "r", -0.51)]),
    ("Intake correlated with levels (r = 0.42, P < 0.001).", [eff("r = 0.42", "r", 0.42), p("P < 0.001", 0.001, "<")]),
    ("Scores were related (Spearman's rho = 0.38).", [eff("Spearman's rho = 0.38", "r", 0.38)]),
    ("Risk of stroke fell (hazard ratio [HR] 0.67).", [eff("hazard ratio [HR] 0.67", "HR", 0.67)]),
    ("The pooled odds ratio (OR) was 1.85.", [eff("pooled odds ratio (OR) was 1.85", "OR", 1.85)]),
    ("The adjusted OR was 0.94 for less than 2 years and 0.71 for more than 5 years of use.",
     [eff("adjusted OR was 0.94", "OR", 0.94), eff("0.71", "OR", 0.71)]),
    ("Lipophilic statins did better (odds ratio 0.78 vs 0.90).",
     [eff("odds ratio 0.78", "OR", 0.78), eff("0.90", "OR", 0.90)]),
    ("The between-group difference was 7.6 units.", [eff("between-group difference was 7.6", "MD", 7.6)]),
    ("Physical violence was less likely (OR 0.37, p<0.001).",
     [eff("OR 0.37", "OR", 0.37), p("p<0.001", 0.001, "<")]),
    ("Risk was unchanged (RR 1.0).", [eff("RR 1.0", "RR", 1.0)]),
    ("The mortality HR was 1.33 in the standard arm.", [eff("HR was 1.33", "HR", 1.33)]),
    ("Resting HR 72 bpm and RR 16/min were recorded.", []),
    ("Adherence was better (OR > 1) or worse (OR < 1) in the intervention arm.", []),
    ("The sample size assumed α = 0.05 and β = 0.2 with an expected mean difference of 0.5.", []),
    ("Power analysis used 1-β = 0.80.", []),
    ("Heart rate was measured every 24 hr or when needed.", []),
    ("Take it with food or water.", []),
    ("The number needed to treat was 12.", [nnt("number needed to treat was 12", "NNT", 12.0)]),
    ("Benefit was clear (NNT 8).", [nnt("NNT 8", "NNT", 8.0)]),
    ("Harm was rare (NNH = 45).", [nnt("NNH = 45", "NNH", 45.0)]),
    ("Treating would prevent one event (number needed to treat of 20).",
     [nnt("number needed to treat of 20", "NNT", 20.0)]),
    ("A negative ratio (OR −0.4) was misprinted.",
     [(("OR −0.4"), {"kind": "effect_measure", "flags": "ratio_nonpositive", "consistent": False})]),
    ("Length of stay was median, 14 [IQR, 9-21] days.", [med("median, 14 [IQR, 9-21]", 14.0, 9.0, 21.0, "IQR")]),
    ("Results: OR (95% CI) 1.52 (1.10–2.09) for smokers.",
     [eff("OR (95% CI) 1.52", "OR", 1.52), ci("1.10–2.09", 1.10, 2.09, None)]),
]

DESCRIPTIVES = [
    ("Women lost 2.6±3.8 kg after 9 months.", [msd("2.6±3.8 kg", 2.6, 3.8, "kg")]),
    ("Tumours shrank by 57±23% on average.", [msd("57±23%", 57.0, 23.0, "%")]),
    ("Peak velocity was 1.12 ± 0.30 vs 1.05 ± 0.28 m/s.",
     [msd("1.12 ± 0.30", 1.12, 0.30, "m/s"), msd("1.05 ± 0.28 m/s", 1.05, 0.28, "m/s")]),
    ("Baseline values are given as mean (SD). Age was 54.2 (8.1) years.",
     [msd("54.2 (8.1) years", 54.2, 8.1, "years")]),
    ("Values are mean (SD): weight 81.2 (12.4) kg and height 170 (9) cm.",
     [msd("81.2 (12.4) kg", 81.2, 12.4, "kg"), msd("170 (9) cm", 170.0, 9.0, "cm")]),
    ("The mean age 54.2 (8.1) was similar across arms.", [msd("54.2 (8.1)", 54.2, 8.1)]),
    ("Bleeding episodes fell from 2.09±1.04 to 1.00±0.75 per month.",
     [msd("2.09±1.04", 2.09, 1.04), msd("1.00±0.75", 1.00, 0.75)]),
    ("Scores averaged a mean of 12.3 (4.5) points.", [msd("mean of 12.3 (4.5) points", 12.3, 4.5, "points")]),
    ("Scores were 12.3 (SD 4.5) at baseline.", [msd("12.3 (SD 4.5)", 12.3, 4.5)]),
    ("Scores were 12.3 (SD = 4.5) at baseline.", [msd("12.3 (SD = 4.5)", 12.3, 4.5)]),
    ("Data are mean ± SE; levels were 3.1 ± 0.4 ng/mL.",
     [(("3.1 ± 0.4 ng/mL"), {"kind": "mean_sd", "value": 3.1, "sd": 0.4, "unit": "ng/mL", "measure": "SE"})]),
    ("Mean age was 65.8 ± 14.4 years.", [msd("65.8 ± 14.4 years", 65.8, 14.4, "years")]),
    ("Body mass index was 23.4 ± 3.2 kg/m2 at entry.", [msd("23.4 ± 3.2 kg/m2", 23.4, 3.2, "kg/m2")]),
    ("Fat fell to 17.7 ± 8.1% during fasting.", [msd("17.7 ± 8.1%", 17.7, 8.1, "%")]),
    ("HbA1c was 7.2 +/- 1.1% at entry.", [msd("7.2 +/- 1.1%", 7.2, 1.1, "%")]),
    ("A misprinted value 5.0 ± −1.0 mg was found.",
     [(("5.0 ± −1.0 mg"), {"kind": "mean_sd", "sd": -1.0, "flags": "negative_sd", "consistent": False})]),
    ("Twelve sites enrolled 12 (4) participants in 2019 (3).", []),
    ("Age, mean (SD) 60.1 (6.2); women, n (%) 572 (52.7).", [msd("60.1 (6.2)", 60.1, 6.2)]),
    ("Median survival was reached (median 14 (IQR 9-21)).", [med("median 14 (IQR 9-21)", 14.0, 9.0, 21.0, "IQR")]),
    ("Patients were followed for a median of 6.5 months (range 2-19).",
     [med("median of 6.5 months (range 2-19)", 6.5, 2.0, 19.0, "range", "months")]),
    ("The median age was 62 years (interquartile range, 55 to 70).",
     [med("62 years (interquartile range, 55 to 70)", 62.0, 55.0, 70.0, "IQR", "years")]),
    ("Values are median (IQR). Length of stay was 5 (3–8) days.",
     [med("5 (3–8)", 5.0, 3.0, 8.0, "IQR")]),
    ("The median age of 0.7 year (IQR 0.5–2.3 years) was recorded.",
     [med("median age of 0.7 year (IQR 0.5–2.3 years)", 0.7, 0.5, 2.3, "IQR", "year")]),
    ("Patients were followed for a median follow-up of 9.2 years (IQR 6.1-11.8).",
     [med("median follow-up of 9.2 years (IQR 6.1-11.8)", 9.2, 6.1, 11.8, "IQR", "years")]),
    ("Median adherence to capsules was 96% (range 81-100).",
     [med("96% (range 81-100)", 96.0, 81.0, 100.0, "range", "%")]),
    ("Walking distance improved by a mean of 21.5 m (SD 35.2).",
     [msd("mean of 21.5 m (SD 35.2)", 21.5, 35.2, "m")]),
    ("The score fell from 12.3 (4.5) to 11.4 (4.1) in the treated group.",
     [msd("12.3 (4.5)", 12.3, 4.5), msd("11.4 (4.1)", 11.4, 4.1)]),
    ("Disposal rose from 38.2 (11.4) to 47.9 (13.0) µmol/kg fat-free mass/min.",
     [msd("38.2 (11.4)", 38.2, 11.4, "µmol/kg fat-free mass/min"),
      msd("47.9 (13.0) µmol/kg fat-free mass/min", 47.9, 13.0, "µmol/kg fat-free mass/min")]),
    ("Symptoms were fewer (M = 9.99, SD = 0.93) at follow-up.", [msd("M = 9.99, SD = 0.93", 9.99, 0.93)]),
    ("Values are mean [standard deviation]: −30.9 [36.3] and 0.0 [22.7].",
     [msd("−30.9 [36.3]", -30.9, 36.3), msd("0.0 [22.7]", 0.0, 22.7)]),
    ("VO2max rose by 1.6 ± 1.8 mL/kg/minute.", [msd("1.6 ± 1.8 mL/kg/minute", 1.6, 1.8, "mL/kg/minute")]),
    ("Levels rose to 0.63±0.19 µM after dosing.", [msd("0.63±0.19 µM", 0.63, 0.19, "µM")]),
    ("Time to response had median 21 days [IQR 14–35].", [med("median 21 days [IQR 14–35]", 21.0, 14.0, 35.0, "IQR", "days")]),
    ("The standard deviation was reported separately: mean 12.3, SD 4.5.", [msd("12.3, SD 4.5", 12.3, 4.5)]),
    ("Mean age was 64.1 years, SD 7.2 years, in the cohort.",
     [msd("64.1 years, SD 7.2 years", 64.1, 7.2, "years")]),
    ("The mean was 3.2; standard error 0.4.",
     [(("3.2; standard error 0.4"), {"kind": "mean_sd", "value": 3.2, "sd": 0.4, "measure": "SE"})]),
    ("Mean 12.3, range 4-20 was reported.", []),
    ("Mean scores were 12 in 2019, SD software 4 was used.", []),
]

# "12.3 (4.5)" without the word "mean" in the sentence: a convention declared elsewhere in the
# document, a mean cue carried along a coordinated list, or a listing of scores
MEAN_SD_CONTEXT = [
    ("Baseline HAM-D scores were 22.1 (4.0) and 21.8 (4.3), respectively.",
     [msd("22.1 (4.0)", 22.1, 4.0), msd("21.8 (4.3)", 21.8, 4.3)]),
    ("Mean age was 61.2 (8.4) years in the drug group and 60.7 (9.1) years in the placebo group.",
     [msd("61.2 (8.4) years", 61.2, 8.4, "years"), msd("60.7 (9.1) years", 60.7, 9.1, "years")]),
    ("At week 12, scores had fallen to 9.4 (5.0) in the exercise group and to 12.2 (5.6) in controls.",
     [msd("9.4 (5.0)", 9.4, 5.0), msd("12.2 (5.6)", 12.2, 5.6)]),
    ("Fatigue ratings were 3.8 (1.1), 4.0 (1.3) and 3.5 (0.9) in the three arms.",
     [msd("3.8 (1.1)", 3.8, 1.1), msd("4.0 (1.3)", 4.0, 1.3), msd("3.5 (0.9)", 3.5, 0.9)]),
    ("Values are mean (SD) unless stated otherwise.\nAt week 12, weight was 80.1 (10.2) kg.",
     [msd("80.1 (10.2) kg", 80.1, 10.2, "kg")]),
    ("Data are presented as mean (SD).\nParticipants were older adults.\nGrip strength was 28.4 (6.1) kg.",
     [msd("28.4 (6.1) kg", 28.4, 6.1, "kg")]),
    ("Scores are given as M (SD).\nAnxiety fell to 31.5 (7.7) after the course.",
     [msd("31.5 (7.7)", 31.5, 7.7)]),
    ("Table 2. Outcomes, mean (SD)\nThe change in HbA1c was −0.6 (1.9) with the drug.",
     [msd("−0.6 (1.9)", -0.6, 1.9)]),
    ("Values are mean (SD).\nThe change in pain was 0.4 (1.6) points.", [msd("0.4 (1.6) points", 0.4, 1.6, "points")]),
    ("Data are expressed as mean ± standard deviation.\n\nResults.\nScores fell to 12.1 (3.2) in the app arm.",
     [msd("12.1 (3.2)", 12.1, 3.2)]),
    ("Means and SDs are shown.\nScores fell to 12.1 (3.2) in the app arm.", [msd("12.1 (3.2)", 12.1, 3.2)]),
    ("Data are mean (SEM).\n\nMethods.\nLevels were 4.1 (0.3) ng/mL at day 3.",
     [(("4.1 (0.3) ng/mL"), {"kind": "mean_sd", "value": 4.1, "sd": 0.3, "unit": "ng/mL", "measure": "SE"})]),
    ("The mean HAM-D score was 22.1 (4.0) in the drug group, 21.8 (4.3) in the placebo group and 23.0 (4.1) "
     "in the third group.", [msd("22.1 (4.0)", 22.1, 4.0), msd("21.8 (4.3)", 21.8, 4.3), msd("23.0 (4.1)", 23.0, 4.1)]),
    ("BMI was 27.1 (4.2) kg/m2 and 26.8 (3.9) kg/m2.",
     [msd("27.1 (4.2) kg/m2", 27.1, 4.2, "kg/m2"), msd("26.8 (3.9) kg/m2", 26.8, 3.9, "kg/m2")]),
    # must not emit: no cue, counts with percentages, years, references, positions, counts of units
    ("Scores were 22.1 (4.0) at baseline.", []),
    ("Deaths were 12 (4.1) and 15 (5.2) in the two groups.", []),
    ("Events were 12 (4) and 15 (6).", []),
    ("Of these, 12 (8.5%) had infections.", [pct("8.5%", 8.5)]),
    ("Values are mean (SD).\nThe trial began in 2019 (5) and closed in 2021 (6).", []),
    ("Values are mean (SD).\nThis agrees with earlier work (3) and with Table 2 (A).", []),
    ("Values are mean (SD).\nThe visit at week 12 (3) was missed; phase 2 (4) was skipped.", []),
    ("Values are mean (SD).\nThe cohort included 120 (45) patients and n = 40 (12).", []),
    ("Values are mean (SD).\nWe saw 12 (31) events in the year.", []),
    ("Values are mean (SD).\nAfter 6 (3) months, 2 (1) doses had been given.", []),
    ("Values are mean (SD).\n\nMethods.\nParticipants received 2 (1) doses; follow-up ended 6 (3) months later.", []),
    ("Data are mean (SD) or n (%).\nAt baseline 14 (45.2) were women.", []),
    ("Values are mean (SD).\nA misprint gave 4.1 (−1.2) for one arm.", []),
    ("Outcomes were assessed at week 12 (day 84) and week 24 (day 168).", []),
    ("Median scores were 14 (9) and 12 (8) in the two arms.", []),
]

PERCENTAGES = [
    ("Of the treated patients, 74.3% recovered.", [pct("74.3%", 74.3)]),
    ("Serious events occurred in <1% of users.", [pct("<1%", 1.0, "<")]),
    ("Recovery was seen in 52 of 70 patients.", [prop("52 of 70", 52.0, 70)]),
    ("Responders: 37/148 (25.0%).", [prop("37/148", 37.0, 148), pct("25.0%", 25.0)]),
    ("Five of the 9 responded, i.e. 6 of 12 in the pooled set.",
     [prop("Five of the 9", 5.0, 9), prop("6 of 12", 6.0, 12)]),
    ("Risk of bias was high in 7 of the 11 studies.", [prop("7 of the 11", 7.0, 11)]),
    ("Healing was complete in 50.0% vs 16.7% of ulcers.", [pct("50.0%", 50.0), pct("16.7%", 16.7)]),
    ("Uptake rose by 5 percentage points.", [pct("5 percentage points", 5.0, unit="percentage points")]),
    ("Retention improved by 3.5 % points.", [pct("3.5 % points", 3.5, unit="percentage points")]),
    ("Of these, 12 (8.5%) had infections.", [pct("8.5%", 8.5)]),
    ("Invasion fell; rapamycin reduced invasion by 93%.", [pct("93%", 93.0)]),
    ("Synthesis fell by approximately 40%.", [pct("40%", 40.0)]),
    ("Synthesis fell by ~40%.", [pct("40%", 40.0)]),
    ("More than 50% of participants finished.", [pct("50%", 50.0, ">")]),
    ("Less than 5% dropped out.", [pct("5%", 5.0, "<")]),
    ("At least 30% improved.", [pct("30%", 30.0, ">=")]),
    ("A reduction of ≥ 30% was defined as response.", [pct("≥ 30%", 30.0, ">=")]),
    ("About 74 percent of users were women.", [pct("74 percent", 74.0)]),
    ("Almost half (48 per cent) completed it.", [pct("48 per cent", 48.0)]),
    ("Recovery occurred in 74.3% of treated patients (52 of 70).",
     [(("74.3%"), {"kind": "percentage", "linked_ids": [1], "consistent": True}),
      (("52 of 70"), {"kind": "proportion", "linked_ids": [0], "consistent": True})]),
    ("Recovery occurred in 64.3% of treated patients (52 of 70).",
     [(("64.3%"), {"kind": "percentage", "flags": "percentage_mismatch", "consistent": False}),
      (("52 of 70"), {"kind": "proportion", "flags": "percentage_mismatch"})]),
    ("Responders, n/N (%): 12/40 (30.0%) vs 8/40 (20.0%).",
     [prop("12/40", 12.0, 40), pct("30.0%", 30.0), prop("8/40", 8.0, 40), pct("20.0%", 20.0)]),
    ("Suppression was seen in 40/53 patients.", [prop("40/53", 40.0, 53)]),
    ("Viral load <50 copies: 75% (40/53) vs 83% (44/53).",
     [pct("75%", 75.0), prop("40/53", 40.0, 53), pct("83%", 83.0), prop("44/53", 44.0, 53)]),
    ("Rates of 15% vs 57% were observed.", [(("15%"), {"kind": "percentage", "linked_ids": [1]}),
                                            (("57%"), {"kind": "percentage", "linked_ids": [0]})]),
    ("Rates were 20–30% in adults.", [pct("20", 20.0), pct("30%", 30.0)]),
    ("Prevalence ranged from 2.4% to 19.8%.", [pct("2.4%", 2.4), pct("19.8%", 19.8)]),
    ("Response rates were 48, 71, and 63 % in the three arms.", [pct("48", 48.0), pct("71", 71.0), pct("63 %", 63.0)]),
    ("Four-year survival was 64 and 85% respectively.", [pct("64", 64.0), pct("85%", 85.0)]),
    ("Relapse occurred in 24 versus 18 % of women.", [pct("24", 24.0), pct("18 %", 18.0)]),
    ("At 12 months, 30% had relapsed.", [pct("30%", 30.0)]),
    ("Topical rapamycin 0.1% cream was applied twice daily.", []),
    ("Volunteers applied 0.1% rapamycin cream to one hand.", []),
    ("Tacrolimus ointments are used at 0.03% to 0.1% in children.", []),
    ("The cream was effective at reducing lesions in 60% of patients.", [pct("60%", 60.0)]),
    ("Cells were kept at 5% CO2 and 37 °C.", []),
    ("Males were 30/47 (63 · 9 %) in one group.", [prop("30/47", 30.0, 47)]),
    ("Block with 0.25% bupivacaine was given.", []),
    ("On day 5 of 28 the dose was reduced.", []),
    ("Table 2 of 4 lists the outcomes.", []),
    ("The visit was on 12/05/2019 at the clinic.", []),
    ("The dose was 1/2 tablet at night.", []),
    ("One of the participants withdrew.", []),
    ("A percentage over 100 is impossible: 120% of patients (12 of 10).", [pct("120%", 120.0)]),
    ("Adverse events occurred in 9 of 120 (7.5%) participants.",
     [prop("9 of 120", 9.0, 120), pct("7.5%", 7.5)]),
]

FOLDS = [
    ("CD8+ T cells increased by 8-fold.", [fold("8-fold", 8.0)]),
    ("Expression showed a 1.8-fold increase.", [fold("1.8-fold", 1.8)]),
    ("Levels nearly tripled after dosing.", [fold("tripled", 3)]),
    ("The risk doubled in carriers.", [fold("doubled", 2)]),
    ("Plaque burden was halved.", [fold("halved", 0.5)]),
    ("A two-fold rise was noted.", [fold("two-fold", 2)]),
    ("A twofold rise was noted.", [fold("twofold", 2)]),
    ("A threefold higher risk was seen.", [fold("threefold", 3)]),
    ("Cell counts rose 3 fold.", [fold("3 fold", 3.0)]),
    ("Activity rose more than 10-fold.", [fold("10-fold", 10.0, ">")]),
    ("Counts quadrupled over a year.", [fold("quadrupled", 4)]),
    ("The rate was 2.5 times higher in smokers.", [fold("2.5 times", 2.5)]),
    ("Smokers were three times as likely to relapse.", [fold("three times", 3)]),
    ("Sessions were held three times a week.", []),
    ("Tablets were taken 2 times daily.", []),
    ("T cells rose 8-fold (p=0.005).", [fold("8-fold", 8.0),
                                         (("p=0.005"), {"kind": "p_value", "value": 0.005, "estimate_id": 0})]),
    ("A double-blind trial doubled down on safety reporting.", [fold("doubled", 2)]),
    ("A double-blind, placebo-controlled trial was run.", []),
    ("A manifold of outcomes was studied.", []),
    ("IL-6 fell by half in kidney.", [fold("half", 0.5)]),
    ("Signalling was reduced by about half.", [fold("half", 0.5)]),
    ("Regrowth covered roughly twice the area.", [fold("twice", 2)]),
    ("Half of all adults have dandruff.", []),
    ("In half of the practices the guideline was applied.", []),
    ("Relapses were cut in half.", [fold("half", 0.5)]),
    ("The cream was applied twice daily.", []),
    ("A fourfold titre response was the primary outcome.", []),
    ("Seroconversion was a ≥4-fold rise in antibodies.", []),
]

TESTS = [
    ("Heterogeneity was moderate (I² = 48%).", [het("I² = 48%", 48.0)]),
    ("Heterogeneity was moderate (I2=48%).", [het("I2=48%", 48.0)]),
    ("Heterogeneity was low (I^2 = 12%).", [het("I^2 = 12%", 12.0)]),
    ("The I2 statistic was 75% across studies.", [het("I2 statistic was 75%", 75.0)]),
    ("Trials were consistent (I-squared = 0%).", [het("I-squared = 0%", 0.0)]),
    ("Groups differed, t(28) = 2.2.", [ts("t(28) = 2.2", "t", 2.2, "28")]),
    ("An effect of group emerged, F(2, 45) = 3.1.", [ts("F(2, 45) = 3.1", "F", 3.1, "2, 45")]),
    ("Distributions differed (χ2 = 4.2).", [ts("χ2 = 4.2", "chi2", 4.2)]),
    ("Distributions differed (χ²(1) = 4.2).", [ts("χ²(1) = 4.2", "chi2", 4.2, "1")]),
    ("The standardised score was z = 2.5.", [ts("z = 2.5", "z", 2.5)]),
    ("The test gave Z = −2.14.", [ts("Z = −2.14", "z", -2.14)]),
    ("Independence was rejected (chi-square = 9.8).", [ts("chi-square = 9.8", "chi2", 9.8)]),
    ("The movement effect was small (χ2(1) = 1.3, p = 0.25).",
     [ts("χ2(1) = 1.3", "chi2", 1.3, "1"), p("p = 0.25", 0.25)]),
    ("Samples were drawn at t = 0 h and 24 h.", []),
    ("Incubation at T = 37 was done.", []),
]

MUST_NOT_EMIT = [
    ("The trial started in 2019 and ended in March 2021.", []),
    ("It was published on 3 June 2020.", []),
    ("Autophagy promotes anagen entry [9].", []),
    ("Autophagy promotes anagen entry [9,10].", []),
    ("Mice gained weight¹² in earlier work.", []),
    ("See section 2.3 for methods.", []),
    ("As shown in Figure 4 and Table 2, outcomes varied.", []),
    ("Sirolimus 2 mg/day was given for 6 months.", []),
    ("Rapamycin was taken at 6 mg/week for 48 weeks.", []),
    ("After 9 months, women had lost weight.", []),
    ("Adults aged 65 to 80 years were enrolled.", []),
    ("The study enrolled n = 36 participants.", []),
    ("A Phase 3 trial is planned.", []),
    ("Grade 3-4 events were rare.", []),
    ("Tier 2 evidence was moderate.", []),
    ("The session started at 10:30 each day.", []),
    ("Version 1.2.3 of the software was used.", []),
    ("We enrolled 36 participants and 19 were lost to follow-up.", []),
    ("Participants took 1.5 g of the supplement daily.", []),
    ("Doses ranged from 2 to 6 mg.", []),
    ("Over 90 days, 17 patients completed the protocol.", []),
    ("The rapamycin-FKBP12 complex inhibits mTORC1.", []),
    ("The SF-36 and EQ-5D scores were collected.", []),
    ("The IL-6 level was measured at visit 3.", []),
    ("Patients (n=9-10) were followed.", []),
    ("Chapter 4, page 12, line 3.", []),
    ("Items 1.1-1.5 of the checklist were met.", []),
    ("ISBN 978-3-16-148410-0 was cited.", []),
    ("Call 555-1234 to book.", []),
    ("CD4+ T cells and CD8+ T cells were counted.", []),
    ("Stage 2 hypertension was excluded.", []),
    ("The trial (NCT01234567) is registered.", []),
    ("Blood was drawn at 08:00 after a 12-h fast.", []),
    ("They received 40 mg daily for 12 weeks.", []),
    ("In 2019, 12 centres joined.", []),
    ("A p16INK4A staining protocol was used.", []),
    ("The COVID-19 pandemic delayed enrolment.", []),
    ("Type 2 diabetes was common.", []),
    ("The BMI cut-off was 30 kg/m2.", []),
    ("An 8-week course of 5 sessions was offered.", []),
]

MIXED = [
    ("Topical rapamycin reduced p16INK4A expression (P=0.008) and increased collagen VII (P=0.0077).",
     [p("P=0.008", 0.008), p("P=0.0077", 0.0077)]),
    ("In a pilot study, 74.3% of patients (52 of 70) recovered over 90 days at 6 mg/week (n=86 enrolled).",
     [pct("74.3%", 74.3), prop("52 of 70", 52.0, 70)]),
    ("Survival improved: 1-year RR 1.09 (95% CI 1.01-1.18) and 3-year RR 1.10 (95% CI 1.01-1.21).",
     [eff("RR 1.09", "RR", 1.09), ci("95% CI 1.01-1.18", 1.01, 1.18),
      eff("RR 1.10", "RR", 1.10), ci("95% CI 1.01-1.21", 1.01, 1.21)]),
    ("Overall survival improved at 1-year (RR 1.07), 3-year (RR 1.10), and 5-year (RR 1.18).",
     [eff("RR 1.07", "RR", 1.07), eff("RR 1.10", "RR", 1.10), eff("RR 1.18", "RR", 1.18)]),
    ("Lower TSH predicted cancer (OR = 0.70, 95% CI: 0.51–0.97, p = 0.03).",
     [eff("OR = 0.70", "OR", 0.70), ci("95% CI: 0.51–0.97", 0.51, 0.97), p("p = 0.03", 0.03)]),
    ("A pooled analysis (I² = 48%, P for heterogeneity = 0.06) found HR 0.85 (95% CI 0.75–0.96).",
     [het("I² = 48%", 48.0), p("P for heterogeneity = 0.06", 0.06), eff("HR 0.85", "HR", 0.85),
      ci("95% CI 0.75–0.96", 0.75, 0.96)]),
    ("Processing speed improved after 6 months of sirolimus 2 mg/day (P=0.031), with 5 of 9 participants improving.",
     [p("P=0.031", 0.031), prop("5 of 9", 5.0, 9)]),
    ("Counts of 1,204 cells (12.5%) were seen.", [pct("12.5%", 12.5)]),
    ("mTOR inhibitors gave an average 57±23% size reduction in 48 patients across 31 studies, with 89.5% success.",
     [msd("57±23%", 57.0, 23.0, "%"), pct("89.5%", 89.5)]),
    ("Weight loss was 2.6±3.8 kg after 9 months versus placebo, greater in women than men (p<0.01).",
     [msd("2.6±3.8 kg", 2.6, 3.8, "kg"), p("p<0.01", 0.01, "<")]),
    ("Approximately 70% reduction in markers and roughly 50% reduction in mass over 48 weeks (n=8).",
     [pct("70%", 70.0), pct("50%", 50.0)]),
    ("A 20% enhancement in vaccine response was seen.", [pct("20%", 20.0)]),
    ("It fell by 82% in human tissue and by 93% in rats.", [pct("82%", 82.0), pct("93%", 93.0)]),
    ("Response was 3-fold higher (p=0.025) in 12 of 20 mice.",
     [fold("3-fold", 3.0), p("p=0.025", 0.025), prop("12 of 20", 12.0, 20)]),
]

TABLES = [
    ("Table 1. Outcomes (mean ± SD)\nOutcome | Drug (n=20) | Placebo (n=20) | P\n"
     "Pain score | 3.1 ± 1.2 | 4.4 ± 1.5 | 0.004\nFatigue | 2.0 ± 0.9 | 2.2 ± 1.0 | <0.001\n"
     "Any adverse event, n (%) | 4 (20.0) | 3 (15.0) | 0.68\n",
     [msd("3.1 ± 1.2", 3.1, 1.2), msd("4.4 ± 1.5", 4.4, 1.5), p("0.004", 0.004),
      msd("2.0 ± 0.9", 2.0, 0.9), msd("2.2 ± 1.0", 2.2, 1.0), p("<0.001", 0.001, "<"),
      pct("20.0", 20.0), pct("15.0", 15.0), p("0.68", 0.68)]),
    ("Baseline characteristics, mean (SD)\n| Variable | Treated | Control | P value |\n|---|---|---|---|\n"
     "| Age, years | 61.2 (5.3) | 60.4 (6.1) | 0.52 |\n| BMI | 27.0 (3.1) | 26.8 (2.9) | 0.77 |\n",
     [msd("61.2 (5.3)", 61.2, 5.3), msd("60.4 (6.1)", 60.4, 6.1), p("0.52", 0.52),
      msd("27.0 (3.1)", 27.0, 3.1), msd("26.8 (2.9)", 26.8, 2.9), p("0.77", 0.77)]),
    ("| Group | Count | Year |\n| A | 12 (4) | 2019 |\n| B | 3 (1) | 2020 |\n", []),
    ("Arm | n | P\nA | 20 | 1.5\nB | 18 | NA\n", []),
]

LINKS = [
    ("Mortality fell (HR 0.70; 95% CI 0.55-0.89; P = 0.004).",
     [(("HR 0.70"), {"kind": "effect_measure"}),
      (("95% CI 0.55-0.89"), {"estimate_id": 0, "ci_contains_estimate": True, "consistent": True}),
      (("P = 0.004"), {"estimate_id": 0, "consistent": True})]),
    ("Mortality fell (HR 0.70; 95% CI 0.55-0.89; P = 0.40).",
     [(("HR 0.70"), {"kind": "effect_measure"}),
      (("95% CI 0.55-0.89"), {"estimate_id": 0, "flags": "p_inconsistent", "consistent": False}),
      (("P = 0.40"), {"estimate_id": 0, "flags": "p_inconsistent", "consistent": False})]),
    ("Falls dropped (RR 0.80, 95% CI 0.70 to 0.95, P<0.05).",
     [(("RR 0.80"), {}), (("95% CI 0.70 to 0.95"), {"estimate_id": 0, "consistent": True}),
      (("P<0.05"), {"estimate_id": 0, "consistent": True})]),
    ("Falls dropped (RR 0.80, 95% CI 0.70 to 0.95, P<0.001).",
     [(("RR 0.80"), {}), (("95% CI 0.70 to 0.95"), {"flags": "p_inconsistent"}),
      (("P<0.001"), {"estimate_id": 0, "flags": "p_inconsistent", "consistent": False})]),
    ("The risk was RR 1.50 (95% CI 1.60-2.00).",
     [(("RR 1.50"), {}), (("95% CI 1.60-2.00"), {"estimate_id": 0, "ci_contains_estimate": False,
                                                 "flags": "ci_excludes_estimate", "consistent": False})]),
    ("Pain fell (MD −1.0, 95% CI −1.5 to −0.5, P < 0.001).",
     [(("MD −1.0"), {}), (("95% CI −1.5 to −0.5"), {"estimate_id": 0, "consistent": True}),
      (("P < 0.001"), {"estimate_id": 0, "consistent": True})]),
    ("Pain fell (MD −1.0, 95% CI −1.5 to −0.5, P = 0.30).",
     [(("MD −1.0"), {}), (("95% CI −1.5 to −0.5"), {"consistent": False}),
      (("P = 0.30"), {"estimate_id": 0, "flags": "p_inconsistent"})]),
    ("The effect was strongest in women (HR 0.62; 95% CI 0.45–0.85; P for interaction = 0.04).",
     [(("HR 0.62"), {}), (("95% CI 0.45–0.85"), {"estimate_id": 0, "recomputed_p": None}),
      (("P for interaction = 0.04"), {"estimate_id": None, "recomputed_p": None, "consistent": None})]),
    ("No estimate is tied to this value (P = 0.03) in the text.",
     [(("P = 0.03"), {"estimate_id": None, "recomputed_p": None, "consistent": None})]),
    ("Aggravation was rarer with the herb (3%; 1 of 37) than with placebo (18%; 7 of 39).",
     [(("3%"), {"linked_ids": [1], "consistent": True}), (("1 of 37"), {"linked_ids": [0]}),
      (("18%"), {"linked_ids": [3], "consistent": True}), (("7 of 39"), {"linked_ids": [2]})]),
    ("Quitting was detected in 780 of 1000 trials, whereas curing rose to 40.5%.",
     [(("780 of 1000"), {"linked_ids": None}), (("40.5%"), {"linked_ids": None, "consistent": None})]),
    ("Troponin rose in 2.6% vs. 3.3% (P = 0.475; 90% CI −2.5–1.0).",
     [(("2.6%"), {}), (("3.3%"), {}), (("P = 0.475"), {}),
      (("90% CI −2.5–1.0"), {"estimate_id": None, "ci_contains_estimate": None})]),
    ("Resistin fell from 4.3 ± 1.5 to 2.9 ± 0.8 ng/ml (95% CI −1.87, −1.03).",
     [(("4.3 ± 1.5"), {}), (("2.9 ± 0.8 ng/ml"), {}), (("95% CI −1.87, −1.03"), {"estimate_id": None})]),
    ("Remission was 74% (95% CI 60-85%).", [(("74%"), {}), (("95% CI 60-85%"), {"estimate_id": 0,
                                                                               "ci_contains_estimate": True})]),
    ("Uptake rose from 24.7% to 31.6%.",
     [(("24.7%"), {"linked_ids": [1]}), (("31.6%"), {"linked_ids": [0]})]),
]

# Cohen's d / Hedges' g written as a bare letter
BARE_SMD = [
    ("Groups differed, t(118) = 2.41, p = .017, d = 0.31.",
     [ts("t(118) = 2.41", "t", 2.41, "118"), p("p = .017", 0.017), eff("d = 0.31", "SMD", 0.31)]),
    ("The effect was moderate (d = 0.58).", [eff("d = 0.58", "SMD", 0.58)]),
    ("The effect size was g = 0.42 in favour of training.", [eff("g = 0.42", "SMD", 0.42)]),
    ("Fatigue improved more with yoga than with stretching (d = −0.47, P = 0.01).",
     [eff("d = −0.47", "SMD", -0.47), p("P = 0.01", 0.01)]),
    ("The standardised effect was small, g = 0.21.", [eff("g = 0.21", "SMD", 0.21)]),
    ("The effect size was large (Cohen's d = 0.92).", [eff("Cohen's d = 0.92", "SMD", 0.92)]),
    # must not emit: days, diameters, gravity, formulas, integers, values without any effect-size cue
    ("Wounds were inspected on d 7 and d 14.", []),
    ("Particles had a diameter d = 3.5 mm in the second batch.", []),
    ("The constant g = 9.81 was used in the model.", []),
    ("The spacing was chosen where d = 0.5 × r for all rings.", []),
    ("The plates were spaced (d = 3) apart.", []),
    ("In the lattice model the spacing d = 0.35 was fixed for all runs.", []),
]

# Lancet-style estimates: the unnamed interval after a comma, and unnamed estimates that continue
# the effect measure named before them in the paragraph
LANCET = [
    ("Stroke was reduced (HR 0·78, 0·62–0·98; p=0·033).",
     [eff("HR 0·78", "HR", 0.78), ci("0·62–0·98", 0.62, 0.98, None),
      (("p=0·033"), {"kind": "p_value", "value": 0.033, "estimate_id": 0})]),
    ("Stroke was reduced (HR 0·78, 0·62–0·98; p=0·033), whereas vascular death did not differ "
     "(0·96, 0·71–1·30; p=0·79).",
     [eff("HR 0·78", "HR", 0.78), ci("0·62–0·98", 0.62, 0.98, None), p("p=0·033", 0.033),
      eff("0·96", "HR", 0.96), (("0·71–1·30"), {"kind": "confidence_interval", "lower": 0.71, "upper": 1.30,
                                                "level": None, "estimate_id": 3}),
      (("p=0·79"), {"kind": "p_value", "value": 0.79, "estimate_id": 3})]),
    ("Relapse was less frequent with the drug (OR 0.61, 0.45 to 0.83).\nIn women the effect was similar "
     "(0.58, 0.39 to 0.86) and in men smaller (0.70, 0.44 to 1.11).",
     [eff("OR 0.61", "OR", 0.61), ci("0.45 to 0.83", 0.45, 0.83, None), eff("0.58", "OR", 0.58),
      ci("0.39 to 0.86", 0.39, 0.86, None), eff("0.70", "OR", 0.70), ci("0.44 to 1.11", 0.44, 1.11, None)]),
    ("Death was less frequent (HR 0·82, 95% CI 0·70–0·96); cardiac death fell too (0·79, 95% CI 0·64–0·97).",
     [eff("HR 0·82", "HR", 0.82), ci("95% CI 0·70–0·96", 0.70, 0.96), eff("0·79", "HR", 0.79),
      ci("95% CI 0·64–0·97", 0.64, 0.97)]),
    ("Risk rose (OR 2.31 (1.15–4.64)).", [eff("OR 2.31", "OR", 2.31), ci("1.15–4.64", 1.15, 4.64, None)]),
    ("Risk fell (RR 0.82 [0.70, 0.96]).", [eff("RR 0.82", "RR", 0.82), ci("0.70, 0.96", 0.70, 0.96, None)]),
    ("Stroke fell (HR 0·78 [0·62–0·98]; p=0·03), and vascular death did not differ (0·96 [0·71–1·30]; p=0·79).",
     [eff("HR 0·78", "HR", 0.78), ci("0·62–0·98", 0.62, 0.98, None), p("p=0·03", 0.03),
      eff("0·96", "HR", 0.96), ci("0·71–1·30", 0.71, 1.30, None), p("p=0·79", 0.79)]),
    ("Pain fell (MD −2.7, −4.4 to −1.0; p=0.002) and fatigue too (−1.9, −3.5 to −0.3; p=0.02).",
     [eff("MD −2.7", "MD", -2.7), ci("−4.4 to −1.0", -4.4, -1.0, None), p("p=0.002", 0.002),
      eff("−1.9", "MD", -1.9), ci("−3.5 to −0.3", -3.5, -0.3, None), p("p=0.02", 0.02)]),
    # must not emit: unordered triples, no named measure before, ages and medians with ranges,
    # a comma-separated range that does not contain the estimate
    ("Risk fell (HR 0.80). Later the estimate (1.20, 0.90–1.10) was printed.", [eff("HR 0.80", "HR", 0.80)]),
    ("Patients (0.52, 0.45–0.79) were listed in the appendix.", []),
    ("Risk fell (HR 0.80). Patients aged 45–79 (52) took part; the median was (4.5, 2.1–8.3).",
     [eff("HR 0.80", "HR", 0.80)]),
    ("Risk fell (HR 0.80).\n\nA new paragraph reports (0.91, 0.80–1.05) without a measure.",
     [eff("HR 0.80", "HR", 0.80)]),
    ("Survival improved (HR 0.78, 1–3 years; p=0.03).", [eff("HR 0.78", "HR", 0.78), p("p=0.03", 0.03)]),
    ("Risk fell (HR 0.80); sleep took (IQR 2–4) hours.", [eff("HR 0.80", "HR", 0.80)]),
]

# medians without an interval, number words and spaced thousands in proportions, ranges sharing
# one % sign, Cochran's Q and tau² as heterogeneity, R² as an effect measure
MORE_FORMS = [
    # natural frequencies
    ("About 1 in 20 participants who received the kit used it.",
     [(("1 in 20"), {"kind": "proportion", "value": 1.0, "denominator": 20})]),
    ("Perforation occurred in about 1 in 2,500 procedures.",
     [(("1 in 2,500"), {"kind": "proportion", "value": 1.0, "denominator": 2500})]),
    ("One in four adults had hypertension.", [(("One in four"), {"kind": "proportion", "value": 1.0, "denominator": 4})]),
    ("Figure 1 in 2019 showed the design.", []),
    ("Toxicity of grade 1 in 20 patients was mild.", []),
    ("One in two groups was treated.", []),
    # P values of other tests, with modifiers before the qualifier
    ("Effects differed by dose (P for subgroup difference = 0.04).",
     [(("P for subgroup difference = 0.04"), {"kind": "p_value", "value": 0.04, "operator": "="})]),
    ("P for treatment-by-age interaction = 0.31.",
     [(("P for treatment-by-age interaction = 0.31"), {"kind": "p_value", "value": 0.31})]),
    ("Median overall survival of 46.7 months was reported.",
     [(("Median overall survival of 46.7 months"), {"kind": "median", "value": 46.7, "unit": "months",
                                                      "lower": None, "upper": None, "measure": None})]),
    ("Patients were followed for a median follow-up of 3 years.",
     [(("median follow-up of 3 years"), {"kind": "median", "value": 3.0, "unit": "years"})]),
    ("The median follow-up was 3.1 years.", [(("3.1 years"), {"kind": "median", "value": 3.1, "unit": "years"})]),
    ("Median progression-free survival was 14.2 vs 11.3 months.",
     [(("14.2"), {"kind": "median", "value": 14.2, "unit": "months", "linked_ids": [1]}),
      (("11.3 months"), {"kind": "median", "value": 11.3, "unit": "months", "linked_ids": [0]})]),
    ("Median overall survival was 18.4 months (95% CI 16.1–20.9) with the combination.",
     [(("18.4 months"), {"kind": "median", "value": 18.4, "unit": "months"}),
      (("95% CI 16.1–20.9"), {"kind": "confidence_interval", "lower": 16.1, "upper": 20.9, "estimate_id": 0})]),
    ("Median time to deterioration of 9.1 months was reported.",
     [(("Median time to deterioration of 9.1 months"), {"kind": "median", "value": 9.1, "unit": "months"})]),
    ("Median age, 62 years.", [(("Median age, 62 years"), {"kind": "median", "value": 62.0, "unit": "years"})]),
    ("The median nerve was 3 mm thick.", []),
    ("Median remaining lifespan was 36% longer with the drug.", [pct("36%", 36.0)]),
    ("Treatment extended median lifespan by about 10%.", [pct("10%", 10.0)]),
    ("The median year of diagnosis was 2015.", []),
    ("The median number of visits was 4 to 6.", []),
    ("Five of the nine patients responded.", [prop("Five of the nine", 5.0, 9)]),
    ("Thirty-six of 40 participants completed the study.", [prop("Thirty-six of 40", 36.0, 40)]),
    ("Nine of the ten trials were small.", [prop("Nine of the ten", 9.0, 10)]),
    ("Events occurred in 1 204 of 12 577 patients (9.6%).",
     [(("1 204 of 12 577"), {"kind": "proportion", "value": 1204.0, "denominator": 12577, "consistent": True}),
      (("9.6%"), {"kind": "percentage", "linked_ids": [0]})]),
    ("One of the participants withdrew.", []),
    ("Volunteers took placebo or one of two weekly doses, 5 mg or 10 mg.", []),
    ("One of the two groups received placebo.", []),
    ("Two of three reviewers agreed on inclusion.", []),
    ("Two of the three criteria were met at screening.", []),
    ("One of the 12 patients had a relapse.", [prop("One of the 12", 1.0, 12)]),
    ("A median split of 3 groups was used.", []),
    ("In 2019 204 of 300 patients were seen.", [prop("204 of 300", 204.0, 300)]),
    ("Prevalence ranged from 12 to 18% across regions.", [pct("12", 12.0), pct("18%", 18.0)]),
    ("Remission was 74% (95% CI 60-85%).", [pct("74%", 74.0), ci("95% CI 60-85%", 60.0, 85.0)]),
    ("Use a 5–10% cream twice daily.", []),
    ("Pain was rated on a 0–100% scale.", [pct("100%", 100.0)]),
    ("Sensitivity was 85% (IQR 70–90%).", [med("85% (IQR 70–90%)", 85.0, 70.0, 90.0, "IQR", "%")]),
    ("Sensitivity ranged widely (IQR 70–90%).", [pct("90%", 90.0)]),
    ("Rates were 30–20% in a misprint.", [pct("20%", 20.0)]),
    ("Heterogeneity was substantial (Q = 24.1, df = 9, p = 0.004; τ² = 0.03).",
     [(("Q = 24.1"), {"kind": "heterogeneity", "value": 24.1, "measure": "Q", "df": "9", "unit": None}),
      p("p = 0.004", 0.004),
      (("τ² = 0.03"), {"kind": "heterogeneity", "value": 0.03, "measure": "tau2", "unit": None})]),
    ("Cochran's Q was 18.2 across trials.",
     [(("Cochran's Q was 18.2"), {"kind": "heterogeneity", "value": 18.2, "measure": "Q"})]),
    ("Between-study variance was small (tau2 = 0.012; I² = 21%).",
     [(("tau2 = 0.012"), {"kind": "heterogeneity", "value": 0.012, "measure": "tau2"}), het("I² = 21%", 21.0)]),
    ("Flow rate Q = 5 L/min was set and Q = 12 was printed in the list.", []),
    ("The model explained variance (R² = 0.34).", [eff("R² = 0.34", "R2", 0.34)]),
    ("The adjusted R2 was 0.28 and R-squared of 0.41 was reached.",
     [eff("adjusted R2 was 0.28", "R2", 0.28), eff("R-squared of 0.41", "R2", 0.41)]),
    ("The receptor R2 = 2.4 mm away and R2 = 1.7 in the old code.", []),
]

ALL = (P_VALUES + INTERVALS + EFFECTS + BARE_SMD + LANCET + DESCRIPTIVES + MEAN_SD_CONTEXT + MORE_FORMS + PERCENTAGES + FOLDS + TESTS + MUST_NOT_EMIT + MIXED
       + TABLES + LINKS)


def _id(case) -> str:
    text = case.values[0] if hasattr(case, "values") else case[0]
    return text[:50]


@pytest.mark.parametrize("text,expected", ALL, ids=[_id(c) for c in ALL])
def test_case(text, expected):
    assert_rows(text, expected)


def test_table_is_large():
    assert len(ALL) >= 200
