"""What a reader is told speaks in labels and words, never code: every example's explanations and
payments in both languages, an `if` payment by the branch that held, conditions in words, survey
words only for survey answers, and `rk check`'s warnings for whatever a report would show by name."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import resultkontrakt as rkt
from resultkontrakt.core.wording import DANISH, ENGLISH
from resultkontrakt.words.explain import condition_words, formula_words

from .conftest import Rk

EXAMPLES = Path(__file__).parent.parent / "examples"

# Every example, with each set of facts it ships (and a follow-up during the period).
RUNS = [("nordjylland-2019", "nordjylland-2019.facts.json", None),
        ("maal-og-resultatplan-2023", "maal-og-resultatplan-2023.facts.json", None),
        ("social-investering-2021", "social-investering-2021.facts.json", None),
        ("social-investering-2021", "social-investering-2021-midtvejs.facts.json", None),
        ("social-investering-2021", "social-investering-2021-midtvejs.facts.json", dt.date(2023, 6, 30)),
        *[("busdrift-2024", f"busdrift-2024.{year}.facts.json", None) for year in ("2024", "2025", "2025-midtvejs")],
        *[("fair-chance-fund-2015", f"fair-chance-fund-2015.{year}.facts.json", None)
          for year in ("2016", "2017", "2017-midtvejs")],
        *[("udviklingskontrakt-2008", f"udviklingskontrakt-2008.{year}.facts.json", None)
          for year in ("2009", "2011", "2011-midtvejs")]]

NAME = re.compile(r"\w_\w")  # a name as declared: status_18, andel_af_maks
OPERATORS = (">=", "<=", "->", "!=", "*", "/", "`")
CALL = re.compile(r"\w\(")  # round(, count(, month(
# In Danish, `and` and `in` can only be code; in English they are words.
DANISH_CODE = (" and ", " in ", " or ", " then ", " else ")


def _code_in(text: str, language: str) -> list[str]:
    found = NAME.findall(text) + CALL.findall(text) + [op for op in OPERATORS if op in text]
    if language == "da":
        found += [word for word in DANISH_CODE if word in text]
    return found


def _said(contract: str, facts: str, as_of: dt.date | None, language: str) -> list[str]:
    evaluation = rkt.load(EXAMPLES / f"{contract}.rk").evaluate(rkt.load_facts(EXAMPLES / facts), as_of=as_of)
    said = [goal.explain(language) for goal in evaluation.goals.values()]
    said += [goal.distance_sentence(language) or "" for goal in evaluation.goals.values()]
    said += [payment.explain(language) for payment in evaluation.payments.values()]
    return said


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize(("contract", "facts", "as_of"), RUNS)
def test_every_examples_explanations_and_payments_show_no_name_operator_or_call(
        contract: str, facts: str, as_of: dt.date | None, language: str) -> None:
    for text in _said(contract, facts, as_of, language):
        assert not _code_in(text, language), (text, _code_in(text, language))


def test_the_check_for_code_finds_it() -> None:
    """The check above is no check that cannot fail: code as the reports once showed it fails it."""
    old = ('Bonus: 220.461 kr. = if fulfilment(goal 2) = 0% then 0 kr else round(min(250000 kr, '
           '(tilfredse - 85%) / 1% * 50000 kr), 1 kr); andel_af_maks = 60 %')
    found = _code_in(old, "da")
    assert {"n(", "d(", "/", "*", " then ", " else "} <= set(found) and "l_a" in found


PLAN = """\
contract "Plan" { period 2023-01-01 .. 2023-12-31 }
fact point: number label "point i alt"
fact løn: money label "løn"
goal 1 "Mål" { score point >= 50 -> 100%; else -> 0% }
payment bonus "Bonus" = if point >= 90 then 10% of løn
                        else if point >= 50 then round(5% of løn * fulfilment(goal 1), 1 kr)
                        else 0 kr
