@kim @command @open-questions
Feature: Open questions: what the reports do not say, the engine does not guess
  An answer that turns on a fact the case file lacks is neither yes nor no: it is unknown
  (`holds: null` in the decision record), and it names the fact that would settle it. The
  reports say the complainant was a male member of the embassy's staff, but not which
  category of staff, nor his nationality: whether he too was protected as a witness
  (VCDR arts. 31(2) and 37) cannot be answered from them. Such answers are listed after the
  answers, under "Open questions", just before what each State can do next.

  Background:
    Given the Kim case as the reports tell it

  @vcdr-31-2 @vcdr-1-c @vcdr-37 @vcdr-38
  Scenario: The complainant's category of staff is an open question
    When we ask what applied on 1 December 2017
    Then the printed answers have a section "Open questions"
    And that section lists whether the complainant could be compelled to give evidence in New Zealand, needing "the complainant's category of staff"
    And in the decision record that answer holds neither yes nor no, and names what it needs
    And in the decision record that answer is listed among the unknowns
    And in the decision record Kim's immunity from New Zealand's criminal jurisdiction is not among the unknowns
    And the printed answers end with what each State can do next, then the reports cited

  @vcdr-31-2 @vcdr-37-2 @vcdr-37-3
  Scenario Outline: Supplying the missing fact settles the question
    When we ask what would have applied on 1 December 2017 if the complainant had been reported as a member of the <category> and a national of Korea
    Then whether the complainant could be compelled to give evidence in New Zealand changes from unknown to <answer>, by the rule <rule>

    Examples:
      | category                           | answer | rule              |
      | diplomatic staff                   | no     | vcdr.31-2.witness |
      | administrative and technical staff | no     | vcdr.31-2.witness |
      | service staff                      | yes    | vcdr.37-3.witness |
