"""Small cells of public aggregates are hidden, and cannot be worked out from a total."""
from portal.domain.disclosure import MIN_CELL, Cell, cell, suppress, table, total


def test_counts_below_five_people_are_hidden_and_five_is_shown():
    assert MIN_CELL == 5
    assert [cell(n).hidden for n in (0, 1, 4, 5, 120)] == [True, True, True, False, False]
    assert cell(5) == Cell(5, False)
    assert cell(None).hidden


def test_a_value_other_than_the_count_follows_the_people_behind_it():
    assert cell(3, value=27.5) == Cell(None, True)  # 27.5 person-months of 3 people: hidden
    assert cell(6, value=27.5) == Cell(27.5, False)


def test_one_hidden_cell_with_a_shown_total_hides_the_next_smallest():
    cells = table({"employment": 12, "apprenticeship": 3, "work_trial": 7})
    assert cells["apprenticeship"].hidden
    assert cells["work_trial"].hidden  # else 22 - 12 - 7 would give the 3 away
    assert cells["employment"].value == 12


def test_two_hidden_cells_need_no_more_and_without_a_total_one_is_enough():
    cells = table({"a": 2, "b": 3, "c": 40})
    assert cells["a"].hidden and cells["b"].hidden and cells["c"].value == 40
    alone = table({"a": 2, "b": 9, "c": 40}, total_shown=False)
    assert alone["a"].hidden and alone["b"].value == 9


def test_the_total_itself_is_hidden_when_small():
    assert total({"a": 1, "b": 2}).hidden
    assert total({"a": 3, "b": 2}).value == 5


def test_parts_of_several_shown_totals_are_suppressed_until_none_can_be_worked_out():
    people = {"all": 30, "buyer": 30, "s1": 6, "s2": 2, "c1": 6, "c2": 2, "s3": 22}
    hidden = suppress(people, [("all", ["buyer"]), ("all", ["s1", "s2", "s3"]), ("buyer", ["c1", "c2"])])
    assert hidden == {"s2", "s1", "c2", "c1"}  # s1 joins s2 (all - s3 - s1), c1 joins c2 (buyer - c1)
    assert suppress({"t": 3, "a": 1, "b": 2}, [("t", ["a", "b"])]) == {"t", "a", "b"}  # a hidden total needs nothing
    assert suppress({"t": 20, "a": 2, "b": 3, "c": 15}, [("t", ["a", "b", "c"])]) == {"a", "b"}