"""


@pytest.mark.parametrize(("point", "danish"), [
    (95, "Bonus: 50.000 kr. = 10 % af løn 500.000 kr., fordi point i alt er 95: mindst 90."),
    (90, "Bonus: 50.000 kr. = 10 % af løn 500.000 kr., fordi point i alt er 90: mindst 90."),
    (70, "Bonus: 25.000 kr. = 5 % af løn 500.000 kr. × målopfyldelsen for mål 1 (100 %), afrundet til hele "
         "kroner, fordi point i alt er 70: under 90, men mindst 50."),
    (49, "Bonus: 0 kr., fordi point i alt er 49: under 90, under 50."),
])
def test_an_if_payment_says_the_branch_that_held_and_why_in_words_with_its_values(point: int, danish: str) -> None:
    payment = rkt.loads(PLAN).evaluate({"point": point, "løn": 500000}).payments["bonus"]
    assert payment.explain("da").replace("\u00a0", " ") == danish
    english = payment.explain("en").replace("\u00a0", " ")
    assert "because point i alt is" in english and not _code_in(english, "en")


def test_a_value_chosen_by_tiers_is_said_once_with_why_and_no_echo() -> None:
    plan = rkt.load(EXAMPLES / "maal-og-resultatplan-2023.rk")
    said = plan.evaluate(rkt.load_facts(EXAMPLES / "maal-og-resultatplan-2023.facts.json")) \
        .payments["resultatløn"].explain("da").replace("\u00a0", " ")
    assert said.startswith("Resultatløn 2023: 55.180 kr. = andel af største resultatløn 60 % af 10 % af "
                           "(lønrammeløn 823.417,52 kr. + varige tillæg 96.250 kr.)")
    assert "andel af største resultatløn er 60 %, fordi point i alt er 82,5: under 90, men mindst 75" in said
    assert "ud fra" not in said and said.count("823.417,52") == 1 and said.count("82,5") == 1


ROWS = """\
fact udgåede: list of record {
    dato: date label "dato"
    årsag: one of {"operatør", "vejr"} label "årsag"
} "Udgåede ture" label "udgåede ture"
"""


def test_conditions_are_said_in_words_by_labels_and_never_by_the_bound_name() -> None:
    contract = rkt.loads('contract "c" { period 2024-01-01 .. 2024-12-31 }\n' + ROWS
                         + 'metric bod = sum(min(20000 kr, 500 kr * count(t in udgåede where t.årsag = "operatør"'
                         ' and t.dato in period and month(t.dato) = m)) for m in 1 .. 12) label "bod"\n'
                         'goal 1 "g" { score bod <= 1 mio kr -> 100% }\n')
    words = DANISH.labelled(contract.analysis.labels)
    said = formula_words(contract.analysis.metrics["bod"].expr, words)
    assert said == ('summen af det mindste af 20.000\u00a0kr. og 500\u00a0kr. × (antallet af udgåede ture, hvor årsag er '
                    '"operatør" og dato ligger i perioden og dato ligger i måneden), for hver måned')
    english = formula_words(contract.analysis.metrics["bod"].expr, ENGLISH.labelled(contract.analysis.labels))
    assert "where årsag is \"operatør\" and dato lies in the period and dato lies in the month), for each month" \
        in english


@pytest.mark.parametrize(("condition", "danish", "english"), [
    ('x >= 2 and not (y < 3 or z = "a")', 'x er mindst 2 og ikke (y er under 3 eller z er "a")',
     'x is at least 2 and not (y is below 3 or z is "a")'),
    ('z not in {"a", "b"}', 'z er ingen af "a" eller "b"', 'z is none of "a" or "b"'),
    ("d <= 2024-06-30", "d er senest 30. juni 2024", "d is on or before 30 June 2024"),
    ("year(d) = period.year", "året for d er rapporteringsåret", "the year of d is the reporting year"),
    # A year the contract writes, against a year, as a year is written: never 2.025.
    ("year(d) >= 2025", "året for d er mindst 2025", "the year of d is at least 2025"),
    ("period.year = 2025", "rapporteringsåret er 2025", "the reporting year is 2025"),
])
def test_a_condition_is_said_in_words(condition: str, danish: str, english: str) -> None:
    contract = rkt.loads(f'fact x: number\nfact y: number\nfact z: text\nfact d: date\n'
                        f'contract "c" {{ period 2024-01-01 .. 2024-12-31 }}\n'
                        f'goal 1 "g" {{ score {condition} -> 100%; else -> 0% }}\n')
    [tier, _] = contract.module.goals[0].tiers
    assert tier.condition is not None
    assert condition_words(tier.condition, DANISH) == danish
    assert condition_words(tier.condition, ENGLISH) == english


SURVEYS = """\
fact svar: list of optional integer in 0 .. 10 label "svarene"
fact status: list of one of {"bolig", "hjemløs"} label "boligsituation"
goal 1 "Svar" {
    require count(svar) >= 3 "for få svar"
    score count(svar) >= 2 -> 100%
}
goal 2 "Bolig" {
    require count(status) >= 3 "for få borgere"
    score count(status) >= 3 -> 100%
}
"""


def test_only_answers_to_a_survey_are_counted_as_answers() -> None:
    result = rkt.loads(SURVEYS).evaluate({"svar": [1, 2, 3, None], "status": ["bolig", "bolig"]})
    assert result.goals["2"].reason == "for få borgere (number of entries in boligsituation = 2: below 3)"
    assert "antal i boligsituation = 2" in result.goals["2"].explain("da")
    assert "antal svar i svarene = 3 (mindst 3 kræves)" in result.goals["1"].explain("da").replace("\u00a0", " ")


def test_not_evaluable_and_waiting_texts_name_facts_and_deliverables_by_their_labels() -> None:
    social = rkt.load(EXAMPLES / "social-investering-2021.rk")
    evaluation = social.evaluate({"indflyttede": 300, "første_indflytning": "2021-08-31"})
    said = " ".join(goal.explain("da") for goal in evaluation.goals.values())
    assert "ugyldigt faktum indflyttede borgere: 300" in said
    assert "mangler faktum boligsituation efter 18 måneder" in said
    assert "Boligopgørelse efter 18 måneder" in said and not NAME.search(said)
    pending = social.evaluate({}, as_of=dt.date(2022, 1, 1))
    waiting = " ".join(goal.explain("da") for goal in pending.goals.values())
    assert "afventer indflyttede borgere (måles senest 31. december 2024)" in waiting and not NAME.search(waiting)


def test_rk_eval_says_payments_in_words_in_both_languages(rk: Rk) -> None:
    contract, facts = EXAMPLES / "busdrift-2024.rk", EXAMPLES / "busdrift-2024.2025.facts.json"
    for language in ("da", "en"):
        text = " ".join(rk("eval", str(contract), str(facts), "--lang", language).stdout.split())
        assert "fulfilment(" not in text and "round(" not in text and "month(" not in text
        assert ("fordi målopfyldelsen for mål 2 er 50 %" if language == "da"
                else "because fulfilment of goal 2 is 50%") in text.replace("\u00a0", " ")


def test_check_warns_for_a_payment_without_a_title_and_a_rows_field_without_a_label() -> None:
    contract = rkt.loads(ROWS.replace('årsag: one of {"operatør", "vejr"} label "årsag"',
                                     'årsag_kode: one of {"operatør", "vejr"}')
                        + 'payment bod = 500 kr * count(t in udgåede where t.årsag_kode = "operatør")\n'
                        + 'payment tilskud "Tilskud" = 100 kr\n')
    warned = [(p.code, dict(p.params)["name"]) for p in contract.warnings if p.code.startswith("label.")]
    assert warned == [("label.field", "årsag_kode"), ("label.payment", "bod")]
    hints = [str(p.hint) for p in contract.warnings if p.code.startswith("label.")]
    assert 'årsag_kode: one of {"operatør", "vejr"} label "årsag kode"' in hints[0]
    assert 'payment bod "Bod" = ...' in hints[1]
    labelled = rkt.loads(ROWS + 'payment bod "Bod" = 500 kr * count(t in udgåede where t.årsag = "operatør")\n')
    assert not [p for p in labelled.warnings if p.code.startswith("label.")]


def test_how_far_a_share_is_from_its_next_tier_counts_answers_only_for_a_survey() -> None:
    text = """\
