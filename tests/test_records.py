"""Lists of records: one row per claim, trip or outcome, each with named fields."""

from __future__ import annotations

import pytest

import resultkontrakt as rk
from resultkontrakt.core.values import DATE, LIST, RECORD, TEXT
from resultkontrakt.core.wording import DANISH
from resultkontrakt.editor.fmt import format_text
from resultkontrakt.words.explain import formula_words

CLAIMS = '''\
fact krav: list of record {
    deltager: text  # who
    resultat: one of {"bolig_3m", "bolig_12m"}
    # when it was evidenced
    dato: date
    beløb: number in 0 .. 10
} "One row per outcome claimed"
'''


def test_a_record_type_holds_its_fields_in_written_order() -> None:
    fact = rk.loads(CLAIMS).module.facts[0]
    assert fact.type.kind == LIST and fact.type.element is not None
    record = fact.type.element
    assert record.kind == RECORD
    assert [name for name, _ in record.fields or ()] == ["deltager", "resultat", "dato", "beløb"]
    assert record.field("dato") is not None and record.field("dato").kind == DATE  # type: ignore[union-attr]
    assert record.field("resultat").choices == ("bolig_3m", "bolig_12m")  # type: ignore[union-attr]
    assert record.field("nope") is None
    assert record.field_index("dato") == 2
    assert [field.name for field in fact.fields] == ["deltager", "resultat", "dato", "beløb"]
    assert fact.fields[0].type.kind == TEXT and fact.fields[3].range is not None


def test_fields_may_be_written_on_one_line_with_commas() -> None:
    one_line = rk.loads('fact k: list of record { a: text, b: integer in 0 .. 5, c: date }')
    assert str(one_line.module.facts[0].type) == "list of record {a: text, b: integer, c: date}"


@pytest.mark.parametrize("text, expected", [
    ("fact z: record { a: text }", "a record stands only in a list"),
    ("fact z: list of record { a: text, a: number }", "the field `a` is declared twice"),
    ("fact z: list of record { a: text in 0 .. 1 }", "a range only fits a number"),
    ("fact z: list of record { a: number in 5 .. 1 }", "low bound is above its high bound"),
])
def test_a_record_declared_wrong_is_refused_at_the_place_it_is_written(text: str, expected: str) -> None:
    with pytest.raises(rk.ContractError) as error:
        rk.loads(text)
    assert expected in str(error.value)


def test_a_record_fact_keeps_its_layout_and_comments_when_formatted() -> None:
    formatted = format_text(CLAIMS, "<claims>")
    assert formatted == CLAIMS
    squeezed = 'fact krav: list of record {deltager: text, dato: date} "Claims"\n'
    assert format_text(squeezed, "<claims>") == (
        'fact krav: list of record {\n    deltager: text\n    dato: date\n} "Claims"\n')


def test_a_long_list_made_from_rows_keeps_its_description_and_label_when_formatted() -> None:
    text = ('fact krav: list of record { deltager: text, resultat: one of {"a", "b"} } label "krav"\n'
            'metric takster = {"a": 1500 GBP, "b": 2500 GBP} label "takster"\n'
            "metric pr_person = [min(15000 GBP, sum(takster[k.resultat] for k in krav where k.deltager = d))"
            " for d in distinct(k.deltager for k in krav)]\n"
            '    "Optjent pr. ung, højst 15.000 GBP" label "optjent pr. ung"\n')
    formatted = format_text(text, "<rows>")
    assert '    "Optjent pr. ung, højst 15.000 GBP" label "optjent pr. ung"\n' in formatted
    assert "                    for d in distinct(k.deltager for k in krav)]\n" in formatted
    assert format_text(formatted, "<rows>") == formatted


def test_a_ceiling_per_participant_is_explained_by_the_rate_card_over_every_claim() -> None:
    contract = rk.loads('''contract "c" { currency GBP }
fact krav: list of record { deltager: text, resultat: one of {"bolig", "job"} } "Claims" label "claims"
metric takster = {"bolig": 1500 GBP, "job": 4000 GBP} "Rate card" label "rate"
metric pr_person = [min(5000 GBP, sum(takster[k.resultat] for k in krav where k.deltager = d))
                    for d in distinct(k.deltager for k in krav)] "Per person" label "per person"
payment betaling "Payment" = sum(pr_person)
goal 1 "g" { score sum(pr_person) >= 1 GBP -> 100%; else -> 0% }
''')
    rows = [{"deltager": "A", "resultat": "bolig"}, {"deltager": "A", "resultat": "job"},
            {"deltager": "B", "resultat": "bolig"}, {"deltager": "B", "resultat": "bolig"}]
    payment = contract.evaluate({"krav": rows}).payments["betaling"]
    assert payment.amount == 5000 + 3000  # A: 5500 capped at 5000; B: 3000
    said = payment.explain()
    assert "bolig: 3 × £1,500 = £4,500; job: 1 × £4,000 = £4,000" in said
    assert "1 of 2 rows capped at £5,000, by £500 in all" in said


def test_a_count_of_rows_and_a_rows_field_are_said_by_their_labels_never_by_the_bound_name() -> None:
    contract = rk.loads('''fact udgåede: list of record {
    årsag: one of {"operatør", "vejr"} label "årsag"
    minutter: integer label "minutter"
} "Cancelled trips" label "udgåede ture"
metric takst = {"operatør": 500 kr, "vejr": 0 kr} "Penalty per trip" label "bod pr. tur"
payment bod "Bod" = 500 kr * count(t in udgåede where t.årsag = "operatør")
payment minutter_i_alt "Minutter" = 1 kr * sum(t.minutter for t in udgåede)
goal 1 "g" { score count(t in udgåede where t.årsag = "vejr") = 0 -> 100%; else -> 0% }
''')
    result = contract.evaluate({"udgåede": [{"årsag": "operatør", "minutter": 30},
                                            {"årsag": "vejr", "minutter": 12}]})
    words = DANISH.labelled(contract.analysis.labels)
    bod = formula_words(contract.module.payments[0].expr, words)
    assert bod == '500\u00a0kr. × (antallet af udgåede ture, hvor årsag er "operatør")'
    minutter = formula_words(contract.module.payments[1].expr, words)
    assert minutter == "1\u00a0kr. × (summen af minutter, for hver række i udgåede ture)"
    assert " t." not in bod + minutter and "(t " not in bod + minutter
    assert result.payments["bod"].amount == 500


def test_a_long_table_and_a_long_one_of_are_filled_onto_lines_under_their_first_entry() -> None:
    choices = ", ".join(f'"outcome {n}"' for n in range(12))
    entries = ", ".join(f'"outcome {n}": {1000 + n} GBP' for n in range(12))
    text = (f'fact krav: list of record {{ resultat: one of {{{choices}}} label "resultat" }}\n'
            f'metric takster = {{{entries}}} "Rate card" # the prices\n')
    formatted = format_text(text, "<long>")
    lines = formatted.splitlines()
    assert max(len(line.partition("  #")[0]) for line in lines) <= 100
    assert lines[1].startswith('    resultat: one of {"outcome 0", ')
    assert lines[2].startswith(' ' * len('    resultat: one of {') + '"outcome ')
    table = [line for line in lines if line.startswith("metric takster = {")]
    assert table and lines[lines.index(table[0]) + 1].startswith(" " * len("metric takster = {") + '"')
    assert '    "Rate card"' in lines and formatted.count("# the prices") == 1
    assert format_text(formatted, "<long>") == formatted
    assert rk.loads(formatted).module == rk.loads(text).module
