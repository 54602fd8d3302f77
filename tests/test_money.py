"""Money in currencies, rounding to a unit, parts of dates, credit-note splits, split titles,
labels and the contract's own language (issue 22)."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import resultkontrakt as rk
from resultkontrakt.contract.examples import run as run_examples
from resultkontrakt.core.vocabulary import METHODS
from resultkontrakt.core.wording import DANISH, ENGLISH
from resultkontrakt.language import syntax as s
from resultkontrakt.split.allocation import allocate

from .conftest import Rk

FUND = """\
contract "Fair Chance Fund: Fusion Housing 2015-2017" {
    period 2015-01-01 .. 2017-12-31
    currency GBP
}
fact krav: money "Outcome claims" label "claims"
fact gebyr: money EUR in 0 EUR .. 1 mio EUR "Fee" label "fee"
fact kurs: rate DKK per EUR "Exchange rate" label "rate"
metric i_kroner = convert(gebyr, 7.4604 kr per EUR) "Fee in kroner" label "fee in kroner"
metric til_kurs = convert(gebyr, kurs) "Fee at the day's rate" label "fee at the rate"
goal 1 "Fee paid" { score i_kroner >= 1 kr -> 100%; til_kurs >= 1 kr -> 50%; else -> 0% }
payment betaling "Outcome payments" = min(krav, 1.9 mio GBP)
split fordeling "Outcome payments by partner" {
    total betaling
    shares { Nord 1 Syd 2 }
}
example "Capped" {
    given krav = 2 mio GBP, gebyr = 100 EUR, kurs = 7.5 kr per EUR
    expect payment betaling = 1.9 mio GBP, goal 1 = 100%
}
"""


def metric_values(contract: rk.Contract, facts: dict[str, object]) -> dict[str, object]:
    """Every metric's value for these facts."""
    from resultkontrakt.evaluation.evaluate import Evaluator

    evaluator = Evaluator(contract.analysis, contract.check_facts(facts), None, None)
    return {name: evaluator.value(s.Name(name, span=None), None)  # type: ignore[arg-type]
            for name in contract.metrics}


def problems(text: str) -> list[rk.Problem]:
    with pytest.raises(rk.RkError) as error:
        rk.loads(text)
    return list(error.value.problems)


# ---- currencies --------------------------------------------------------------------------------


def test_a_contract_in_pounds_pays_in_pounds_and_says_so_in_every_output() -> None:
    contract = rk.loads(FUND)
    assert all(outcome.passed for outcome in run_examples(contract))
    result = contract.evaluate({"krav": 2_000_000, "gebyr": 1000, "kurs": 7.45})
    payment = result.payments["betaling"]
    assert payment.amount == 1_900_000 and payment.currency == "GBP"
    data = payment.to_dict()
    assert data["currency"] == "GBP" and data["amount"] == "1900000.00"
    assert data["value"]["currency"] == "GBP"  # type: ignore[index]
    assert payment.explain(ENGLISH).startswith("Outcome payments: £1,900,000 = ")
    assert payment.explain(DANISH).startswith("Outcome payments: 1.900.000\u00a0GBP = ")
    split = result.splits["fordeling"]
    assert split.allocation is not None and split.allocation.currency == "GBP"
    assert split.allocation.to_dict()["title"] == "Outcome payments by partner"
    # The fee at the contract's rate, exactly: 1000 x 7.4604, not a float near it; shown to the
    # krone, since the contract's own amounts have no øre.
    assert "fee = €1,000" in result.goals["1"].explain(ENGLISH)
    assert metric_values(contract, {"krav": 2_000_000, "gebyr": 1000, "kurs": 7.45})["i_kroner"] == Fraction("7460.4")
    assert "fee in kroner = ≈7,460\u00a0kr" in result.goals["1"].explain(ENGLISH)