fact svar: list of optional integer in 1 .. 5 label "svarene"
fact status: list of one of {"bolig", "hjemløs"} label "boligsituation"
metric tilfredse = share(a in svar where a >= 4) label "andel tilfredse"
metric i_bolig = share(s in status where s = "bolig") label "andel i bolig"
goal 1 "Svar" { score tilfredse >= 50% -> 100%; else -> 0% }
goal 2 "Bolig" { score i_bolig >= 50% -> 100%; else -> 0% }
"""
    result = rkt.loads(text).evaluate({"svar": [5, 5, 1, 1], "status": ["bolig", "bolig", "hjemløs", "hjemløs"]})
    survey = result.goals["1"].distance_sentence("da")
    housing = result.goals["2"].distance_sentence("da")
    assert survey is not None and "færre af de 4 svar" in survey
    assert housing is not None and "færre af de 4)" in housing and "svar" not in housing


def test_survey_answers_are_counted_as_answers_in_a_contract_without_labels() -> None:
    contract = rkt.loads('fact svar: list of optional integer in 0 .. 10\n'
                         'fact status: list of one of {"bolig", "hjemløs"}\n'
                         'goal 1 "g" { score count(svar) >= 2 and count(status) >= 2 -> 100%; else -> 0% }\n')
    said = contract.evaluate({"svar": [1, 2], "status": ["bolig"]}).goals["1"].explain()
    assert "number of answers in svar = 2" in said and "number of entries in status = 1" in said


def test_a_comparison_says_why_a_goal_has_no_result_by_labels(rk: Rk) -> None:
    social = EXAMPLES / "social-investering-2021.rk"
    shown = rk("compare", f"{social}:{EXAMPLES / 'social-investering-2021-midtvejs.facts.json'}",
               f"{social}:{EXAMPLES / 'social-investering-2021.facts.json'}", "--lang", "da").stdout
    shown = " ".join(shown.split())  # the notes under the table are wrapped to the terminal's width
    assert "mangler faktum boligsituation efter 36 måneder" in shown
    assert "Boligopgørelse efter 36 måneder er ikke indberettet" in shown
    assert not NAME.search(shown), NAME.findall(shown)


def test_a_span_of_the_calendar_and_a_table_are_said_as_values_not_as_a_calculation() -> None:
    contract = rkt.loads('fact ophold: list of record { fra: date label "fra", til: date label "til" } label "ophold"\n'
                         'metric lange = count(g in ophold where g.til >= g.fra + 3 months) label "lange ophold"\n'
                         'goal 1 "g" { score lange >= 1 -> 100%; else -> 0% }\n')
    said = formula_words(contract.analysis.metrics["lange"].expr, DANISH.labelled(contract.analysis.labels))
    assert said == "antallet af ophold, hvor til er tidligst fra + 3\u00a0måneder"


def test_explanations_cannot_reach_the_contracts_code() -> None:
    from resultkontrakt.words import explain

    assert "expr_text" not in vars(explain)


QUANTIFIED = '''contract "q" { parties "A" period 2024-01-01 .. 2024-12-31 }
fact rows: list of record {
    who: text label "hvem"
} label "rækker"
goal 1 "Alle" { score all(r.who = "ok" for r in rows) -> 100% }
goal 2 "Nogen" { score any(r.who = "x" for r in rows) -> 100% }
'''


@pytest.mark.parametrize(("lang", "every", "some"), [
    ("en", 'hvem is "ok" for every row of rækker (1 of 2) does not hold',
     'hvem is "x" for at least one row of rækker (1 of 2) holds'),
    ("da", 'hvem er "ok" for hver række i rækker (1 af 2) er ikke opfyldt',
     'hvem er "x" for mindst én række i rækker (1 af 2) er opfyldt'),
])
def test_any_is_said_as_at_least_one_and_all_as_every(lang: str, every: str, some: str) -> None:
    """`any(r.who = "x" for r in rows)` read "hvem is "x", for each row of rækker (1 of 2)
    holds": a reader was told every row, where one did."""
    contract = rkt.loads(QUANTIFIED)
    result = contract.evaluate({"rows": [{"who": "ok"}, {"who": "x"}]})
    said = result.explain(lang).replace("\u00a0", " ")
    assert every in said and some in said, said
