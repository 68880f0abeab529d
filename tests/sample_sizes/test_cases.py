"""Table-driven cases for the sample-size extractor, plus property tests.

Each case: a text and the rows expected from it, in order of appearance. A row is
(span text, n, role) or (span text, n, role, {column: value}) for extra columns to check
(population, organism, n_lower). The found rows must be exactly the expected ones.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.sample_sizes import crude_sentences, find_sample_sizes, summarize_sample_sizes
from pipeline.sample_sizes.extract import extract
from pipeline.sample_sizes.lexicon import LEXICON_PATH, ROLES, LexiconError, load_lexicon, validate
from pipeline.sample_sizes.numbers import parse_count

H = "human"


def case(text, *rows, id=None, xfail=None):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(rows), id=id or text[:60], marks=marks)


EXPLICIT = [
    case("The pilot cohort was small (n=36).", ("36", 36, None, {"organism": None})),
    case("Across both sites, N = 1,204 adults were screened.",
         ("1,204", 1204, None, {"population": "adults", "organism": H})),
    case("Sleep improved in the treated group (n = 25).", ("25", 25, "intervention_arm")),
    case("This open-label pilot in patients (n=9-10) had no comparator.",
         ("9-10", 10, None, {"n_lower": 9, "organism": H})),
    case("Skin biopsies were taken in humans (n=36 enrolled, 17 completed).",
         ("36", 36, "enrolled", {"population": "humans", "organism": H}),
         ("17", 17, "completed", {"organism": H})),
    case("Tolerability was good in the patient extension cohort (n=86 enrolled).", ("86", 86, "enrolled")),
    case("Wall thickness fell in cats with heart disease (n=43, double-blind, placebo-controlled).",
         ("43", 43, None, {"organism": "cat"})),
    case("Knockout animals (n = 12 mice per group) were compared with wild-type littermates.",
         ("12", 12, None, {"population": "mice per group", "organism": "mouse"})),
    case("Fatigue was scored at baseline (n = 140) and at one year (n = 118).",
         ("140", 140, None), ("118", 118, None)),
    case("Patients were randomly assigned to exercise (n = 50) or usual care (n = 50).",
         ("50", 50, "intervention_arm"), ("50", 50, "control_arm")),
    case("Participants received drug A (n = 30), drug B (n = 31), or placebo (n = 29).",
         ("30", 30, "intervention_arm"), ("31", 31, "intervention_arm"), ("29", 29, "control_arm")),
    case("In the sham arm (n = 22), pain did not change.", ("22", 22, "control_arm")),
    case("A small sample of volunteers (n = 8) was analysed.", ("8", 8, "analyzed", {"organism": H})),
    case("Of the volunteers (N=48), 40 finished all visits.", ("48", 48, None), ("40", 40, "completed")),
    case("Usual care (n = 48) was compared with coaching (n = 52).",
         ("48", 48, "control_arm"), ("52", 52, "intervention_arm")),
    case("Women with early disease (N = 312) were randomly assigned to two schedules.",
         ("312", 312, "randomized", {"population": "Women with early disease"})),
    case("Women (N=2,500) were randomized to the drug or placebo.", ("2,500", 2500, "randomized")),
    case("Dogs were allocated to the treatment arm (n = 14) or to the control arm (n = 13).",
         ("14", 14, "intervention_arm", {"organism": "dog"}), ("13", 13, "control_arm", {"organism": "dog"})),
    case("Mice were split into a high-fat group (n = 10) and a chow group (n = 10).",
         ("10", 10, "intervention_arm", {"organism": "mouse"}), ("10", 10, "control_arm")),
    case("Recurrence was lower with the drug (n = 35, active; n = 29, placebo).",
         ("35", 35, "intervention_arm"), ("29", 29, "control_arm")),
]

COUNTED_NOUNS = [
    case("We studied 218 adults with prediabetes.",
         ("218", 218, "enrolled", {"population": "adults with prediabetes", "organism": H})),
    case("The trial included 724 postmenopausal HR+ (hormone-receptor-positive) breast cancer patients.",
         ("724", 724, "enrolled", {"population": "postmenopausal HR+ breast cancer patients", "organism": H})),
    case("Data covered 48 patients across 31 studies.",
         ("48", 48, "analyzed", {"population": "patients"}), ("31", 31, "studies", {"population": "studies"})),
    case("We describe 22 patients with COPD.", ("22", 22, None, {"population": "patients with COPD", "organism": H})),
    case("The sample comprised 64 older adults.", ("64", 64, None, {"population": "older adults"})),
    case("The cohort held 18 women and 12 men.",
         ("18", 18, None, {"population": "women"}), ("12", 12, None, {"population": "men"})),
    case("Thirty consecutive men were recruited.",
         ("Thirty", 30, "enrolled", {"population": "consecutive men", "organism": H})),
    case("Eleven healthy volunteers received a single dose.",
         ("Eleven", 11, None, {"population": "healthy volunteers", "organism": H})),
    case("Sixteen patients were enrolled.", ("Sixteen", 16, "enrolled")),
    case("One hundred and seventy-six women attended screening.",
         ("One hundred and seventy-six", 176, None, {"population": "women"})),
    case("A total of 1,204 were enrolled.", ("1,204", 1204, "enrolled")),
    case("We followed 3,500 nurses for a decade.", ("3,500", 3500, "enrolled", {"population": "nurses"})),
    case("Forty-two dogs with osteoarthritis were included.",
         ("Forty-two", 42, "enrolled", {"population": "dogs with osteoarthritis", "organism": "dog"})),
    case("We treated 15 rhesus monkeys.", ("15", 15, None, {"population": "rhesus monkeys", "organism": "monkey"})),
    case("Eight Sprague-Dawley rats were used.",
         ("Eight", 8, None, {"population": "Sprague-Dawley rats", "organism": "rat"})),
    case("Ninety-six mice were randomized to diet or control.",
         ("Ninety-six", 96, "randomized", {"organism": "mouse"})),
    case("Of 580 enrolled patients, 551 were evaluable.",
         ("580", 580, "enrolled", {"population": "enrolled patients"}), ("551", 551, "analyzed")),
    case("The 2,000 respondents answered online.", ("2,000", 2000, None, {"population": "respondents"})),
    case("Among 98 eligible women, 86 completed treatment.", ("98", 98, "enrolled"), ("86", 86, "completed")),
    case("We recruited 5 408 nurses.", ("5 408", 5408, "enrolled", {"population": "nurses"})),
    case("The registry holds 1 532 twins.", ("1 532", 1532, None, {"population": "twins"})),
    case("Two hundred caregivers and 180 patients were interviewed.",
         ("Two hundred", 200, None, {"population": "caregivers"}), ("180", 180, None)),
    case("A convenience sample of 45 nursing students participated.",
         ("45", 45, "enrolled", {"population": "nursing students"})),
    case("Thirty consecutive men and eleven healthy volunteers were enrolled.",
         ("Thirty", 30, "enrolled"), ("eleven", 11, "enrolled", {"population": "healthy volunteers"})),
    case("Twenty-six pre- and postmenopausal women joined.",
         ("Twenty-six", 26, None, {"population": "pre- and postmenopausal women"})),
    case("Nine hundred ninety-nine participants answered.", ("Nine hundred ninety-nine", 999, None)),
    case("Four thousand two hundred women were invited.", ("Four thousand two hundred", 4200, None)),
    case("The survey reached 13 388 households.", ("13 388", 13388, None, {"population": "households"})),
    case("We enrolled 24 male C57BL/6 mice.",
         ("24", 24, "enrolled", {"population": "male C57BL/6 mice", "organism": "mouse"})),
    case("Twenty beagle dogs were dosed twice.", ("Twenty", 20, None, {"organism": "dog"})),
    case("Hearts from 6 pigs were harvested.", ("6", 6, None, {"organism": "pig"})),
    case("A colony of 40 marmosets was housed.", ("40", 40, None, {"organism": "marmoset"})),
    case("Twelve zebrafish larvae were imaged.", ("Twelve", 12, None, {"organism": "zebrafish"})),
    case("We interviewed 30 physicians and 12 pharmacists.", ("30", 30, None), ("12", 12, None)),
    case("Fifteen BCS were randomly assigned.", ("Fifteen", 15, "randomized", {"population": "BCS"})),
    case("A total of 40 obese AAW (aged 45-65) were enrolled.", ("40", 40, "enrolled", {"population": "obese AAW"})),
    case("Overall 12 CT scans were reviewed.", ),
    case("In total, 6 ECGs were abnormal.", ),
]

FLOW = [
    case("We randomly assigned 218 adults to vitamin D or placebo.",
         ("218", 218, "randomized", {"population": "adults"})),
    case("The study enrolled 36 participants with 19 lost to follow-up.",
         ("36", 36, "enrolled", {"population": "participants", "organism": H}),
         ("19", 19, "lost_to_follow_up")),
    case("Of the participants randomized, 201 (92.2%) completed the study.", ("201", 201, "completed")),
    case("During the run-in, 17 withdrew.", ("17", 17, "lost_to_follow_up")),
    case("Twelve patients were excluded because of protocol violations.", ("Twelve", 12, "excluded")),
    case("In total, 340 participants were analysed.", ("340", 340, "analyzed")),
    case("Another 9 were lost to follow-up.", ("9", 9, "lost_to_follow_up")),
    case("Of 120 patients screened, 96 were randomized.", ("120", 120, None), ("96", 96, "randomized")),
    case("Eighty-two women dropped out before week 12.", ("Eighty-two", 82, "lost_to_follow_up")),
    case("Fifteen declined to participate.", ("Fifteen", 15, "excluded")),
    case("Altogether, 410 were included in the analysis.", ("410", 410, "analyzed")),
    case("The trial randomised 1,850 women.", ("1,850", 1850, "randomized")),
    case("Thirty-eight patients discontinued treatment owing to toxicity.",
         ("Thirty-eight", 38, "lost_to_follow_up")),
    case("We excluded 14 patients with missing data.", ("14", 14, "excluded")),
    case("All 64 participants completed the 8-week program.", ("64", 64, "completed")),
    case("In all, 300 were recruited and 260 were randomized.", ("300", 300, "enrolled"), ("260", 260, "randomized")),
    case("Seven patients were not eligible.", ("Seven", 7, "excluded")),
    case("Data from 1,024 patients were analysed.", ("1,024", 1024, "analyzed")),
    case("Twenty-four participants were lost to follow-up and 6 withdrew consent.",
         ("Twenty-four", 24, "lost_to_follow_up"), ("6", 6, "lost_to_follow_up")),
    case("A total of 512 women were randomly allocated.", ("512", 512, "randomized")),
    case("Among 2,310 participants who consented, 2,001 were randomized.",
         ("2,310", 2310, "enrolled"), ("2,001", 2001, "randomized")),
    case("The final analysis included 87 patients.", ("87", 87, "analyzed")),
    case("Forty-one women met the inclusion criteria.", ("Forty-one", 41, "enrolled")),
    case("After randomization, 116 patients started the run-in phase.", ("116", 116, "randomized")),
]

ARMS = [
    case("Women were randomized to surgery (12 women) or observation (12).",
         ("12", 12, "intervention_arm", {"population": "women"}), ("12", 12, "control_arm")),
    case("The trial enrolled 109 per group.", ("109", 109, "enrolled")),
    case("Myopathy occurred in 29 of 109 participants in the statin group.",
         ("109", 109, "intervention_arm", {"population": "participants in the statin group"})),
    case("Pain eased in 40 patients in the acupuncture group and 21 patients in the sham group.",
         ("40", 40, "intervention_arm"), ("21", 21, "control_arm")),
    case("Of 300 women, 152 were assigned to the intervention and 148 to usual care.",
         ("300", 300, None), ("152", 152, "intervention_arm"), ("148", 148, "control_arm")),
    case("A total of 90 patients were randomized: 45 to yoga and 45 to a wait-list control.",
         ("90", 90, "randomized"), ("45", 45, "intervention_arm"), ("45", 45, "control_arm")),
    case("In the placebo group (n = 33), two events occurred.", ("33", 33, "control_arm")),
    case("Sixty patients received the active cream and 58 received vehicle cream.",
         ("Sixty", 60, "intervention_arm"), ("58", 58, "control_arm")),
    case("Of the 150 women assigned to placebo, 12 developed fractures.", ("150", 150, "control_arm")),
    case("Overall, 816 patients were assigned to MRI and 807 to no MRI.",
         ("816", 816, "intervention_arm"), ("807", 807, "control_arm")),
    case("A total of 400 patients (201 letrozole, 199 placebo) were enrolled.",
         ("400", 400, "enrolled"), ("201", 201, "intervention_arm"), ("199", 199, "control_arm")),
    case("Of the 60 controls, 4 relapsed.", ("60", 60, "control_arm", {"organism": H})),
    case("Patients were randomized to the decision aid (83 patients) or the consultation alone (93 patients).",
         ("83", 83, "intervention_arm"), ("93", 93, "control_arm")),
    case("Overall, 120 patients were randomly assigned to the drug (n = 61) or placebo (n = 59).",
         ("120", 120, "randomized"), ("61", 61, "intervention_arm"), ("59", 59, "control_arm")),
    case("Women were randomly assigned to treatment with letrozole (410 women) or placebo (405 women).",
         ("410", 410, "intervention_arm"), ("405", 405, "control_arm")),
    case("Overall, 300 patients (151 RT patients and 149 observation patients) were randomized.",
         ("300", 300, "randomized"), ("151", 151, "intervention_arm"), ("149", 149, "control_arm")),
    case("Twenty patients started with gabapentin and 19 patients started with placebo.",
         ("Twenty", 20, "intervention_arm"), ("19", 19, "control_arm")),
    case("The effects on 60 patients (30 in the treated group and 30 in the control group) were evaluable.",
         ("60", 60, "analyzed"), ("30", 30, "intervention_arm", {"population": "patients in the treated group"}),
         ("30", 30, "control_arm", {"population": "patients in the control group"})),
    case("The control arm comprised 61 women.", ("61", 61, "control_arm")),
    case("The exercise group included 64 women.", ("64", 64, "intervention_arm")),
    case("Each group comprised 20 women.", ("20", 20, None)),
    case("The two groups comprised 61 and 60 women.", ("61", 61, None), ("60", 60, None)),
]

REVIEWS = [
    case("A meta-analysis of 19 studies found a modest benefit.", ("19", 19, "studies", {"organism": None})),
    case("We identified 27 trials with 3,114 participants.",
         ("27", 27, "studies", {"population": "trials"}), ("3,114", 3114, "analyzed", {"population": "participants"})),
    case("Twelve randomized controlled trials met the inclusion criteria.", ("Twelve", 12, "studies")),
    case("Six RCTs involving 1,102 patients were included.", ("Six", 6, "studies"), ("1,102", 1102, "analyzed")),
    case("We searched three databases and screened 2,431 records."),
    case("Of 54 articles assessed, 11 studies were included.", ("54", 54, "studies"), ("11", 11, "studies")),
    case("The pooled analysis combined 8 cohort studies.", ("8", 8, "studies")),
]

ANIMALS = [
    case("Seven of 9 treated animals responded in the rat model.",
         ("9", 9, "analyzed", {"population": "treated animals", "organism": "rat"})),
    case("In cats with kidney disease (n = 18), appetite improved.", ("18", 18, None, {"organism": "cat"})),
    case("Ten hamsters were infected.", ("Ten", 10, None, {"organism": "hamster"})),
    case("Groups of 8 rabbits received the implant.", ("8", 8, None, {"organism": "rabbit"})),
    case("We tested the vaccine in 14 macaques.", ("14", 14, None, {"organism": "monkey"})),
]

SUBGROUPS = [
    case("The sample (n=28, including 9 with the mutation) was small.", ("28", 28, None), ("9", 9, "subgroup")),
    case("Fifty patients were screened. Of these, 13 had osteoporosis.",
         ("Fifty", 50, None), ("13", 13, "subgroup")),
    case("In the subgroup of 312 patients with diabetes, benefit was larger.", ("312", 312, "subgroup")),
    case("Among them, 45 were smokers.", ("45", 45, "subgroup")),
    case("In total, 547 (19%) patients were obese at baseline.", ("547", 547, "subgroup")),
]

MUST_NOT = [
    case("Patients took 2 mg/day of the drug."),
    case("Treatment lasted 48 weeks."),
    case("Participants were aged 65 to 80 years."),
    case("The trial ran from 2015 to 2019."),
    case("There were 9 complete responses."),
    case("Overall, 12 deaths occurred."),
    case("There were 9 complete responses, mostly in younger patients."),
    case("Response rate was 45% (95% CI 30-60)."),
    case("Enrolment took place at 12 centres in 4 countries."),
    case("Previous work supports this [12]."),
    case("As shown previously [3, 5-7], the effect is small."),
    case("The dose was escalated to 10 mg/kg."),
    case("Patients had a median age of 62 years."),
    case("The 5-year survival was 80%."),
    case("Grade 3 toxicity occurred in 4% of cases."),
    case("Phase 2 results were published in 2019."),
    case("Each session lasted 45 minutes."),
    case("Tumours shrank by 30 mm."),
    case("The hazard ratio was 0.77 (P = 0.03)."),
    case("Follow-up was 3 to 5 years."),
    case("Blood was drawn on day 14 and at week 26."),
    case("Figure 2 shows the flow of participants."),
    case("Table 3 lists 14 adverse events."),
    case("Smokers had a 2.5-fold higher risk."),
    case("We measured 36 cytokines."),
    case("Twelve genes were differentially expressed."),
    case("The NCT01234567 trial is registered."),
    case("Temperatures reached 39 °C."),
    case("BMI was 31 kg/m2."),
    case("Patients lost 4 kg over 6 months."),
    case("In 2012 patients were followed up by phone."),
    case("They smoked 20 cigarettes per day."),
    case("The questionnaire had 36 items."),
    case("Three hospitals took part."),
    case("Blood pressure fell by 12 mmHg."),
    case("Doses of 1 000 IU were given."),
    case("Hot flushes were seen in 34 women."),
    case("Scores ranged from 12 to 48 points."),
    case("Version 4 of the criteria was used."),
    case("Serum levels reached 25 ng/mL."),
    case("Participants walked 10 000 steps a day."),
    case("Only one patient had a rash."),
    case("Fifty-one percent of patients improved."),
    case("Incidence was 43 per 1000 women."),
    case("Twelve patients died during follow-up."),
    case("There were 40 deaths in the surgery group compared with 52 in the observation group."),
    case("Roughly one in four women smoked."),
    case("Results varied widely.12 Therefore, further trials are needed."),
    case("The PALOMA-2 trial reported early."),
    case("Between May 2013 and January 2017, recruitment continued."),
    case("The ratio was 2:1 in favour of treatment."),
    case("Patients with a median age of 70 were enrolled."),
    case("Recurrence occurred in 9 of 35 patients.", ("35", 35, "analyzed")),
    case("Objective responses were seen in 11 of 35 patients, with 9 complete responses.", ("35", 35, "analyzed")),
    case("There were 12 deaths among 400 women.", ("400", 400, None)),
]

LINKED = [
    case("Of 90 patients, 12 dropped out, 5 in the exercise group and 7 in the control group.",
         ("90", 90, None), ("12", 12, "lost_to_follow_up"), ("5", 5, "lost_to_follow_up"),
         ("7", 7, "lost_to_follow_up")),
    case("Three women withdrew, one in each arm.",
         ("Three", 3, "lost_to_follow_up"), ("one", 1, "lost_to_follow_up", {"population": "women per group"})),
    case("We randomised 120 smokers (60 per group) to varenicline or counselling.",
         ("120", 120, "randomized"), ("60", 60, "randomized", {"population": "smokers per group"})),
    case("A cohort of 30 rats (15 per group) was kept for histology.",
         ("30", 30, None), ("15", 15, None, {"population": "rats per group", "organism": "rat"})),
    case("We enrolled 240 adults. Of the 240 participants, 200 completed the study.",
         ("240", 240, "enrolled"), ("240", 240, "enrolled"), ("200", 200, "completed")),
    case("A pilot trial in 24 women reported benefit, but 5 of the 24 stopped early.",
         ("24", 24, "enrolled"), ("24", 24, "enrolled")),
    case("Nausea affected 9 of 40 patients on the drug and 4 of 38 on placebo.",
         ("40", 40, "intervention_arm"), ("38", 38, "control_arm")),
    case("Among smokers, relapse occurred in 12/50 patients.", ("50", 50, "subgroup")),
    case("Five case series and 3 cohort studies were included.", ("Five", 5, "studies"), ("3", 3, "studies")),
    case("Two further trials were excluded because of short follow-up.",
         ("Two", 2, "excluded", {"population": "further trials"})),
    case("Four treated mice died before the end of the study and were excluded.",
         ("Four", 4, "excluded", {"organism": "mouse"})),
    case("Viability fell by half (n=4 independent experiments).",
         ("4", 4, None, {"population": "independent experiments", "organism": None})),
    case("A larger trial with 2,000 participants is planned.", ("2,000", 2000, None)),
    case("In the sensitivity analysis restricted to adherent participants (n = 310), results held.",
         ("310", 310, "subgroup", {"population": "adherent participants"})),
    case("At baseline, 412 participants (33%) were current smokers.", ("412", 412, "subgroup")),
    case("Earlier studies enrolled fewer than 50 patients."),
    case("Bleeding was rare (3 vs 1 participants)."),
    case("Each case was matched to four controls."),
    case("Headache was reported by seven women taking the drug."),
    case("The reviewed trials had a median sample size of 40 (range 12-300)."),
    case("Two hundred adults with asthma were randomised.",
         ("Two hundred", 200, "randomized", {"population": "adults with asthma"})),
    case("Thirty men aged 60 years or older who met the entry criteria were randomized.",
         ("Thirty", 30, "randomized")),
    case("We identified 812 patients with a first stroke.",
         ("812", 812, "enrolled", {"population": "patients with a first stroke"})),
]

# the role of the main verb of a subject with a long post-modifier; numerators of anaphoric "of whom"
MAIN_VERB = [
    case("Between 2015 and 2016, 90 adults referred to the clinic during one winter were recruited.",
         ("90", 90, "enrolled", {"population": "adults"})),
    case("Sixty adults who had completed rehabilitation were randomized.", ("Sixty", 60, "randomized")),
    case("A total of 140 smokers from a potential sample of 2,310 adults were entered.",
         ("140", 140, "enrolled"), ("2,310", 2310, "enrolled")),
    case("Twelve patients with severe nausea at baseline received ondansetron.", ("Twelve", 12, None)),
    case("Of 240 adults from 6 clinics enrolled, 200 had mild disease.", ("240", 240, "enrolled")),
    case("Of 349 adults from 40 sites approached, 12 declined.", ("349", 349, None), ("12", 12, "excluded")),
    case("Forty adults were randomized, 38 of whom (20 on drug and 18 on placebo) were analysed.",
         ("Forty", 40, "randomized"), ("38", 38, "analyzed"), ("20", 20, "intervention_arm"),
         ("18", 18, "control_arm")),
    case("The pilot stopped after 50 of the planned 80 adults were enrolled.",
         ("50", 50, "enrolled"), ("80", 80, "analyzed")),
    case("Thirty-one men (84%) provided follow-up data.", ("Thirty-one", 31, "completed")),
    case("Fifty-two adults were treated according to the protocol.", ("Fifty-two", 52, "analyzed")),
    case("In all, 1310 men were suitable for analysis.", ("1310", 1310, "analyzed")),
    case("The remaining 122 adults were divided into two groups.", ("122", 122, "randomized")),
    case("Diary data were available for 87 adults.", ("87", 87, "analyzed")),
    case("Relapse was observed in 75 evaluable adults.",
         ("75", 75, "analyzed", {"population": "evaluable adults"})),
    case("Relapse was observed in 12 adults."),
    case("Fifteen HCWs were randomly assigned.", ("Fifteen", 15, "randomized", {"population": "HCWs"})),
    case("A total of 40 obese HCWs (aged 45-65) were enrolled.", ("40", 40, "enrolled", {"population": "obese HCWs"})),
    case("Overall 12 CT scans were reviewed."),
    case("In total, 6 ECGs were abnormal."),
]

# arms: the comparator listed second, assignment participles, per-arm breakdowns of a total
COMPARATOR = [
    case("Adults were randomized to drug A (n = 52) or drug B (n = 50).",
         ("52", 52, "intervention_arm"), ("50", 50, "control_arm")),
    case("Of 127 adults, 64 were randomly assigned to drug A and 63 to drug B.",
         ("127", 127, None), ("64", 64, "intervention_arm"), ("63", 63, "control_arm")),
    case("Of 600 men, 300 were randomly assigned to receive the new device and 298 were assigned to receive the "
         "old device.", ("600", 600, None), ("300", 300, "intervention_arm"), ("298", 298, "control_arm")),
    case("In 45 adults allocated DX the full dose was given, compared to 90% in the 44 adults allocated DY.",
         ("45", 45, "intervention_arm"), ("44", 44, "control_arm")),
    case("Of 60 adults randomly assigned to the drug during all visits, six (10%) had fever.",
         ("60", 60, "intervention_arm")),
    case("The 70 adults randomized to diet alone and the 72 adults randomized to diet plus exercise were similar.",
         ("70", 70, "control_arm"), ("72", 72, "intervention_arm")),
    case("Of 41 men randomized to melatonin (n = 20) or placebo (n = 21), 35 completed.",
         ("41", 41, "randomized"), ("20", 20, "intervention_arm"), ("21", 21, "control_arm"),
         ("35", 35, "completed")),
    case("Of the 62 adults randomized in the study, 58 were analyzed.",
         ("62", 62, "randomized"), ("58", 58, "analyzed")),
    case("Of 310 men randomized to the three coaching groups, 280 were reached.", ("310", 310, "randomized")),
    case("A total of 80 adults were analysed: 41 in the cream group and 39 controls.",
         ("80", 80, "analyzed"), ("41", 41, "intervention_arm"), ("39", 39, "control_arm")),
    case("A total of 55 adults were enrolled: 28 in study group, and 27 in control group.",
         ("55", 55, "enrolled"), ("28", 28, "intervention_arm"), ("27", 27, "control_arm")),
    case("Fourteen withdrew, 6 in the drug group and 8 in the other group.",
         ("Fourteen", 14, "lost_to_follow_up"), ("6", 6, "lost_to_follow_up"), ("8", 8, "lost_to_follow_up")),
    case("Rats were split into a diet group (n = 10) and a chow group (n = 10).",
         ("10", 10, "intervention_arm"), ("10", 10, "control_arm")),
    case("Adults were randomized to drug A (n = 40) or drug A plus drug B (n = 41).",
         ("40", 40, "control_arm"), ("41", 41, "intervention_arm")),
    case("Adults were allocated to DX (31 adults) and DX/DY (30 adults) groups.",
         ("31", 31, "control_arm"), ("30", 30, "intervention_arm")),
    case("Patients received drug A (n = 30), drug B (n = 31) or drug C (n = 29).",
         ("30", 30, "intervention_arm"), ("31", 31, "intervention_arm"), ("29", 29, "intervention_arm")),
]

# arm labels listed with their counts in a parenthesis after a total; coordinated and respective counts
LABELLED_LISTS = [
    case("In all, 615 men (drug 310, placebo 305) were suitable for analysis.",
         ("615", 615, "analyzed"), ("310", 310, "intervention_arm"), ("305", 305, "control_arm")),
    case("Overall, 81 adults were recruited (coaching: 41, control: 40).",
         ("81", 81, "enrolled"), ("41", 41, "intervention_arm"), ("40", 40, "control_arm")),
    case("Overall, 318 adults were randomly assigned (212, drug; 106, placebo).",
         ("318", 318, "randomized"), ("212", 212, "intervention_arm"), ("106", 106, "control_arm")),
    case("Scores were 12 (range 3, 20) in week 4."),
    case("Sixty-one events (drug 25, follow-up 36) occurred."),
    case("A pooled analysis of four completed studies identified 217 subjects.",
         ("four", 4, "studies"), ("217", 217, "enrolled")),
    case("Relapse was 3% (8 of 120 adults) for drug A and 5% (12 of 118 adults) for drug B.",
         ("120", 120, "intervention_arm"), ("118", 118, "control_arm")),
    case("Overall, 58 adults (AX 30 adults, BX 28 adults) were enrolled.",
         ("58", 58, "enrolled"), ("30", 30, "intervention_arm"), ("28", 28, "control_arm")),
    case("Thirty-three men were randomized to the yoga class; 35 to the reading group.",
         ("Thirty-three", 33, "intervention_arm"), ("35", 35, "control_arm")),
    case("Of 500 adults enrolled, 250 (median age, 61 years) were randomized to the A arm and 248 (median age, "
         "60 years) were randomized to the B arm.",
         ("500", 500, "enrolled"), ("250", 250, "intervention_arm"), ("248", 248, "control_arm")),
    case("Adults (n = 120) were randomized to the drug; 20 adults were later excluded.",
         ("120", 120, "randomized"), ("20", 20, "excluded")),
    case("In total, 150 and 148 adults were enrolled to drug A and drug B, respectively.",
         ("150", 150, "intervention_arm", {"population": "adults"}), ("148", 148, "control_arm")),
    case("Of 70 men, 61 completed (n=31 and n=30 for the cream group and placebo group, respectively).",
         ("70", 70, None), ("61", 61, "completed"), ("31", 31, "intervention_arm"), ("30", 30, "control_arm")),
    case("Response rates were 45% and 30% in the A and B groups, respectively."),
    case("Between March, 2011, 140 consecutive adults were enrolled.", ("140", 140, "enrolled")),
    case("In 2011, 620 adults were randomly assigned to either drug A (10 and 20 mg, respectively; n = 310) or "
         "drug B (n = 310).", ("620", 620, "randomized"), ("310", 310, "intervention_arm"), ("310", 310, "control_arm")),
    case("Adults were randomized to group singing (n = 50) or usual care with headphones (n = 49).",
         ("50", 50, "intervention_arm"), ("49", 49, "control_arm")),
    case("Eighty-eight eligible adults were eligible. Forty consecutive adults (age range 50-70 years). "
         "Surgery was done.", ("Eighty-eight", 88, "enrolled"), ("Forty", 40, "enrolled",
                                                                   {"population": "consecutive adults"})),
    case("Side effects occurred in 37 (69.8%) vs. 4 (8.3%) cases.", ("4", 4, "subgroup")),
    case("Of 90 randomized adults, 88 were treated.", ("90", 90, "randomized"), ("88", 88, "analyzed")),
    case("Of 210 adults randomized, 207 received study drug.", ("210", 210, "randomized"), ("207", 207, "analyzed")),
    case("Forty patients were treated with surgery.", ("Forty", 40, None)),
    case("Overall, 40 men started the program and 31 completed it.",
         ("40", 40, "enrolled"), ("31", 31, "completed")),
    case("Eighty-six adults received drug A; 90 adults received drug B.",
         ("Eighty-six", 86, "intervention_arm"), ("90", 90, "control_arm")),
]

# numbers that belong to doses, schedules and age ranges
NOT_COUNTS = [
    case("Patients received docetaxel 75 mg/m(2) (n = 40) on days 1 and 8.", ("40", 40, None)),
    case("The median age was 48 years (range, 28 to 76 years)."),
    case("Infusions were given on days 1 and 2 of each cycle."),
]

# counts of people screened, approached or invited have no role; the verb may attach to the screening
SCREENED = [
    case("Of 412 people who completed online screening, 239 were randomised.",
         ("412", 412, None, {"population": "people"}), ("239", 239, "randomized")),
    case("Of 530 adults assessed for eligibility, 402 were enrolled.",
         ("530", 530, None), ("402", 402, "enrolled")),
    case("We assessed 650 women for eligibility; 420 were randomized.", ("650", 650, None), ("420", 420, "randomized")),
    case("A total of 1,118 participants were evaluated for eligibility.", ("1,118", 1118, None)),
    case("In all, 300 adults completed the screening visit and 240 were enrolled.",
         ("300", 300, None), ("240", 240, "enrolled")),
    case("Of 870 adults approached, 410 consented.", ("870", 870, None), ("410", 410, "enrolled")),
    case("A total of 2,000 households were invited and 640 took part.",
         ("2,000", 2000, None), ("640", 640, "enrolled")),
    case("We screened 1,020 women and randomised 300.", ("1,020", 1020, None), ("300", 300, "randomized")),
    case("Of the 412 screened, 239 adults were randomised.", ("412", 412, None), ("239", 239, "randomized")),
    case("We assessed 530 adults for eligibility and enrolled 402.", ("530", 530, None), ("402", 402, "enrolled")),
    # must not: a study completed after screening, an assessment that is an analysis
    case("Overall, 96 adults completed the study after screening.", ("96", 96, "completed")),
    case("In total, 88 adults were assessed at 12 months.", ("88", 88, "analyzed")),
    case("Sixty adults completed the screening questionnaire and the study.", ("Sixty", 60, None)),
    case("The trial randomized 2015."),
    case("Of the 12 who had surgery, 10 recovered."),
    case("Recruitment began in May and we included 12."),
]

# planned samples have no role; participants of a study described in the past are enrolled
PLANNED = [
    case("We plan a 3-year study in 600 adults.", ("600", 600, None, {"population": "adults"})),
    case("A planned trial in 450 women is under way.", ("450", 450, None)),
    case("We will recruit 300 adults with asthma.", ("300", 300, None)),
    case("In a trial in which 300 adults will receive the drug, outcomes will be compared.", ("300", 300, None)),
    case("A separate trial in which 2,400 volunteers took fish oil found no benefit.",
         ("2,400", 2400, "enrolled", {"population": "volunteers"})),
    case("An earlier study in which 150 patients received the drug reported benefit.", ("150", 150, "enrolled")),
    # must not: an outcome counted in a trial, a past study with a later plan
    case("A trial in which 12 adults died was stopped."),
    case("We enrolled 96 adults and plan a longer follow-up.", ("96", 96, "enrolled")),
]

# animals: the main verb after an appositive age, weight or duration; per-group counts of a randomisation
RANDOMISED_ANIMALS = [
    case("Forty male Wistar rats, 8 weeks old, were randomly allocated to four groups (n=10 per group).",
         ("Forty", 40, "randomized", {"organism": "rat", "population": "male Wistar rats"}),
         ("10", 10, "randomized", {"organism": "rat", "population": "rats per group"})),
    case("Sixty mice, weighing 20-25 g, were randomly divided into three groups (n = 20 per group).",
         ("Sixty", 60, "randomized", {"organism": "mouse"}), ("20", 20, "randomized")),
    case("Thirty-two dogs, aged 2 to 6 years, were enrolled.", ("Thirty-two", 32, "enrolled", {"organism": "dog"})),
    case("Twenty rabbits were randomised to two diets (10 per group).",
         ("Twenty", 20, "randomized"), ("10", 10, "randomized", {"population": "rabbits per group"})),
    case("Twenty-four rats, weighing 200-250 g, were randomly assigned to three groups (n = 8 each).",
         ("Twenty-four", 24, "randomized"), ("8", 8, "randomized", {"population": "rats per group"})),
    # must not: a per-group count without randomisation, an outcome after an appositive
    case("Hair coverage tripled compared with a blank patch (p<0.01, n=6 per group).", ("6", 6, None)),
    case("Twenty rats, 12 weeks old, died during the study."),
    case("Mice aged 22 months (n=9-10 per group) lived longer.", ("9-10", 10, None, {"n_lower": 9})),
]

# arms listed in a parenthesis after a randomised total
PAREN_ARMS = [
    case("Overall, 361 were randomised (241 to pembrolizumab plus chemotherapy and 120 to chemotherapy alone).",
         ("361", 361, "randomized"), ("241", 241, "intervention_arm"), ("120", 120, "control_arm")),
    case("In total, 239 adults were randomised (n = 118 to the app, 121 to usual care).",
         ("239", 239, "randomized"), ("118", 118, "intervention_arm"), ("121", 121, "control_arm")),
    case("We randomly assigned 412 women (206 to letrozole and 206 to placebo).",
         ("412", 412, "randomized"), ("206", 206, "intervention_arm"), ("206", 206, "control_arm")),
    case("Of 300 adults randomised (150 to drug A, 148 to drug B), 280 completed.",
         ("300", 300, "randomized"), ("150", 150, "intervention_arm"), ("148", 148, "control_arm"),
         ("280", 280, "completed")),
    # must not: a range or a dose in the parenthesis
    case("A total of 200 adults were randomized (100 to 120 per site).", ("200", 200, "randomized")),
    case("Adults were randomized (n = 40) to receive 10 to 20 mg of the drug.", ("40", 40, "randomized")),
]

# the parts of a loss or an exclusion split in a parenthesis are losses / exclusions, not arms
LOSS_BREAKDOWNS = [
    case("Twenty-one participants (13 drug, 8 control) discontinued treatment.",
         ("Twenty-one", 21, "lost_to_follow_up"), ("13", 13, "lost_to_follow_up"), ("8", 8, "lost_to_follow_up")),
    case("Of those who withdrew (n=17; 10 placebo, 7 active), most cited side effects.",
         ("17", 17, "lost_to_follow_up"), ("10", 10, "lost_to_follow_up"), ("7", 7, "lost_to_follow_up")),
    case("Nine adults were excluded (5 with missing scans, 4 with protocol deviations).",
         ("Nine", 9, "excluded"), ("5", 5, "excluded"), ("4", 4, "excluded")),
    case("Eleven women withdrew (six in the drug group, five in the placebo group).",
         ("Eleven", 11, "lost_to_follow_up"), ("six", 6, "lost_to_follow_up"), ("five", 5, "lost_to_follow_up")),
    case("Participants who dropped out (n = 12) were older.", ("12", 12, "lost_to_follow_up")),
    case("Withdrawals (n = 17; 10 placebo, 7 active) were balanced.",
         ("17", 17, "lost_to_follow_up"), ("10", 10, "lost_to_follow_up"), ("7", 7, "lost_to_follow_up")),
    case("There were 12 withdrawals, 7 in the drug group and 5 in the placebo group.",
         ("12", 12, "lost_to_follow_up", {"population": None}), ("7", 7, "lost_to_follow_up"),
         ("5", 5, "lost_to_follow_up")),
    # must not: the breakdown of a randomised or enrolled total stays by arm
    case("A total of 400 adults (201 letrozole, 199 placebo) were randomized.",
         ("400", 400, "randomized"), ("201", 201, "intervention_arm"), ("199", 199, "control_arm")),
    case("Of the adults enrolled (n = 45; 30 drug, 15 placebo), 40 completed.",
         ("45", 45, "enrolled"), ("30", 30, "intervention_arm"), ("15", 15, "control_arm"), ("40", 40, "completed")),
]

# analysed sets: an analysis named as the predicate or before the count
ANALYSED_SETS = [
    case("Of these, 349 underwent surgery and were included in the efficacy analysis.", ("349", 349, "analyzed")),
    case("Data from 310 were analysed.", ("310", 310, "analyzed")),
    case("The per-protocol population comprised 218 completers.", ("218", 218, "analyzed")),
    case("The intention-to-treat population comprised 402 adults, of whom 12 were excluded.",
         ("402", 402, "analyzed", {"population": "adults"}), ("12", 12, "excluded")),
    case("The analysis was based on 1,022 women.", ("1,022", 1022, "analyzed")),
    case("Forty adults received the drug and were analysed.", ("Forty", 40, "analyzed")),
    case("The sensitivity analysis included 300 adults.", ("300", 300, "subgroup")),
    case("The mitotic index was assessable in 888 adults (94%).", ("888", 888, "analyzed")),
    # must not: completers alone, the first of two flow verbs, an outcome before "and were"
    case("In all, 218 completers were interviewed.", ("218", 218, "completed")),
    case("Twenty-eight completed the study and were analysed.", ("Twenty-eight", 28, "completed")),
    case("Twelve adults developed a rash and were analysed separately."),
    case("The index was high in 88 adults (12%).", ("88", 88, "subgroup")),
    case("The analysis was restricted to 300 adults.", ("300", 300, None)),
]

# subgroups introduced by "in the N with X", "among the N with X", "in N adults older than 75"
SUBSETS = [
    case("Benefit was larger in the 120 with node-positive disease.", ("120", 120, "subgroup")),
    case("Among the 197 with node-negative disease, recurrence was rare.", ("197", 197, "subgroup")),
    case("Effects were similar in 64 participants older than 75.",
         ("64", 64, "subgroup", {"population": "participants"})),
    case("Among 80 adults aged over 80 years, falls were common.", ("80", 80, "subgroup")),
    # must not: a trial population described by age, a flow verb after "in the N who", durations, bare ages
    case("A trial in 64 participants older than 75 was stopped early.", ("64", 64, "enrolled")),
    case("In the 120 who completed the study, pain fell.", ("120", 120, "completed")),
    case("Pain fell in the 12 weeks with treatment."),
    case("We enrolled 300 adults aged 65 to 80 years.", ("300", 300, "enrolled")),
    case("Scores were 12 over 10 visits."),
]

# a control word modifying the counted noun: an arm, unless a flow verb says what happened to them
CONTROL_MODIFIERS = [
    case("Two control participants withdrew.",
         ("Two", 2, "lost_to_follow_up", {"population": "control participants", "organism": H})),
    case("Two control participants were withdrawn because of protocol violations.", ("Two", 2, "lost_to_follow_up")),
    case("Three placebo patients discontinued because of adverse events.", ("Three", 3, "lost_to_follow_up")),
    case("Four control subjects were excluded.", ("Four", 4, "excluded")),
    case("Of the 60 control participants, 4 relapsed.", ("60", 60, "control_arm")),
    case("In 49 placebo subjects, the index fell.", ("49", 49, "control_arm")),
    case("We recruited 1,204 case patients and 4,816 control subjects.",
         ("1,204", 1204, "enrolled", {"population": "case patients"}), ("4,816", 4816, "control_arm")),
    # must not: "controlled" is not a control word
    case("Twenty placebo-controlled trials were included.", ("Twenty", 20, "studies")),
]

# arm counts named by the treatment they were on, in lists split by a colon, after a count of sites
ARM_LISTS = [
    case("Among women without CHD (6074 on tamoxifen versus 6072 on placebo), risk ratios were similar.",
         ("6074", 6074, "intervention_arm"), ("6072", 6072, "control_arm")),
    case("They were distributed in two homogeneous groups: 21 in the control group and 20 in the study group.",
         ("21", 21, "control_arm"), ("20", 20, "intervention_arm")),
    case("A total of 371 adults enrolled at 79 sites (182 exemestane, 189 tamoxifen) were analysed.",
         ("371", 371, "enrolled"), ("182", 182, "intervention_arm"), ("189", 189, "control_arm")),
    case("Sixty-six adults (45 in the control group and 22 in the glue group) were studied.",
         ("Sixty-six", 66, "enrolled"), ("45", 45, "control_arm"), ("22", 22, "intervention_arm")),
    case("Adults were randomly allocated into two groups. Group 1 (n = 54) received dietary counselling.",
         ("54", 54, "intervention_arm")),
    case("We observed 352 events among 2,463 women receiving letrozole and 418 events among 2,459 women "
         "receiving tamoxifen.", ("2,463", 2463, "intervention_arm", {"population": "women receiving letrozole"}),
         ("2,459", 2459, "control_arm")),
    case("A drain was used in 80 adults (group A); no drain was used in 79 adults (group B).",
         ("80", 80, "intervention_arm"), ("79", 79, "control_arm")),
    case("Thirty-three adults (GJG group) received GJG and 27 adults (B12 group) received B12.",
         ("Thirty-three", 33, "intervention_arm"), ("27", 27, "control_arm")),
    # must not: a single count "on" a treatment, outcome counts split by arm, events listed by arm
    case("Symptoms were reported by nine men taking metformin and two taking placebo."),
    case("Fifty adults (age group 40-60) were included.", ("Fifty", 50, "enrolled")),
    case("Rats were kept in cages (n = 4 per cage) and 12 rats (study group 2) were imaged.",
         ("4", 4, None), ("12", 12, None)),
    case("Of the adults, 12 on placebo had nausea."),
    case("There were 40 deaths in two groups: 25 in the drug group and 15 in the placebo group."),
    case("Sixty-one events (drug 25, placebo 36) occurred."),
]

# numbers too large to be a count of study units
TOO_LARGE = [
    case("The sample comprised " + "1234567890" * 50 + " adults."),
    case("Records 123456789012 to 123456789999 were read."),
    case("A registry of 9,000,000,000 people was linked.", ("9,000,000,000", 9000000000, None)),
]

ALL = (EXPLICIT + COUNTED_NOUNS + FLOW + ARMS + REVIEWS + ANIMALS + SUBGROUPS + MUST_NOT + LINKED + MAIN_VERB
       + COMPARATOR + LABELLED_LISTS + NOT_COUNTS + SCREENED + PLANNED + RANDOMISED_ANIMALS + PAREN_ARMS + LOSS_BREAKDOWNS + ANALYSED_SETS + SUBSETS + CONTROL_MODIFIERS + ARM_LISTS + TOO_LARGE)


@pytest.mark.parametrize("text,expected", ALL)
def test_case(text, expected):
    rows = find_sample_sizes(text)
    got_spans = [text[r["start"]:r["end"]] for r in rows]
    assert got_spans == [e[0] for e in expected], rows
    for row, exp in zip(rows, expected):
        assert row["n"] == exp[1]
        assert row["role"] == exp[2], row
        for key, value in (exp[3] if len(exp) > 3 else {}).items():
            assert row[key] == value, (key, row)


def test_rules_run_without_internal_errors():
    # find_sample_sizes hides exceptions; the rules themselves must not need that
    for param in ALL:
        text = param.values[0]
        extract(text)
        extract(text + " " + text.upper())


def test_case_count():
    assert len(ALL) >= 120


def test_row_columns_and_types():
    text = "We enrolled 36 participants (n=9-10 per arm) and 12 mice."
    rows = find_sample_sizes(text)
    assert rows
    for r in rows:
        assert set(r) == {"start", "end", "n", "n_lower", "role", "population", "organism"}
        assert isinstance(r["n"], int)
        assert r["role"] is None or r["role"] in ROLES
    rng = [r for r in rows if r["n_lower"] is not None]
    assert rng and rng[0]["n_lower"] == 9 and rng[0]["n"] == 10


def test_given_sentences_match_crude_split():
    text = "We enrolled 36 participants. Of these, 17 completed. Twelve mice were used."
    assert find_sample_sizes(text, crude_sentences(text)) == find_sample_sizes(text)


def test_sentences_limit_context():
    text = "Patients were assigned to placebo. 40 were analysed."
    rows = find_sample_sizes(text, [(0, 34), (35, len(text))])
    assert [(r["n"], r["role"]) for r in rows] == [(40, "analyzed")]


def test_bad_sentences_are_tolerated():
    text = "We enrolled 36 participants."
    rows = find_sample_sizes(text, [(50, 10), ("x", None), (0, 1000)])
    assert [(r["n"], r["role"]) for r in rows] == [(36, "enrolled")]


@pytest.mark.parametrize("bad", [None, "", 42, b"n=12"])
def test_non_text_gives_no_rows(bad):
    assert find_sample_sizes(bad) == []


@pytest.mark.parametrize("words,value", [
    ("Thirty", 30), ("One hundred and seventy-six", 176), ("Hundred fifty-nine", 159),
    ("Four thousand nine hundred twenty-two", 4922), ("Four-hundred nine", 409), ("1,204", 1204),
    ("13 388", 13388), ("twenty two", 22), ("forty", 40),
])
def test_parse_count(words, value):
    assert parse_count(words) == value


def test_parse_count_rejects_non_numbers():
    assert parse_count("patients") is None
    assert parse_count("") is None


# ---------------------------------------------------------------- summary
def _summary(text):
    return summarize_sample_sizes(find_sample_sizes(text), text)


def test_summary_takes_whole_enrolled_population():
    text = ("We screened 640 women. Of 580 enrolled patients, 551 were randomized and 498 completed the study.")
    assert _summary(text) == {"sample_size_total": 580, "n_studies": None}


def test_summary_prefers_flow_counts_over_plain_counts():
    text = "Hot flushes affect 1,000 women. We randomized 86 women; 80 were analysed."
    assert _summary(text)["sample_size_total"] == 86


def test_summary_uses_enrolled_over_analyzed():
    text = "The study enrolled 36 participants with 19 lost to follow-up. Finally 17 were analysed."
    assert _summary(text)["sample_size_total"] == 36


def test_summary_ignores_arms_and_subgroups():
    text = ("Patients were randomized to drug (n = 40) or placebo (n = 38). Of these, 12 had diabetes. "
            "Overall, 78 patients were analysed.")
    assert _summary(text)["sample_size_total"] == 78


def test_summary_review_has_no_total():
    text = ("Statins and fractures: a systematic review and meta-analysis. We pooled 27 trials with "
            "3,114 participants.")
    assert _summary(text) == {"sample_size_total": None, "n_studies": 27}


def test_summary_studies_in_primary_article():
    text = "A meta-analysis of 19 studies supports this. We randomized 120 adults to drug or placebo."
    assert _summary(text) == {"sample_size_total": 120, "n_studies": 19}


def test_summary_review_ignores_cited_trials():
    text = ("Exercise for fatigue: a systematic review. We included 12 trials. One ongoing trial has "
            "randomised 4,000 participants.")
    assert _summary(text) == {"sample_size_total": None, "n_studies": 12}


def test_summary_case_report_is_one_patient():
    text = "Remission of alopecia with topical cream: a case report. A trial in 80 adults found no effect."
    assert _summary(text)["sample_size_total"] == 1


def test_summary_sums_arms_without_stated_total():
    text = "Old mice were randomly assigned to the drug (n=12) or vehicle (n=11). Grip strength improved."
    assert _summary(text)["sample_size_total"] == 23


def test_summary_skips_per_group_counts():
    text = "Rats were randomly assigned to three groups (n = 8 each). Grip strength improved."
    assert _summary(text)["sample_size_total"] != 8


def test_summary_skips_experiments():
    text = "Viability fell (n=3 independent experiments). Treated mice (n=8) and controls (n=7) were compared."
    assert _summary(text)["sample_size_total"] != 3


def test_summary_empty():
    assert summarize_sample_sizes([], "") == {"sample_size_total": None, "n_studies": None}
    assert summarize_sample_sizes(None, None) == {"sample_size_total": None, "n_studies": None}


# ---------------------------------------------------------------- lexicon
def test_lexicon_loads_and_is_consistent():
    lex = load_lexicon()
    assert lex.participant_nouns["patients"] == "human"
    assert lex.participant_nouns["mice"] == "mouse"
    assert "deaths" in lex.outcome_event_nouns
    assert set(lex.role_cues) <= set(ROLES)


def test_lexicon_validation_rejects_bad_data():
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    bad = dict(data, role_cues={"recruited": ["recruited"]})
    with pytest.raises(LexiconError):
        validate(bad)
    bad = dict(data, participant_nouns={"Patients": "human"})
    with pytest.raises(LexiconError):
        validate(bad)
    bad = dict(data, outcome_event_nouns=data["outcome_event_nouns"] + ["patients"])
    with pytest.raises(LexiconError):
        validate(bad)
    bad = {k: v for k, v in data.items() if k != "units"}
    with pytest.raises(LexiconError):
        validate(bad)


# ---------------------------------------------------------------- properties
PIECES = st.sampled_from([
    "n=", "N = ", "(", ")", "[", "]", "12", "1,204", "13 388", "9-10", "0", "2019", "3.5", "%", " ", ". ",
    ", ", "; ", "patients", "mice", "women", "were randomized", "to placebo", "or", "and", "of", "group",
    "Thirty", "one hundred and", "-", "–", "weeks", "mg", "studies", "a total of", "Of these,", "\n",
    "completed", "withdrew", "(n = 25)", "×", "·", "\u2009", "per", "in the control group",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_property_structured_text(text):
    _check_rows(text, find_sample_sizes(text))
    _check_rows(text, extract(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=5))
def test_property_any_text_and_sentences(text, sentences):
    _check_rows(text, find_sample_sizes(text, sentences))
    _check_rows(text, extract(text, sentences))


def _check_rows(text, rows):
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts)
    for r in rows:
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert isinstance(r["n"], int) and r["n"] >= 0
        assert r["role"] is None or r["role"] in ROLES
        assert text[r["start"]:r["end"]].strip() == text[r["start"]:r["end"]]
        if r["n_lower"] is not None:
            assert r["n_lower"] < r["n"]
    summary = summarize_sample_sizes(rows, text)
    assert set(summary) == {"sample_size_total", "n_studies"}