@pytest.mark.parametrize(("written", "mixed"), [
    ("metric m = krav + gebyr", ("GBP", "EUR")),
    ("metric m = krav > 1 kr", ("GBP", "DKK")),
    ("metric m = min(krav, 2 EUR)", ("GBP", "EUR")),
    ("metric m = if krav > 1 GBP then krav else gebyr", ("GBP", "EUR")),
    ("payment p = krav + 1 kr", ("GBP", "DKK")),
    # Lists joined with `+` were once taken for one list of amounts, so their sum added pounds to kroner.
    ("metric m = sum([krav] + [1 kr])", ("GBP", "DKK")),
    ("metric m = max([v * 1 EUR for v in 1 .. 2] + [krav])", ("EUR", "GBP")),
])
def test_money_of_two_currencies_is_a_load_error_with_the_hint_to_convert(
        written: str, mixed: tuple[str, str]) -> None:
    found = [p for p in problems(FUND + written + "\n") if p.code == "currency.mixed"]
    assert found, written
    message = found[0].message
    assert mixed[0] in message and mixed[1] in message
    assert "convert(AMOUNT, RATE)" in str(found[0].hint) and f"per {mixed[1]}" in str(found[0].hint)
    assert found[0].span is not None and found[0].span.line == FUND.count("\n") + 1


def test_lists_of_amounts_joined_keep_their_currency() -> None:
    contract = rk.loads(FUND + "payment p = sum([krav] + [1 GBP, 2 GBP])\n")
    result = contract.evaluate({"krav": 1, "gebyr": 1, "kurs": 7})
    assert result.payments["p"].amount == 4 and result.payments["p"].currency == "GBP"


def test_a_rate_written_as_zero_is_a_load_error_as_a_rate_fact_of_zero_is() -> None:
    # It was taken, and converted every amount to 0 kr without a word.
    found = [p for p in problems(FUND + "metric m = convert(gebyr, 0.00 kr per EUR)\n") if p.is_error]
    assert [p.code for p in found] == ["currency.rate-zero"]
    assert "0.00 kr per EUR" in found[0].message and "7.46 kr per EUR" in str(found[0].hint)


def test_a_rate_must_convert_from_the_amounts_currency() -> None:
    found = problems(FUND + "metric m = convert(krav, 7.46 kr per EUR)\n")
    assert [p.code for p in found if p.is_error] == ["currency.rate-from"]


def test_an_amount_in_a_facts_file_is_a_number_in_its_facts_currency() -> None:
    contract = rk.loads(FUND)
    refused = contract.evaluate({"krav": "100 kr", "gebyr": 1, "kurs": 7})
    [error] = refused.errors
    assert "krav: 100 kr is not in GBP" in error.message and "convert(AMOUNT, RATE)" in str(error.hint)
    assert contract.evaluate({"krav": "100 GBP", "gebyr": 1, "kurs": 7}).payments["betaling"].amount == 100
    # What is no amount at all is told to be written in the fact's currency, not "write kroner".
    [error] = contract.evaluate({"krav": "£100", "gebyr": 1, "kurs": 7}).errors
    assert str(error.hint) == 'write the amount in GBP as a number, or text such as "576 GBP"'


@given(st.integers(-10**9, 10**9), st.integers(1, 10**8))
def test_convert_is_exact(cents: int, rate: int) -> None:
    amount, per = Fraction(cents, 100), Fraction(rate, 10**4)
    assert metric_values(CONVERTING, {"x": amount, "r": per})["m"] == amount * per


CONVERTING = rk.loads('fact x: money EUR label "x"\nfact r: rate DKK per EUR label "r"\n'
                      'metric m = convert(x, r) label "m"\n'
                      'goal 1 "g" { score m >= 0 kr -> 100%; else -> 0% }\n')


# ---- rounding and dates ------------------------------------------------------------------------

ROUNDING = rk.loads('fact x: number label "x"\nfact p: percent label "p"\nfact b: money label "b"\n' + "".join(
    f'metric {name} = {expr} label "{name}"\n' for name, expr in [
        ("f", "floor(x, 0.05)"), ("c", "ceil(x, 0.05)"), ("r", "round(x, 0.05)"), ("e", "round_half_even(x, 0.05)"),
        ("r2", "round(x, 2)"), ("r01", "round(x, 0.01)"), ("fb", "floor(b, 1 kr)"), ("cb", "ceil(b, 1 tkr)"),
        ("cp", "ceil(p, 1%)"), ("fw", "floor(x)"), ("cw", "ceil(x)"), ("ew", "round_half_even(x, 1.0)")])
    + 'goal 1 "g" { score f + c + r + e + r2 + r01 + fw + cw + ew >= 0 and fb >= 0 kr and cb >= 0 kr '
      'and cp >= 0% -> 100%; else -> 0% }\n')



def rounded(x: Fraction, b: Fraction = Fraction(0), p: Fraction = Fraction(0)) -> dict[str, Fraction]:
    found = metric_values(ROUNDING, {"x": x, "b": b, "p": p})
    return {name: Fraction(value) for name, value in found.items()}  # type: ignore[call-overload]


@pytest.mark.parametrize(("x", "away", "even"), [
    # Exact halves of the step first: away from zero, and to the even neighbour.
    (Fraction(25, 1000), Fraction(5, 100), Fraction(0)), (Fraction(75, 1000), Fraction(1, 10), Fraction(1, 10)),
    (Fraction(-25, 1000), Fraction(-5, 100), Fraction(0)), (Fraction(125, 1000), Fraction(15, 100), Fraction(1, 10)),
    (Fraction(24, 1000), Fraction(0), Fraction(0)), (Fraction(26, 1000), Fraction(5, 100), Fraction(5, 100)),
])
def test_halves_round_away_from_zero_unless_half_even(x: Fraction, away: Fraction, even: Fraction) -> None:
    found = rounded(x)
    assert (found["r"], found["e"]) == (away, even)


# The halves next to zero first, on both sides.
@example(0)
@example(-1)
@example(1)
@example(-2)
@given(st.integers(-10**5, 10**5))
def test_an_exact_half_of_the_unit_goes_away_from_zero_or_to_the_even_neighbour(k: int) -> None:
    step = Fraction(5, 100)
    found = rounded((k + Fraction(1, 2)) * step)
    away = k + 1 if k >= 0 else k
    assert found["r"] == away * step
    assert found["e"] == (k if k % 2 == 0 else k + 1) * step
    assert found["f"] == k * step and found["c"] == (k + 1) * step


@given(st.integers(-10**6, 10**6).map(lambda n: Fraction(n, 1000)))
def test_floor_and_ceil_hold_the_value_between_them_on_the_unit(x: Fraction) -> None:
    found = rounded(x, b=x * 1000, p=x / 1000)
    assert found["f"] <= x <= found["c"] and found["c"] - found["f"] in (0, Fraction(5, 100))
    assert (found["f"] / Fraction(5, 100)).denominator == (found["c"] / Fraction(5, 100)).denominator == 1
    assert found["fb"] <= x * 1000 <= found["cb"] and found["cb"] % 1000 == 0
    assert found["fw"] <= x <= found["cw"] and found["cw"] - found["fw"] <= 1
    assert found["r2"] == found["r01"]  # a count of decimals is the unit it stands for
    assert found["cp"] >= x / 1000 and (found["cp"] * 100).denominator == 1


@pytest.mark.parametrize(("written", "code"), [
    ("floor(b, 1%)", "function.round-kind"), ("round(x, 1 kr)", "function.round-kind"),
    ("ceil(b, 1 EUR)", "currency.mixed"), ("round(x, x)", "function.round-unit"),
    ("round(x, 21)", "function.round-digits"), ("month(x)", "function.date-part"),
    ("if x > 1 then 7 kr per EUR else 7 kr per GBP", "currency.rates"), ("convert(b, 7 kr per DKK)", None),
])
def test_a_unit_of_another_kind_or_currency_is_a_load_error(written: str, code: str | None) -> None:
    text = f'fact x: number\nfact b: money\nmetric m = {written}\ngoal 1 "g" {{ score x > 0 -> 100% }}\n'
    found = [p.code for p in problems(text)]
    assert (code or "currency.rate-same") in found


def test_a_rate_names_its_currencies() -> None:
    assert [p.code for p in problems("fact k: rate\n") if p.is_error] == ["currency.rate-alone"]
    assert [p.code for p in problems("fact k: rate EUR per EUR\n") if p.is_error] == ["currency.rate-same"]
    assert [p.code for p in problems("fact k: number EUR\n") if p.is_error] == ["currency.type"]


def test_year_quarter_month_and_day_are_whole_numbers() -> None:
    contract = rk.loads('fact d: date label "d"\nmetric n = year(d) * 10000 + quarter(d) * 1000 + month(d) * 10 '
                        '+ day(d) label "n"\ngoal 1 "g" { score n = 20194118 -> 100%; else -> 0% }\n')
    assert contract.analysis.types["n"].integer
    assert contract.evaluate({"d": "2019-11-08"}).goals["1"].fulfilment == 1


# ---- splits of credit, and titles ----------------------------------------------------------------


@given(st.lists(st.integers(0, 50), min_size=1, max_size=6).filter(any), st.integers(0, 10**5),
       st.sampled_from(METHODS), st.sampled_from([1, 2, 4]))
def test_the_split_of_minus_t_is_exactly_minus_the_split_of_t(
        weights: list[int], units: int, method: str, installments: int) -> None:
    split = s.Split("k", s.Name("t", span=None), None, method=method, installments=installments,  # type: ignore[arg-type]
                    span=None)  # type: ignore[arg-type]
    total = Fraction(units * installments)
    parties = [(f"P{i}", w) for i, w in enumerate(weights)]
    debit, credit = allocate(split, parties, total=total), allocate(split, parties, total=-total)
    assert credit.total == -debit.total
    for plus, minus in zip(debit.shares, credit.shares, strict=True):
        assert (minus.amount, minus.quota, minus.per_installment) == (-plus.amount, -plus.quota, -plus.per_installment)
        assert (minus.margin_down, minus.margin_up, minus.tie) == (plus.margin_down, plus.margin_up, plus.tie)


CREDIT = """\
fact beløb: money label "beløb"
split tilbage "Tilbagebetaling" {
    total beløb
    shares { Nord 1 Syd 2 }
}
goal 1 "g" { score beløb < 0 kr -> 100%; else -> 0% }
example "En kreditnota" {
    given beløb = -9000 kr
    expect split tilbage "Nord" = -3000, split tilbage "Syd" = -6000
}
"""


def test_a_credit_note_is_split_and_a_worked_example_may_expect_a_negative_share() -> None:
    contract = rk.loads(CREDIT)
    assert [outcome.failures for outcome in run_examples(contract)] == [()]
    split = contract.evaluate({"beløb": -9000}).splits["tilbage"]
    assert split.allocation is not None and dict(split.allocation) == {"Nord": -3000, "Syd": -6000}
    assert split.shown_as == "Tilbagebetaling"


def test_a_split_title_is_what_readers_see(rk: Rk, tmp_path: object) -> None:
    import pathlib

    folder = pathlib.Path(str(tmp_path))
    (folder / "c.rk").write_text(CREDIT, encoding="utf-8")
    (folder / "f.json").write_text('{"beløb": -9000}', encoding="utf-8")
    run = rk("eval", str(folder / "c.rk"), str(folder / "f.json"), "--format", "json")
    data = json.loads(run.stdout)
    assert data["splits"][0]["title"] == "Tilbagebetaling"
    text = rk("eval", str(folder / "c.rk"), str(folder / "f.json")).stdout
    assert "Split of Tilbagebetaling: -9,000 kr Nord 1 -3,000 kr" in " ".join(text.split())


def test_json_in_another_currency_and_of_a_credit_note_follows_the_schemas() -> None:
    pytest.importorskip("jsonschema")
    from .test_schema import validator

    result = rk.loads(FUND).evaluate({"krav": 2_000_000, "gebyr": 1000, "kurs": 7.45})
    validator("eval").validate(json.loads(json.dumps(result.to_dict())))
    credit = rk.loads(CREDIT).evaluate({"beløb": -9000}).splits["tilbage"].allocation
    assert credit is not None and result.payments["betaling"].currency == "GBP"
    validator("split").validate(credit.to_dict())


# ---- names as readers see them -------------------------------------------------------------------

UNLABELLED = """\
fact opsøgende_model: bool "Model for opsøgende arbejde er leveret"
fact antal_besøg: integer "Besøg i alt" label "antal besøg"
metric besøg_pr_uge = antal_besøg / 52 "Besøg pr. uge"
goal 1 "Opsøgende arbejde" { score opsøgende_model and besøg_pr_uge >= 2 -> 100%; else -> 0% }
"""


def test_check_warns_once_for_each_name_a_report_will_show_without_a_label() -> None:
    warned = [(p.code, dict(p.params)["name"]) for p in rk.loads(UNLABELLED).warnings]
    assert warned == [("label.fact", "opsøgende_model"), ("label.metric", "besøg_pr_uge")]
    hint = str(rk.loads(UNLABELLED).warnings[0].hint)
    assert 'fact opsøgende_model: bool "Model for opsøgende arbejde er leveret" label "opsøgende model"' in hint


@pytest.mark.parametrize(("declared", "said"), [
    # Both were taken: explanations read "x = 1: at least x (1)", or "m = 1" for the value of n.
    ('fact n: integer label "x"\nfact m: integer label "x"\n', '`m` would be shown as "x", which reads as `n`'),
    ('fact n: integer label "m"\nfact m: integer label "n"\n', '`n` would be shown as "m", which reads as `m`'),
    ('fact n: integer\nfact m: integer label "n"\n', '`m` would be shown as "n", which reads as `n`'),
])
def test_two_names_shown_by_the_same_words_are_a_load_error(declared: str, said: str) -> None:
    found = [p for p in problems(declared + 'goal 1 "g" { score n >= m -> 100% }\n') if p.is_error]
    assert {p.code for p in found} == {"label.taken"} and found[0].message.startswith(said)
    assert rk.loads('fact n: integer label "n"\nfact m: integer label "M"\ngoal 1 "g" { score n >= m -> 100% }\n')


def test_reports_and_explanations_show_labels_where_they_showed_names() -> None:
    labelled = UNLABELLED.replace('leveret"', 'leveret" label "opsøgende model"').replace(
        '"Besøg pr. uge"', '"Besøg pr. uge" label "besøg pr. uge"')
    contract = rk.loads(labelled)
    assert contract.warnings == ()
    goal = contract.evaluate({"opsøgende_model": True, "antal_besøg": 130}).goals["1"]
    for language in (ENGLISH, DANISH):
        said = goal.explain(language)
        assert "opsøgende model" in said and "besøg pr. uge" in said and "antal besøg" in said, said
        assert "_" not in said, said


def test_the_contracts_language_is_what_commands_speak_unless_lang_says_otherwise(rk: Rk, tmp_path: object) -> None:
    import pathlib

    folder = pathlib.Path(str(tmp_path))
    (folder / "c.rk").write_text('contract "K" { language "da" }\n' + CREDIT, encoding="utf-8")
    (folder / "f.json").write_text('{"beløb": -9000}', encoding="utf-8")
    assert "Fordeling af Tilbagebetaling" in rk("eval", folder / "c.rk", folder / "f.json").stdout
    assert "Split of Tilbagebetaling" in rk("eval", folder / "c.rk", folder / "f.json", "--lang", "en").stdout
    assert [p.code for p in problems('contract "K" { language "fr" }\n')] == ["header.language"]


def test_a_comparison_writes_money_in_its_own_currency() -> None:
    from resultkontrakt.comparisons.compare import compare
    from resultkontrakt.comparisons.tables import comparison_text

    contract = rk.loads('contract "K" { period 2015-01-01 .. 2016-12-31 each year }\n'
                        'fact krav: money GBP label "claims"\n'
                        'goal 1 "Claims" { score krav >= 1 mio GBP -> 100%; krav >= 0 GBP -> 50% }\n')
    comparison = compare([(contract, {"period": 2015, "krav": 900_000}), (contract, {"period": 2016, "krav": 1_200_000})])
    said = comparison_text(comparison, ENGLISH)
    assert "£900,000" in said and "£1,200,000" in said and "+£300,000" in said, said


def test_rk_check_says_a_contracts_warnings_in_its_own_language(rk: Rk, tmp_path: object) -> None:
    import pathlib

    folder = pathlib.Path(str(tmp_path))
    (folder / "da.rk").write_text('contract "K" { language "da" }\nfact a: number label "a"\n', encoding="utf-8")
    (folder / "en.rk").write_text('fact a: number label "a"\n', encoding="utf-8")
    run = rk("check", folder / "da.rk", folder / "en.rk")
    assert "advarsel: faktum `a` er erklæret" in run.stderr and "warning: fact `a` is declared" in run.stderr
    assert "warning: fact `a`" in rk("check", folder / "da.rk", "--lang", "en").stderr
    assert [p.code for p in problems('contract "K" { currency EUR currency GBP }\n')] == ["header.twice"]
    assert [p.code for p in problems('fact a: number label " "\n') if p.is_error] == ["label.empty"]


def test_a_credit_note_may_be_written_out_and_is_formatted_back_the_same() -> None:
    from resultkontrakt.editor.fmt import format_text

    text = ('split k "Kreditnota" { total -9000 kr installments 3 shares { Nord 1 Syd 2 } }\n'
            'example "e" { expect split k "Nord" = -3000, split k "Syd" = -6000 }\n')
    contract = rk.loads(text)
    assert [outcome.failures for outcome in run_examples(contract)] == [()]
    assert dict(contract.split("k")) == {"Nord": -3000, "Syd": -6000}
    assert rk.loads(format_text(text)).module == contract.module


def test_rk_split_of_a_total_in_pounds_works_it_out_in_pounds() -> None:
    allocation = rk.loads(FUND).split("fordeling", {"krav": 300_000, "gebyr": 1, "kurs": 7})
    assert allocation.currency == "GBP" and dict(allocation) == {"Nord": 100_000, "Syd": 200_000}
    assert allocation.explain().startswith("Outcome payments by partner: 300,000\u00a0GBP split by weight")
    with pytest.raises(rk.FactsError) as error:
        rk.loads(FUND).split("fordeling", {"gebyr": 1, "kurs": 7})
    assert "Outcome payments by partner:" not in error.value.problems[0].message


@pytest.mark.parametrize("written", ["rate kr per EUR", "rate DKK per EUR"])
def test_a_rate_fact_may_name_kroner_as_kr_or_dkk(written: str) -> None:
    contract = rk.loads(f'fact kurs: {written}\nfact gebyr: money EUR\n'
                        'metric i_kroner = convert(gebyr, kurs)\n'
                        'goal 1 "g" { score i_kroner >= 746 kr -> 100%; else -> 0% }')
    assert str(contract.module.facts[0].type) == "rate DKK per EUR"
    assert contract.evaluate({"kurs": Fraction("7.46"), "gebyr": 100}).goals["1"].fulfilment == 1


def test_a_rate_in_thousands_is_refused_with_the_spelling_to_use() -> None:
    with pytest.raises(rk.ContractError, match="a rate is given per one whole of a currency"):
        rk.loads("fact kurs: rate tkr per EUR")


def test_a_record_field_of_money_is_in_the_contracts_currency_unless_it_names_its_own() -> None:
    contract = rk.loads('contract "c" { currency GBP }\n'
                        'fact krav: list of record { beløb: money, gebyr: money EUR }')
    fact = contract.module.facts[0]
    assert str(fact.type) == "list of record {beløb: money GBP, gebyr: money EUR}"
    assert [field.type.currency_code for field in fact.fields] == ["GBP", "EUR"]
